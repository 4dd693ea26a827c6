import type { Activity } from '../../../model/activity.js';
import { refKey } from '../../../store/records.js';
import { enc, leverResource, token } from '../api.js';
import { noteToUnified } from '../mapping.js';
import { LeverNote } from '../raw.js';

/**
 * An opportunity's notes (`/opportunities/{id}/notes`). Truto only creates Lever activities: the notes written are
 * stored as Lever keeps them, and the list stays Truto's "does not support" 404.
 */
export const activities = leverResource<Activity, LeverNote>({
  kind: 'note',
  methods: [],
  fields: ['id', 'candidate.id', 'actor.id', 'actor.type', 'activity_type', 'body', 'visibility', 'created_at'],
  path: (filters) => `/opportunities/${enc(String(filters.candidate_id ?? ''))}/notes`,
  what: 'note',
  rawSchema: LeverNote,
  toUnified: noteToUnified,
  pageToken: (last) => token(last.createdAt, last.id),
  supported: ['candidate_id'],
  query: ({ filters }) => (filters.candidate_id !== undefined ? { keys: [refKey('candidate', filters.candidate_id)] } : {}),
});
