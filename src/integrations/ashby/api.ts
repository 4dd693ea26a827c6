import type { TSchema } from '@sinclair/typebox';
import type { ReadMethod } from '../../model/catalogue.js';
import type { RecordFilter } from '../../store/records.js';
import type { FilterName, ListRequest, RemoteCall, RemoteError, Rendered, ResourceEmulation } from '../types.js';
import { honouredDates } from '../remote-query.js';
import { ASHBY, requestId } from './ids.js';
import type { AshbyError } from './raw.js';

/** Ashby's docs send `Accept: application/json; version=1`; the API key is the Basic auth user name. */
const HEADERS = { Authorization: 'Basic <redacted>', Accept: 'application/json; version=1', 'Content-Type': 'application/json' };

/** Every answer carries a request id header; ours is derived from the call, so answers stay byte-identical. */
export function call(method: string, body: Record<string, unknown>): RemoteCall {
  const url = `${ASHBY}/${method}`;
  return {
    url,
    options: { method: 'POST', headers: { ...HEADERS }, body },
    responseHeaders: { 'content-type': 'application/json; charset=utf-8', 'x-ashby-request-id': requestId(`${url} ${JSON.stringify(body)}`) },
  };
}

/** What Ashby says for an unknown id, by object (`application_not_found`…). */
const MESSAGES: Record<string, string> = {
  candidate: 'Candidate not found',
  application: 'Application not found - are you lacking permissions to edit candidates?',
  job: 'Job not found',
  job_posting: 'Job posting not found',
  interview_stage: 'Interview stage not found',
};

/** Ashby's own failure for an id it does not know: HTTP 200, `success: false`; Truto reports it as a 404. */
export function notFoundBody(what: string, id: string, method = `${what}.info`): AshbyError {
  const code = `${what}_not_found`;
  return { success: false, errors: [code], errorInfo: { code, message: MESSAGES[what] ?? 'Not found', requestId: requestId(`${method} ${id}`) } };
}

export function notFoundOf(what: string, method?: string): (id: string) => RemoteError {
  return (id) => {
    const body = notFoundBody(what, id, method);
    return { statusCode: 404, message: body.errorInfo.message, body };
  };
}

/**
 * Ashby's refusal of a request it understood but will not carry out (`invalid_input`), also HTTP 200 with
 * `success: false`; Truto reports it as a 422, as it does a vendor's validation error.
 */
export function invalidInput(message: string, method: string, of: string): RemoteError {
  const code = 'invalid_input';
  return { statusCode: 422, message, body: { success: false, errors: [code], errorInfo: { code, message, requestId: requestId(`${method} ${of}`) } } };
}

/** A page cursor of Ashby's kind: short and opaque (here, the last record's id, packed). */
export const cursorAfter = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex').toString('base64url');

/** The envelope of a paginated `*.list`: `nextCursor` while there is more, a `syncToken` on the last page. */
export function listPage(raws: readonly object[], next: { hasMore: boolean; token?: string }, syncOf: string, sync = true): unknown {
  return {
    success: true,
    results: raws,
    moreDataAvailable: next.hasMore,
    ...(next.token !== undefined ? { nextCursor: next.token } : sync ? { syncToken: requestId(`sync ${syncOf}`) } : {}),
  };
}

/** The RPC body of a paginated list: Ashby's `limit` and `cursor`, then what the filters add, then `remote_query`. */
export function listBody(request: ListRequest, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    limit: request.limit,
    ...(request.pageToken !== undefined ? { cursor: request.pageToken } : {}),
    ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)),
    ...request.remoteQuery,
  };
}

/** What an Ashby resource of the plain kind needs said about it: stored as its `*.list` answers each record. */
export interface AshbyResourceSpec<Unified, Raw extends object> {
  kind: string;
  methods: readonly ReadMethod[];
  fields: readonly string[];
  /** `department.list`: the RPC method of the list; `get` the one of a single record, with its id key. */
  list: string;
  get?: { method: string; idKey: string; what: string };
  rawSchema: TSchema;
  toUnified(item: Rendered<Raw>): Unified;
  supported?: readonly FilterName[];
  required?: readonly FilterName[];
  query?(request: ListRequest): RecordFilter;
  /** Keys the filters put in the list's body (`jobId`, `createdAfter`). */
  body?(request: ListRequest): Record<string, unknown>;
  /** Whether the last page carries a `syncToken` (those whose docs say they sync). */
  sync?: boolean;
  pageToken?(last: Raw): string;
}

export function ashbyResource<Unified, Raw extends object & { id: string }>(spec: AshbyResourceSpec<Unified, Raw>): ResourceEmulation<Unified, Rendered<Raw>> {
  const supported = spec.supported ?? [];
  const what = spec.get?.what ?? spec.kind;
  return {
    kind: spec.kind,
    methods: spec.methods,
    fields: spec.fields,
    filters: { supported, required: { list: spec.required ?? [], get: [] } },
    query: (request) => {
      const { filters } = request;
      return {
        ...honouredDates(supported, filters),
        ...spec.query?.(request),
      };
    },
    render: (rows) => rows.map((row) => ({ raw: JSON.parse(row.raw) as Raw, row })),
    toUnified: spec.toUnified,
    rawSingle: (raw) => ({ success: true, results: raw }),
    rawPage: (raws, next, request) => listPage(raws, next, `${spec.list} ${JSON.stringify(request?.remoteQuery ?? {})}`, spec.sync ?? true),
    pageToken: (last) => (spec.pageToken ? spec.pageToken(last as Raw) : cursorAfter((last as Raw).id)),
    notFound: notFoundOf(what, spec.get?.method),
    call: (op) =>
      op.kind === 'get'
        ? call(spec.get?.method ?? `${spec.list.split('.')[0]}.info`, { ...op.request.remoteQuery, [spec.get?.idKey ?? 'id']: op.request.id })
        : call(spec.list, listBody(op.request, spec.body?.(op.request))),
    rawSchema: spec.rawSchema,
  };
}
