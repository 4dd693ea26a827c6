import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Ref, RemoteData } from './common.js';

export const OfficeSchema = Type.Object(
  {
    id: Type.String({ description: "The office's unique identifier" }),
    name: Type.Optional(Type.String({ description: "The office's name" })),
    parent: Type.Optional(Ref('parent office')),
    location: Type.Optional(Type.String({ description: "The office's location" })),
    is_remote: Type.Optional(Type.Boolean({ description: 'Whether the office is remote' })),
    created_at: Type.Optional(DateTime("The date and time of the office's creation")),
    updated_at: Type.Optional(DateTime("The date and time of the office's last update")),
    remote_data: Type.Optional(RemoteData),
  },
  { additionalProperties: false },
);
export type Office = Static<typeof OfficeSchema>;
