import type { RecordRow } from '../../../store/records.js';
import type { RenderContext, Rendered, ResourceEmulation } from '../../types.js';
import type { Attachment } from '../../../model/attachment.js';
import { enc, getCall, listCall, notFound } from '../api.js';
import { attachmentToUnified } from '../mapping.js';
import { GreenhouseAttachment } from '../raw.js';

/** A stored attachment as Harvest embeds it, its link made for this request. */
export function renderAttachment(row: RecordRow, ctx: RenderContext): Rendered<GreenhouseAttachment> {
  const raw = JSON.parse(row.raw) as GreenhouseAttachment;
  raw.url = ctx.fileUrl(row.id, raw.filename);
  return { raw, row };
}

/** Harvest has no attachment list: Truto reads them off candidates and applications. */
export const attachments: ResourceEmulation<Attachment, Rendered<GreenhouseAttachment>> = {
  kind: 'attachment',
  methods: ['list'],
  fields: ['id', 'file_name', 'file_url', 'attachment_type', 'candidate.id', 'application.id', 'job.id', 'created_at'],
  filters: { supported: ['candidate_id', 'application_id'], required: { list: [], get: [] } },
  // Read off `/candidates/:id` or `/applications/:id`: an unknown one is Harvest's 404, not an empty list.
  parentError: (reader, { candidate_id: c, application_id: a }) =>
    (c !== undefined && !reader.get('candidate', c)) || (a !== undefined && !reader.get('application', a)) ? notFound() : undefined,
  query: ({ filters }) => ({
    ...(filters.candidate_id !== undefined ? { candidateId: filters.candidate_id } : {}),
    ...(filters.application_id !== undefined ? { applicationId: filters.application_id } : {}),
  }),
  render: (rows, _reader, ctx) => rows.map((row) => renderAttachment(row, ctx)),
  toUnified: attachmentToUnified,
  rawSingle: (raw) => raw,
  notFound,
  call: (op) => {
    if (op.kind === 'get') return getCall(`/attachments/${enc(op.request.id)}`, op.request.remoteQuery);
    const { filters } = op.request;
    if (filters.application_id !== undefined) return getCall(`/applications/${enc(filters.application_id)}`, op.request.remoteQuery);
    if (filters.candidate_id !== undefined) return getCall(`/candidates/${enc(filters.candidate_id)}`, op.request.remoteQuery);
    return listCall('/candidates', op.request, op.hasMore);
  },
  rawSchema: GreenhouseAttachment,
};
