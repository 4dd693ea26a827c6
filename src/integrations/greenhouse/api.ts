import type { DateRange } from '../../store/records.js';
import type { ListRequest, RemoteCall, RemoteError } from '../types.js';
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
