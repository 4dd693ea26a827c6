import { Type, type Static } from '@sinclair/typebox';
import type { Activity } from '../../../model/activity.js';
import type { WorldActivity, WorldUser } from '../../../seed/world.js';
import { pacific, utc } from '../time.js';
import { remote, Time, Uuid } from './common.js';

/**
 * A note on an applicant: `GET /v2/applicants/{id}/notes` → `{ "notes": [...] }` (developer.fountain.com's List
 * Notes for Applicant; the gem's note). Notes are Fountain's only readable activity: it keeps no emails.
 */
export const FountainNote = Type.Object(
  {
    id: Uuid,
    content: Type.String(),
    created_at: Time,
    updated_at: Time,
    user: Type.Object({ name: Type.String(), email: Type.String(), id: Uuid }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type FountainNote = Static<typeof FountainNote>;

export const FountainNoteList = Type.Object({ notes: Type.Array(FountainNote) }, { additionalProperties: false });

export function toFountainNote(a: WorldActivity, id: string, author: WorldUser, authorId: string): FountainNote {
  return {
    id,
    content: a.body,
    created_at: pacific(a.createdAt),
    updated_at: pacific(a.createdAt),
    user: { name: `${author.firstName} ${author.lastName}`, email: author.email, id: authorId },
  };
}

export const fields = ['id', 'candidate.id', 'actor.id', 'actor.type', 'activity_type', 'body', 'created_at', 'updated_at'] as const;

/** A note names its author but not its applicant: Truto knows the applicant from the call. */
export const noteToUnified = (raw: FountainNote, applicantId: string): Activity => ({
  id: raw.id,
  candidate: { id: applicantId },
  actor: { id: raw.user.id, type: 'user' },
  activity_type: 'note',
  body: raw.content,
  created_at: utc(raw.created_at),
  updated_at: utc(raw.updated_at),
  remote_data: remote(raw),
});
