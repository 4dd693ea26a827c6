import type { TSchema } from '@sinclair/typebox';
import type { ReadMethod } from '../../model/catalogue.js';
import type { DateRange, RecordFilter } from '../../store/records.js';
import type { FilterName, ListRequest, RemoteCall, RemoteError, Rendered, ResourceEmulation, UnifiedFilters } from '../types.js';
import { LEVER } from './ids.js';
import { notFoundBody } from './raw.js';

/** Lever's side of every call: its URLs, headers, `{data, hasNext, next}` pages and 404. */
const HEADERS = { Authorization: 'Basic <redacted>', Accept: 'application/json' };
const RESPONSE_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/** The URL Lever is called with: `limit`, the `offset` token verbatim (it is already URL-safe), then the filters. */
export function listCall(path: string, request: ListRequest, extra: Record<string, string | undefined>): RemoteCall {
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
export function getCall(path: string, remoteQuery: Record<string, unknown>): RemoteCall {
  const [base, own = ''] = path.split('?') as [string, string?];
  const query = new URLSearchParams(own);
  for (const [k, v] of Object.entries(remoteQuery)) {
    for (const item of Array.isArray(v) ? v : [v]) if (!query.getAll(k).includes(String(item))) query.append(k, String(item));
  }
  const rest = query.toString();
  return { url: `${LEVER}${base}${rest ? `?${rest}` : ''}`, options: { method: 'GET', headers: HEADERS }, responseHeaders: RESPONSE_HEADERS };
}

/** Lever's `next`: an opaque, URL-encoded token naming the last record of the page (as its live answers show). */
export const token = (createdAt: number, id: string) => encodeURIComponent(JSON.stringify([1, createdAt, id]));

export const page = (raws: readonly object[], next: { hasMore: boolean; token?: string }) => ({
  data: raws,
  hasNext: next.hasMore,
  ...(next.token !== undefined ? { next: next.token } : {}),
});

/** Lever's 404 for a missing `what` (`opportunity`, `posting`, `user`…). */
export const notFound = (what: string) => (): RemoteError => {
  const body = notFoundBody(what);
  return { statusCode: 404, message: body.message, body };
};

export const enc = encodeURIComponent;

/** Epoch milliseconds of an ISO date, as Lever's time parameters take them. */
export const ms = (iso: string | undefined) => (iso === undefined ? undefined : String(Date.parse(iso)));

/** Lever's `<name>_start`/`<name>_end` for a unified date range. */
export function rangeParams(name: string, r: DateRange | undefined): Record<string, string | undefined> {
  return { [`${name}_start`]: ms(r?.gte ?? r?.gt), [`${name}_end`]: ms(r?.lte ?? r?.lt) };
}

/** What a plain Lever resource (stored as Lever answers it) needs said about it. */
export interface LeverResourceSpec<Unified, Raw extends object> {
  kind: string;
  methods: readonly ReadMethod[];
  fields: readonly string[];
  /** `/postings`: the list is `GET <path>`, a record `GET <path>/<id>`; a record under another (an opportunity's notes)
   * names its parent from the filters. */
  path: string | ((filters: UnifiedFilters) => string);
  /** The object its 404 names: `That <what> doesn't exist on your account`. */
  what: string;
  rawSchema: TSchema;
  toUnified(item: Rendered<Raw>): Unified;
  /** The paging token naming the last record of a page. */
  pageToken(last: Raw): string;
  supported?: readonly FilterName[];
  /** The store query, when there is one. */
  query?(request: ListRequest): RecordFilter;
  /** Lever's own list parameters for the unified filters. */
  listParams?(request: ListRequest): Record<string, string | undefined>;
}

/** A Lever resource of the plain kind: its records stored as Lever answers them, `{data}` and `{data, hasNext, next}`. */
export function leverResource<Unified, Raw extends object>(spec: LeverResourceSpec<Unified, Raw>): ResourceEmulation<Unified, Rendered<Raw>> {
  const path = (filters: UnifiedFilters) => (typeof spec.path === 'string' ? spec.path : spec.path(filters));
  return {
    kind: spec.kind,
    methods: spec.methods,
    fields: spec.fields,
    filters: { supported: spec.supported ?? [], required: { list: [], get: [] } },
    query: (request) => spec.query?.(request) ?? {},
    render: (rows) => rows.map((row) => ({ raw: JSON.parse(row.raw) as Raw, row })),
    toUnified: spec.toUnified,
    rawSingle: (raw) => ({ data: raw }),
    rawPage: page,
    pageToken: (last) => spec.pageToken(last as Raw),
    notFound: notFound(spec.what),
    call: (op) =>
      op.kind === 'get'
        ? getCall(`${path(op.request.filters)}/${enc(op.request.id)}`, op.request.remoteQuery)
        : listCall(path(op.request.filters), op.request, spec.listParams?.(op.request) ?? {}),
    rawSchema: spec.rawSchema,
  };
}

/**
 * A write as Lever takes it: `perform_as` in the query (the user it is made as), a JSON body, or for a file upload
 * a multipart body (recorded here by its parts: the file is named and sized, not copied).
 */
export function writeCall(method: 'POST' | 'PUT', path: string, performAs: string, body: unknown, multipart = false): RemoteCall {
  return {
    url: `${LEVER}${path}?perform_as=${enc(performAs)}`,
    options: { method, headers: { ...HEADERS, 'Content-Type': multipart ? 'multipart/form-data' : 'application/json' }, body },
    responseHeaders: RESPONSE_HEADERS,
  };
}

/** Lever's 400 for a body it refuses (`{code, message}`, as all its errors). */
export const badRequest = (message: string): RemoteError => ({ statusCode: 400, message, body: { code: 'BadRequestError', message } });
