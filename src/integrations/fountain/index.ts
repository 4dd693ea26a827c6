import { hash32 } from '../../seed/random.js';
import type { DateRange, RecordFilter, RecordRow } from '../../store/records.js';
import { dateParam, listParam, stringParam } from '../remote-query.js';
import type { Integration, ListRequest, RemoteCall, RenderContext, Rendered, UnifiedFilters } from '../types.js';
import { remoteErrorFor } from '../remote-errors.js';
import { API } from './ids.js';
import { applicantToUnified, secureDocumentToUnified } from './mapping.js';
import { FountainApplicant, FountainSecureDocument, NOT_FOUND_BODY } from './raw.js';
import { fountainSeed, labelKey, stageKey, stageTypeKey } from './seed.js';

const HEADERS = { 'X-ACCESS-TOKEN': '<redacted>', Accept: 'application/json' };
const RESPONSE_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'max-age=0, private, must-revalidate' };
/** Fountain's secure document links live 24 hours unless `ttl` asks for less. */
const DEFAULT_TTL = 86_400;

/**
 * A secure document's `public_url` as Fountain hands it out, a presigned storage link, but pointing at the mock:
 * the mock's own signed link with the presign parameters S3 adds. Only `expires`/`signature` are checked.
 */
export function publicUrl(link: string, ctx: RenderContext): string {
  if (link === '') return link;
  return `${link}&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=${ctx.expiresIn ?? DEFAULT_TTL}&X-Amz-SignedHeaders=host`;
}

function renderDocument(row: RecordRow, ctx: RenderContext): Rendered<FountainSecureDocument> {
  const raw = JSON.parse(row.raw) as FountainSecureDocument;
  raw.public_url = publicUrl(ctx.fileUrl(row.id, raw.filename), ctx);
  return { raw, row };
}

/**
 * Fountain's cursors are opaque Rails-signed strings (`cnNwcWJ4VWp1T0Y5…`): base64 of a base64 payload, `--`
 * and a digest. Ours name the applicant the page starts from or follows; only their look matters, since Truto's
 * cursor is what moves a unified list.
 */
export function cursorOf(where: 'at' | 'after', id: string): string {
  const payload = Buffer.from(JSON.stringify({ [where]: id })).toString('base64');
  const digest = Buffer.from(hash32(`${where}:${id}`).toString(16).padStart(8, '0')).toString('base64');
  return Buffer.from(`${payload}--${digest}`).toString('base64');
}

/** `created_at=2016-12-23` (that UTC day) or `created_at[gt]=…&created_at[lt]=…`, as the list reads them. */
function fountainDates(v: unknown): DateRange {
  if (typeof v === 'string') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return {};
    const day = dateParam(v);
    return day === undefined ? {} : { gte: day, lt: new Date(Date.parse(day) + 86_400_000).toISOString() };
  }
  if (v === null || typeof v !== 'object') return {};
  const out: DateRange = {};
  for (const op of ['gt', 'gte', 'lt', 'lte'] as const) {
    const d = dateParam((v as Record<string, unknown>)[op]);
    if (d !== undefined) out[op] = d;
  }
  return out;
}

/** The unified date filter first, then what `remote_query` asked of Fountain's own parameter. */
const merge = (unified: DateRange | undefined, remote: DateRange): DateRange => ({ ...remote, ...unified });

function applicantQuery({ filters, remoteQuery: rq }: ListRequest): RecordFilter {
  const funnel = stringParam(rq.funnel_id);
  const stage = stringParam(rq.stage_id);
  const label = listParam(rq.labels)?.[0];
  const type = stringParam(rq.stage);
  // One exact-match key per query: the stage id is the narrowest, then a label, then the stage type.
  const key = stage !== undefined ? stageKey(stage) : label !== undefined ? labelKey(label) : type !== undefined ? stageTypeKey(type) : undefined;
  return {
    ...(funnel !== undefined ? { jobId: funnel } : {}),
    ...(key !== undefined ? { key } : {}),
    createdAt: merge(filters.created_at, fountainDates(rq.created_at)),
    updatedAt: merge(filters.updated_at, fountainDates(rq.updated_at)),
  };
}

/** `remote_query` as Fountain's query string: nested values (`created_at[gt]`) flattened the Rails way. */
function flatten(query: URLSearchParams, key: string, v: unknown): void {
  if (v === undefined || v === null) return;
  if (Array.isArray(v)) query.set(key, v.map(String).join(','));
  else if (typeof v === 'object') for (const [k, sub] of Object.entries(v)) flatten(query, `${key}[${k}]`, sub);
  else query.set(key, String(v));
}

function dateQuery(query: URLSearchParams, name: 'created_at' | 'updated_at', range: DateRange | undefined): void {
  for (const [op, v] of Object.entries(range ?? {})) query.set(`${name}[${op}]`, v as string);
}

function applicantsCall(request: ListRequest): RemoteCall {
  const query = new URLSearchParams({ per_page: String(request.limit) });
  if (request.pageToken !== undefined) query.set('cursor', request.pageToken);
  for (const [k, v] of Object.entries(request.remoteQuery)) flatten(query, k, v);
  dateQuery(query, 'created_at', request.filters.created_at);
  dateQuery(query, 'updated_at', request.filters.updated_at);
  return {
    url: `${API}/applicants?${query}`,
    options: { method: 'GET', headers: HEADERS },
    responseHeaders: RESPONSE_HEADERS,
  };
}

/** A single-record call, `remote_query` keys passed on as Fountain reads them. */
function getCall(path: string, remoteQuery: Record<string, unknown>): RemoteCall {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(remoteQuery)) flatten(query, k, v);
  const rest = query.toString();
  return { url: `${API}${path}${rest ? `?${rest}` : ''}`, options: { method: 'GET', headers: HEADERS }, responseHeaders: RESPONSE_HEADERS };
}

function documentsCall(filters: UnifiedFilters): RemoteCall {
  const ttl = filters.expires_in !== undefined ? `?ttl=${filters.expires_in}` : '';
  return {
    url: `${API}/applicants/${encodeURIComponent(filters.candidate_id ?? '')}/secure_documents${ttl}`,
    options: { method: 'GET', headers: HEADERS },
    responseHeaders: RESPONSE_HEADERS,
  };
}

const notFound = () => ({ statusCode: 404, message: NOT_FOUND_BODY.message, body: { ...NOT_FOUND_BODY } });

export const fountain: Integration = {
  name: 'fountain',
  // Not in Fountain's reference; the one published figure (a secondary source) is 20 by default, at most 100.
  pageSize: { default: 20, max: 100 },
  seed: fountainSeed,
  // Injected faults in Fountain's envelope: `{ message }`.
  errorBody: (status) => (status === 404 ? notFound() : remoteErrorFor(status, { 401: 'Unauthorized', 429: 'Rate limit exceeded' }, (message) => ({ message }))),
  resources: {
    candidates: {
      kind: 'applicant',
      methods: ['list', 'get'],
      fields: [
        'id', 'first_name', 'last_name', 'name', 'locations', 'emails.email', 'phones.number', 'tags.name',
        'created_at', 'updated_at',
        'applications.id', 'applications.candidate.id', 'applications.job.id', 'applications.reject_reason',
        'applications.current_stage.id', 'applications.current_stage.name', 'applications.current_stage.job.id',
      ],
      filters: { supported: ['created_at', 'updated_at'], required: { list: [], get: [] } },
      query: applicantQuery,
      render: (rows) => rows.map((row) => ({ raw: JSON.parse(row.raw) as FountainApplicant, row })),
      toUnified: applicantToUnified,
      // GET /v2/applicants/:id answers the bare applicant.
      rawSingle: (raw) => raw,
      rawPage: (raws, next) => ({
        applicants: raws,
        pagination: {
          current_cursor: raws.length > 0 ? cursorOf('at', (raws[0] as FountainApplicant).id) : null,
          next_cursor: next.token ?? null,
        },
      }),
      pageToken: (last) => cursorOf('after', (last as FountainApplicant).id),
      notFound,
      call: (op) =>
        op.kind === 'get'
          ? getCall(`/applicants/${encodeURIComponent(op.request.id)}`, op.request.remoteQuery)
          : applicantsCall(op.request),
      rawSchema: FountainApplicant,
    },
    attachments: {
      kind: 'attachment',
      methods: ['list'],
      fields: ['id', 'file_name', 'file_url', 'candidate.id'],
      // Truto: candidate_id required; expires_in (Fountain's `ttl`) supported by Fountain alone.
      filters: { supported: ['candidate_id', 'expires_in'], required: { list: ['candidate_id'], get: [] } },
      // `/applicants/:id/secure_documents` of an unknown applicant is Fountain's 404, not an empty list.
      parentError: (reader, { candidate_id: id }) => (id !== undefined && !reader.get('applicant', id) ? notFound() : undefined),
      query: ({ filters }) => (filters.candidate_id !== undefined ? { candidateId: filters.candidate_id } : {}),
      render: (rows, _reader, ctx) => rows.map((row) => renderDocument(row, ctx)),
      toUnified: secureDocumentToUnified,
      rawSingle: (raw) => raw,
      rawPage: (raws) => ({ secure_documents: raws }),
      notFound,
      call: (op) => documentsCall(op.request.filters),
      rawSchema: FountainSecureDocument,
    },
  },
};
