import { iso } from '../../seed/reference-time.js';
import { refKey, type NewRecord } from '../../store/records.js';
import type { LeverApplication, LeverAttachment, LeverNote, StoredOpportunity } from './raw.js';
import { isResume } from './mapping.js';

/**
 * How Lever's records are kept in the store: the dates lists filter by, the records each belongs to and the keys it
 * is found by. Seeding and writes both store records through these, so a written record is found exactly as a seeded
 * one.
 */

/** Lookup keys for the `remote_query` filters Lever's /opportunities answers by exact match. */
export const keyOf = {
  email: (address: string) => `email:${address.toLowerCase()}`,
  tag: (tag: string) => `tag:${tag}`,
  stage: (id: string) => `stage:${id}`,
  archived: (yes: boolean) => `archived:${yes}`,
  /** A user's `accessRole`, which /users filters by (`access_role`). */
  accessRole: (role: string) => `access_role:${role}`,
  /** A posting's `state`, which /postings filters by. */
  state: (state: string) => `state:${state}`,
};

/** The stored columns of a record whose dates are Lever's epoch milliseconds. */
export function cols(id: string, created: number, updated: number, raw: object): NewRecord {
  return { id, created_at: iso(created), updated_at: iso(updated), raw: JSON.stringify(raw) };
}

/**
 * An opportunity, found by its addresses, tags, stage and archive state, and by each posting it applied to
 * (`postings`: its applications' postings), the candidates list's posting filter being a plain key.
 */
export function opportunityRecord(opp: StoredOpportunity, postings: readonly string[]): NewRecord {
  const keys = [
    ...opp.emails.map(keyOf.email),
    ...opp.tags.map(keyOf.tag),
    keyOf.stage(opp.stage),
    keyOf.archived(opp.archived !== null),
    ...postings.map((id) => refKey('job', id)),
  ];
  return { ...cols(opp.id, opp.createdAt, opp.updatedAt, opp), keys };
}

/** An application, under its opportunity and its posting; Lever keeps no update time of its own for one. */
export function applicationRecord(app: LeverApplication, updatedAt: number): NewRecord {
  return {
    ...cols(app.id, app.createdAt, updatedAt, app),
    refs: { candidate: app.opportunityId, ...(app.posting !== null ? { job: app.posting } : {}) },
  };
}

/** A resume or a file, under its opportunity only: Lever links a file to no application or posting. */
export function attachmentRecord(raw: LeverAttachment, opportunityId: string): NewRecord {
  const at = isResume(raw) ? raw.createdAt : raw.uploadedAt;
  return { ...cols(raw.id, at, at, raw), refs: { candidate: opportunityId } };
}

/** A note, under its opportunity (`GET /opportunities/{id}/notes`). */
export function noteRecord(note: LeverNote, opportunityId: string): NewRecord {
  return { ...cols(note.id, note.createdAt, note.createdAt, note), refs: { candidate: opportunityId } };
}

/** A tag of `GET /tags`, counted over the account's opportunities. */
export function tagRecord(text: string, count: number, createdAt: number): NewRecord {
  return cols(text, createdAt, createdAt, { count, text });
}
