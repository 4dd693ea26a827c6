import { Type, type Static } from '@sinclair/typebox';
import type { RejectReason } from '../../../model/reject-reason.js';
import type { WorldRejectReason } from '../../../seed/world.js';
import { ids } from '../ids.js';
import { Id, remote } from './common.js';

/** `GET /v1/rejection_reasons`; the same object applications embed as `rejection_reason`. */
export const GreenhouseRejectionReason = Type.Object(
  { id: Id, name: Type.String(), type: Type.Object({ id: Id, name: Type.String() }, { additionalProperties: false }) },
  { additionalProperties: false },
);
export type GreenhouseRejectionReason = Static<typeof GreenhouseRejectionReason>;

/** Harvest's three reason types, in the order (and with the ids) the candidate seed already gives them. */
export const REJECTION_TYPES = ['We rejected them', 'They rejected us', 'None specified'] as const;

export function toHarvestRejectionReason(reason: WorldRejectReason): GreenhouseRejectionReason {
  return {
    id: Number(ids.rejectReason(reason.n)),
    name: reason.name,
    type: { id: REJECTION_TYPES.indexOf(reason.type as (typeof REJECTION_TYPES)[number]) + 1, name: reason.type },
  };
}

/** Harvest's reason has no dates; its name is what an application's unified `reject_reason` says. */
export function rejectReasonToUnified(raw: GreenhouseRejectionReason): RejectReason {
  return { id: String(raw.id), name: raw.name, remote_data: remote(raw) };
}

export const fields = ['id', 'name'] as const;
