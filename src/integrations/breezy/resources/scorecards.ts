import type { Scorecard } from '../../../model/scorecard.js';
import { refKey } from '../../../store/records.js';
import type { Rendered, ResourceEmulation } from '../../types.js';
import { call, candidatePath, checkCandidate, notFound } from '../api.js';
import { BREEZY } from '../ids.js';
import { BreezyScorecard, fields, scorecardToUnified } from '../shapes/scorecards.js';

/** `GET /v3/company/:c/position/:p/candidate/:id/scorecards`: read per candidate (its position found from it). */
export const scorecards: ResourceEmulation<Scorecard, Rendered<BreezyScorecard>> = {
  kind: 'scorecard',
  methods: ['list'],
  fields,
  filters: { supported: ['candidate_id'], required: { list: ['candidate_id'], get: [] } },
  parentError: checkCandidate,
  query: ({ filters }) => ({ keys: [refKey('candidate', filters.candidate_id ?? '')] }),
  render: (rows) => rows.map((row) => ({ raw: JSON.parse(row.raw) as BreezyScorecard, row })),
  toUnified: ({ raw }) => scorecardToUnified(raw),
  rawSingle: (raw) => raw,
  notFound: notFound('candidate'),
  call: (op, reader) => call(`${BREEZY}${candidatePath(reader, op.request.filters)}/scorecards`, op.request.remoteQuery),
  rawSchema: BreezyScorecard,
};
