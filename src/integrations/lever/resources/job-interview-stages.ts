import type { JobInterviewStage } from '../../../model/job-interview-stage.js';
import { leverResource, token } from '../api.js';
import { fields, LeverStage, stageToUnified } from '../shapes/stages.js';

/**
 * `GET /v1/stages`: Lever's pipeline is account-wide (no per-posting stages), so `job_id` is not honoured. Truto
 * lists Lever's stages; no get is documented for it, so none is served.
 */
export const jobInterviewStages = leverResource<JobInterviewStage, LeverStage>({
  kind: 'stage',
  methods: ['list'],
  fields,
  path: '/stages',
  what: 'stage',
  rawSchema: LeverStage,
  toUnified: ({ raw }) => stageToUnified(raw),
  pageToken: (last) => token(0, last.id),
});
