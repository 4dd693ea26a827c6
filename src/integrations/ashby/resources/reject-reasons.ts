import type { RejectReason } from '../../../model/reject-reason.js';
import { ashbyResource } from '../api.js';
import { AshbyArchiveReason, archiveReasonToUnified, fields } from '../shapes/reject-reasons.js';

/** `archiveReason.list` (`includeArchived`): no sync token in its answer. */
export const rejectReasons = ashbyResource<RejectReason, AshbyArchiveReason>({
  kind: 'archive_reason',
  methods: ['list'],
  fields,
  list: 'archiveReason.list',
  sync: false,
  rawSchema: AshbyArchiveReason,
  toUnified: ({ raw }) => archiveReasonToUnified(raw),
});
