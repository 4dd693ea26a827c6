import { refKey, type NewRecord } from '../../store/records.js';
import type { GreenhouseApplication, GreenhouseCandidate } from './raw.js';

/**
 * How Harvest's records are kept in the store: the dates lists filter by, the records each belongs to and the keys
 * it is found by. Seeding and writes both store records through these, so a written record is found exactly as a
 * seeded one.
 */

/** The lookup key `remote_query[email]` finds a candidate by: Harvest matches an address whatever its case. */
export const emailKey = (address: string): string => `email:${address.toLowerCase()}`;

/** A candidate, found by its addresses and by each job it applied to (`jobIds`: its applications' jobs). */
export function candidateRecord(raw: GreenhouseCandidate, jobIds: readonly string[]): NewRecord {
  return {
    id: String(raw.id),
    created_at: raw.created_at,
    updated_at: raw.updated_at,
    // `job:<id>` for each job applied to: the candidates list's job filter is a plain key.
    keys: [...raw.email_addresses.map((e) => emailKey(e.value)), ...jobIds.map((id) => refKey('job', id))],
    raw: JSON.stringify(raw),
  };
}

/** An application, under its candidate and its job; its `updated_at` is Harvest's `last_activity_at`. */
export function applicationRecord(raw: GreenhouseApplication): NewRecord {
  return {
    id: String(raw.id),
    refs: { candidate: String(raw.candidate_id), job: String(raw.jobs[0]!.id) },
    created_at: raw.applied_at,
    updated_at: raw.last_activity_at,
    raw: JSON.stringify(raw),
  };
}
