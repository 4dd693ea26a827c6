import { Readable } from 'node:stream';
import type { FileLinks } from '../files/links.js';
import type { GetRequest, ListRequest, RemoteCall, RenderContext, Rendered, ResourceEmulation } from '../integrations/types.js';
import { CATALOGUE, RESOURCE_NAMES, resourceNamed, type ReadMethod, type ResourceName } from '../model/catalogue.js';
import type { DateRange, RecordRow } from '../store/records.js';
import type { Account, Accounts } from './accounts.js';
import type { Cursors } from './cursor.js';
import { parseInstant } from '../instant.js';
import { canonical } from './canonical.js';
import { errors, type TrutoError } from './errors.js';
import { methodOf, supportedMethods } from './methods.js';
import { FILTERS, type FilterName, type UnifiedFilters } from './filters.js';
import type { TrutoQuery } from './params.js';
import { envelope, keyOf, presentation, presentRecord } from './present.js';

/** What a route sends: a body to serialize, or a stream (formats `stream`, and whole lists). */
export type Answer =
  /** `cacheable`: the same request always gets this same body (false when links expire with the clock). */
  | { kind: 'json'; body: unknown; cacheable: boolean; warnings: readonly string[] }
  /** JSON already serialized (kept renderings): its text, or its UTF-8 bytes, never to be written into. */
  | { kind: 'serialized'; json: string | Buffer; cacheable: boolean; warnings: readonly string[] }
  | { kind: 'stream'; contentType: string; stream: Readable; warnings: readonly string[] };

export const JSON_TYPE = 'application/json; charset=utf-8';
// NDJSON in the body, `text/plain` on the label: Truto documents no type, and SDKs parse any type naming `json`.
export const NDJSON_TYPE = 'text/plain; charset=utf-8';

const DATE_FILTERS = new Set<FilterName>((Object.keys(FILTERS) as FilterName[]).filter((f) => FILTERS[f].kind === 'dateRange'));
/** Whole lists are read from the store in batches of this many rows, so their memory stays flat. */
const BATCH = 100;

/**
 * Truto's unified API over the store: parameters → account → integration rules → store → mapping → format.
 */
export class UnifiedApi {
  constructor(
    private readonly accounts: Accounts,
    private readonly cursors: Cursors,
    private readonly links: FileLinks,
  ) {}

  get(resource: ResourceName, id: string, query: TrutoQuery, base: string): Answer {
    const account = this.accounts.get(query.integrated_account_id);
    const res = this.emulation(account, resource, 'get');
    const { filters, warnings } = this.filters(account, resource, res, 'get', query);
    const renderings = this.accounts.store.renderings;
    const kept = plain(query, filters, warnings) ? `${account.row.key}\n${resource}\nget\n${base}\n${id}` : undefined;
    if (kept !== undefined) {
      const text = renderings.answer(kept);
      if (text !== undefined) return serialized(text, warnings);
    }
    const request: GetRequest = { id, filters, remoteQuery: query.remote_query ?? {} };
    const row = res.find ? res.find(account.reader, request) : account.reader.get(res.kind, id);
    if (!row) {
      const nf = res.notFound(id);
      throw errors.remote(nf.statusCode, nf.message, nf.body);
    }
    const ctx = this.renderContext(account, res, filters, base, request.remoteQuery);
    const item = res.renderOne ? res.renderOne(row, account.reader, ctx) : res.render([row], account.reader, ctx)[0]!;
    const { raw } = item;
    const format = query.truto_response_format ?? 'unified';
    if (format === 'raw') return json(res.rawSingle(raw), ctx.stable, warnings);
    const p = presentation(format, CATALOGUE[resource].schema, query);
    const record = presentRecord(p, res.toUnified(item));
    if (format === 'stream') return stream(NDJSON_TYPE, [`${JSON.stringify(record)}\n`], warnings);
    if (format === 'debug') {
      return json({ result: record, debug: debugOf(res.call({ kind: 'get', request }, account.reader), res.rawSingle(raw)) }, ctx.stable, warnings);
    }
    if (kept !== undefined && ctx.stable) {
      const text = JSON.stringify(record);
      renderings.set(kept, text);
      return serialized(text, warnings);
    }
    return json(record, ctx.stable, warnings);
  }

  list(resource: ResourceName, query: TrutoQuery, base: string): Answer {
    const account = this.accounts.get(query.integrated_account_id);
    const integration = account.integration;
    const res = this.emulation(account, resource, 'list');
    const { filters, warnings } = this.filters(account, resource, res, 'list', query);
    const remoteQuery = query.remote_query ?? {};
    const limit = Math.min(query.limit ?? integration.pageSize.default, integration.pageSize.max);
    const { expires_in: _ignored, ...scoped } = filters;
    const scope = canonical([account.row.id, resource, scoped, remoteQuery]);
    const position = query.next_cursor === undefined ? { after: 0, page: 1 } : this.cursors.read(scope, query.next_cursor);
    const format = query.truto_response_format ?? 'unified';
    const whole = format === 'stream' || query.truto_ignore_limit === true || query.truto_key_by !== undefined;
    const { renderings } = this.accounts.store;
    // A plain page, kept whole: the same page of the same data is the same answer, its parent check included.
    const keptPage =
      position && !whole && !res.pageToken && plain(query, filters, warnings, true)
        ? `${account.row.key}\n${resource}\npage\n${base}\n${scope}\n${position.after}\n${position.page}\n${limit}`
        : undefined;
    if (keptPage !== undefined) {
      const text = renderings.answer(keptPage);
      if (text !== undefined) return serialized(text, warnings);
    }
    const parentError = res.parentError?.(account.reader, filters);
    if (parentError) throw errors.remote(parentError.statusCode, parentError.message, parentError.body);
    if (!position) throw errors.invalidCursor();

    const request: ListRequest = {
      filters,
      remoteQuery,
      limit,
      page: whole ? 1 : position.page,
      ...(!whole && position.token !== undefined ? { pageToken: position.token } : {}),
    };
    const storeFilter = res.query(request);
    const ctx = this.renderContext(account, res, filters, base, request.remoteQuery);
    const p = presentation(format, CATALOGUE[resource].schema, query);
    const { records } = this.accounts.store;
    const toRecord = (item: Rendered) => (format === 'raw' ? item.raw : presentRecord(p, res.toUnified(item)));

    if (whole) {
      // Every matching record: a cursor sent along is checked above but does not move the start (CONTRACT §3, §4).
      const batches = function* (): Generator<Rendered[]> {
        for (let after = 0; ; ) {
          const rows = records.page(account.row.key, res.kind, storeFilter, after, BATCH);
          if (rows.length > 0) yield res.render(rows, account.reader, ctx);
          if (rows.length < BATCH) return;
          after = rows[rows.length - 1]!.seq;
        }
      };
      if (format === 'stream') {
        return stream(NDJSON_TYPE, mapBatches(batches(), (batch) => batch.map((item) => `${JSON.stringify(toRecord(item))}\n`).join('')), warnings);
      }
      const debug = format === 'debug' ? () => ({ call: res.call({ kind: 'list', request, hasMore: false }, account.reader), raws: batches() }) : undefined;
      // The whole list's debug.data is every raw record in one array, whatever the API's page wrapper.
      return stream(JSON_TYPE, wholeList(batches(), toRecord, query.truto_key_by, debug), warnings);
    }

    const rows: RecordRow[] = records.page(account.row.key, res.kind, storeFilter, position.after, limit + 1);
    const hasMore = rows.length > limit;
    if (hasMore) rows.pop();
    // A page of plain records whose cursor is the mock's own: the records as kept, joined in the envelope.
    if (keptPage !== undefined && ctx.stable) {
      const keys = rows.map((row) => `${account.row.key}\n${resource}\nlist\n${base}\n${row.seq}`);
      let texts = keys.map((key) => renderings.get(key));
      if (texts.includes(undefined)) {
        // Rendered as a whole page, as the general path does: an integration may compose a page's records together.
        texts = res.render(rows, account.reader, ctx).map((item, i) => {
          const text = JSON.stringify(res.toUnified(item));
          renderings.set(keys[i]!, text);
          return text;
        });
      }
      const next = hasMore ? this.cursors.issue(scope, { after: rows[rows.length - 1]!.seq, page: position.page + 1 }) : null;
      const text = `{"result":[${texts.join(',')}],"next_cursor":${JSON.stringify(next)},"prev_cursor":null,"result_count":${rows.length}}`;
      renderings.set(keptPage, text);
      return serialized(text, warnings);
    }
    const items = res.render(rows, account.reader, ctx);
    const raws = items.map((i) => i.raw);
    const nextToken = hasMore && res.pageToken ? res.pageToken(raws[raws.length - 1]!) : undefined;
    const next = hasMore
      ? this.cursors.issue(scope, { after: rows[rows.length - 1]!.seq, page: position.page + 1, ...(nextToken !== undefined ? { token: nextToken } : {}) })
      : null;
    const page = envelope(items.map(toRecord), next);
    if (format !== 'debug') return json(page, ctx.stable, warnings);
    const data = res.rawPage ? res.rawPage(raws, { hasMore, ...(nextToken !== undefined ? { token: nextToken } : {}) }, request, { items, reader: account.reader }) : raws;
    const call = res.call({ kind: 'list', request, hasMore, ...(nextToken !== undefined ? { nextToken } : {}) }, account.reader);
    const debug = { ...debugOf(call, data), ...listDebug(next, raws.length) };
    return json({ ...page, debug }, ctx.stable, warnings);
  }

  /**
   * What an unrouted `/unified/ats/…` request is: an unknown resource, a method the account's integration lacks (a
   * write before writes exist, an update, a delete), or (a path of another shape) a route that does not exist.
   */
  notServed(httpMethod: string, path: string, accountId: unknown): TrutoError {
    const segments = path.replace(/^\/+unified\/+ats/, '').split('/').filter(Boolean);
    const [resource, rest] = segments;
    const method = resource === undefined || segments.length > 2 ? undefined : methodOf(httpMethod, rest);
    if (method === undefined) return errors.routeNotFound(httpMethod, path);
    if (!resourceNamed(resource!)) return errors.unknownResource(resource!, RESOURCE_NAMES);
    if (typeof accountId !== 'string') return errors.missingQuery(['integrated_account_id']);
    const account = this.accounts.get(accountId);
    const emulation = account.integration.resources[resource as ResourceName];
    return errors.unsupported(account.integration.name, resource!, method, supportedMethods(emulation, resource));
  }

  /** The account's integration's emulation of this resource and method, or Truto's "does not support" 404. */
  private emulation(account: Account, resource: ResourceName, method: ReadMethod): ResourceEmulation<object> {
    const res = account.integration.resources[resource] as ResourceEmulation<object> | undefined;
    if (!res || !res.methods.includes(method)) throw errors.unsupported(account.integration.name, resource, method, supportedMethods(res, resource));
    return res;
  }

  /**
   * The unified filters of a request: refuses what the integration requires and lacks, drops (with a warning) what
   * its API would ignore.
   */
  private filters(
    account: Account,
    resource: ResourceName,
    res: ResourceEmulation<object>,
    method: ReadMethod,
    query: TrutoQuery,
  ): { filters: UnifiedFilters; warnings: string[] } {
    const given = query as Record<string, unknown>;
    for (const required of res.filters.required[method]) {
      if (given[required] !== undefined) continue;
      throw errors.missingQuery(res.filters.required[method].filter((f) => given[f] === undefined), account.integration.name);
    }
    const out: Record<string, unknown> = {};
    const warnings: string[] = [];
    for (const name of CATALOGUE[resource].filters[method]) {
      const value = given[name];
      if (value === undefined) continue;
      // Checked even when ignored: a malformed date is the client's mistake whichever ATS is behind.
      const parsed = DATE_FILTERS.has(name) ? dateRange(name, value as DateRange) : value;
      if (res.filters.supported.includes(name)) out[name] = parsed;
      else warnings.push(`${name} is not supported by ${account.integration.name} on ${resource}: ignored`);
    }
    return { filters: out as UnifiedFilters, warnings };
  }

  private renderContext(
    account: Account,
    res: ResourceEmulation<object>,
    filters: UnifiedFilters,
    base: string,
    remoteQuery: Record<string, unknown>,
  ): RenderContext & { stable: boolean } {
    const expiresAt =
      filters.expires_in !== undefined && res.filters.supported.includes('expires_in')
        ? Math.floor(Date.now() / 1000) + filters.expires_in
        : undefined;
    return {
      fileUrl: (attachmentId, fileName) => this.links.url(base, account.row.id, attachmentId, fileName, expiresAt),
      remoteQuery,
      ...(expiresAt !== undefined ? { expiresIn: filters.expires_in } : {}),
      stable: expiresAt === undefined,
    };
  }
}

function dateRange(name: string, range: DateRange): DateRange {
  const out: DateRange = {};
  for (const op of ['gt', 'gte', 'lt', 'lte'] as const) {
    const v = range[op];
    if (v === undefined) continue;
    const ms = parseInstant(v);
    if (Number.isNaN(ms)) throw errors.invalidQuery(`${name}[${op}]`, `must be an ISO 8601 date-time such as 2024-01-01T00:00:00Z (got ${JSON.stringify(v)})`);
    out[op] = new Date(ms).toISOString();
  }
  return out;
}

/** The `debug` format's account of the remote call (Truto's `debug` object). */
function debugOf(call: RemoteCall, data: unknown) {
  return { requestUrl: call.url, requestOptions: call.options, data, responseHeaders: call.responseHeaders };
}

/** What `debug` adds for a list. */
function listDebug(nextCursor: string | null, resultCount: number) {
  return { nextCursor, isLooping: false, isEmptyResult: resultCount === 0, resultCount };
}

const json = (body: unknown, cacheable: boolean, warnings: readonly string[]): Answer => ({ kind: 'json', body, cacheable, warnings });
const serialized = (json: string | Buffer, warnings: readonly string[]): Answer => ({ kind: 'serialized', json, cacheable: true, warnings });

/**
 * True when a read asks for records as they are kept (Store.renderings): the unified format, whole, with their
 * remote_data, with no filter and no remote_query that could change how they are rendered, and nothing to warn
 * about. A list's filters pick its records but do not change how each one is rendered.
 */
function plain(query: TrutoQuery, filters: UnifiedFilters, warnings: readonly string[], list = false): boolean {
  if (warnings.length > 0 || (query.truto_response_format ?? 'unified') !== 'unified') return false;
  if (query.truto_ignore_remote_data === true || (query.truto_exclude_fields?.length ?? 0) > 0) return false;
  if (query.remote_query !== undefined && Object.keys(query.remote_query).length > 0) return false;
  if (filters.expires_in !== undefined) return false;
  return list || Object.keys(filters).length === 0;
}

function stream(contentType: string, chunks: Iterable<string>, warnings: readonly string[]): Answer {
  return { kind: 'stream', contentType, stream: Readable.from(chunks, { objectMode: false }), warnings };
}

function* mapBatches<T>(batches: Iterable<Rendered[]>, f: (batch: Rendered[]) => T): Generator<T> {
  for (const b of batches) yield f(b);
}

/**
 * A whole list (`truto_ignore_limit`, `truto_key_by`) written as it is read: the envelope's text is produced
 * batch by batch, so a list of 100,000 records never sits in memory as one string.
 */
function* wholeList(
  batches: Iterable<Rendered[]>,
  toRecord: (item: Rendered) => unknown,
  keyBy: string | undefined,
  debug: (() => { call: RemoteCall; raws: Iterable<Rendered[]> }) | undefined,
): Generator<string> {
  yield keyBy === undefined ? '{"result":[' : '{"result":{';
  let count = 0;
  for (const batch of batches) {
    const parts = batch.map((item) => {
      const record = toRecord(item);
      return keyBy === undefined ? JSON.stringify(record) : `${JSON.stringify(keyOf(record, keyBy))}:${JSON.stringify(record)}`;
    });
    yield (count > 0 ? ',' : '') + parts.join(',');
    count += batch.length;
  }
  yield `${keyBy === undefined ? ']' : '}'},"next_cursor":null,"prev_cursor":null,"result_count":${count}`;
  if (debug) {
    const { call, raws } = debug();
    yield `,"debug":{"requestUrl":${JSON.stringify(call.url)},"requestOptions":${JSON.stringify(call.options)},"data":[`;
    let first = true;
    for (const batch of raws) {
      if (batch.length === 0) continue;
      yield (first ? '' : ',') + batch.map((r) => JSON.stringify(r.raw)).join(',');
      first = false;
    }
    yield `],"responseHeaders":${JSON.stringify(call.responseHeaders)},${JSON.stringify(listDebug(null, count)).slice(1)}`;
  }
  yield '}';
}
