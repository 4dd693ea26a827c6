import type { RecordFilter, RecordRow } from '../../store/records.js';
import { withRow } from '../provenance.js';
import { dateParam, listParam, stringParam } from '../remote-query.js';
import type { AccountReader, Integration, ListRequest, RemoteCall, RenderContext } from '../types.js';
import { HARVEST } from './ids.js';
import { attachmentToUnified, candidateToUnified } from './mapping.js';
import {
  GreenhouseAttachment,
  GreenhouseCandidate,
  ERROR_MESSAGES,
  NOT_FOUND_BODY,
  type GreenhouseApplication,
} from './raw.js';
import { emailKey, greenhouseSeed } from './seed.js';

const HEADERS = { Authorization: 'Basic <redacted>', Accept: 'application/json' };

function renderAttachment(row: RecordRow, ctx: RenderContext): GreenhouseAttachment {
  const raw = JSON.parse(row.raw) as GreenhouseAttachment;
  raw.url = ctx.fileUrl(row.id, raw.filename);
  return withRow(raw, row);
}

/** Candidates as Harvest answers them: applications and attachments embedded, in one read per kind per page. */
function renderCandidates(rows: readonly RecordRow[], reader: AccountReader, ctx: RenderContext): GreenhouseCandidate[] {
  const ids = rows.map((r) => r.id);
  const appsByCandidate = groupBy(reader.byParent('application', 'candidate_id', ids));
  const filesByCandidate = groupBy(reader.byParent('attachment', 'candidate_id', ids));
  return rows.map((row) => {
    const candidate = JSON.parse(row.raw) as GreenhouseCandidate;
    const files = (filesByCandidate.get(row.id) ?? []).map((f) => [f, renderAttachment(f, ctx)] as const);
    candidate.attachments = files.map(([, a]) => a);
    candidate.applications = (appsByCandidate.get(row.id) ?? []).map((appRow) => {
      const application = JSON.parse(appRow.raw) as GreenhouseApplication;
      application.attachments = files.filter(([f]) => f.application_id === appRow.id).map(([, a]) => a);
      return application;
    });
    return withRow(candidate, row);
  });
}

function groupBy(rows: RecordRow[]): Map<string, RecordRow[]> {
  const out = new Map<string, RecordRow[]>();
  for (const r of rows) {
    const list = out.get(r.candidate_id!);
    if (list) list.push(r);
    else out.set(r.candidate_id!, [r]);
  }
  return out;
}

/** Harvest's list query parameters that `remote_query` may carry. */
function candidateQuery(request: ListRequest): RecordFilter {
  const { filters, remoteQuery: rq } = request;
  const created = { ...filters.created_at };
  const updated = { ...filters.updated_at };
  created.gte ??= dateParam(rq.created_after);
  created.lt ??= dateParam(rq.created_before);
  updated.gte ??= dateParam(rq.updated_after);
  updated.lt ??= dateParam(rq.updated_before);
  const email = stringParam(rq.email);
  const ids = listParam(rq.candidate_ids);
  const job = filters.job_id ?? stringParam(rq.job_id);
  return {
    ...(job !== undefined ? { appliedToJob: job } : {}),
    ...(email !== undefined ? { key: emailKey(email) } : {}),
    ...(ids !== undefined ? { ids: ids.slice(0, 50) } : {}),
    createdAt: created,
    updatedAt: updated,
  };
}

function listCall(path: string, request: ListRequest, hasMore: boolean, extra: Record<string, string | undefined> = {}): RemoteCall {
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
      'x-ratelimit-limit': '50',
      'x-ratelimit-remaining': '49',
    },
  };
}

function getCall(path: string): RemoteCall {
  return {
    url: `${HARVEST}${path}`,
    options: { method: 'GET', headers: HEADERS },
    responseHeaders: { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '49' },
  };
}

const notFound = () => ({ statusCode: 404, message: NOT_FOUND_BODY.message, body: { ...NOT_FOUND_BODY } });

export const greenhouse: Integration = {
  name: 'greenhouse',
  // Harvest: per_page defaults to 100, at most 500.
  pageSize: { default: 100, max: 500 },
  seed: greenhouseSeed,
  fields: {
    candidates: [
      'id', 'first_name', 'last_name', 'name', 'company', 'title', 'is_private', 'can_email', 'last_interaction_at',
      'locations', 'emails.email', 'emails.type', 'phones.number', 'phones.type', 'urls.url', 'urls.type', 'tags.name',
      'created_at', 'updated_at', 'attachments',
      'applications.id', 'applications.candidate.id', 'applications.job.id', 'applications.applied_at',
      'applications.rejected_at', 'applications.reject_reason', 'applications.source.id', 'applications.source.name',
      'applications.credited_to.id', 'applications.credited_to.first_name', 'applications.credited_to.last_name',
      'applications.current_stage.id', 'applications.current_stage.name', 'applications.current_stage.job.id',
      'applications.created_at', 'applications.updated_at', 'applications.attachments',
    ],
    attachments: ['id', 'file_name', 'file_url', 'attachment_type', 'candidate.id', 'application.id', 'job.id', 'created_at'],
  },
  errorBody: (statusCode) => {
    const message = ERROR_MESSAGES[statusCode] ?? `Request failed with status ${statusCode}`;
    return { statusCode, message, body: { message } };
  },
  resources: {
    candidates: {
      kind: 'candidate',
      filters: { supported: ['job_id', 'created_at', 'updated_at'], required: { list: [], get: [] } },
      query: candidateQuery,
      render: renderCandidates,
      toUnified: (raw) => candidateToUnified(raw as GreenhouseCandidate),
      rawSingle: (raw) => raw,
      notFound,
      call: (op) =>
        op.kind === 'get'
          ? getCall(`/candidates/${encodeURIComponent(op.request.id)}`)
          : listCall('/candidates', op.request, op.hasMore, {
              job_id: op.request.filters.job_id,
              created_after: op.request.filters.created_at?.gte ?? op.request.filters.created_at?.gt,
              created_before: op.request.filters.created_at?.lt ?? op.request.filters.created_at?.lte,
              updated_after: op.request.filters.updated_at?.gte ?? op.request.filters.updated_at?.gt,
              updated_before: op.request.filters.updated_at?.lt ?? op.request.filters.updated_at?.lte,
            }),
      rawSchema: GreenhouseCandidate,
    },
    attachments: {
      kind: 'attachment',
      // Harvest has no attachment list: Truto reads them off candidates and applications.
      filters: { supported: ['candidate_id', 'application_id'], required: { list: [], get: [] } },
      // Read off `/candidates/:id` or `/applications/:id`: an unknown one is Harvest's 404, not an empty list.
      parentError: (reader, { candidate_id: c, application_id: a }) =>
        (c !== undefined && !reader.get('candidate', c)) || (a !== undefined && !reader.get('application', a)) ? notFound() : undefined,
      query: ({ filters }) => ({
        ...(filters.candidate_id !== undefined ? { candidateId: filters.candidate_id } : {}),
        ...(filters.application_id !== undefined ? { applicationId: filters.application_id } : {}),
      }),
      render: (rows, _reader, ctx) => rows.map((row) => renderAttachment(row, ctx)),
      toUnified: (raw) => attachmentToUnified(raw as GreenhouseAttachment),
      rawSingle: (raw) => raw,
      notFound,
      call: (op) => {
        if (op.kind === 'get') return getCall(`/attachments/${encodeURIComponent(op.request.id)}`);
        const { filters } = op.request;
        if (filters.application_id !== undefined) return getCall(`/applications/${encodeURIComponent(filters.application_id)}`);
        if (filters.candidate_id !== undefined) return getCall(`/candidates/${encodeURIComponent(filters.candidate_id)}`);
        return listCall('/candidates', op.request, op.hasMore);
      },
      rawSchema: GreenhouseAttachment,
    },
  },
};
