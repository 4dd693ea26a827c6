import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './common.js';

/**
 * Request bodies of Truto's unified writes, in unified field names (truto-surface §2.1). Every field is optional
 * here: which are required depends on the integration behind the account (Lever's move-stage wants `candidate_id`,
 * Greenhouse's `application_id`), and a missing one is Truto's `missing_required_body_fields` 400, not a schema
 * error. Unknown fields are let through, as Truto lets them through to the remote API.
 */
const RemoteData = Type.Record(Type.String(), Type.Unknown(), {
  description: 'Passed as it is to the integration\'s API, where that API would keep it',
});
const Id = (description: string) => Type.String({ minLength: 1, description });

export const MoveStageBodySchema = Type.Object(
  {
    application_id: Type.Optional(Id('The application to move')),
    stage_id: Type.Optional(Id('The job interview stage to move it to')),
    candidate_id: Type.Optional(Id('The candidate whose application moves (Lever: the opportunity)')),
    user_id: Type.Optional(Id('The user the move is made as')),
    remote_data: Type.Optional(RemoteData),
  },
  { title: 'MoveStageBody' },
);

export const RejectBodySchema = Type.Object(
  {
    application_id: Type.Optional(Id('The application to reject')),
    reason_id: Type.Optional(Id('A reject reason (GET /unified/ats/reject_reasons)')),
    user_id: Type.Optional(Id('The user the rejection is made as, unless the account sets on_behalf_of_user_id')),
    remote_data: Type.Optional(RemoteData),
  },
  { title: 'RejectBody' },
);

export const CandidateCreateBodySchema = Type.Object(
  {
    first_name: Type.Optional(Type.String()),
    last_name: Type.Optional(Type.String()),
    title: Type.Optional(Type.String()),
    company: Type.Optional(Type.String()),
    locations: Type.Optional(Type.Array(Type.String())),
    phones: Type.Optional(
      Type.Array(Type.Object({ number: Type.String(), extension: Type.Optional(Type.String()), type: Type.Optional(Type.String()) })),
    ),
    emails: Type.Optional(Type.Array(Type.Object({ email: Type.String(), type: Type.Optional(Type.String()) }))),
    links: Type.Optional(Type.Array(Type.String(), { description: 'Web links (Lever keeps them as plain strings)' })),
    tags: Type.Optional(Type.Array(Type.String())),
    remote_data: Type.Optional(RemoteData),
  },
  { title: 'CandidateCreateBody' },
);

export const ActivityCreateBodySchema = Type.Object(
  {
    candidate_id: Type.Optional(Id('The candidate the note is about')),
    body: Type.Optional(Type.String({ description: 'The note\'s text' })),
    visibility: Type.Optional(StringEnum(['private', 'public', 'admin_only'], { description: 'Who may read it' })),
    created_at: Type.Optional(Type.String({ description: 'When the note was written (ISO 8601); default: now' })),
    remote_data: Type.Optional(RemoteData),
  },
  { title: 'ActivityCreateBody' },
);

/** What a multipart upload carries beside its file (form fields are strings). */
export const AttachmentCreateFieldsSchema = Type.Object(
  {
    candidate_id: Type.Optional(Id('The candidate the file belongs to (Lever: the opportunity)')),
    file_name: Type.Optional(Type.String({ minLength: 1 })),
    type: Type.Optional(Type.String()),
  },
  { title: 'AttachmentCreateFields' },
);

export const DownloadBodySchema = Type.Object({ remote_data: Type.Optional(RemoteData) }, { title: 'DownloadBody' });

export type MoveStageBody = Static<typeof MoveStageBodySchema>;
export type RejectBody = Static<typeof RejectBodySchema>;
export type CandidateCreateBody = Static<typeof CandidateCreateBodySchema>;
export type ActivityCreateBody = Static<typeof ActivityCreateBodySchema>;
export type AttachmentCreateFields = Static<typeof AttachmentCreateFieldsSchema>;

/** A file part of a multipart upload, as the route read it. */
export interface UploadedFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}
