import type { Scorecard } from '../../../model/scorecard.js';
import { enc, harvestResource } from '../api.js';
import { fields, fromStoredScorecard, GreenhouseScorecard, scorecardToUnified, type StoredScorecard } from '../shapes/scorecards.js';

/** `GET /v1/scorecards` (dates), or `GET /v1/applications/{id}/scorecards` for one application. */
export const scorecards = harvestResource<Scorecard, GreenhouseScorecard>({
  kind: 'scorecard',
  methods: ['list'],
  fields,
  path: '/scorecards',
  rawSchema: GreenhouseScorecard,
  toUnified: ({ raw }) => scorecardToUnified(raw),
  fromStored: (stored) => fromStoredScorecard(stored as StoredScorecard),
  supported: ['created_at', 'updated_at'],
  scope: { filter: 'application_id', ref: 'application', path: (id) => `/applications/${enc(id)}/scorecards` },
});
