import type { Candidate } from '../../../model/candidate.js';
import { refKey, type RecordFilter, type RecordRow } from '../../../store/records.js';
import { dateParam, stringParam } from '../../remote-query.js';
import type { AccountReader, ListRequest, RenderContext, ResourceEmulation } from '../../types.js';
import { enc, get, notFound, secondsOf } from '../api.js';
import { SPI, successor } from '../ids.js';
import { candidateToUnified, type CandidateItem } from '../mapping.js';
import { WorkableAnyCandidate, type WorkableCandidate, type WorkableCandidateListItem, type WorkableFile } from '../raw.js';
import { emailKey, stageKey } from '../records.js';

/** Each candidate's résumé: the first file of kind `resume` it holds. */
function resumes(reader: AccountReader, ids: readonly string[]): Map<string, { row: RecordRow; file: WorkableFile }> {
  const out = new Map<string, { row: RecordRow; file: WorkableFile }>();
  for (const row of reader.byKeys('attachment', ids.map((id) => refKey('candidate', id)))) {
    if (out.has(row.refs.candidate!)) continue;
    const file = JSON.parse(row.raw) as WorkableFile;
    if (file.kind === 'resume') out.set(row.refs.candidate!, { row, file });
  }
  return out;
}

/** The list's summary of a stored candidate: fewer keys than the get, and the résumé's metadata instead of its link. */
function summary(c: WorkableCandidate, resume: { row: RecordRow; file: WorkableFile } | undefined): WorkableCandidateListItem {
  return {
    id: c.id,
    name: c.name,
    firstname: c.firstname,
    lastname: c.lastname,
    headline: c.headline,
    account: c.account,
    job: c.job,
    stage: c.stage,
    stage_kind: c.stage_kind,
    disqualified: c.disqualified,
    anonymized: c.anonymized,
    disqualification_reason: c.disqualification_reason,
    hired_at: c.hired_at,
    moved_to_offer_at: c.moved_to_offer_at,
    sourced: c.sourced,
    profile_url: c.profile_url,
    address: c.address,
    phone: c.phone,
    email: c.email,
    domain: c.domain,
    outlet: c.outlet,
    common_source: c.common_source,
    common_source_category: c.common_source_category,
    created_at: c.created_at,
    updated_at: c.updated_at,
    resume_metadata: resume
      ? {
          filename: resume.file.name,
          filetype: resume.file.name.slice(resume.file.name.lastIndexOf('.') + 1),
          created_at: `${resume.row.created_at.slice(0, 19)}Z`,
          updated_at: `${resume.row.updated_at.slice(0, 19)}Z`,
        }
      : null,
  };
}

export function renderCandidates(rows: readonly RecordRow[], reader: AccountReader): CandidateItem[] {
  const byCandidate = resumes(reader, rows.map((r) => r.id));
  return rows.map((row) => ({ raw: summary(JSON.parse(row.raw) as WorkableCandidate, byCandidate.get(row.id)), row }));
}

export function renderCandidate(row: RecordRow, reader: AccountReader, ctx: RenderContext): CandidateItem {
  const candidate = JSON.parse(row.raw) as WorkableCandidate;
  const resume = resumes(reader, [row.id]).get(row.id);
  if (resume) candidate.resume_url = ctx.fileUrl(resume.row.id, resume.file.name);
  return { raw: candidate, row, ...(resume ? { resume: resume.row } : {}) };
}

/** The job a list is scoped to: the unified `job_id` is Workable's shortcode, as is `remote_query[shortcode]`. */
const shortcodeOf = (request: ListRequest) => request.filters.job_id ?? stringParam(request.remoteQuery.shortcode);

/** Workable's candidate list parameters that `remote_query` may carry: shortcode, stage, email, created/updated_after. */
export function candidateQuery(request: ListRequest): RecordFilter {
  const { filters, remoteQuery: rq } = request;
  const created = { ...filters.created_at };
  const updated = { ...filters.updated_at };
  created.gt ??= dateParam(rq.created_after);
  updated.gt ??= dateParam(rq.updated_after);
  const shortcode = shortcodeOf(request);
  const email = stringParam(rq.email);
  const stage = stringParam(rq.stage);
  // Every one sent applies; the narrowest first, as the first key drives the walk.
  const keys = [
    ...(email !== undefined ? [emailKey(email)] : []),
    ...(stage !== undefined ? [stageKey(stage)] : []),
    ...(shortcode !== undefined ? [refKey('job', shortcode)] : []),
  ];
  return {
    ...(keys.length > 0 ? { keys } : {}),
    createdAt: created,
    updatedAt: updated,
  };
}

/**
 * The list call as Workable gets it: `/jobs/:shortcode/candidates` for one job, else `/candidates`; `limit`, then
 * `since_id` for a page after the first (from the cursor), the date filters, and `remote_query` as given.
 */
export function listUrl(request: ListRequest, sinceId: string | undefined): string {
  const shortcode = shortcodeOf(request);
  const path = shortcode !== undefined ? `/jobs/${enc(shortcode)}/candidates` : '/candidates';
  const query = new URLSearchParams({ limit: String(request.limit) });
  if (sinceId !== undefined) query.set('since_id', sinceId);
  const { created_at: c, updated_at: u } = request.filters;
  const created = secondsOf(c?.gt ?? c?.gte);
  const updated = secondsOf(u?.gt ?? u?.gte);
  if (created !== undefined) query.set('created_after', created);
  if (updated !== undefined) query.set('updated_after', updated);
  for (const [k, v] of Object.entries(request.remoteQuery)) {
    if (k === 'shortcode' && request.filters.job_id === undefined) continue;
    // Past the first page the cursor's since_id is the one sent; a `remote_query[since_id]` is only passed on.
    if (k === 'since_id' && sinceId !== undefined) continue;
    query.set(k, String(v));
  }
  return `${SPI}${path}?${query}`;
}

/** `GET /candidates` (summaries, `since_id` paging) and `GET /candidates/:id` (the full record, `{ candidate }`). */
export const candidates: ResourceEmulation<Candidate, CandidateItem> = {
  kind: 'candidate',
  methods: ['list', 'get'],
  fields: [
    'id', 'first_name', 'last_name', 'name', 'title', 'locations', 'emails.email', 'phones.number',
    'created_at', 'updated_at',
    'applications.id', 'applications.candidate.id', 'applications.job.id', 'applications.applied_at',
    'applications.reject_reason', 'applications.source.name', 'applications.current_stage.id',
    'applications.current_stage.name', 'applications.current_stage.job.id', 'applications.created_at',
    'applications.updated_at',
  ],
  filters: { supported: ['job_id', 'created_at', 'updated_at'], required: { list: [], get: [] } },
  query: candidateQuery,
  render: (rows, reader) => renderCandidates(rows, reader),
  renderOne: renderCandidate,
  toUnified: candidateToUnified,
  rawSingle: (raw) => ({ candidate: raw }),
  rawPage: (raws, next, request) => ({
    candidates: raws,
    ...(next.hasMore && next.token !== undefined && request ? { paging: { next: listUrl(request, next.token) } } : {}),
  }),
  // `since_id` is "ids from this one on": the id just above the page's last asks for the rest.
  pageToken: (last) => successor((last as WorkableAnyCandidate).id),
  notFound,
  call: (op) =>
    op.kind === 'get'
      ? get(`${SPI}/candidates/${enc(op.request.id)}`, op.request.remoteQuery)
      : get(listUrl(op.request, op.request.pageToken)),
  rawSchema: WorkableAnyCandidate,
};
