import type { Candidate } from '../../../model/candidate.js';
import { refKey, type RecordFilter, type RecordRow } from '../../../store/records.js';
import { dateParam, listParam, stringParam } from '../../remote-query.js';
import type { AccountReader, ListRequest, RenderContext, ResourceEmulation } from '../../types.js';
import { dateParams, enc, getCall, listCall, notFound } from '../api.js';
import { candidateToUnified, type CandidateItem } from '../mapping.js';
import { GreenhouseCandidate, type GreenhouseApplication, type GreenhouseAttachment } from '../raw.js';
import { emailKey } from '../records.js';
import { renderAttachment } from './attachments.js';

/** Candidates as Harvest answers them: applications and attachments embedded, in one read per kind per page. */
function renderCandidates(rows: readonly RecordRow[], reader: AccountReader, ctx: RenderContext): CandidateItem[] {
  const keys = rows.map((r) => refKey('candidate', r.id));
  const appsByCandidate = groupBy(reader.byKeys('application', keys));
  const filesByCandidate = groupBy(reader.byKeys('attachment', keys));
  return rows.map((row) => {
    const raw = JSON.parse(row.raw) as GreenhouseCandidate;
    const files = new Map<GreenhouseAttachment, RecordRow>();
    const rendered = (filesByCandidate.get(row.id) ?? []).map((f) => renderAttachment(f, ctx));
    for (const f of rendered) files.set(f.raw, f.row);
    raw.attachments = rendered.map((f) => f.raw);
    raw.applications = (appsByCandidate.get(row.id) ?? []).map((appRow) => {
      const application = JSON.parse(appRow.raw) as GreenhouseApplication;
      application.attachments = rendered.filter((f) => f.row.refs.application === appRow.id).map((f) => f.raw);
      return application;
    });
    return { raw, row, files };
  });
}

function groupBy(rows: RecordRow[]): Map<string, RecordRow[]> {
  const out = new Map<string, RecordRow[]>();
  for (const r of rows) {
    const list = out.get(r.refs.candidate!);
    if (list) list.push(r);
    else out.set(r.refs.candidate!, [r]);
  }
  return out;
}

/** The unified filters and Harvest's own list parameters that `remote_query` may carry. */
function candidateQuery(request: ListRequest): RecordFilter {
  const { filters, remoteQuery: rq } = request;
  const created = { ...filters.created_at };
  const updated = { ...filters.updated_at };
  created.gte ??= dateParam(rq.created_after);
  created.lt ??= dateParam(rq.created_before);
  updated.gte ??= dateParam(rq.updated_after);
  updated.lt ??= dateParam(rq.updated_before);
  const email = filters.email ?? stringParam(rq.email);
  const ids = filters.ids ?? listParam(rq.candidate_ids);
  const job = filters.job_id ?? stringParam(rq.job_id);
  // The email first: the rarer key drives the walk. The candidate carries `job:<id>` for each job it applied to.
  const keys = [...(email !== undefined ? [emailKey(email)] : []), ...(job !== undefined ? [refKey('job', job)] : [])];
  return {
    ...(keys.length > 0 ? { keys } : {}),
    // Harvest takes at most 50 candidate_ids.
    ...(ids !== undefined ? { ids: ids.slice(0, 50) } : {}),
    createdAt: created,
    updatedAt: updated,
  };
}

export const candidates: ResourceEmulation<Candidate, CandidateItem> = {
  kind: 'candidate',
  methods: ['list', 'get'],
  fields: [
    'id', 'first_name', 'last_name', 'name', 'company', 'title', 'is_private', 'can_email', 'last_interaction_at',
    'locations', 'emails.email', 'emails.type', 'phones.number', 'phones.type', 'urls.url', 'urls.type', 'tags.name',
    'created_at', 'updated_at', 'attachments',
    'applications.id', 'applications.candidate.id', 'applications.job.id', 'applications.applied_at',
    'applications.rejected_at', 'applications.reject_reason', 'applications.source.id', 'applications.source.name',
    'applications.credited_to.id', 'applications.credited_to.first_name', 'applications.credited_to.last_name',
    'applications.current_stage.id', 'applications.current_stage.name', 'applications.current_stage.job.id',
    'applications.created_at', 'applications.updated_at', 'applications.attachments',
  ],
  filters: { supported: ['job_id', 'email', 'ids', 'created_at', 'updated_at'], required: { list: [], get: [] } },
  query: candidateQuery,
  render: renderCandidates,
  toUnified: candidateToUnified,
  rawSingle: (raw) => raw,
  notFound,
  call: (op) =>
    op.kind === 'get'
      ? getCall(`/candidates/${enc(op.request.id)}`, op.request.remoteQuery)
      : listCall('/candidates', op.request, op.hasMore, {
          job_id: op.request.filters.job_id,
          email: op.request.filters.email,
          candidate_ids: op.request.filters.ids?.slice(0, 50).join(','),
          ...dateParams(op.request.filters),
        }),
  rawSchema: GreenhouseCandidate,
};
