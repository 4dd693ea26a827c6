import { Type, type Static } from '@sinclair/typebox';
import { DateTime, RemoteData } from './common.js';

export const TagSchema = Type.Object(
  {
    id: Type.String({ description: "The tag's unique identifier" }),
    name: Type.Optional(Type.String({ description: "The tag's name" })),
    created_at: Type.Optional(DateTime("The date and time of the tag's creation")),
    updated_at: Type.Optional(DateTime("The date and time of the tag's last update")),
    remote_data: Type.Optional(RemoteData),
  },
  { additionalProperties: false },
);
export type Tag = Static<typeof TagSchema>;
