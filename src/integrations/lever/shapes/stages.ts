import type { JobInterviewStage } from '../../../model/job-interview-stage.js';
import { LeverStage } from '../raw.js';

export { LeverStage };

/** `GET /v1/stages`: `{id, text}` only; one pipeline for the account, so no job and no dates. */
export function stageToUnified(raw: LeverStage): JobInterviewStage {
  return { id: raw.id, name: raw.text, remote_data: raw as unknown as Record<string, unknown> };
}

export const fields = ['id', 'name'] as const;
