import type { Activity } from '../../../model/activity.js';
import { refKey } from '../../../store/records.js';
import type { Rendered, ResourceEmulation } from '../../types.js';
import { enc, getCall, listCall, notFound, page, token } from '../api.js';
import { noteToUnified } from '../mapping.js';
import { LeverNote } from '../raw.js';

/**
 * An opportunity's notes (`/opportunities/{id}/notes`). Truto only creates Lever activities: the notes written are
 * stored as Lever keeps them, and the list stays Truto's "does not support" 404.
 */
export const activities: ResourceEmulation<Activity, Rendered<LeverNote>> = {
  kind: 'note',
  methods: [],
  fields: ['id', 'candidate.id', 'actor.id', 'actor.type', 'activity_type', 'body', 'visibility', 'created_at'],
  filters: { supported: ['candidate_id'], required: { list: [], get: [] } },
  query: ({ filters }) => (filters.candidate_id !== undefined ? { keys: [refKey('candidate', filters.candidate_id)] } : {}),
  render: (rows) => rows.map((row) => ({ raw: JSON.parse(row.raw) as LeverNote, row })),
  toUnified: noteToUnified,
  rawSingle: (raw) => ({ data: raw }),
  rawPage: page,
  pageToken: (last) => token((last as LeverNote).createdAt, (last as LeverNote).id),
  notFound: notFound('note'),
  call: (op) =>
    op.kind === 'get'
      ? getCall(`/opportunities/${enc(String(op.request.filters.candidate_id ?? ''))}/notes/${enc(op.request.id)}`, op.request.remoteQuery)
      : listCall(`/opportunities/${enc(String(op.request.filters.candidate_id ?? ''))}/notes`, op.request, {}),
  rawSchema: LeverNote,
};
