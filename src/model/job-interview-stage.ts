import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Ref, RemoteData, StringEnum } from './common.js';

export const JobInterviewStageSchema = Type.Object(
  {
    id: Type.String({ description: "The stage's unique identifier" }),
    name: Type.Optional(Type.String({ description: "The stage's name" })),
    status: Type.Optional(StringEnum(['active', 'inactive'], { description: "The stage's status" })),
    job: Type.Optional(Ref('job')),
    position: Type.Optional(Type.Integer({ description: "The stage's position in its job's pipeline" })),
    created_at: Type.Optional(DateTime("The date and time of the stage's creation")),
    updated_at: Type.Optional(DateTime("The date and time of the stage's last update")),
    remote_data: Type.Optional(RemoteData),
  },
  { additionalProperties: false },
);
export type JobInterviewStage = Static<typeof JobInterviewStageSchema>;
