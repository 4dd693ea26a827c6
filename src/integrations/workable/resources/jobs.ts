import type { Job } from '../../../model/job.js';
import type { ListRequest } from '../../types.js';
import type { Rendered, ResourceEmulation } from '../../types.js';
import { enc, get, notFound, pagedUrl, secondsOf, wrappedPage } from '../api.js';
import { SPI, successor } from '../ids.js';
import { stringParam } from '../../remote-query.js';
import { jobStateKey } from '../seed.js';
import { fields, jobListItem, jobRecord, jobToUnified, WorkableAnyJob, type StoredJob } from '../shapes/jobs.js';

/** `GET /jobs?limit&since_id&created_after&updated_after` (and `state`, through remote_query). */
const listUrl = (request: ListRequest, sinceId: string | undefined) => {
  const { created_at: c, updated_at: u } = request.filters;
  return pagedUrl('/jobs', request, sinceId, { created_after: secondsOf(c?.gt ?? c?.gte), updated_after: secondsOf(u?.gt ?? u?.gte) });
};

/** `GET /spi/v3/jobs` (`{ jobs, paging }`; `remote_query[state]` filters as Workable's `state` does), keyset by `since_id`) and `GET /spi/v3/jobs/{shortcode}` (the bare job). */
export const jobs: ResourceEmulation<Job, Rendered<WorkableAnyJob>> = {
  kind: 'job',
  methods: ['list', 'get'],
  fields,
  // Workable's `created_after`/`updated_after` are "after" bounds only; the rest of a range is applied as Truto would.
  filters: { supported: ['created_at', 'updated_at'], required: { list: [], get: [] } },
  query: ({ filters, remoteQuery }) => {
    const state = stringParam(remoteQuery.state);
    return {
      ...(state !== undefined ? { keys: [jobStateKey(state)] } : {}),
      ...(filters.created_at ? { createdAt: filters.created_at } : {}),
      ...(filters.updated_at ? { updatedAt: filters.updated_at } : {}),
    };
  },
  render: (rows) => rows.map((row) => ({ raw: jobListItem(JSON.parse(row.raw) as StoredJob), row })),
  renderOne: (row) => ({ raw: jobRecord(JSON.parse(row.raw) as StoredJob), row }),
  toUnified: ({ raw }) => jobToUnified(raw),
  rawSingle: (raw) => raw,
  rawPage: wrappedPage('jobs', listUrl),
  pageToken: (last) => successor((last as WorkableAnyJob).id),
  notFound,
  call: (op) => (op.kind === 'get' ? get(`${SPI}/jobs/${enc(op.request.id)}`, op.request.remoteQuery) : get(listUrl(op.request, op.request.pageToken))),
  rawSchema: WorkableAnyJob,
};
