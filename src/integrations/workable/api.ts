import { REFERENCE_TIME } from '../../seed/reference-time.js';
import type { ListRequest, RemoteCall, RemoteError } from '../types.js';
import { SPI } from './ids.js';
import { NOT_FOUND_BODY } from './raw.js';

/** Workable's side of every call: its URLs, headers, keyset paging and 404. */
const HEADERS = { Authorization: 'Bearer <redacted>', Accept: 'application/json' };
/** Workable's SPI allows 10 requests per 10 seconds and says so on every answer. */
const RESPONSE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'x-rate-limit-limit': '10',
  'x-rate-limit-remaining': '9',
  // Whole seconds since the epoch; from the reference time, so answers stay the same from run to run.
  'x-rate-limit-reset': String(REFERENCE_TIME / 1000 + 10),
};

/** A GET of Workable's SPI; a single-record call passes `remote_query` keys on. */
export const get = (url: string, remoteQuery: Record<string, unknown> = {}): RemoteCall => {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(remoteQuery)) query.set(k, String(v));
  const rest = query.toString();
  return { url: rest ? `${url}?${rest}` : url, options: { method: 'GET', headers: HEADERS }, responseHeaders: { ...RESPONSE_HEADERS } };
};

/**
 * A POST of Workable's SPI with a JSON body. Its writes (`move`, `disqualify`) answer 200 with an empty
 * `text/plain` body.
 */
export const post = (url: string, body: Record<string, unknown>): RemoteCall => ({
  url,
  options: { method: 'POST', headers: { ...HEADERS, 'Content-Type': 'application/json' }, body },
  responseHeaders: { ...RESPONSE_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
});

/** A write Workable understood and refuses (a member or stage it does not know): 422 in its `{ error }` envelope. */
export const unprocessable = (error: string): RemoteError => ({ statusCode: 422, message: error, body: { error } });

export const notFound = (): RemoteError => ({ statusCode: 404, message: NOT_FOUND_BODY.error, body: { ...NOT_FOUND_BODY } });

export const enc = encodeURIComponent;

/** Workable's timestamps in a query: whole seconds, `Z`. */
export const secondsOf = (s: string | undefined): string | undefined => (s === undefined ? undefined : `${s.slice(0, 19)}Z`);

/**
 * `<path>?limit=…[&since_id=…]&<extra>&<remote_query>`: a keyset-paged SPI list. Past the first page the cursor's
 * `since_id` is the one sent; a `remote_query[since_id]` is only passed on for the first.
 */
export function pagedUrl(path: string, request: ListRequest, sinceId: string | undefined, extra: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams({ limit: String(request.limit) });
  if (sinceId !== undefined) query.set('since_id', sinceId);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) query.set(k, v);
  for (const [k, v] of Object.entries(request.remoteQuery)) {
    if (k === 'since_id' && sinceId !== undefined) continue;
    query.set(k, String(v));
  }
  return `${SPI}${path}?${query}`;
}

/** A wrapped SPI page (`{ jobs, paging }`): `paging.next` is the full URL of the next page, left out on the last. */
export const wrappedPage =
  (key: string, url: (request: ListRequest, sinceId: string) => string) =>
  (raws: readonly object[], next: { hasMore: boolean; token?: string }, request?: ListRequest): unknown => ({
    [key]: raws,
    ...(next.hasMore && next.token !== undefined && request ? { paging: { next: url(request, next.token) } } : {}),
  });
