import type { Candidate } from '../../../model/candidate.js';
import { refKey, type RecordFilter, type RecordRow } from '../../../store/records.js';
import type { AccountReader, GetRequest, ListRequest, RenderContext, Rendered, ResourceEmulation } from '../../types.js';
import { BREEZY } from '../ids.js';
import { call, enc, listUrl, NOTHING, notFound, positionPath, wrongCompany } from '../api.js';
import { candidateToUnified } from '../mapping.js';
import { BreezyCandidate } from '../raw.js';

function renderCandidate(row: RecordRow, ctx: RenderContext): Rendered<BreezyCandidate> {
  const raw = JSON.parse(row.raw) as BreezyCandidate;
  if (raw.resume) raw.resume.url = raw.resume.pdf_url = ctx.fileUrl(raw.resume._id, raw.resume.file_name);
  return { raw, row };
}

/** The candidate a get asks for: only under the position (and company) it lives in. */
export function findCandidate(reader: AccountReader, { id, filters }: GetRequest): RecordRow | undefined {
  const row = reader.get('candidate', id);
  if (!row || row.refs.job !== filters.job_id || wrongCompany(filters)) return undefined;
  return row;
}

function candidateQuery({ filters }: ListRequest): RecordFilter {
  if (wrongCompany(filters)) return NOTHING;
  return {
    ...(filters.job_id !== undefined ? { keys: [refKey('job', filters.job_id)] } : {}),
    ...(filters.created_at ? { createdAt: filters.created_at } : {}),
    ...(filters.updated_at ? { updatedAt: filters.updated_at } : {}),
  };
}

/** `GET /v3/company/:company/position/:position/candidates` and `…/candidate/:id`: a candidate lives under one position. */
export const candidates: ResourceEmulation<Candidate, Rendered<BreezyCandidate>> = {
  kind: 'candidate',
  methods: ['list', 'get'],
  fields: [
    'id', 'name', 'company', 'title', 'locations', 'emails.email', 'phones.number', 'urls.url', 'urls.type', 'tags.name',
    'created_at', 'updated_at', 'attachments',
    'applications.id', 'applications.candidate.id', 'applications.job.id', 'applications.applied_at',
    'applications.rejected_at', 'applications.reject_reason', 'applications.source.id', 'applications.source.name',
    'applications.current_stage.id', 'applications.current_stage.name', 'applications.current_stage.job.id',
    'applications.created_at', 'applications.updated_at',
  ],
  filters: { supported: ['job_id', 'organization_id', 'created_at', 'updated_at'], required: { list: ['job_id'], get: ['job_id'] } },
  query: candidateQuery,
  find: findCandidate,
  render: (rows, _reader, ctx) => rows.map((row) => renderCandidate(row, ctx)),
  toUnified: candidateToUnified,
  rawSingle: (raw) => raw,
  notFound: notFound('candidate'),
  call: (op) =>
    op.kind === 'get'
      ? call(`${BREEZY}${positionPath(op.request.filters)}/candidate/${enc(op.request.id)}`, op.request.remoteQuery)
      : call(listUrl(`${positionPath(op.request.filters)}/candidates`, op.request)),
  rawSchema: BreezyCandidate,
};
