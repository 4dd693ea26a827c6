import type { Application } from '../../../model/application.js';
import { refKey } from '../../../store/records.js';
import type { Rendered, ResourceEmulation } from '../../types.js';
import { enc, getCall, listCall, notFound, page, token } from '../api.js';
import { applicationToUnified } from '../mapping.js';
import { LeverApplication } from '../raw.js';

/**
 * An opportunity's applications (`/opportunities/{id}/applications`). Truto reads none for Lever: the resource is
 * here for its one write, move-stage, and its list and get stay Truto's "does not support" 404.
 */
export const applications: ResourceEmulation<Application, Rendered<LeverApplication>> = {
  kind: 'application',
  methods: [],
  // What the move-stage answer fills (the stage is the opportunity's, given with the answer).
  fields: ['id', 'candidate.id', 'job.id', 'applied_at', 'rejected_at', 'current_stage.id', 'current_stage.name', 'created_at', 'updated_at'],
  filters: { supported: ['candidate_id'], required: { list: [], get: [] } },
  query: ({ filters }) => (filters.candidate_id !== undefined ? { keys: [refKey('candidate', filters.candidate_id)] } : {}),
  render: (rows) => rows.map((row) => ({ raw: JSON.parse(row.raw) as LeverApplication, row })),
  toUnified: ({ raw }) => applicationToUnified(raw),
  rawSingle: (raw) => ({ data: raw }),
  rawPage: page,
  pageToken: (last) => token((last as LeverApplication).createdAt, (last as LeverApplication).id),
  notFound: notFound('application'),
  call: (op) =>
    op.kind === 'get'
      ? getCall(`/opportunities/${enc(String(op.request.filters.candidate_id ?? ''))}/applications/${enc(op.request.id)}`, op.request.remoteQuery)
      : listCall(`/opportunities/${enc(String(op.request.filters.candidate_id ?? ''))}/applications`, op.request, {}),
  rawSchema: LeverApplication,
};
