import type { Application } from '../../../model/application.js';
import type { ResourceEmulation } from '../../types.js';
import { enc, get, notFound } from '../api.js';
import { SPI, successor } from '../ids.js';
import { applicationToUnified, type CandidateItem } from '../mapping.js';
import { WorkableAnyCandidate } from '../raw.js';
import { candidateQuery, listUrl, renderCandidate, renderCandidates } from './candidates.js';

/**
 * Workable has no applications: a candidate is one person on one job, so an application is the candidate record
 * read as its candidacy (same id, same calls: `GET /candidates` summaries, `GET /candidates/{id}` the full record,
 * which adds the disqualification date). `remote_data` is the candidate record.
 */
export const applications: ResourceEmulation<Application, CandidateItem> = {
  kind: 'candidate',
  methods: ['list', 'get'],
  fields: [
    'id', 'candidate.id', 'job.id', 'applied_at', 'reject_reason', 'source.name', 'current_stage.id', 'current_stage.name',
    'current_stage.job.id', 'created_at', 'updated_at',
  ],
  filters: { supported: ['job_id', 'created_at', 'updated_at'], required: { list: [], get: [] } },
  query: candidateQuery,
  render: (rows, reader) => renderCandidates(rows, reader),
  renderOne: renderCandidate,
  toUnified: ({ raw }) => ({ ...applicationToUnified(raw), remote_data: raw as unknown as Record<string, unknown> }),
  rawSingle: (raw) => ({ candidate: raw }),
  rawPage: (raws, next, request) => ({
    candidates: raws,
    ...(next.hasMore && next.token !== undefined && request ? { paging: { next: listUrl(request, next.token) } } : {}),
  }),
  pageToken: (last) => successor((last as WorkableAnyCandidate).id),
  notFound,
  call: (op) =>
    op.kind === 'get' ? get(`${SPI}/candidates/${enc(op.request.id)}`, op.request.remoteQuery) : get(listUrl(op.request, op.request.pageToken)),
  rawSchema: WorkableAnyCandidate,
};
