import type { Interview } from '../../../model/interview.js';
import { enc, harvestResource } from '../api.js';
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
  supported: ['created_at', 'updated_at'],
  scope: { filter: 'application_id', ref: 'application', path: (id) => `/applications/${enc(id)}/scheduled_interviews` },
});
