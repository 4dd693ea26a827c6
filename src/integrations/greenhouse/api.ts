import type { TSchema } from '@sinclair/typebox';
import type { ReadMethod } from '../../model/catalogue.js';
import { refKey, type DateRange } from '../../store/records.js';
import type { FilterName, ListRequest, RemoteCall, RemoteError, Rendered, ResourceEmulation, UnifiedFilters } from '../types.js';
import { honouredDates, honouredRecordDates, type RecordDateFilter } from '../remote-query.js';
import { HARVEST } from './ids.js';
import { NOT_FOUND_BODY } from './raw.js';

/** Harvest's side of every call: its URLs, headers, paging links and 404. */
const HEADERS = { Authorization: 'Basic <redacted>', Accept: 'application/json' };
const RATE = { 'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '49' };

/** `GET <path>?per_page&page&…`: a Harvest list page, with its `Link: rel="next"` while there are more. */
export function listCall(path: string, request: ListRequest, hasMore: boolean, extra: Record<string, string | undefined> = {}): RemoteCall {
  const query = new URLSearchParams({ per_page: String(request.limit), page: String(request.page) });
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) query.set(k, v);
  for (const [k, v] of Object.entries(request.remoteQuery)) query.set(k, String(v));
  const next = new URLSearchParams(query);
  next.set('page', String(request.page + 1));
  return {
    url: `${HARVEST}${path}?${query}`,
    options: { method: 'GET', headers: HEADERS },
    responseHeaders: {
      'content-type': 'application/json; charset=utf-8',
      ...(hasMore ? { link: `<${HARVEST}${path}?${next}>; rel="next"` } : {}),
      ...RATE,
    },
  };
}

/** `GET <path>`, with the `remote_query` keys a client sent passed on. */
export function getCall(path: string, remoteQuery: Record<string, unknown> = {}): RemoteCall {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(remoteQuery)) query.set(k, String(v));
  const rest = query.toString();
  return {
    url: `${HARVEST}${path}${rest ? `?${rest}` : ''}`,
    options: { method: 'GET', headers: HEADERS },
    responseHeaders: { 'content-type': 'application/json; charset=utf-8', ...RATE },
  };
}

/**
 * `POST <path>` with a JSON body, as Harvest's writes are made: On Behalf Of the user the write is made as (Harvest
 * refuses a write without one).
 */
export function postCall(path: string, body: unknown, onBehalfOf: string): RemoteCall {
  return {
    url: `${HARVEST}${path}`,
    options: { method: 'POST', headers: { ...HEADERS, 'Content-Type': 'application/json', 'On-Behalf-Of': onBehalfOf }, body },
    responseHeaders: { 'content-type': 'application/json; charset=utf-8', ...RATE },
  };
}

/** Harvest's 422, in its documented form: one entry per refused field. */
export const validationError = (field: string, message: string): RemoteError => ({
  statusCode: 422,
  message: 'Validation error',
  body: { message: 'Validation error', errors: [{ message, field }] },
});

/** Harvest's `created_after`/`updated_before`… for the unified date ranges. */
export function dateParams(filters: { created_at?: DateRange; updated_at?: DateRange }): Record<string, string | undefined> {
  return {
    created_after: filters.created_at?.gte ?? filters.created_at?.gt,
    created_before: filters.created_at?.lt ?? filters.created_at?.lte,
    updated_after: filters.updated_at?.gte ?? filters.updated_at?.gt,
    updated_before: filters.updated_at?.lt ?? filters.updated_at?.lte,
  };
}

export const notFound = (): RemoteError => ({ statusCode: 404, message: NOT_FOUND_BODY.message, body: { ...NOT_FOUND_BODY } });

export const enc = encodeURIComponent;

/** What a Harvest resource of the plain kind needs said about it; the rest is the same for all of them. */
export interface HarvestResourceSpec<Unified, Raw extends object> {
  /** Store kind of its records. */
  kind: string;
  methods: readonly ReadMethod[];
  fields: readonly string[];
  /** `/departments`: the list is `GET <path>`, a record `GET <path>/<id>`. */
  path: string;
  rawSchema: TSchema;
  toUnified(item: Rendered<Raw>): Unified;
  /** Unified filters Harvest's list takes (dates become `created_after`…), and those it demands. */
  supported?: readonly FilterName[];
  required?: readonly FilterName[];
  /**
   * A relation Harvest reads through a path of its own (`/applications/{id}/scorecards`): the unified filter, the
   * stored ref it matches, and that path. `exclusive`: the scoped call takes no other parameter (offers).
   */
  scope?: { filter: 'application_id' | 'job_id'; ref: string; path(id: string): string; exclusive?: boolean };
  /** The path of a single record, when not `<path>/<id>`. */
  getPath?(id: string): string;
  /**
   * Unified date filters Harvest applies to a date of the record (interviews' `start_at`): the record's JSON paths
   * (the first present is read) and Harvest's after/before parameters. Each is supported, and applied unless the
   * scope is exclusive.
   */
  recordDates?: readonly HarvestRecordDate[];
  /** The record as Harvest answers it, from what is stored when that is kept leaner (scorecards); default: as stored. */
  fromStored?(stored: unknown): Raw;
}

/** A record-date filter and Harvest's after/before parameters for it. */
export interface HarvestRecordDate extends RecordDateFilter {
  after: string;
  before: string;
}

/** Harvest's `starts_after`/`starts_before`… for the record-date filters a list was given. */
function recordDateParams(dates: readonly HarvestRecordDate[], filters: UnifiedFilters): Record<string, string | undefined> {
  const params: Record<string, string | undefined> = {};
  for (const d of dates) {
    const range = filters[d.filter];
    if (!range) continue;
    params[d.after] = range.gte ?? range.gt;
    params[d.before] = range.lt ?? range.lte;
  }
  return params;
}

/** A Harvest resource whose records are stored as Harvest answers them: bare objects, pages of a bare array. */
export function harvestResource<Unified, Raw extends object>(spec: HarvestResourceSpec<Unified, Raw>): ResourceEmulation<Unified, Rendered<Raw>> {
  const { scope } = spec;
  const dates = spec.recordDates ?? [];
  const supported = [...(scope ? [scope.filter] : []), ...(spec.supported ?? []), ...dates.map((d) => d.filter)];
  return {
    kind: spec.kind,
    methods: spec.methods,
    fields: spec.fields,
    filters: { supported, required: { list: spec.required ?? [], get: [] } },
    query: (request) => {
      const { filters } = request;
      const scoped = scope ? filters[scope.filter] : undefined;
      if (scoped !== undefined && scope!.exclusive) return { keys: [refKey(scope!.ref, scoped)] };
      return {
        ...(scoped !== undefined ? { keys: [refKey(scope!.ref, scoped)] } : {}),
        ...honouredDates(supported, filters),
        ...honouredRecordDates(dates, filters),
      };
    },
    render: (rows) => rows.map((row) => ({ raw: spec.fromStored ? spec.fromStored(JSON.parse(row.raw)) : (JSON.parse(row.raw) as Raw), row })),
    toUnified: spec.toUnified,
    rawSingle: (raw) => raw,
    notFound,
    call: (op) =>
      op.kind === 'get'
        ? getCall(spec.getPath ? spec.getPath(op.request.id) : `${spec.path}/${enc(op.request.id)}`, op.request.remoteQuery)
        : scopedList(spec, op.request, op.hasMore),
    rawSchema: spec.rawSchema,
  };
}


/** The list call: the scope's own path when its filter is given, else `<path>`; with the dates, unless exclusive. */
function scopedList(spec: HarvestResourceSpec<unknown, object>, request: ListRequest, hasMore: boolean): RemoteCall {
  const { scope } = spec;
  const scoped = scope ? request.filters[scope.filter] : undefined;
  const params = { ...dateParams(request.filters), ...recordDateParams(spec.recordDates ?? [], request.filters) };
  if (scoped === undefined) return listCall(spec.path, request, hasMore, params);
  return listCall(scope!.path(scoped), request, hasMore, scope!.exclusive ? {} : params);
}
