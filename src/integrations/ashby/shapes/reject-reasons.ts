import { Type, type Static } from '@sinclair/typebox';
import type { RejectReason } from '../../../model/reject-reason.js';
import { Closed, Literals, remote, Uuid } from './common.js';

/** `archiveReason.list` items (the spec's four keys; embedded in an application they also carry `customFields`). */
export const AshbyArchiveReason = Type.Object(
  { id: Uuid, text: Type.String(), reasonType: Literals(['RejectedByCandidate', 'RejectedByOrg', 'Other']), isArchived: Type.Boolean() },
  Closed,
);
export type AshbyArchiveReason = Static<typeof AshbyArchiveReason>;

/** The name is the reason's `text`, as an application's `reject_reason` is. */
export const archiveReasonToUnified = (raw: AshbyArchiveReason): RejectReason => ({ id: raw.id, name: raw.text, remote_data: remote(raw) });

export const fields = ['id', 'name'] as const;
