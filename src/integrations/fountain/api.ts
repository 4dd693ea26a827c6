import { hash32 } from '../../seed/random.js';
import type { ListRequest, RemoteCall, RemoteError } from '../types.js';
import { API } from './ids.js';
import { NOT_FOUND_BODY } from './raw.js';

/** Fountain's side of every call: its headers, query strings, cursors and 404. */
export const HEADERS = { 'X-ACCESS-TOKEN': '<redacted>', Accept: 'application/json' };
export const RESPONSE_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'max-age=0, private, must-revalidate' };

export const enc = encodeURIComponent;

export const notFound = (): RemoteError => ({ statusCode: 404, message: NOT_FOUND_BODY.message, body: { ...NOT_FOUND_BODY } });

/** `remote_query` as Fountain's query string: nested values (`created_at[gt]`) flattened the Rails way. */
export function flatten(query: URLSearchParams, key: string, v: unknown): void {
  if (v === undefined || v === null) return;
  if (Array.isArray(v)) query.set(key, v.map(String).join(','));
  else if (typeof v === 'object') for (const [k, sub] of Object.entries(v)) flatten(query, `${key}[${k}]`, sub);
  else query.set(key, String(v));
}

/** `GET <path>?<query>`: the given parameters, then the `remote_query` keys passed on as Fountain reads them. */
export function call(path: string, remoteQuery: Record<string, unknown>, params: Record<string, string | undefined> = {}): RemoteCall {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) query.set(k, v);
  for (const [k, v] of Object.entries(remoteQuery)) flatten(query, k, v);
  const rest = query.toString();
  return { url: `${API}${path}${rest ? `?${rest}` : ''}`, options: { method: 'GET', headers: HEADERS }, responseHeaders: RESPONSE_HEADERS };
}

/** A single-record call. */
export const getCall = (path: string, remoteQuery: Record<string, unknown>): RemoteCall => call(path, remoteQuery);

/** A page-numbered list (`page=N`), as `/v2/funnels` and `/v2/users` are read. */
export const pagedCall = (path: string, request: ListRequest): RemoteCall => call(path, request.remoteQuery, { page: String(request.page) });

/**
 * Fountain's cursors are opaque Rails-signed strings (`cnNwcWJ4VWp1T0Y5…`): base64 of a base64 payload, `--`
 * and a digest. Ours name the record the page starts from or follows; only their look matters, since Truto's
 * cursor is what moves a unified list.
 */
export function cursorOf(where: 'at' | 'after', id: string): string {
  const payload = Buffer.from(JSON.stringify({ [where]: id })).toString('base64');
  const digest = Buffer.from(hash32(`${where}:${id}`).toString(16).padStart(8, '0')).toString('base64');
  return Buffer.from(`${payload}--${digest}`).toString('base64');
}
