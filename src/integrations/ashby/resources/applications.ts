import type { Application } from '../../../model/application.js';
import { refKey } from '../../../store/records.js';
import { ashbyResource } from '../api.js';
import { AshbyApplication } from '../raw.js';
import { applicationToUnified, fields } from '../shapes/applications.js';

/**
 * `application.list` (`jobId`, `createdAfter` in epoch ms, `status`, cursor, syncToken) and
 * `application.info {applicationId}`. It has no candidate filter (a candidate's are `candidate.info`'s
 * `applicationIds`).
 */
export const applications = ashbyResource<Application, AshbyApplication>({
  kind: 'application',
  methods: ['list', 'get'],
  fields,
  list: 'application.list',
  get: { method: 'application.info', idKey: 'applicationId', what: 'application' },
  supported: ['job_id', 'created_at', 'updated_at'],
  query: ({ filters }) => (filters.job_id !== undefined ? { keys: [refKey('job', filters.job_id)] } : {}),
  body: ({ filters }) => {
    const since = filters.created_at?.gt ?? filters.created_at?.gte;
    return { jobId: filters.job_id, createdAfter: since !== undefined ? Date.parse(since) : undefined };
  },
  rawSchema: AshbyApplication,
  toUnified: ({ raw }) => applicationToUnified(raw),
});
