import type { Interview } from '../../../model/interview.js';
import { enc, harvestResource } from '../api.js';
import { fields, GreenhouseScheduledInterview, interviewToUnified } from '../shapes/interviews.js';

/**
 * `GET /v1/scheduled_interviews` (dates), or `GET /v1/applications/{id}/scheduled_interviews` for one application;
 * `/v1/scheduled_interviews/{id}`. Harvest has no candidate or job filter here. `start_at` and `end_at` are Harvest's
 * `starts_after`/`starts_before` and `ends_after`/`ends_before`, on the event's `date_time` (or an all-day `date`).
 */
export const interviews = harvestResource<Interview, GreenhouseScheduledInterview>({
  kind: 'interview',
  methods: ['list', 'get'],
  fields,
  path: '/scheduled_interviews',
  rawSchema: GreenhouseScheduledInterview,
  toUnified: ({ raw }) => interviewToUnified(raw),
  supported: ['created_at', 'updated_at'],
  recordDates: [
    { filter: 'start_at', paths: ['$.start.date_time', '$.start.date'], after: 'starts_after', before: 'starts_before' },
    { filter: 'end_at', paths: ['$.end.date_time', '$.end.date'], after: 'ends_after', before: 'ends_before' },
  ],
  scope: { filter: 'application_id', ref: 'application', path: (id) => `/applications/${enc(id)}/scheduled_interviews` },
});
