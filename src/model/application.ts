import { Type, type Static } from '@sinclair/typebox';
import { NestedAttachmentSchema } from './attachment.js';
import { DateTime, Ref, RemoteData } from './common.js';

export const ApplicationSchema = Type.Object(
  {
    id: Type.String({ description: "The application's unique identifier" }),
    candidate: Type.Optional(Ref('candidate')),
    job: Type.Optional(Ref('job')),
    applied_at: Type.Optional(DateTime('The date and time of the application')),
    rejected_at: Type.Optional(DateTime('The date and time of the application\'s rejection')),
    reject_reason: Type.Optional(Type.String({ description: "The application's reject_reason" })),
    source: Type.Optional(
      Type.Object(
        { id: Type.Optional(Type.String()), name: Type.Optional(Type.String()) },
        { description: "The application's source", additionalProperties: false },
      ),
    ),
    credited_to: Type.Optional(
      Type.Object(
        {
          id: Type.String({ description: 'Unique identifier of the user' }),
          first_name: Type.Optional(Type.String()),
          last_name: Type.Optional(Type.String()),
          emails: Type.Optional(
            Type.Array(
              Type.Object(
                {
                  email: Type.String(),
                  type: Type.Optional(Type.String()),
                  is_primary: Type.Optional(Type.Boolean()),
                },
                { additionalProperties: false },
              ),
            ),
          ),
        },
        { description: "The application's credited_to", additionalProperties: false },
      ),
    ),
    current_stage: Type.Optional(
      Type.Object(
        {
          id: Type.String(),
          name: Type.Optional(Type.String()),
          job: Type.Optional(Ref('job')),
          created_at: Type.Optional(DateTime()),
          updated_at: Type.Optional(DateTime()),
        },
        { description: "The application's current_stage", additionalProperties: false },
      ),
    ),
    attachments: Type.Optional(Type.Array(NestedAttachmentSchema)),
    created_at: Type.Optional(DateTime("The date and time of the application's creation")),
    updated_at: Type.Optional(DateTime("The date and time of the application's last update")),
    remote_data: Type.Optional(RemoteData),
  },
  { additionalProperties: false },
);
export type Application = Static<typeof ApplicationSchema>;

/** An application inside a candidate: only the top-level record carries `remote_data` (CONTRACT §6). */
export const NestedApplicationSchema = Type.Omit(ApplicationSchema, ['remote_data']);
export type NestedApplication = Static<typeof NestedApplicationSchema>;
