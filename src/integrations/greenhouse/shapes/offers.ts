import { Type, type Static } from '@sinclair/typebox';
import type { Offer } from '../../../model/offer.js';
import { iso } from '../../../seed/reference-time.js';
import type { World, WorldCandidate, WorldOffer } from '../../../seed/world.js';
import { ids } from '../ids.js';
import { Fields, HarvestDate, HarvestDay, Id, Nullable, applicationId, applicationOf, candidateId, remote } from './common.js';
import { GreenhouseOpening, toHarvestOpening } from './jobs.js';

/** `GET /v1/offers`, `GET /v1/applications/{id}/offers`, `…/offers/current_offer`, `GET /v1/offers/{id}`. */
export const GreenhouseOffer = Type.Object(
  {
    id: Id,
    version: Type.Integer(),
    application_id: Id,
    created_at: HarvestDate,
    updated_at: HarvestDate,
    sent_at: Nullable(HarvestDay),
    resolved_at: Nullable(HarvestDate),
    starts_at: Nullable(HarvestDay),
    status: Type.Union(['unresolved', 'accepted', 'rejected', 'deprecated'].map((s) => Type.Literal(s))),
    job_id: Id,
    candidate_id: Id,
    opening: Nullable(GreenhouseOpening),
    custom_fields: Fields,
    keyed_custom_fields: Fields,
  },
  { additionalProperties: false },
);
export type GreenhouseOffer = Static<typeof GreenhouseOffer>;

const day = (ms: number) => iso(ms).slice(0, 10);
/** Harvest keeps offers open as `unresolved` until the candidate answers, sent or not. */
const HARVEST_STATUS = { draft: 'unresolved', sent: 'unresolved', accepted: 'accepted', declined: 'rejected', deprecated: 'deprecated' } as const;

/** Harvest's offer names no creator (`WorldOffer.creatorN` has nowhere to go). */
export function toHarvestOffer(offer: WorldOffer, candidate: WorldCandidate, world: World): GreenhouseOffer {
  const application = applicationOf(candidate, offer.applicationN);
  const job = world.jobs[application.jobN - 1];
  if (!job || job.n !== application.jobN) throw new Error(`the world has no job ${application.jobN}`);
  return {
    id: Number(ids.offer(offer.n)),
    version: offer.version,
    application_id: Number(applicationId(application)),
    created_at: iso(offer.createdAt),
    updated_at: iso(offer.updatedAt),
    sent_at: offer.sentAt === null ? null : day(offer.sentAt),
    resolved_at: offer.resolvedAt === null ? null : iso(offer.resolvedAt),
    starts_at: day(offer.startDate),
    status: HARVEST_STATUS[offer.status],
    job_id: Number(ids.job(job.n)),
    candidate_id: Number(candidateId(candidate)),
    opening: toHarvestOpening(job),
    custom_fields: {},
    keyed_custom_fields: {},
  };
}

/**
 * Status: an unresolved offer is `sent` once it has a `sent_at`, else `draft`; `accepted` → `signed`,
 * `rejected` → `denied`, `deprecated` stays. `sent_at` (a day in Harvest) becomes that day's midnight UTC;
 * `start_date` keeps Harvest's day string; `closed_at` is `resolved_at`.
 */
export function offerToUnified(raw: GreenhouseOffer): Offer {
  const status =
    raw.status === 'unresolved' ? (raw.sent_at === null ? 'draft' : 'sent')
    : raw.status === 'accepted' ? 'signed'
    : raw.status === 'rejected' ? 'denied'
    : 'deprecated';
  return {
    id: String(raw.id),
    application: { id: String(raw.application_id) },
    candidate: { id: String(raw.candidate_id) },
    job: { id: String(raw.job_id) },
    ...(raw.resolved_at !== null ? { closed_at: raw.resolved_at } : {}),
    ...(raw.sent_at !== null ? { sent_at: `${raw.sent_at}T00:00:00.000Z` } : {}),
    ...(raw.starts_at !== null ? { start_date: raw.starts_at } : {}),
    status,
    created_at: raw.created_at,
    updated_at: raw.updated_at,
    remote_data: remote(raw),
  };
}

export const fields = [
  'id', 'application.id', 'candidate.id', 'job.id', 'closed_at', 'sent_at', 'start_date', 'status', 'created_at', 'updated_at',
] as const;
