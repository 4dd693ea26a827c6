import type { Activity } from '../../../model/activity.js';
import { refKey } from '../../../store/records.js';
import type { ListRequest, Rendered, ResourceEmulation } from '../../types.js';
import { enc, notFound, get, pagedUrl, wrappedPage } from '../api.js';
import { SPI, successor } from '../ids.js';
import { activityToUnified, fields, WorkableActivity } from '../shapes/activities.js';

const listUrl = (request: ListRequest, sinceId: string | undefined) =>
  pagedUrl(`/candidates/${enc(request.filters.candidate_id ?? '')}/activities`, request, sinceId);

/**
 * `GET /spi/v3/candidates/{id}/activities` (`{ activities, paging }`): read per candidate, so `candidate_id` is
 * required; an unknown candidate is Workable's 404. Comments and messages only (stage moves and ratings are not
 * unified activities).
 */
export const activities: ResourceEmulation<Activity, Rendered<WorkableActivity>> = {
  kind: 'activity',
  methods: ['list'],
  fields,
  filters: { supported: ['candidate_id'], required: { list: ['candidate_id'], get: [] } },
  parentError: (reader, { candidate_id: id }) => (id !== undefined && !reader.get('candidate', id) ? notFound() : undefined),
  query: ({ filters }) => (filters.candidate_id !== undefined ? { keys: [refKey('candidate', filters.candidate_id)] } : {}),
  render: (rows) => rows.map((row) => ({ raw: JSON.parse(row.raw) as WorkableActivity, row })),
  toUnified: ({ raw, row }) => activityToUnified(raw, row.refs.candidate!),
  rawSingle: (raw) => raw,
  rawPage: wrappedPage('activities', listUrl),
  pageToken: (last) => successor((last as WorkableActivity).id),
  notFound,
  call: (op) => (op.kind === 'get' ? get(`${SPI}/candidates/${enc(op.request.filters.candidate_id ?? '')}/activities`) : get(listUrl(op.request, op.request.pageToken))),
  rawSchema: WorkableActivity,
};
