import type { Interview } from '../../../model/interview.js';
import { refKey } from '../../../store/records.js';
import type { Rendered, ResourceEmulation } from '../../types.js';
import { enc, getCall, notFound } from '../api.js';
import { bookedSlotToUnified, fields, FountainBookedSlot } from '../shapes/booked-slots.js';

/**
 * One applicant's interview sessions, `GET /v2/applicants/{id}/booked_slots` (not paginated: the mock pages what it
 * returns). Truto requires `candidate_id` ("The ID of the application…": the applicant) and has Fountain support
 * `end_at`, which Fountain's endpoint has no parameter for: applied to what the call returns (the row's
 * `updated_at` is the session's end, see seed.ts).
 */
export const interviews: ResourceEmulation<Interview, Rendered<FountainBookedSlot>> = {
  kind: 'booked_slot',
  methods: ['list'],
  fields,
  filters: { supported: ['candidate_id', 'end_at'], required: { list: ['candidate_id'], get: [] } },
  parentError: (reader, { candidate_id: id }) => (id !== undefined && !reader.get('applicant', id) ? notFound() : undefined),
  query: ({ filters }) => ({
    ...(filters.candidate_id !== undefined ? { keys: [refKey('candidate', filters.candidate_id)] } : {}),
    ...(filters.end_at ? { updatedAt: filters.end_at } : {}),
  }),
  render: (rows) => rows.map((row) => ({ raw: JSON.parse(row.raw) as FountainBookedSlot, row })),
  toUnified: ({ raw, row }) => bookedSlotToUnified(raw, row.refs.candidate!),
  rawSingle: (raw) => raw,
  rawPage: (raws) => ({ booked_slots: raws }),
  notFound,
  call: (op) => getCall(`/applicants/${enc(op.kind === 'list' ? (op.request.filters.candidate_id ?? '') : op.request.id)}/booked_slots`, op.request.remoteQuery),
  rawSchema: FountainBookedSlot,
};
