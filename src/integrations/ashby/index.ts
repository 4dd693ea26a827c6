import type { RecordFilter, RecordRow } from '../../store/records.js';
import { stringParam } from '../remote-query.js';
import type { Integration, ListRequest, RemoteCall, RemoteError, RenderContext } from '../types.js';
import { reasonWord, remoteErrorFor } from '../remote-errors.js';
import { ASHBY, fileHandle, requestId } from './ids.js';
import { attachmentToUnified, candidateToUnified, type FileItem } from './mapping.js';
import { AshbyAttachment, AshbyCandidate, type AshbyError } from './raw.js';
import { ashbySeed, emailKey, nameKey, type StoredFile } from './seed.js';

/** Ashby's docs send `Accept: application/json; version=1`; the API key is the Basic auth user name. */
const HEADERS = { Authorization: 'Basic <redacted>', Accept: 'application/json; version=1', 'Content-Type': 'application/json' };

/** `remote_query[createdAfter]`: Ashby's `createdAfter`, milliseconds since the epoch. */
function epochParam(v: unknown): string | undefined {
  const s = typeof v === 'number' ? String(v) : v;
  if (typeof s !== 'string' || !/^\d{1,15}$/.test(s)) return undefined;
  return new Date(Number(s)).toISOString();
}

/** `email` or `name` in `remote_query` turn the list into a `candidate.search` (email first when both). */
function search(rq: Record<string, unknown>): { email?: string; name?: string } | undefined {
  const email = stringParam(rq.email);
  const name = stringParam(rq.name);
  if (email === undefined && name === undefined) return undefined;
  return { ...(email !== undefined ? { email } : {}), ...(name !== undefined ? { name } : {}) };
}

function candidateQuery({ filters, remoteQuery }: ListRequest): RecordFilter {
  const created = { ...filters.created_at };
  created.gt ??= epochParam(remoteQuery.createdAfter);
  if (created.gt === undefined) delete created.gt;
  const found = search(remoteQuery);
  const key = found?.email !== undefined ? emailKey(found.email) : found?.name !== undefined ? nameKey(found.name) : undefined;
  return { ...(key !== undefined ? { key } : {}), createdAt: created, ...(filters.updated_at ? { updatedAt: filters.updated_at } : {}) };
}

/** Every answer carries a request id header; ours is derived from the call, so answers stay byte-identical. */
function call(method: string, body: Record<string, unknown>): RemoteCall {
  const url = `${ASHBY}/${method}`;
  return {
    url,
    options: { method: 'POST', headers: { ...HEADERS }, body },
    responseHeaders: { 'content-type': 'application/json; charset=utf-8', 'x-ashby-request-id': requestId(`${url} ${JSON.stringify(body)}`) },
  };
}

function listCall(request: ListRequest): RemoteCall {
  const { remoteQuery: rq, filters } = request;
  const found = search(rq);
  // candidate.search takes only its own keys and is not paginated; Truto passes remote_query through as the body.
  if (found) return call('candidate.search', { ...rq });
  const since = filters.created_at?.gt ?? filters.created_at?.gte;
  return call('candidate.list', {
    limit: request.limit,
    ...(request.pageToken !== undefined ? { cursor: request.pageToken } : {}),
    ...(since !== undefined && rq.createdAfter === undefined ? { createdAfter: Date.parse(since) } : {}),
    ...rq,
  });
}

/** Ashby's own failure for an id it does not know: HTTP 200, `success: false`; Truto reports it as a 404. */
export function notFoundBody(what: 'candidate', id: string): AshbyError {
  const code = `${what}_not_found`;
  return { success: false, errors: [code], errorInfo: { code, message: 'Candidate not found', requestId: requestId(`${what}.info ${id}`) } };
}

const notFound = (id: string): RemoteError => {
  const body = notFoundBody('candidate', id);
  return { statusCode: 404, message: body.errorInfo.message, body };
};

/** A page cursor of Ashby's kind: short and opaque (here, the last record's id, packed). */
const cursorAfter = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex').toString('base64url');

function renderAttachment(row: RecordRow, ctx: RenderContext): FileItem {
  const { resume, ...handle } = JSON.parse(row.raw) as StoredFile;
  return { raw: { ...handle, url: ctx.fileUrl(row.id, handle.name) }, row, resume };
}

export const ashby: Integration = {
  name: 'ashby',
  // candidate.list: "The maximum and default value is 100".
  pageSize: { default: 100, max: 100 },
  seed: ashbySeed,
  // Injected faults in Ashby's envelope: `success: false` with `errors` and `errorInfo`.
  errorBody: (status) =>
    status === 404
      ? notFound('')
      : remoteErrorFor(status, { 401: 'Invalid API key', 429: 'Rate limit exceeded' }, (message, s) => {
          const code = reasonWord(s).replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
          return { success: false, errors: [code], errorInfo: { code, message } };
        }),
  resources: {
    candidates: {
      kind: 'candidate',
      methods: ['list', 'get'],
      fields: [
        'id', 'name', 'company', 'title', 'locations', 'emails.email', 'emails.type', 'phones.number', 'phones.type',
        'urls.url', 'urls.type', 'tags.id', 'tags.name', 'applications.id', 'created_at', 'updated_at',
      ],
      // candidate.list filters by nothing but its cursor and sync token: the unified date filters are Truto's.
      filters: { supported: ['created_at', 'updated_at'], required: { list: [], get: [] } },
      query: candidateQuery,
      render: (rows) => rows.map((row) => ({ raw: JSON.parse(row.raw) as AshbyCandidate, row })),
      toUnified: candidateToUnified,
      rawSingle: (raw) => ({ success: true, results: raw }),
      rawPage: (raws, next, request) => {
        if (request && search(request.remoteQuery)) return { success: true, results: raws };
        return {
          success: true,
          results: raws,
          moreDataAvailable: next.hasMore,
          ...(next.token !== undefined ? { nextCursor: next.token } : { syncToken: requestId(`sync ${JSON.stringify(request?.remoteQuery ?? {})}`) }),
        };
      },
      pageToken: (last) => cursorAfter((last as AshbyCandidate).id),
      notFound,
      // remote_query keys ride in the RPC body, as Ashby takes every parameter there.
      call: (op) => (op.kind === 'get' ? call('candidate.info', { ...op.request.remoteQuery, id: op.request.id }) : listCall(op.request)),
      rawSchema: AshbyCandidate,
    },
    attachments: {
      kind: 'attachment',
      methods: ['list'],
      fields: ['id', 'file_name', 'file_url', 'attachment_type', 'candidate.id'],
      // No attachment list in Ashby: Truto reads the candidate (candidate.info), then file.info for each handle.
      filters: { supported: ['candidate_id'], required: { list: ['candidate_id'], get: [] } },
      query: ({ filters }) => (filters.candidate_id !== undefined ? { candidateId: filters.candidate_id } : {}),
      // candidate.info for an unknown candidate fails, so the list does too.
      parentError: (reader, filters) =>
        filters.candidate_id !== undefined && !reader.get('candidate', filters.candidate_id) ? notFound(filters.candidate_id) : undefined,
      render: (rows, _reader, ctx) => rows.map((row) => renderAttachment(row, ctx)),
      toUnified: attachmentToUnified,
      rawSingle: (raw) => ({ success: true, results: { url: (raw as AshbyAttachment).url } }),
      notFound,
      call: (op) =>
        op.kind === 'get'
          ? call('file.info', { ...op.request.remoteQuery, fileHandle: fileHandle(op.request.id) })
          : call('candidate.info', { id: op.request.filters.candidate_id }),
      rawSchema: AshbyAttachment,
    },
  },
};
