import { Type, type Static } from '@sinclair/typebox';
import type { JobInterviewStage } from '../../../model/job-interview-stage.js';
import { iso } from '../../../seed/reference-time.js';
import type { WorldJob, WorldStage } from '../../../seed/world.js';
import { ids } from '../ids.js';
import { GreenhouseUserRef, HarvestDate, Id, NullableString, remote } from './common.js';

const StageInterview = Type.Object(
  {
    id: Id,
    name: Type.String(),
    schedulable: Type.Boolean(),
    interview_kit: Type.Object(
      {
        id: Id,
        content: NullableString,
        questions: Type.Array(Type.Object({ id: Id, question: Type.String() }, { additionalProperties: false })),
      },
      { additionalProperties: false },
    ),
    estimated_minutes: Type.Integer(),
    default_interviewer_users: Type.Array(GreenhouseUserRef),
  },
  { additionalProperties: false },
);

/** `GET /v1/jobs/{id}/stages`, `GET /v1/job_stages`, `GET /v1/job_stages/{id}`. */
export const GreenhouseJobStage = Type.Object(
  {
    id: Id,
    name: Type.String(),
    created_at: HarvestDate,
    updated_at: HarvestDate,
    active: Type.Boolean(),
    job_id: Id,
    priority: Type.Integer(),
    interviews: Type.Array(StageInterview),
  },
  { additionalProperties: false },
);
export type GreenhouseJobStage = Static<typeof GreenhouseJobStage>;

/** A stage interview's length when the world gives none. */
const ESTIMATED_MINUTES = 45;
/** `interviewMinutes` arrives with the world branch's contract; read optionally so this compiles before and after. */
type StageWithMinutes = WorldStage & { interviewMinutes?: number | null };

/**
 * A stage dates from its job's creation. Its interview (if the world gives it one) has the id scheduled
 * interviews and scorecards point at (`interview.id`, `interview_step.id`).
 */
export function toHarvestJobStage(stage: WorldStage, job: WorldJob): GreenhouseJobStage {
  return {
    id: Number(ids.stage(stage.n)),
    name: stage.name,
    created_at: iso(job.createdAt),
    updated_at: iso(job.createdAt),
    active: true,
    job_id: Number(ids.job(job.n)),
    priority: stage.position,
    interviews:
      stage.interviewName === null
        ? []
        : [
            {
              id: Number(ids.stageInterview(stage.n)),
              name: stage.interviewName,
              schedulable: true,
              interview_kit: { id: Number(ids.interviewKit(stage.n)), content: null, questions: [] },
              estimated_minutes: (stage as StageWithMinutes).interviewMinutes ?? ESTIMATED_MINUTES,
              default_interviewer_users: [],
            },
          ],
  };
}

export function jobStageToUnified(raw: GreenhouseJobStage): JobInterviewStage {
  return {
    id: String(raw.id),
    name: raw.name,
    status: raw.active ? 'active' : 'inactive',
    job: { id: String(raw.job_id) },
    position: raw.priority,
    created_at: raw.created_at,
    updated_at: raw.updated_at,
    remote_data: remote(raw),
  };
}

export const fields = ['id', 'name', 'status', 'job.id', 'position', 'created_at', 'updated_at'] as const;
