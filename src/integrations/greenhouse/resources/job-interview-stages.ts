import type { JobInterviewStage } from '../../../model/job-interview-stage.js';
import { dateParams, enc, harvestResource, listCall } from '../api.js';
import { fields, GreenhouseJobStage, jobStageToUnified } from '../shapes/job-stages.js';

/** `GET /v1/job_stages` (dates), or `GET /v1/jobs/{id}/stages` for one job; `/v1/job_stages/{id}`. */
export const jobInterviewStages = harvestResource<JobInterviewStage, GreenhouseJobStage>({
  kind: 'job_stage',
  methods: ['list', 'get'],
  fields,
  path: '/job_stages',
  rawSchema: GreenhouseJobStage,
  toUnified: ({ raw }) => jobStageToUnified(raw),
  supported: ['job_id', 'created_at', 'updated_at'],
  query: ({ filters }, base) => ({ ...base, ...(filters.job_id !== undefined ? { jobId: filters.job_id } : {}) }),
  listCall: (request, hasMore) =>
    request.filters.job_id !== undefined
      ? listCall(`/jobs/${enc(request.filters.job_id)}/stages`, request, hasMore, dateParams(request.filters))
      : listCall('/job_stages', request, hasMore, dateParams(request.filters)),
});
