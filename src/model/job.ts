import { Type, type Static } from '@sinclair/typebox';
import { DateTime, RemoteData, StringEnum } from './common.js';

const Named = (what: string) =>
  Type.Array(
    Type.Object(
      {
        id: Type.String({ description: `Unique identifier of the ${what}` }),
        name: Type.Optional(Type.String({ description: `The ${what}'s name` })),
      },
      { additionalProperties: false },
    ),
  );

/**
 * The fields truto-api.md §5.5 names. Truto's HTML listing also shows a closing date, compensation, remote flag,
 * position level, job type, opening date and tags, but their key names are not visible in any stored copy, so
 * they are left out rather than guessed.
 */
export const JobSchema = Type.Object(
  {
    id: Type.String({ description: "The job's unique identifier" }),
    name: Type.Optional(Type.String({ description: "The job's name" })),
    description: Type.Optional(Type.String({ description: "The job's description" })),
    code: Type.Optional(Type.String({ description: "The job's code" })),
    requisition_id: Type.Optional(Type.String({ description: "The job's requisition id" })),
    status: Type.Optional(StringEnum(['open', 'closed', 'draft', 'pending', 'archived'], { description: "The job's status" })),
    locations: Type.Optional(Type.Array(Type.String(), { description: "The job's locations" })),
    job_posting_urls: Type.Optional(
      Type.Array(
        Type.Object(
          { url: Type.String({ description: "The posting's URL" }), type: Type.Optional(Type.String({ description: "The posting's kind" })) },
          { additionalProperties: false },
        ),
      ),
    ),
    confidential: Type.Optional(Type.Boolean({ description: 'Whether the job is confidential' })),
    departments: Type.Optional(Named('department')),
    teams: Type.Optional(Type.Array(Type.Record(Type.String(), Type.Unknown()), { description: "The job's teams" })),
    offices: Type.Optional(Named('office')),
    hiring_managers: Type.Optional(Named('hiring manager')),
    recruiters: Type.Optional(Named('recruiter')),
    created_at: Type.Optional(DateTime("The date and time of the job's creation")),
    updated_at: Type.Optional(DateTime("The date and time of the job's last update")),
    remote_data: Type.Optional(RemoteData),
  },
  { additionalProperties: false },
);
export type Job = Static<typeof JobSchema>;
