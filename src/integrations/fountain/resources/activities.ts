import type { Activity } from '../../../model/activity.js';
import { refKey } from '../../../store/records.js';
import type { Rendered, ResourceEmulation } from '../../types.js';
import { enc, getCall, notFound } from '../api.js';
import { fields, FountainNote, noteToUnified } from '../shapes/notes.js';

/**
 * One applicant's notes, `GET /v2/applicants/{id}/notes` (not paginated: the mock pages what it returns).
 * Truto's activities page has Fountain require `actor` (`actor[id]`, with an optional `actor[type]`) and does not
 * list `candidate_id` for it, so `candidate_id` is ignored with the usual warning. Its page does not say what the
 * actor's id is for Fountain; Fountain reads notes only per applicant, so the mock takes `actor[id]` as that
 * applicant (`actor[type]` changes nothing: a user's id is no applicant, and answers Fountain's 404).
 * `created_at` narrows the notes, as Truto says Fountain's mapping does.
 */
export const activities: ResourceEmulation<Activity, Rendered<FountainNote>> = {
  kind: 'note',
  methods: ['list'],
  fields,
  filters: { supported: ['actor', 'created_at'], required: { list: ['actor'], get: [] } },
  parentError: (reader, { actor }) => (actor !== undefined && !reader.get('applicant', actor.id) ? notFound() : undefined),
  query: ({ filters }) => ({
    ...(filters.actor !== undefined ? { keys: [refKey('candidate', filters.actor.id)] } : {}),
    ...(filters.created_at ? { createdAt: filters.created_at } : {}),
  }),
  render: (rows) => rows.map((row) => ({ raw: JSON.parse(row.raw) as FountainNote, row })),
  toUnified: ({ raw, row }) => noteToUnified(raw, row.refs.candidate!),
  rawSingle: (raw) => raw,
  rawPage: (raws) => ({ notes: raws }),
  notFound,
  call: (op) => getCall(`/applicants/${enc(op.kind === 'list' ? (op.request.filters.actor?.id ?? '') : op.request.id)}/notes`, op.request.remoteQuery),
  rawSchema: FountainNote,
};
