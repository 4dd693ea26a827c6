import type { RecordFilter, RecordRow } from '../../store/records.js';
import type { AccountReader, GetRequest, Integration, ListRequest, RemoteCall, RenderContext, Rendered, UnifiedFilters } from '../types.js';
import { reasonWord, remoteErrorFor } from '../remote-errors.js';
import { BREEZY, companyOf } from './ids.js';
import { attachmentToUnified, candidateToUnified } from './mapping.js';
import { BreezyCandidate, BreezyFile, notFoundBody, type BreezyError } from './raw.js';
import { breezySeed } from './seed.js';

// Breezy takes the access token bare in Authorization (no scheme); its examples send a JSON content type.
const HEADERS = { Authorization: '<redacted>', 'Content-Type': 'application/json' };
const RESPONSE_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '99' };

/** The company a call goes to: the one asked for, else the position's own (Truto knows it from the account). */
const companyFor = (filters: UnifiedFilters) => filters.organization_id ?? companyOf(filters.job_id ?? '');

/** Another company's id finds nothing: Breezy has no such position under it. */
const wrongCompany = (filters: UnifiedFilters) =>
  filters.organization_id !== undefined && filters.job_id !== undefined && filters.organization_id !== companyOf(filters.job_id);

const NOTHING: RecordFilter = { ids: [] };

function renderCandidate(row: RecordRow, ctx: RenderContext): Rendered<BreezyCandidate> {
  const raw = JSON.parse(row.raw) as BreezyCandidate;
  if (raw.resume) raw.resume.url = raw.resume.pdf_url = ctx.fileUrl(raw.resume._id, raw.resume.file_name);
  return { raw, row };
}

function renderFile(row: RecordRow, ctx: RenderContext): Rendered<BreezyFile> {
  const raw = JSON.parse(row.raw) as BreezyFile;
  raw.url = ctx.fileUrl(raw._id, raw.file_name);
  if ('pdf_url' in raw) raw.pdf_url = raw.url;
  return { raw, row };
}

/** The candidate a get asks for: only under the position (and company) it lives in. */
function findCandidate(reader: AccountReader, { id, filters }: GetRequest): RecordRow | undefined {
  const row = reader.get('candidate', id);
  if (!row || row.job_id !== filters.job_id || wrongCompany(filters)) return undefined;
  return row;
}

function candidateQuery({ filters }: ListRequest): RecordFilter {
  if (wrongCompany(filters)) return NOTHING;
  return {
    ...(filters.job_id !== undefined ? { jobId: filters.job_id } : {}),
    ...(filters.created_at ? { createdAt: filters.created_at } : {}),
    ...(filters.updated_at ? { updatedAt: filters.updated_at } : {}),
  };
}

function positionPath(filters: UnifiedFilters): string {
  return `/company/${encodeURIComponent(companyFor(filters))}/position/${encodeURIComponent(filters.job_id ?? '')}`;
}

function call(url: string, remoteQuery: Record<string, unknown> = {}): RemoteCall {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(remoteQuery)) query.set(k, String(v));
  const rest = query.toString();
  return { url: rest ? `${url}${url.includes('?') ? '&' : '?'}${rest}` : url, options: { method: 'GET', headers: HEADERS }, responseHeaders: RESPONSE_HEADERS };
}

/** Breezy pages with `page` (1-based) and `page_size`; `remote_query` keys go along as it would send them. */
function listUrl(path: string, request: ListRequest): string {
  const query = new URLSearchParams({ page_size: String(request.limit), page: String(request.page) });
  for (const [k, v] of Object.entries(request.remoteQuery)) query.set(k, String(v));
  return `${BREEZY}${path}?${query}`;
}

const notFound = (what: 'candidate' | 'document') => (): { statusCode: number; message: string; body: BreezyError } => {
  const body = notFoundBody(what);
  return { statusCode: 404, message: body.error.message, body };
};

export const breezy: Integration = {
  name: 'breezy',
  // `page_size` is capped at 50 (Breezy's published limit); the mock defaults to a full page.
  pageSize: { default: 50, max: 50 },
  seed: breezySeed,
  // Injected faults in Breezy's envelope: `{ error: { type, message } }`.
  errorBody: (status) =>
    status === 404
      ? notFound('candidate')()
      : remoteErrorFor(status, { 401: 'Invalid access token', 429: 'Rate limit exceeded' }, (message, s) => {
          const word = reasonWord(s);
          return { error: { type: word[0]!.toLowerCase() + word.slice(1), message } };
        }),
  resources: {
    candidates: {
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
          ? call(`${BREEZY}${positionPath(op.request.filters)}/candidate/${encodeURIComponent(op.request.id)}`, op.request.remoteQuery)
          : call(listUrl(`${positionPath(op.request.filters)}/candidates`, op.request)),
      rawSchema: BreezyCandidate,
    },
    attachments: {
      kind: 'attachment',
      methods: ['list'],
      fields: ['id', 'file_name', 'file_url', 'attachment_type', 'candidate.id', 'job.id'],
      filters: { supported: ['candidate_id', 'job_id', 'organization_id'], required: { list: ['candidate_id', 'job_id'], get: [] } },
      // `…/position/:job/candidate/:id/documents` of a candidate not under that position is Breezy's 404.
      parentError: (reader, filters) =>
        filters.candidate_id !== undefined && !findCandidate(reader, { id: filters.candidate_id, filters, remoteQuery: {} }) ? notFound('candidate')() : undefined,
      query: ({ filters }) =>
        wrongCompany(filters)
          ? NOTHING
          : {
              ...(filters.candidate_id !== undefined ? { candidateId: filters.candidate_id } : {}),
              ...(filters.job_id !== undefined ? { jobId: filters.job_id } : {}),
            },
      render: (rows, _reader, ctx) => rows.map((row) => renderFile(row, ctx)),
      toUnified: attachmentToUnified,
      rawSingle: (raw) => raw,
      notFound: notFound('document'),
      call: (op) => {
        const { filters } = op.request;
        const documents = `${BREEZY}${positionPath(filters)}/candidate/${encodeURIComponent(filters.candidate_id ?? '')}/documents`;
        return op.kind === 'get' ? call(`${documents}/${encodeURIComponent(op.request.id)}`, op.request.remoteQuery) : call(documents);
      },
      rawSchema: BreezyFile,
    },
  },
};
