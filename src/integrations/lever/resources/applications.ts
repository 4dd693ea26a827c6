import type { Application } from '../../../model/application.js';
import { refKey } from '../../../store/records.js';
import { enc, leverResource, token } from '../api.js';
import { applicationToUnified } from '../mapping.js';
import { LeverApplication } from '../raw.js';

/**
 * An opportunity's applications (`/opportunities/{id}/applications`). Truto reads none for Lever: the resource is
 * here for its one write, move-stage, and its list and get stay Truto's "does not support" 404.
 */
export const applications = leverResource<Application, LeverApplication>({
  kind: 'application',
  methods: [],
  // What the move-stage answer fills (the stage is the opportunity's, given with the answer).
  fields: ['id', 'candidate.id', 'job.id', 'applied_at', 'rejected_at', 'current_stage.id', 'current_stage.name', 'created_at', 'updated_at'],
  path: (filters) => `/opportunities/${enc(String(filters.candidate_id ?? ''))}/applications`,
  what: 'application',
  rawSchema: LeverApplication,
  toUnified: ({ raw }) => applicationToUnified(raw),
  pageToken: (last) => token(last.createdAt, last.id),
  supported: ['candidate_id'],
  query: ({ filters }) => (filters.candidate_id !== undefined ? { keys: [refKey('candidate', filters.candidate_id)] } : {}),
});
