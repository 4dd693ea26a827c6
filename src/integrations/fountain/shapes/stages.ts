import { Type, type Static } from '@sinclair/typebox';
import type { JobInterviewStage } from '../../../model/job-interview-stage.js';
import type { WorldStage } from '../../../seed/world.js';
import { remote, Str, Uuid } from './common.js';

/**
 * Fountain's stage types (the gem's stub has `HiredStage`; the rest are the classes Fountain's workflow builder
 * names, by the world's stage names). The applicant list's `stage` filter speaks of the same kinds.
 */
const STAGE_CLASSES: Record<string, string> = {
  'Application Review': 'DataCollectionStage',
  'Recruiter Screen': 'SchedulerStage',
  'Hiring Manager Screen': 'SchedulerStage',
  'Technical Interview': 'SchedulerStage',
  'Onsite Interview': 'SchedulerStage',
  'Reference Check': 'BackgroundCheckerStage',
  Offer: 'DocumentSignatureStage',
};

/** `GET /v2/funnels/{id}/stages` → `{ "stages": [...] }`; `GET /v2/stages/{id}` → the bare stage. */
export const FountainStage = Type.Object({ id: Uuid, custom_id: Str, title: Type.String(), type: Type.String() }, { additionalProperties: false });
export type FountainStage = Static<typeof FountainStage>;

export const FountainStageList = Type.Object({ stages: Type.Array(FountainStage) }, { additionalProperties: false });

/** A stage of the world's job, as its opening's workflow holds it. */
export const toFountainStage = (stage: WorldStage, id: string): FountainStage => ({
  id,
  custom_id: null,
  title: stage.name,
  type: STAGE_CLASSES[stage.name] ?? 'CustomStage',
});

/** Every opening's workflow ends in a Hired and a Rejected stage, where Fountain moves applicants it closes. */
export const closingStage = (kind: 'hired' | 'rejected', id: string): FountainStage =>
  kind === 'hired' ? { id, custom_id: null, title: 'Hired', type: 'HiredStage' } : { id, custom_id: null, title: 'Rejected', type: 'RejectedStage' };

export const fields = ['id', 'name', 'job.id', 'position'] as const;

/**
 * A stage names neither its opening nor its place: Truto knows both from the list call (`/funnels/{id}/stages`,
 * in workflow order). A stage fetched alone (`/v2/stages/{id}`) has neither.
 */
export function stageToUnified(raw: FountainStage, listed?: { funnelId: string; position: number }): JobInterviewStage {
  return {
    id: raw.id,
    name: raw.title,
    ...(listed ? { job: { id: listed.funnelId }, position: listed.position } : {}),
    remote_data: remote(raw),
  };
}
