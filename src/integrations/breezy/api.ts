import type { RecordFilter } from '../../store/records.js';
import type { AccountReader, ListRequest, RemoteCall, RemoteError, UnifiedFilters } from '../types.js';
import { BREEZY, companyOf } from './ids.js';
import { notFoundBody, type NotFoundWhat } from './raw.js';

/** Breezy's side of every call: its URLs, headers and 404s. */

// Breezy takes the access token bare in Authorization (no scheme); its examples send a JSON content type.
const HEADERS = { Authorization: '<redacted>', 'Content-Type': 'application/json' };
const RESPONSE_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '99' };

export const enc = encodeURIComponent;

/** The company a call goes to: the one asked for, else the position's own (Truto knows it from the account). */
export const companyFor = (filters: UnifiedFilters) => filters.organization_id ?? companyOf(filters.job_id ?? '');

/** Another company's id finds nothing: Breezy has no such position under it. */
export const wrongCompany = (filters: UnifiedFilters) =>
  filters.organization_id !== undefined && filters.job_id !== undefined && filters.organization_id !== companyOf(filters.job_id);

export const NOTHING: RecordFilter = { ids: [] };

export function positionPath(filters: UnifiedFilters): string {
  return `/company/${enc(companyFor(filters))}/position/${enc(filters.job_id ?? '')}`;
}

export function call(url: string, remoteQuery: Record<string, unknown> = {}): RemoteCall {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(remoteQuery)) query.set(k, String(v));
  const rest = query.toString();
  return { url: rest ? `${url}${url.includes('?') ? '&' : '?'}${rest}` : url, options: { method: 'GET', headers: HEADERS }, responseHeaders: RESPONSE_HEADERS };
}

/** Breezy pages with `page` (1-based) and `page_size`; `remote_query` keys go along as it would send them. */
export function listUrl(path: string, request: ListRequest): string {
  const query = new URLSearchParams({ page_size: String(request.limit), page: String(request.page) });
  for (const [k, v] of Object.entries(request.remoteQuery)) query.set(k, String(v));
  return `${BREEZY}${path}?${query}`;
}

export const notFound = (what: NotFoundWhat) => (): RemoteError => {
  const body = notFoundBody(what);
  return { statusCode: 404, message: body.error.message, body };
};

/** `parentError` of a list read per candidate: Breezy's 404 for no such candidate. */
export function checkCandidate(reader: AccountReader, filters: UnifiedFilters): RemoteError | undefined {
  return reader.get('candidate', filters.candidate_id ?? '') ? undefined : notFound('candidate')();
}

/**
 * `/company/:c/position/:p/candidate/:id` of the candidate a list asked for (`candidate_id` alone: a Breezy
 * candidate id is one record under one position, which the store knows).
 */
export function candidatePath(reader: AccountReader, filters: UnifiedFilters): string {
  const position = candidatePosition(reader, filters);
  return `/company/${enc(companyOf(position))}/position/${enc(position)}/candidate/${enc(filters.candidate_id ?? '')}`;
}

export const candidatePosition = (reader: AccountReader, filters: UnifiedFilters): string =>
  reader.get('candidate', filters.candidate_id ?? '')?.refs.job ?? '';
