import { Type, type Static } from '@sinclair/typebox';
import { NestedApplicationSchema } from './application.js';
import { NestedAttachmentSchema } from './attachment.js';
import { DateTime, RemoteData } from './common.js';

const Kind = Type.Optional(Type.String({ description: "The integration's own word for its kind (no enum in Truto)" }));
const Email = Type.Object({ email: Type.String(), type: Kind }, { additionalProperties: false });
const Url = Type.Object({ url: Type.String(), type: Kind }, { additionalProperties: false });

export const CandidateSchema = Type.Object(
  {
    id: Type.String({ description: "The candidate's unique identifier" }),
    first_name: Type.Optional(Type.String()),
    last_name: Type.Optional(Type.String()),
    name: Type.Optional(Type.String({ description: "The user's full name" })),
    company: Type.Optional(Type.String()),
    title: Type.Optional(Type.String()),
    is_private: Type.Optional(Type.Boolean()),
    can_email: Type.Optional(Type.Boolean()),
    last_interaction_at: Type.Optional(DateTime("The candidate's last interaction date")),
    locations: Type.Optional(Type.Array(Type.String())),
    emails: Type.Optional(Type.Array(Email)),
    phones: Type.Optional(
      Type.Array(
        Type.Object(
          {
            number: Type.String({ description: "The candidate's phone number" }),
            extension: Type.Optional(Type.String()),
            type: Kind,
          },
          { additionalProperties: false },
        ),
      ),
    ),
    urls: Type.Optional(Type.Array(Url)),
    tags: Type.Optional(
      Type.Array(
        Type.Object({ id: Type.Optional(Type.String()), name: Type.Optional(Type.String()) }, { additionalProperties: false }),
      ),
    ),
    applications: Type.Optional(Type.Array(NestedApplicationSchema)),
    attachments: Type.Optional(Type.Array(NestedAttachmentSchema)),
    created_at: Type.Optional(DateTime()),
    updated_at: Type.Optional(DateTime()),
    remote_data: Type.Optional(RemoteData),
  },
  { additionalProperties: false },
);
export type Candidate = Static<typeof CandidateSchema>;
