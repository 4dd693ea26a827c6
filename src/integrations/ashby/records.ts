import type { NewRecord } from '../../store/records.js';
import type { AshbyApplication, AshbyCandidate, AshbyUser } from './raw.js';
import type { AshbyNote } from './shapes/activities.js';

/**
 * How Ashby's records are kept in the store: the dates lists filter by, the records each belongs to and the keys it
 * is found by. Seeding and writes both store records through these, so a written record is found exactly as a
 * seeded one. `text`: the record's JSON when the caller already has it (seeding serializes shared parts once).
 */

/** `candidate.search` finds by email (whatever its case) or by name; these are the store's lookup keys for them. */
export const emailKey = (address: string): string => `email:${address.toLowerCase()}`;
export const nameKey = (name: string): string => `name:${name.trim().toLowerCase()}`;

/**
 * A user, found by its role: writes made with the API key (a note's author) are made as the key's owner, the
 * organization's admin.
 */
export const roleKey = (globalRole: string): string => `globalRole:${globalRole}`;

export function userRecord(raw: AshbyUser, createdAt: string): NewRecord {
  return { id: raw.id, created_at: createdAt, updated_at: raw.updatedAt, keys: [roleKey(raw.globalRole)], raw: JSON.stringify(raw) };
}

/** A candidate, found by each of its addresses and by its name. */
export function candidateRecord(raw: AshbyCandidate, text = JSON.stringify(raw)): NewRecord {
  return {
    id: raw.id,
    created_at: raw.createdAt,
    updated_at: raw.updatedAt,
    keys: [...raw.emailAddresses.map((e) => emailKey(e.value)), nameKey(raw.name)],
    raw: text,
  };
}

/** An application, under its candidate and its job. */
export function applicationRecord(raw: AshbyApplication, text = JSON.stringify(raw)): NewRecord {
  return {
    id: raw.id,
    refs: { candidate: raw.candidate.id, job: raw.job.id },
    created_at: raw.createdAt,
    updated_at: raw.updatedAt,
    raw: text,
  };
}

/** A note, under the candidate `candidate.listNotes` reads it of (the note itself does not name its candidate). */
export function noteRecord(raw: AshbyNote, candidateId: string): NewRecord {
  return { id: raw.id, refs: { candidate: candidateId }, created_at: raw.createdAt, updated_at: raw.createdAt, raw: JSON.stringify(raw) };
}
