import { Type, type Static } from '@sinclair/typebox';
import { DateTime, RemoteData } from './common.js';

export const UserSchema = Type.Object(
  {
    id: Type.String({ description: "The user's unique identifier" }),
    first_name: Type.Optional(Type.String({ description: "The user's first name" })),
    last_name: Type.Optional(Type.String({ description: "The user's last name" })),
    name: Type.Optional(Type.String({ description: "The user's full name" })),
    emails: Type.Optional(
      Type.Array(
        Type.Object(
          {
            email: Type.String({ description: "The user's email address" }),
            type: Type.Optional(Type.String({ description: "The integration's own word for its kind (no enum in Truto)" })),
            is_primary: Type.Optional(Type.Boolean({ description: 'Whether this is the primary address' })),
          },
          { additionalProperties: false },
        ),
      ),
    ),
    disabled: Type.Optional(Type.Boolean({ description: 'Whether the user is deactivated' })),
    access_role: Type.Optional(Type.String({ description: "The user's access role, in the integration's words (no enum in Truto)" })),
    created_at: Type.Optional(DateTime("The date and time of the user's creation")),
    updated_at: Type.Optional(DateTime("The date and time of the user's last update")),
    remote_data: Type.Optional(RemoteData),
  },
  { additionalProperties: false },
);
export type User = Static<typeof UserSchema>;
