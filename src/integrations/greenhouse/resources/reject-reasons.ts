import type { RejectReason } from '../../../model/reject-reason.js';
import { harvestResource } from '../api.js';
import { fields, GreenhouseRejectionReason, rejectReasonToUnified } from '../shapes/reject-reasons.js';

/** `GET /v1/rejection_reasons`: the reasons rejected applications name, no filters. */
export const rejectReasons = harvestResource<RejectReason, GreenhouseRejectionReason>({
  kind: 'reject_reason',
  methods: ['list'],
  fields,
  path: '/rejection_reasons',
  rawSchema: GreenhouseRejectionReason,
  toUnified: ({ raw }) => rejectReasonToUnified(raw),
});
