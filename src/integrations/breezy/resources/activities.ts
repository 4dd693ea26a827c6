import type { Activity } from '../../../model/activity.js';
import { refKey } from '../../../store/records.js';
import type { Rendered, ResourceEmulation } from '../../types.js';
import { call, candidatePath, checkCandidate, notFound } from '../api.js';
import { BREEZY } from '../ids.js';
import { BreezyStreamItem, fields, streamItemToUnified } from '../shapes/stream.js';

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
  call: (op, reader) => {
    const query = new URLSearchParams(op.kind === 'list' ? { skip: String((op.request.page - 1) * op.request.limit) } : {});
    return call(`${BREEZY}${candidatePath(reader, op.request.filters)}/stream?${query}`, op.request.remoteQuery);
  },
  rawSchema: BreezyStreamItem,
};
