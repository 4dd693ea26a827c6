import { Type, type Static } from '@sinclair/typebox';
import { DateTime, RemoteData } from './common.js';

export const RejectReasonSchema = Type.Object(
  {
    id: Type.String({ description: "The reject reason's unique identifier" }),
    name: Type.Optional(Type.String({ description: "The reject reason's name (an application's `reject_reason` is this name)" })),
    created_at: Type.Optional(DateTime("The date and time of the reject reason's creation")),
    updated_at: Type.Optional(DateTime("The date and time of the reject reason's last update")),
    remote_data: Type.Optional(RemoteData),
  },
  { additionalProperties: false },
);
export type RejectReason = Static<typeof RejectReasonSchema>;
