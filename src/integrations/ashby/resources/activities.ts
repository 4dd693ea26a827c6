import type { Activity } from '../../../model/activity.js';
import { refKey } from '../../../store/records.js';
import type { Rendered, ResourceEmulation } from '../../types.js';
import { ashbyResource, notFoundOf } from '../api.js';
import { AshbyNote, fields, noteToUnified } from '../shapes/activities.js';

const candidateNotFound = notFoundOf('candidate', 'candidate.listNotes');

/** `candidate.listNotes {candidateId}`: notes are read per candidate, so Truto needs `candidate_id`. */
export const activities = {
  ...ashbyResource<Activity, AshbyNote>({
    kind: 'note',
    methods: ['list'],
    fields,
    list: 'candidate.listNotes',
    supported: ['candidate_id'],
    required: ['candidate_id'],
    query: ({ filters }) => (filters.candidate_id !== undefined ? { keys: [refKey('candidate', filters.candidate_id)] } : {}),
    body: ({ filters }) => ({ candidateId: filters.candidate_id }),
    rawSchema: AshbyNote,
    toUnified: ({ raw, row }) => noteToUnified(raw, row.refs.candidate!),
  }),
  parentError: (reader, { candidate_id: id }) => (id !== undefined && !reader.get('candidate', id) ? candidateNotFound(id) : undefined),
} satisfies ResourceEmulation<Activity, Rendered<AshbyNote>>;
