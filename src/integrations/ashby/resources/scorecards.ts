import type { Scorecard } from '../../../model/scorecard.js';
import { refKey } from '../../../store/records.js';
import { ashbyResource } from '../api.js';
import { AshbyFeedback, feedbackToUnified, fields } from '../shapes/scorecards.js';

/** `applicationFeedback.list` (`applicationId`, `createdAfter` in epoch ms, cursor, syncToken). */
export const scorecards = ashbyResource<Scorecard, AshbyFeedback>({
  kind: 'feedback',
  methods: ['list'],
  fields,
  list: 'applicationFeedback.list',
  supported: ['application_id', 'created_at'],
  query: ({ filters }) => (filters.application_id !== undefined ? { keys: [refKey('application', filters.application_id)] } : {}),
  body: ({ filters }) => {
    const since = filters.created_at?.gt ?? filters.created_at?.gte;
    return { applicationId: filters.application_id, createdAfter: since !== undefined ? Date.parse(since) : undefined };
  },
  sync: false,
  rawSchema: AshbyFeedback,
  toUnified: ({ raw }) => feedbackToUnified(raw),
});
