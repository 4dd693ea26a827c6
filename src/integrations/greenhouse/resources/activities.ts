import { Type } from '@sinclair/typebox';
import type { Activity } from '../../../model/activity.js';
import type { Rendered, ResourceEmulation } from '../../types.js';
import { enc, getCall, notFound } from '../api.js';
import { emailToUnified, fields, GreenhouseEmail, GreenhouseNote, noteToUnified } from '../shapes/activities.js';

type FeedEntry = GreenhouseNote | GreenhouseEmail;
/** An email has addresses; a note has none. */
const isEmail = (raw: FeedEntry): raw is GreenhouseEmail => 'to' in raw;

/**
 * The notes and emails of `GET /v1/candidates/{id}/activity_feed`: read per candidate (so `candidate_id` is
 * required, as Truto's Greenhouse mapping demands) and not paginated by Harvest; the mock pages what it returns.
 */
export const activities: ResourceEmulation<Activity, Rendered<FeedEntry>> = {
  kind: 'activity',
  methods: ['list'],
  fields,
  filters: { supported: ['candidate_id'], required: { list: ['candidate_id'], get: [] } },
  parentError: (reader, { candidate_id: id }) => (id !== undefined && !reader.get('candidate', id) ? notFound() : undefined),
  query: ({ filters }) => (filters.candidate_id !== undefined ? { candidateId: filters.candidate_id } : {}),
  render: (rows) => rows.map((row) => ({ raw: JSON.parse(row.raw) as FeedEntry, row })),
  toUnified: ({ raw, row }) => {
    const context = { candidateId: row.candidate_id! };
    return isEmail(raw) ? emailToUnified(raw, context) : noteToUnified(raw, context);
  },
  rawSingle: (raw) => raw,
  // The feed's own shape: its notes and emails apart (system entries and LinkedIn messages are not activities).
  rawPage: (raws) => {
    const entries = raws as FeedEntry[];
    return { notes: entries.filter((e) => !isEmail(e)), emails: entries.filter(isEmail), activities: [], linkedin_notes: [], linkedin_inmails: [] };
  },
  notFound,
  call: (op) =>
    getCall(`/candidates/${enc(op.kind === 'get' ? op.request.id : (op.request.filters.candidate_id ?? ''))}/activity_feed`, op.request.remoteQuery),
  rawSchema: Type.Union([GreenhouseNote, GreenhouseEmail]),
};
