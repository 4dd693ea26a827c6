import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Ref, RemoteData, StringEnum } from './common.js';

export const InterviewStatus = StringEnum(['draft', 'scheduled', 'cancelled', 'awaiting_feedback', 'completed'], {
  description: "The interview's status",
});

export const InterviewSchema = Type.Object(
  {
    id: Type.String({ description: "The interview's unique identifier" }),
    application: Type.Optional(Ref('application')),
    candidate: Type.Optional(Ref('candidate')),
    job_interview_stage: Type.Optional(Ref('job interview stage')),
    organizer: Type.Optional(Ref('user who organized the interview')),
    interviewers: Type.Optional(
      Type.Array(Type.Object({ id: Type.String({ description: 'Unique identifier of the user' }) }, { additionalProperties: false }), {
        description: 'The users interviewing',
      }),
    ),
    location: Type.Optional(Type.String({ description: "The interview's location" })),
    start_at: Type.Optional(DateTime('The date and time the interview starts')),
    end_at: Type.Optional(DateTime('The date and time the interview ends')),
    status: Type.Optional(InterviewStatus),
    created_at: Type.Optional(DateTime("The date and time of the interview's creation")),
    updated_at: Type.Optional(DateTime("The date and time of the interview's last update")),
    remote_data: Type.Optional(RemoteData),
  },
  { additionalProperties: false },
);
export type Interview = Static<typeof InterviewSchema>;
