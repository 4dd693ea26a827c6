import type { Candidate } from '../../../model/candidate.js';
import { refKey, type DateRange, type RecordFilter } from '../../../store/records.js';
import { dateParam, listParam, stringParam } from '../../remote-query.js';
import type { ListRequest, RemoteCall, Rendered, ResourceEmulation } from '../../types.js';
import { API } from '../ids.js';
import { cursorOf, enc, flatten, getCall, HEADERS, notFound, RESPONSE_HEADERS } from '../api.js';
import { applicantToUnified } from '../mapping.js';
import { FountainApplicant } from '../raw.js';
import { labelKey, stageKey, stageTypeKey } from '../seed.js';

/** `created_at=2016-12-23` (that UTC day) or `created_at[gt]=…&created_at[lt]=…`, as the list reads them. */
function fountainDates(v: unknown): DateRange {
  if (typeof v === 'string') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return {};
    const day = dateParam(v);
    return day === undefined ? {} : { gte: day, lt: new Date(Date.parse(day) + 86_400_000).toISOString() };
  }
  if (v === null || typeof v !== 'object') return {};
  const out: DateRange = {};
  for (const op of ['gt', 'gte', 'lt', 'lte'] as const) {
    const d = dateParam((v as Record<string, unknown>)[op]);
    if (d !== undefined) out[op] = d;
  }
  return out;
}

/** The unified date filter first, then what `remote_query` asked of Fountain's own parameter. */
const merge = (unified: DateRange | undefined, remote: DateRange): DateRange => ({ ...remote, ...unified });

function applicantQuery({ filters, remoteQuery: rq }: ListRequest): RecordFilter {
  const funnel = stringParam(rq.funnel_id);
  const stage = stringParam(rq.stage_id);
  const label = listParam(rq.labels)?.[0];
  const type = stringParam(rq.stage);
  // Every one sent applies; the narrowest first, as the first key drives the walk.
  const keys = [
    ...(stage !== undefined ? [stageKey(stage)] : []),
    ...(label !== undefined ? [labelKey(label)] : []),
    ...(type !== undefined ? [stageTypeKey(type)] : []),
    ...(funnel !== undefined ? [refKey('job', funnel)] : []),
  ];
  return {
    ...(keys.length > 0 ? { keys } : {}),
    createdAt: merge(filters.created_at, fountainDates(rq.created_at)),
    updatedAt: merge(filters.updated_at, fountainDates(rq.updated_at)),
  };
}

function dateQuery(query: URLSearchParams, name: 'created_at' | 'updated_at', range: DateRange | undefined): void {
  for (const [op, v] of Object.entries(range ?? {})) query.set(`${name}[${op}]`, v as string);
}

function applicantsCall(request: ListRequest): RemoteCall {
  const query = new URLSearchParams({ per_page: String(request.limit) });
  if (request.pageToken !== undefined) query.set('cursor', request.pageToken);
  for (const [k, v] of Object.entries(request.remoteQuery)) flatten(query, k, v);
  dateQuery(query, 'created_at', request.filters.created_at);
  dateQuery(query, 'updated_at', request.filters.updated_at);
  return {
    url: `${API}/applicants?${query}`,
    options: { method: 'GET', headers: HEADERS },
    responseHeaders: RESPONSE_HEADERS,
  };
}

/** `GET /v2/applicants` (cursor paging; `funnel_id`, `stage_id`, `stage`, `labels`, dates) and `/v2/applicants/{id}`. */
export const candidates: ResourceEmulation<Candidate, Rendered<FountainApplicant>> = {
  kind: 'applicant',
  methods: ['list', 'get'],
  fields: [
    'id', 'first_name', 'last_name', 'name', 'locations', 'emails.email', 'phones.number', 'tags.name',
    'created_at', 'updated_at',
    'applications.id', 'applications.candidate.id', 'applications.job.id', 'applications.reject_reason',
    'applications.current_stage.id', 'applications.current_stage.name', 'applications.current_stage.job.id',
  ],
  filters: { supported: ['created_at', 'updated_at'], required: { list: [], get: [] } },
  query: applicantQuery,
  render: (rows) => rows.map((row) => ({ raw: JSON.parse(row.raw) as FountainApplicant, row })),
  toUnified: applicantToUnified,
  // GET /v2/applicants/:id answers the bare applicant.
  rawSingle: (raw) => raw,
  rawPage: (raws, next) => ({
    applicants: raws,
    pagination: {
      current_cursor: raws.length > 0 ? cursorOf('at', (raws[0] as FountainApplicant).id) : null,
      next_cursor: next.token ?? null,
    },
  }),
  pageToken: (last) => cursorOf('after', (last as FountainApplicant).id),
  notFound,
  call: (op) => (op.kind === 'get' ? getCall(`/applicants/${enc(op.request.id)}`, op.request.remoteQuery) : applicantsCall(op.request)),
  rawSchema: FountainApplicant,
};
