import type { Scorecard } from '../../../model/scorecard.js';
import { dateParams, enc, harvestResource, listCall } from '../api.js';
import { fields, GreenhouseScorecard, scorecardToUnified } from '../shapes/scorecards.js';

/** `GET /v1/scorecards` (dates), or `GET /v1/applications/{id}/scorecards` for one application. */
export const scorecards = harvestResource<Scorecard, GreenhouseScorecard>({
  kind: 'scorecard',
  methods: ['list'],
  fields,
  path: '/scorecards',
  rawSchema: GreenhouseScorecard,
  toUnified: ({ raw }) => scorecardToUnified(raw),
  supported: ['application_id', 'created_at', 'updated_at'],
  query: ({ filters }, base) => ({ ...base, ...(filters.application_id !== undefined ? { applicationId: filters.application_id } : {}) }),
  listCall: (request, hasMore) =>
    request.filters.application_id !== undefined
      ? listCall(`/applications/${enc(request.filters.application_id)}/scorecards`, request, hasMore, dateParams(request.filters))
      : listCall('/scorecards', request, hasMore, dateParams(request.filters)),
});
