import type { JobInterviewStage } from '../../../model/job-interview-stage.js';
import { enc, harvestResource } from '../api.js';
import { fields, GreenhouseJobStage, jobStageToUnified } from '../shapes/job-stages.js';

/** `GET /v1/job_stages` (dates), or `GET /v1/jobs/{id}/stages` for one job; `/v1/job_stages/{id}`. */
export const jobInterviewStages = harvestResource<JobInterviewStage, GreenhouseJobStage>({
  kind: 'job_stage',
  methods: ['list', 'get'],
  fields,
  path: '/job_stages',
  rawSchema: GreenhouseJobStage,
  toUnified: ({ raw }) => jobStageToUnified(raw),
  supported: ['created_at', 'updated_at'],
  scope: { filter: 'job_id', ref: 'job', path: (id) => `/jobs/${enc(id)}/stages` },
});
