import { Type, type Static } from '@sinclair/typebox';
import type { Activity } from '../../../model/activity.js';
import { BreezyDate, Id, Str, Strict } from './common.js';

/** The acting user Breezy embeds in stream items (its webhook docs: `{_id, email_address, name, profile_photo_url}`). */
export const ActingUser = Type.Object({ _id: Id, email_address: Type.String(), name: Type.String(), profile_photo_url: Str }, Strict);

const Ref = Type.Object({ _id: Id, name: Type.String() }, Strict);

/** A note posted on the candidate (`companyNotePosted`; v3 stream-add docs). */
const NoteObject = Type.Object(
  {
    body: Type.String(),
    attachments: Type.Array(Type.Never()),
    company_id: Id,
    acting_user: ActingUser,
    mentioned: Type.Object({}, Strict),
    position_id: Id,
    position: Ref,
    candidate_id: Id,
    candidate: Ref,
  },
  Strict,
);

/** A message to or from the candidate (the conversation docs' object; the candidate's own have no acting user). */
const MessageObject = Type.Object(
  {
    body: Type.String(),
    subject: Type.String(),
    attachments: Type.Array(Type.Never()),
    candidate_id: Id,
    company_id: Id,
    position_id: Id,
    acting_user: Type.Union([ActingUser, Type.Null()]),
  },
  Strict,
);

/** An item of `GET /v3/company/:c/position/:p/candidate/:id/stream`. */
export const BreezyStreamItem = Type.Union([
  Type.Object({ _id: Id, type: Type.Literal('companyNotePosted'), stream_id: Id, object: NoteObject, timestamp: BreezyDate }, Strict),
  Type.Object(
    {
      _id: Id,
      type: Type.Union([Type.Literal('messageToCandidatePosted'), Type.Literal('messageFromCandidatePosted')]),
      stream_id: Id,
      object: MessageObject,
      timestamp: BreezyDate,
    },
    Strict,
  ),
]);
export type BreezyStreamItem = Static<typeof BreezyStreamItem>;
export type ActingUser = Static<typeof ActingUser>;

export const fields = ['id', 'candidate.id', 'actor.id', 'actor.type', 'activity_type', 'subject', 'body', 'created_at'] as const;

/**
 * Users are not a resource Truto serves for Breezy, so a user's id would resolve to nothing: the actor is given only
 * when it is the candidate (a message from them). Breezy has no visibility on notes and no update date on items.
 */
export function streamItemToUnified(raw: BreezyStreamItem): Activity {
  const candidate = raw.object.candidate_id;
  const common = { id: raw._id, candidate: { id: candidate } };
  const tail = { created_at: raw.timestamp, remote_data: raw as unknown as Record<string, unknown> };
  if (raw.type === 'companyNotePosted') return { ...common, activity_type: 'note', body: raw.object.body, ...tail };
  return {
    ...common,
    ...(raw.type === 'messageFromCandidatePosted' ? { actor: { id: candidate, type: 'candidate' as const } } : {}),
    activity_type: 'email',
    subject: raw.object.subject,
    body: raw.object.body,
    ...tail,
  };
}
