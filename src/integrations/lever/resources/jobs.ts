import type { Job } from '../../../model/job.js';
import { stringParam } from '../../remote-query.js';
import { leverResource, token } from '../api.js';
import { keyOf } from '../records.js';
import { fields, jobToUnified, LeverPosting } from '../shapes/jobs.js';

/**
 * `GET /v1/postings` and `/v1/postings/{id}`. Lever filters postings by `state`, `team`, `department`, `location`,
 * `commitment`, `level` and `confidentiality` (remote_query), no unified filter; `state` is applied, the rest recorded.
 */
export const jobs = leverResource<Job, LeverPosting>({
  kind: 'posting',
  methods: ['list', 'get'],
  fields,
  path: '/postings',
  what: 'posting',
  rawSchema: LeverPosting,
  toUnified: ({ raw }) => jobToUnified(raw),
  pageToken: (last) => token(last.createdAt, last.id),
  query: ({ remoteQuery }) => {
    const state = stringParam(remoteQuery.state);
    return state !== undefined ? { keys: [keyOf.state(state)] } : {};
  },
});
