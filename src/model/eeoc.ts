import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Ref, RemoteData } from './common.js';

/** Answers are the integration's own wording: Truto documents them as plain strings, with no enum. */
export const EeocSchema = Type.Object(
  {
    id: Type.String({ description: "The EEOC record's unique identifier" }),
    candidate: Type.Optional(Ref('candidate')),
    submitted_at: Type.Optional(DateTime('The date and time the answers were submitted')),
    race: Type.Optional(Type.String({ description: "The candidate's race" })),
    gender: Type.Optional(Type.String({ description: "The candidate's gender" })),
    veteran_status: Type.Optional(Type.String({ description: "The candidate's veteran status" })),
    disability_status: Type.Optional(Type.String({ description: "The candidate's disability status" })),
    created_at: Type.Optional(DateTime("The date and time of the EEOC record's creation")),
    updated_at: Type.Optional(DateTime("The date and time of the EEOC record's last update")),
    remote_data: Type.Optional(RemoteData),
  },
  { additionalProperties: false },
);
export type Eeoc = Static<typeof EeocSchema>;
