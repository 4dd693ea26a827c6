import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Ref, RemoteData, StringEnum } from './common.js';

const Address = Type.Object(
  {
    email: Type.Optional(Type.String({ description: 'The email address' })),
    name: Type.Optional(Type.String({ description: "The address owner's name" })),
  },
  { additionalProperties: false },
);

export const ActivitySchema = Type.Object(
  {
    id: Type.String({ description: "The activity's unique identifier" }),
    candidate: Type.Optional(Ref('candidate')),
    actor: Type.Optional(
      Type.Object(
        {
          id: Type.String({ description: 'Unique identifier of the actor' }),
          type: Type.Optional(StringEnum(['user', 'candidate'], { description: 'Whether the actor is a user or the candidate' })),
        },
        { description: 'Who performed the activity', additionalProperties: false },
      ),
    ),
    activity_type: Type.Optional(StringEnum(['note', 'email'], { description: "The activity's type" })),
    from: Type.Optional(Type.Array(Address, { description: 'The email senders' })),
    to: Type.Optional(Type.Array(Address, { description: 'The email recipients' })),
    cc: Type.Optional(Type.Array(Address, { description: 'The email copy recipients' })),
    subject: Type.Optional(Type.String({ description: "The activity's subject" })),
    body: Type.Optional(Type.String({ description: "The activity's body" })),
    visibility: Type.Optional(StringEnum(['private', 'public', 'admin_only'], { description: "The activity's visibility" })),
    created_at: Type.Optional(DateTime("The date and time of the activity's creation")),
    updated_at: Type.Optional(DateTime("The date and time of the activity's last update")),
    remote_data: Type.Optional(RemoteData),
  },
  { additionalProperties: false },
);
export type Activity = Static<typeof ActivitySchema>;
