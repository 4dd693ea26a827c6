import type { Candidate } from '../../../model/candidate.js';
import { refKey, type DateRange, type RecordFilter, type RecordRow } from '../../../store/records.js';
import { listParam, stringParam } from '../../remote-query.js';
import type { AccountReader, ListRequest, RenderContext, Rendered, ResourceEmulation } from '../../types.js';
import { enc, getCall, listCall, notFound, page, rangeParams, token } from '../api.js';
import { candidateToUnified } from '../mapping.js';
import { LeverOpportunity, type LeverApplication, type StoredOpportunity } from '../raw.js';
import { keyOf } from '../records.js';

/**
 * Opportunities as `GET /opportunities?expand=applications` answers them: application ids replaced by the objects;
 * with `remote_query[expand]` of `stage`, `owner`, `sourcedBy` or `followers`, those ids become the objects too, as
 * Lever's `expand` does.
 */
function renderOpportunities(rows: readonly RecordRow[], reader: AccountReader, ctx: RenderContext): Rendered<LeverOpportunity>[] {
  const apps = new Map<string, LeverApplication>();
  for (const r of reader.byKeys('application', rows.map((r) => refKey('candidate', r.id)))) apps.set(r.id, JSON.parse(r.raw) as LeverApplication);
  const expand = new Set(listParam(ctx.remoteQuery?.expand) ?? []);
  const record = (kind: string, id: string | null) => (id === null ? null : JSON.parse(reader.get(kind, id)?.raw ?? 'null') ?? id);
  return rows.map((row) => {
    const stored = JSON.parse(row.raw) as StoredOpportunity;
    const opportunity: LeverOpportunity = { ...stored, applications: stored.applications.flatMap((id) => apps.get(id) ?? []) };
    const out = opportunity as unknown as Record<string, unknown>;
    if (expand.has('stage')) out.stage = record('stage', stored.stage);
    if (expand.has('owner')) out.owner = record('user', stored.owner);
    if (expand.has('sourcedBy')) out.sourcedBy = record('user', stored.sourcedBy);
    if (expand.has('followers')) out.followers = stored.followers.map((id) => record('user', id));
    return { raw: opportunity, row };
  });
}

/** Lever's time filters are epoch milliseconds; anything else it ignores. */
function msParam(v: unknown): string | undefined {
  const text = typeof v === 'number' ? String(v) : v;
  if (typeof text !== 'string' || !/^\d{1,15}$/.test(text)) return undefined;
  return new Date(Number(text)).toISOString();
}

/** The exact-match filters of /opportunities that map to stored data, most selective first; every one sent applies. */
const KEYED: readonly [string, (v: string) => string | undefined][] = [
  ['email', keyOf.email],
  ['stage_id', keyOf.stage],
  ['tag', keyOf.tag],
  ['archived', (v) => (v === 'true' || v === 'false' ? keyOf.archived(v === 'true') : undefined)],
];

function opportunityQuery({ filters, remoteQuery: rq }: ListRequest): RecordFilter {
  const created: DateRange = { ...filters.created_at };
  const updated: DateRange = { ...filters.updated_at };
  created.gte ??= msParam(rq.created_at_start);
  created.lte ??= msParam(rq.created_at_end);
  updated.gte ??= msParam(rq.updated_at_start);
  updated.lte ??= msParam(rq.updated_at_end);
  const posting = filters.job_id ?? stringParam(rq.posting_id);
  const keys: string[] = [];
  for (const [name, toKey] of KEYED) {
    const value = typeof rq[name] === 'boolean' ? String(rq[name]) : stringParam(rq[name]);
    const key = value === undefined ? undefined : toKey(value);
    if (key !== undefined) keys.push(key);
  }
  // The opportunity carries `job:<posting>` for each posting it applied to (seed.ts).
  if (posting !== undefined) keys.push(refKey('job', posting));
  return {
    ...(keys.length > 0 ? { keys } : {}),
    createdAt: created,
    updatedAt: updated,
  };
}

/** Truto's Lever candidates are opportunities, read with their applications expanded. */
export const candidates: ResourceEmulation<Candidate, Rendered<LeverOpportunity>> = {
  kind: 'opportunity',
  methods: ['list', 'get'],
  fields: [
    'id', 'first_name', 'last_name', 'name', 'is_private', 'last_interaction_at', 'locations', 'emails.email', 'phones.number', 'phones.type',
    'urls.url', 'tags.name', 'created_at', 'updated_at',
    'applications.id', 'applications.candidate.id', 'applications.job.id', 'applications.applied_at',
    'applications.rejected_at', 'applications.created_at',
  ],
  filters: { supported: ['job_id', 'created_at', 'updated_at'], required: { list: [], get: [] } },
  query: opportunityQuery,
  render: renderOpportunities,
  toUnified: candidateToUnified,
  rawSingle: (raw) => ({ data: raw }),
  rawPage: page,
  pageToken: (last) => token((last as LeverOpportunity).createdAt, (last as LeverOpportunity).id),
  notFound: notFound('opportunity'),
  call: (op) => {
    if (op.kind === 'get') return getCall(`/opportunities/${enc(op.request.id)}?expand=applications`, op.request.remoteQuery);
    const { filters } = op.request;
    return listCall('/opportunities', op.request, {
      expand: 'applications',
      posting_id: filters.job_id,
      ...rangeParams('created_at', filters.created_at),
      ...rangeParams('updated_at', filters.updated_at),
    });
  },
  rawSchema: LeverOpportunity,
};
