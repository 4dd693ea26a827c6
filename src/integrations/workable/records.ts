import type { NewRecord } from '../../store/records.js';
import { stageSlug } from './ids.js';
import type { WorkableCandidate } from './raw.js';
import type { WorkableActivity } from './shapes/activities.js';
import type { WorkableMember } from './shapes/members.js';

/**
 * How Workable's records are kept in the store: the dates lists filter by (whole seconds, as Workable's own
 * filters compare them), the records each belongs to and the keys it is found by. Seeding and writes both store
 * records through these, so a written record is found exactly as a seeded one.
 */

/** The lookup key `remote_query[email]` finds candidates by, whatever the address's case. */
export const emailKey = (address: string): string => `email:${address.toLowerCase()}`;
/** The lookup key `remote_query[stage]` finds candidates by: Workable names a stage by its slug. */
export const stageKey = (stage: string): string => `stage:${stageSlug(stage)}`;

/** A Workable timestamp (with or without milliseconds) at its whole second, in the store's form. */
const stored = (at: string): string => `${at.slice(0, 19)}.000Z`;

/** A candidate (one person on one job), under its job's shortcode, found by its stage and its address. */
export function candidateRecord(raw: WorkableCandidate): NewRecord {
  const keys = [stageKey(raw.stage)];
  if (raw.email !== null) keys.push(emailKey(raw.email));
  return {
    id: raw.id,
    refs: { job: raw.job.shortcode },
    created_at: stored(raw.created_at),
    updated_at: stored(raw.updated_at),
    keys,
    raw: JSON.stringify(raw),
  };
}

/** An activity, under the candidate it is filed with (the activity itself does not name it). */
export function activityRecord(raw: WorkableActivity, candidateId: string): NewRecord {
  return { id: raw.id, refs: { candidate: candidateId }, created_at: stored(raw.created_at), updated_at: stored(raw.updated_at), raw: JSON.stringify(raw) };
}

/** The keys `/members?name=…&role=…` finds a member by: its full name (whatever its case) and its role. */
export const memberKeys = {
  name: (name: string): string => `name:${name.toLowerCase()}`,
  role: (role: string): string => `role:${role}`,
};

/** A member, found by its name and its role; its dates are Workable timestamps, as the other records here take them. */
export function memberRecord(raw: WorkableMember, createdAt: string, updatedAt: string): NewRecord {
  return {
    id: raw.id,
    created_at: stored(createdAt),
    updated_at: stored(updatedAt),
    keys: [memberKeys.name(raw.name), memberKeys.role(raw.role)],
    raw: JSON.stringify(raw),
  };
}
