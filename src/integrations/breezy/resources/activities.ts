import type { Activity } from '../../../model/activity.js';
import { refKey } from '../../../store/records.js';
import type { AccountReader, Rendered, ResourceEmulation, UnifiedFilters } from '../../types.js';
import { call, enc, notFound } from '../api.js';
import { BREEZY, companyOf } from '../ids.js';
import { BreezyStreamItem, fields, streamItemToUnified } from '../shapes/stream.js';

/**
 * The position of the candidate a list asked for, found when its candidate was looked up (`parentError` and `call`
 * see the same filters object; `call` is given no store to read it again).
 */
const positionFound = new WeakMap<UnifiedFilters, string>();

function checkCandidate(reader: AccountReader, filters: UnifiedFilters) {
  const row = reader.get('candidate', filters.candidate_id ?? '');
  if (!row) return notFound('candidate')();
  positionFound.set(filters, row.refs.job ?? '');
  return undefined;
}

/**
 * `GET /v3/company/:c/position/:p/candidate/:id/stream`. Truto asks only for the candidate: a Breezy candidate id is
 * one record under one position, so the position (and its company) come from the candidate. Breezy pages the
 * stream with `skip`, in steps of its page.
 */
export const activities: ResourceEmulation<Activity, Rendered<BreezyStreamItem>> = {
  kind: 'stream_item',
  methods: ['list'],
  fields,
  filters: { supported: ['candidate_id'], required: { list: ['candidate_id'], get: [] } },
  parentError: checkCandidate,
  query: ({ filters }) => ({ keys: [refKey('candidate', filters.candidate_id ?? '')] }),
  render: (rows) => rows.map((row) => ({ raw: JSON.parse(row.raw) as BreezyStreamItem, row })),
  toUnified: ({ raw }) => streamItemToUnified(raw),
  rawSingle: (raw) => raw,
  notFound: notFound('candidate'),
  call: (op) => {
    const candidate = op.request.filters.candidate_id ?? '';
    const position = positionFound.get(op.request.filters) ?? '';
    const query = new URLSearchParams(op.kind === 'list' ? { skip: String((op.request.page - 1) * op.request.limit) } : {});
    return call(`${BREEZY}/company/${enc(companyOf(position))}/position/${enc(position)}/candidate/${enc(candidate)}/stream?${query}`, op.request.remoteQuery);
  },
  rawSchema: BreezyStreamItem,
};
