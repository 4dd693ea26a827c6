import type { Candidate } from '../../../model/candidate.js';
import type { RecordFilter } from '../../../store/records.js';
import { stringParam } from '../../remote-query.js';
import type { ListRequest, RemoteCall, Rendered, ResourceEmulation } from '../../types.js';
import { call, cursorAfter, notFoundOf } from '../api.js';
import { requestId } from '../ids.js';
import { candidateToUnified } from '../mapping.js';
import { AshbyCandidate } from '../raw.js';
import { emailKey, nameKey } from '../records.js';

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
  return { ...(key !== undefined ? { keys: [key] } : {}), createdAt: created, ...(filters.updated_at ? { updatedAt: filters.updated_at } : {}) };
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

/** `candidate.list` (or `candidate.search` by email or name) and `candidate.info`. */
export const candidates: ResourceEmulation<Candidate, Rendered<AshbyCandidate>> = {
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
  notFound: notFoundOf('candidate'),
  // remote_query keys ride in the RPC body, as Ashby takes every parameter there.
  call: (op) => (op.kind === 'get' ? call('candidate.info', { ...op.request.remoteQuery, id: op.request.id }) : listCall(op.request)),
  rawSchema: AshbyCandidate,
};
