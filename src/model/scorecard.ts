import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Ref, RemoteData } from './common.js';

export const ScorecardSchema = Type.Object(
  {
    id: Type.String({ description: "The scorecard's unique identifier" }),
    application: Type.Optional(Ref('application')),
    candidate: Type.Optional(Ref('candidate')),
    interview: Type.Optional(Ref('interview')),
    interviewer: Type.Optional(Ref('user who filled the scorecard')),
    submitted_at: Type.Optional(DateTime('The date and time the scorecard was submitted')),
    overall_recommendation: Type.Optional(
      Type.String({ description: "The interviewer's overall recommendation, in the integration's words (no enum in Truto)" }),
    ),
    form_values: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Type.Optional(Type.String({ description: "The form field's name" })),
            label: Type.Optional(Type.String({ description: "The form field's label" })),
            description: Type.Optional(Type.String({ description: "The form field's description" })),
            value: Type.Optional(Type.String({ description: "The interviewer's answer" })),
          },
          { additionalProperties: false },
        ),
        { description: "The scorecard's answers" },
      ),
    ),
    created_at: Type.Optional(DateTime("The date and time of the scorecard's creation")),
    updated_at: Type.Optional(DateTime("The date and time of the scorecard's last update")),
    remote_data: Type.Optional(RemoteData),
  },
  { additionalProperties: false },
);
export type Scorecard = Static<typeof ScorecardSchema>;
