import { Type, type Static } from '@sinclair/typebox';
import type { JobInterviewStage } from '../../../model/job-interview-stage.js';
import { Closed, Nullable, remote, Uuid } from './common.js';

/** `interviewStage.list` items: the six keys an application's `currentInterviewStage` also carries. */
export const AshbyInterviewStage = Type.Object(
  {
    id: Uuid,
    title: Type.String(),
    type: Type.String(),
    interviewPlanId: Uuid,
    orderInInterviewPlan: Type.Integer(),
    interviewStageGroupId: Nullable(Uuid),
  },
  Closed,
);
export type AshbyInterviewStage = Static<typeof AshbyInterviewStage>;

/** A stage belongs to an interview plan, not a job: the job is the one Truto asked about (`job_id`). */
export function stageToUnified(raw: AshbyInterviewStage, jobId: string): JobInterviewStage {
  return { id: raw.id, name: raw.title, job: { id: jobId }, position: raw.orderInInterviewPlan, remote_data: remote(raw) };
}

export const fields = ['id', 'name', 'job.id', 'position'] as const;
