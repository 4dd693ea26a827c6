import { Type, type Static } from '@sinclair/typebox';
import type { Activity } from '../../../model/activity.js';
import { AshbyDate, Closed, remote, Uuid } from './common.js';

/** `candidate.listNotes` items (the spec's keys, and `isPrivate` as `candidate.createNote` answers it live). */
export const AshbyNote = Type.Object(
  {
    id: Uuid,
    createdAt: AshbyDate,
    isPrivate: Type.Boolean(),
    content: Type.String(),
    author: Type.Object({ id: Uuid, firstName: Type.String(), lastName: Type.String(), email: Type.String() }, Closed),
  },
  Closed,
);
export type AshbyNote = Static<typeof AshbyNote>;

/** Notes only: Ashby's API lists no candidate emails. The candidate is the one Truto read the notes of. */
export function noteToUnified(raw: AshbyNote, candidateId: string): Activity {
  return {
    id: raw.id,
    candidate: { id: candidateId },
    actor: { id: raw.author.id, type: 'user' },
    activity_type: 'note',
    body: raw.content,
    visibility: raw.isPrivate ? 'private' : 'public',
    created_at: raw.createdAt,
    remote_data: remote(raw),
  };
}

export const fields = ['id', 'candidate.id', 'actor.id', 'actor.type', 'activity_type', 'body', 'visibility', 'created_at'] as const;
