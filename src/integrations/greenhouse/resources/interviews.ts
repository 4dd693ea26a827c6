import type { Interview } from '../../../model/interview.js';
import { dateParams, enc, harvestResource, listCall } from '../api.js';
import { fields, GreenhouseScheduledInterview, interviewToUnified } from '../shapes/interviews.js';

/**
 * `GET /v1/scheduled_interviews` (dates), or `GET /v1/applications/{id}/scheduled_interviews` for one application;
 * `/v1/scheduled_interviews/{id}`. Harvest has no candidate or job filter here.
 */
export const interviews = harvestResource<Interview, GreenhouseScheduledInterview>({
  kind: 'interview',
  methods: ['list', 'get'],
  fields,
  path: '/scheduled_interviews',
  rawSchema: GreenhouseScheduledInterview,
  toUnified: ({ raw }) => interviewToUnified(raw),
  supported: ['application_id', 'created_at', 'updated_at'],
  query: ({ filters }, base) => ({ ...base, ...(filters.application_id !== undefined ? { applicationId: filters.application_id } : {}) }),
  listCall: (request, hasMore) =>
    request.filters.application_id !== undefined
      ? listCall(`/applications/${enc(request.filters.application_id)}/scheduled_interviews`, request, hasMore, dateParams(request.filters))
      : listCall('/scheduled_interviews', request, hasMore, dateParams(request.filters)),
});
