import type { DateRange, RecordFilter, RecordRow } from '../../store/records.js';
import { stringParam } from '../remote-query.js';
import type { AccountReader, GetRequest, Integration, ListRequest, RemoteCall, RenderContext, Rendered } from '../types.js';
import { reasonWord, remoteErrorFor } from '../remote-errors.js';
import { LEVER } from './ids.js';
import { attachmentToUnified, candidateToUnified, isResume } from './mapping.js';
import { LeverAttachment, LeverOpportunity, notFoundBody, type LeverApplication, type StoredOpportunity } from './raw.js';
import { keyOf, leverSeed } from './seed.js';

const HEADERS = { Authorization: 'Basic <redacted>', Accept: 'application/json' };
const RESPONSE_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/** Opportunities as `GET /opportunities?expand=applications` answers them: application ids replaced by the objects. */
function renderOpportunities(rows: readonly RecordRow[], reader: AccountReader): Rendered<LeverOpportunity>[] {
  const apps = new Map<string, LeverApplication>();
  for (const r of reader.byParent('application', 'candidate_id', rows.map((r) => r.id))) apps.set(r.id, JSON.parse(r.raw) as LeverApplication);
  return rows.map((row) => {
    const stored = JSON.parse(row.raw) as StoredOpportunity;
    const opportunity: LeverOpportunity = { ...stored, applications: stored.applications.flatMap((id) => apps.get(id) ?? []) };
    return { raw: opportunity, row };
  });
}

function renderAttachment(row: RecordRow, ctx: RenderContext): Rendered<LeverAttachment> {
  const raw = JSON.parse(row.raw) as LeverAttachment;
  if (isResume(raw)) raw.file.downloadUrl = ctx.fileUrl(row.id, raw.file.name);
  else raw.downloadUrl = ctx.fileUrl(row.id, raw.name);
  return { raw, row };
}

/** Lever's time filters are epoch milliseconds; anything else it ignores. */
function msParam(v: unknown): string | undefined {
  const text = typeof v === 'number' ? String(v) : v;
  if (typeof text !== 'string' || !/^\d{1,15}$/.test(text)) return undefined;
  return new Date(Number(text)).toISOString();
}

/**
 * The exact-match filters of /opportunities that map to stored data, most selective first. The store matches one
 * lookup key per list, so when several are sent the first of these decides (documented in docs/integrations/lever.md).
 */
const KEYED: readonly [string, (v: string) => string | undefined][] = [
  ['email', keyOf.email],
  ['stage_id', keyOf.stage],
  ['tag', keyOf.tag],
  ['archived', (v) => (v === 'true' || v === 'false' ? keyOf.archived(v === 'true') : undefined)],
];

function opportunityQuery({ filters, remoteQuery: rq }: ListRequest): RecordFilter {
  const created: DateRange = { ...filters.created_at };
  const updated: DateRange = { ...filters.updated_at };
  created.gte ??= msParam(rq.created_at_start);
  created.lte ??= msParam(rq.created_at_end);
  updated.gte ??= msParam(rq.updated_at_start);
  updated.lte ??= msParam(rq.updated_at_end);
  const posting = filters.job_id ?? stringParam(rq.posting_id);
  let key: string | undefined;
  for (const [name, toKey] of KEYED) {
    const value = typeof rq[name] === 'boolean' ? String(rq[name]) : stringParam(rq[name]);
    key = value === undefined ? undefined : toKey(value);
    if (key !== undefined) break;
  }
  return {
    ...(posting !== undefined ? { appliedToJob: posting } : {}),
    ...(key !== undefined ? { key } : {}),
    createdAt: created,
    updatedAt: updated,
  };
}

const ms = (iso: string | undefined) => (iso === undefined ? undefined : String(Date.parse(iso)));

/** The URL Lever is called with: `limit`, the `offset` token verbatim (it is already URL-safe), then the filters. */
function listCall(path: string, request: ListRequest, extra: Record<string, string | undefined>): RemoteCall {
  const parts = [`limit=${request.limit}`];
  if (request.pageToken !== undefined) parts.push(`offset=${request.pageToken}`);
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) query.set(k, v);
  // Lever repeats a key for several values (`expand=applications&expand=stage`, `tag=a&tag=b`); paging is the mock's.
  for (const [k, v] of Object.entries(request.remoteQuery)) {
    if (k === 'limit' || k === 'offset') continue;
    for (const item of Array.isArray(v) ? v : [v]) if (!query.getAll(k).includes(String(item))) query.append(k, String(item));
  }
  const rest = query.toString();
  return {
    url: `${LEVER}${path}?${parts.join('&')}${rest ? `&${rest}` : ''}`,
    options: { method: 'GET', headers: HEADERS },
    responseHeaders: RESPONSE_HEADERS,
  };
}

/** A single-record call; `remote_query` keys are passed on as Lever reads them (a repeated key for several values). */
function getCall(path: string, remoteQuery: Record<string, unknown>): RemoteCall {
  const [base, own = ''] = path.split('?') as [string, string?];
  const query = new URLSearchParams(own);
  for (const [k, v] of Object.entries(remoteQuery)) {
    for (const item of Array.isArray(v) ? v : [v]) if (!query.getAll(k).includes(String(item))) query.append(k, String(item));
  }
  const rest = query.toString();
  return { url: `${LEVER}${base}${rest ? `?${rest}` : ''}`, options: { method: 'GET', headers: HEADERS }, responseHeaders: RESPONSE_HEADERS };
}

/** Lever's `next`: an opaque, URL-encoded token naming the last record of the page (as its live answers show). */
const token = (createdAt: number, id: string) => encodeURIComponent(JSON.stringify([1, createdAt, id]));

const page = (raws: readonly object[], next: { hasMore: boolean; token?: string }) => ({
  data: raws,
  hasNext: next.hasMore,
  ...(next.token !== undefined ? { next: next.token } : {}),
});

const notFound = (what: string) => () => {
  const body = notFoundBody(what);
  return { statusCode: 404, message: body.message, body };
};

const enc = encodeURIComponent;

export const lever: Integration = {
  name: 'lever',
  // Lever: `limit` 1–100, 100 when absent.
  pageSize: { default: 100, max: 100 },
  seed: leverSeed,
  // Injected faults in Lever's envelope: `{ code, message }`, the code a reason phrase ending in Error.
  errorBody: (status) =>
    status === 404
      ? notFound('opportunity')()
      : remoteErrorFor(status, { 401: 'Invalid API key', 429: 'Rate limit exceeded' }, (message, s) => ({ code: `${reasonWord(s)}Error`, message })),
  resources: {
    candidates: {
      kind: 'opportunity',
      methods: ['list', 'get'],
      fields: [
        'id', 'first_name', 'last_name', 'name', 'is_private', 'last_interaction_at', 'locations', 'emails.email', 'phones.number', 'phones.type',
        'urls.url', 'tags.name', 'created_at', 'updated_at',
        'applications.id', 'applications.candidate.id', 'applications.job.id', 'applications.applied_at',
        'applications.rejected_at', 'applications.created_at',
      ],
      filters: { supported: ['job_id', 'created_at', 'updated_at'], required: { list: [], get: [] } },
      query: opportunityQuery,
      render: (rows, reader) => renderOpportunities(rows, reader),
      toUnified: candidateToUnified,
      rawSingle: (raw) => ({ data: raw }),
      rawPage: page,
      pageToken: (last) => token((last as LeverOpportunity).createdAt, (last as LeverOpportunity).id),
      notFound: notFound('opportunity'),
      call: (op) => {
        if (op.kind === 'get') return getCall(`/opportunities/${enc(op.request.id)}?expand=applications`, op.request.remoteQuery);
        const { filters } = op.request;
        const range = (r: DateRange | undefined) => [ms(r?.gte ?? r?.gt), ms(r?.lte ?? r?.lt)] as const;
        const [cs, ce] = range(filters.created_at);
        const [us, ue] = range(filters.updated_at);
        return listCall('/opportunities', op.request, {
          expand: 'applications',
          posting_id: filters.job_id,
          created_at_start: cs,
          created_at_end: ce,
          updated_at_start: us,
          updated_at_end: ue,
        });
      },
      rawSchema: LeverOpportunity,
    },
    attachments: {
      kind: 'attachment',
      methods: ['list'],
      fields: ['id', 'file_name', 'file_url', 'attachment_type', 'candidate.id', 'created_at'],
      // Truto reads an opportunity's resumes and files: without the opportunity there is nothing to call.
      filters: { supported: ['candidate_id'], required: { list: ['candidate_id'], get: [] } },
      // `/opportunities/:id/resumes` of an opportunity that does not exist is Lever's 404, not an empty list.
      parentError: (reader, { candidate_id: id }) => (id !== undefined && !reader.get('opportunity', id) ? notFound('opportunity')() : undefined),
      query: ({ filters }) => (filters.candidate_id !== undefined ? { candidateId: filters.candidate_id } : {}),
      render: (rows, _reader, ctx) => rows.map((row) => renderAttachment(row, ctx)),
      toUnified: attachmentToUnified,
      rawSingle: (raw) => ({ data: raw }),
      rawPage: page,
      pageToken: (last) => {
        const a = last as LeverAttachment;
        return token(isResume(a) ? a.createdAt : a.uploadedAt, a.id);
      },
      notFound: notFound('file'),
      call: (op) => {
        if (op.kind === 'get') return getCall(`/files/${enc((op.request as GetRequest).id)}`, op.request.remoteQuery);
        return listCall(`/opportunities/${enc(op.request.filters.candidate_id ?? '')}/resumes`, op.request, {});
      },
      rawSchema: LeverAttachment,
    },
  },
};
