import type { Activity } from '../../../model/activity.js';
import { refKey } from '../../../store/records.js';
import type { Rendered, ResourceEmulation } from '../../types.js';
import { enc, getCall, notFound } from '../api.js';
import { fields, FountainNote, noteToUnified } from '../shapes/notes.js';

/**
 * One applicant's notes, `GET /v2/applicants/{id}/notes` (not paginated: the mock pages what it returns).
 * Truto's page has Fountain require `actor` (`actor[id]`), a filter the mock's catalogue does not have: the
 * applicant is asked for as `candidate_id` (which Truto lists as supported for Fountain). `created_at` narrows
 * the notes, as Truto says Fountain's mapping does.
 */
export const activities: ResourceEmulation<Activity, Rendered<FountainNote>> = {
  kind: 'note',
  methods: ['list'],
  fields,
  filters: { supported: ['candidate_id', 'created_at'], required: { list: ['candidate_id'], get: [] } },
  parentError: (reader, { candidate_id: id }) => (id !== undefined && !reader.get('applicant', id) ? notFound() : undefined),
  query: ({ filters }) => ({
    ...(filters.candidate_id !== undefined ? { keys: [refKey('candidate', filters.candidate_id)] } : {}),
    ...(filters.created_at ? { createdAt: filters.created_at } : {}),
  }),
  render: (rows) => rows.map((row) => ({ raw: JSON.parse(row.raw) as FountainNote, row })),
  toUnified: ({ raw, row }) => noteToUnified(raw, row.refs.candidate!),
  rawSingle: (raw) => raw,
  rawPage: (raws) => ({ notes: raws }),
  notFound,
  call: (op) => getCall(`/applicants/${enc(op.kind === 'list' ? (op.request.filters.candidate_id ?? '') : op.request.id)}/notes`, op.request.remoteQuery),
  rawSchema: FountainNote,
};
