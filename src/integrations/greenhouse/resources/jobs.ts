import type { Job } from '../../../model/job.js';
import { harvestResource } from '../api.js';
import { fields, GreenhouseJob, jobToUnified } from '../shapes/jobs.js';

/** `GET /v1/jobs` (created/updated before/after) and `/v1/jobs/{id}`. */
export const jobs = harvestResource<Job, GreenhouseJob>({
  kind: 'job',
  methods: ['list', 'get'],
  fields,
  path: '/jobs',
  rawSchema: GreenhouseJob,
  toUnified: ({ raw }) => jobToUnified(raw),
  supported: ['created_at', 'updated_at'],
});
