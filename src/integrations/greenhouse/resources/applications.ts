import type { Application } from '../../../model/application.js';
import type { RecordRow } from '../../../store/records.js';
import { dateParam, stringParam } from '../../remote-query.js';
import type { AccountReader, RenderContext, Rendered, ResourceEmulation } from '../../types.js';
import { enc, getCall, listCall, notFound } from '../api.js';
import { applicationToUnified, attachmentToUnified } from '../mapping.js';
import { GreenhouseApplication, type GreenhouseAttachment } from '../raw.js';
import { renderAttachment } from './attachments.js';

interface ApplicationItem extends Rendered<GreenhouseApplication> {
  files: ReadonlyMap<GreenhouseAttachment, RecordRow>;
}

/** Applications as `GET /v1/applications` answers them: the files sent with each embedded. */
function renderApplications(rows: readonly RecordRow[], reader: AccountReader, ctx: RenderContext): ApplicationItem[] {
  const byApplication = new Map<string, Rendered<GreenhouseAttachment>[]>();
  for (const f of reader.byParent('attachment', 'application_id', rows.map((r) => r.id))) {
    const list = byApplication.get(f.application_id!) ?? [];
    list.push(renderAttachment(f, ctx));
    byApplication.set(f.application_id!, list);
  }
  return rows.map((row) => {
    const raw = JSON.parse(row.raw) as GreenhouseApplication;
    const rendered = byApplication.get(row.id) ?? [];
    raw.attachments = rendered.map((f) => f.raw);
    return { raw, row, files: new Map(rendered.map((f) => [f.raw, f.row])) };
  });
}

export const applications: ResourceEmulation<Application, ApplicationItem> = {
  kind: 'application',
  methods: ['list', 'get'],
  fields: [
    'id', 'candidate.id', 'job.id', 'applied_at', 'rejected_at', 'reject_reason', 'source.id', 'source.name',
    'credited_to.id', 'credited_to.first_name', 'credited_to.last_name', 'current_stage.id', 'current_stage.name',
    'current_stage.job.id', 'created_at', 'updated_at', 'attachments',
  ],
  // Harvest's /applications filters by job and dates; it has no candidate filter (that is /candidates/{id}).
  filters: { supported: ['job_id', 'created_at', 'updated_at'], required: { list: [], get: [] } },
  query: ({ filters, remoteQuery: rq }) => {
    const created = { ...filters.created_at };
    const updated = { ...filters.updated_at };
    created.gte ??= dateParam(rq.created_after);
    created.lt ??= dateParam(rq.created_before);
    updated.gte ??= dateParam(rq.last_activity_after);
    const job = filters.job_id ?? stringParam(rq.job_id);
    return { ...(job !== undefined ? { jobId: job } : {}), createdAt: created, updatedAt: updated };
  },
  render: renderApplications,
  toUnified: ({ raw, files }) => applicationToUnified(raw, (a) => attachmentToUnified({ raw: a, row: files.get(a)! })),
  rawSingle: (raw) => raw,
  notFound,
  call: (op) =>
    op.kind === 'get'
      ? getCall(`/applications/${enc(op.request.id)}`, op.request.remoteQuery)
      : listCall('/applications', op.request, op.hasMore, {
          job_id: op.request.filters.job_id,
          created_after: op.request.filters.created_at?.gte ?? op.request.filters.created_at?.gt,
          created_before: op.request.filters.created_at?.lt ?? op.request.filters.created_at?.lte,
          last_activity_after: op.request.filters.updated_at?.gte ?? op.request.filters.updated_at?.gt,
        }),
  rawSchema: GreenhouseApplication,
};
