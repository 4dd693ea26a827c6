import type { RecordFilter, RecordRow } from '../../store/records.js';
import { REFERENCE_TIME } from '../../seed/reference-time.js';
import { dateParam, stringParam } from '../remote-query.js';
import type { AccountReader, Integration, ListRequest, RemoteCall, RenderContext, Rendered } from '../types.js';
import { remoteErrorFor } from '../remote-errors.js';
import { SPI, successor } from './ids.js';
import { attachmentToUnified, candidateToUnified, type CandidateItem } from './mapping.js';
import {
  NOT_FOUND_BODY,
  WorkableAnyCandidate,
  WorkableFile,
  type WorkableCandidate,
  type WorkableCandidateListItem,
} from './raw.js';
import { emailKey, stageKey, workableSeed } from './seed.js';

const HEADERS = { Authorization: 'Bearer <redacted>', Accept: 'application/json' };
/** Workable's SPI allows 10 requests per 10 seconds and says so on every answer. */
const RESPONSE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'x-rate-limit-limit': '10',
  'x-rate-limit-remaining': '9',
  // Whole seconds since the epoch; from the reference time, so answers stay the same from run to run.
  'x-rate-limit-reset': String(REFERENCE_TIME / 1000 + 10),
};

/** A stored file as Workable's `/candidates/:id/files` lists it, its link made for this request. */
function renderFile(row: RecordRow, ctx: RenderContext): Rendered<WorkableFile> {
  const file = JSON.parse(row.raw) as WorkableFile;
  file.preview_url = ctx.fileUrl(row.id, file.name);
  return { raw: file, row };
}

/** Each candidate's résumé: the first file of kind `resume` it holds. */
function resumes(reader: AccountReader, ids: readonly string[]): Map<string, { row: RecordRow; file: WorkableFile }> {
  const out = new Map<string, { row: RecordRow; file: WorkableFile }>();
  for (const row of reader.byParent('attachment', 'candidate_id', ids)) {
    if (out.has(row.candidate_id!)) continue;
    const file = JSON.parse(row.raw) as WorkableFile;
    if (file.kind === 'resume') out.set(row.candidate_id!, { row, file });
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

function renderCandidates(rows: readonly RecordRow[], reader: AccountReader): CandidateItem[] {
  const byCandidate = resumes(reader, rows.map((r) => r.id));
  return rows.map((row) => ({ raw: summary(JSON.parse(row.raw) as WorkableCandidate, byCandidate.get(row.id)), row }));
}

function renderCandidate(row: RecordRow, reader: AccountReader, ctx: RenderContext): CandidateItem {
  const candidate = JSON.parse(row.raw) as WorkableCandidate;
  const resume = resumes(reader, [row.id]).get(row.id);
  if (resume) candidate.resume_url = ctx.fileUrl(resume.row.id, resume.file.name);
  return { raw: candidate, row, ...(resume ? { resume: resume.row } : {}) };
}

/** The job a list is scoped to: the unified `job_id` is Workable's shortcode, as is `remote_query[shortcode]`. */
const shortcodeOf = (request: ListRequest) => request.filters.job_id ?? stringParam(request.remoteQuery.shortcode);

/** Workable's candidate list parameters that `remote_query` may carry: shortcode, stage, email, created/updated_after. */
function candidateQuery(request: ListRequest): RecordFilter {
  const { filters, remoteQuery: rq } = request;
  const created = { ...filters.created_at };
  const updated = { ...filters.updated_at };
  created.gt ??= dateParam(rq.created_after);
  updated.gt ??= dateParam(rq.updated_after);
  const shortcode = shortcodeOf(request);
  const email = stringParam(rq.email);
  const stage = stringParam(rq.stage);
  const key =
    email !== undefined && stage !== undefined
      ? `${emailKey(email)}|${stageKey(stage)}`
      : email !== undefined
        ? emailKey(email)
        : stage !== undefined
          ? stageKey(stage)
          : undefined;
  return {
    ...(shortcode !== undefined ? { jobId: shortcode } : {}),
    ...(key !== undefined ? { key } : {}),
    createdAt: created,
    updatedAt: updated,
  };
}

/** Workable's timestamps in a query: whole seconds, `Z`. */
const secondsOf = (s: string | undefined) => (s === undefined ? undefined : `${s.slice(0, 19)}Z`);

/**
 * The list call as Workable gets it: `/jobs/:shortcode/candidates` for one job, else `/candidates`; `limit`, then
 * `since_id` for a page after the first (from the cursor), the date filters, and `remote_query` as given.
 */
function listUrl(request: ListRequest, sinceId: string | undefined): string {
  const shortcode = shortcodeOf(request);
  const path = shortcode !== undefined ? `/jobs/${encodeURIComponent(shortcode)}/candidates` : '/candidates';
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

/** A GET of Workable's SPI; a single-record call passes `remote_query` keys on. */
const get = (url: string, remoteQuery: Record<string, unknown> = {}): RemoteCall => {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(remoteQuery)) query.set(k, String(v));
  const rest = query.toString();
  return { url: rest ? `${url}?${rest}` : url, options: { method: 'GET', headers: HEADERS }, responseHeaders: { ...RESPONSE_HEADERS } };
};

const notFound = () => ({ statusCode: 404, message: NOT_FOUND_BODY.error, body: { ...NOT_FOUND_BODY } });

export const workable: Integration = {
  name: 'workable',
  // SPI v3 `limit`: 50 unless asked, at most 100.
  pageSize: { default: 50, max: 100 },
  seed: workableSeed,
  // Injected faults in Workable's envelope: `{ error }`.
  errorBody: (status) => (status === 404 ? notFound() : remoteErrorFor(status, { 401: 'Not authorized', 429: 'Too many requests' }, (error) => ({ error }))),
  // What a listed candidate fills; a fetched one adds GET_ONLY_FIELDS (see mapping.ts).
  resources: {
    candidates: {
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
          ? get(`${SPI}/candidates/${encodeURIComponent(op.request.id)}`, op.request.remoteQuery)
          : get(listUrl(op.request, op.request.pageToken)),
      rawSchema: WorkableAnyCandidate,
    },
    attachments: {
      kind: 'attachment',
      // Truto serves Workable's files by download only: the list is its "does not support" 404.
      methods: [],
      fields: ['id', 'file_name', 'file_url', 'attachment_type', 'candidate.id', 'application.id', 'job.id'],
      // Files are read per candidate (`/candidates/:id/files`); nothing is demanded, other filters are ignored.
      filters: { supported: ['candidate_id'], required: { list: [], get: [] } },
      // `/candidates/:id/files` of an unknown candidate is Workable's 404, not an empty list.
      parentError: (reader, { candidate_id: id }) => (id !== undefined && !reader.get('candidate', id) ? notFound() : undefined),
      query: ({ filters }) => (filters.candidate_id !== undefined ? { candidateId: filters.candidate_id } : {}),
      render: (rows, _reader, ctx) => rows.map((row) => renderFile(row, ctx)),
      toUnified: attachmentToUnified,
      rawSingle: (raw) => raw,
      rawPage: (raws) => ({ files: raws }),
      notFound,
      call: (op) => {
        if (op.kind === 'get') return get(`${SPI}/candidates/${encodeURIComponent(op.request.id)}/files`, op.request.remoteQuery);
        const id = op.request.filters.candidate_id;
        return id !== undefined ? get(`${SPI}/candidates/${encodeURIComponent(id)}/files`) : get(listUrl(op.request, op.request.pageToken));
      },
      rawSchema: WorkableFile,
    },
  },
};
