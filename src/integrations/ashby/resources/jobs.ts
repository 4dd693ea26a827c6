import type { Job } from '../../../model/job.js';
import { ashbyResource } from '../api.js';
import { AshbyJob, fields, jobToUnified } from '../shapes/jobs.js';

/**
 * `job.list` and `job.info {id}`. Its own filters are `status[]` and opened/closed dates, none a unified one: the
 * unified created/updated ranges are applied by Truto to what it read.
 */
export const jobs = ashbyResource<Job, AshbyJob>({
  kind: 'job',
  methods: ['list', 'get'],
  fields,
  list: 'job.list',
  get: { method: 'job.info', idKey: 'id', what: 'job' },
  supported: ['created_at', 'updated_at'],
  rawSchema: AshbyJob,
  toUnified: ({ raw }) => jobToUnified(raw),
});
