import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Ref, RemoteData, StringEnum } from './common.js';

export const AttachmentType = StringEnum(['resume', 'cover_letter', 'other'], { description: "The attachment's type" });

export const AttachmentSchema = Type.Object(
  {
    id: Type.String({ description: "The attachment's unique identifier" }),
    file_name: Type.Optional(Type.String({ description: "The attachment's file_name" })),
    file_url: Type.Optional(Type.String({ description: "The attachment's file_url" })),
    attachment_type: Type.Optional(AttachmentType),
    candidate: Type.Optional(Ref('candidate')),
    application: Type.Optional(Ref('application')),
    job: Type.Optional(Ref('job')),
    created_at: Type.Optional(DateTime("The date and time of the attachment's creation")),
    updated_at: Type.Optional(DateTime("The date and time of the attachment's last update")),
    remote_data: Type.Optional(RemoteData),
  },
  { additionalProperties: false },
);
export type Attachment = Static<typeof AttachmentSchema>;

/** An attachment inside a candidate or an application: only the top-level record carries `remote_data` (CONTRACT §6). */
export const NestedAttachmentSchema = Type.Omit(AttachmentSchema, ['remote_data']);
export type NestedAttachment = Static<typeof NestedAttachmentSchema>;
