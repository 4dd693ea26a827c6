import type { Attachment } from '../../../model/attachment.js';
import { refKey, type RecordRow } from '../../../store/records.js';
import type { RenderContext, Rendered, ResourceEmulation } from '../../types.js';
import { enc, getCall, listCall, notFound, page, token } from '../api.js';
import { attachmentToUnified, isResume } from '../mapping.js';
import { LeverAttachment } from '../raw.js';

function renderAttachment(row: RecordRow, ctx: RenderContext): Rendered<LeverAttachment> {
  const raw = JSON.parse(row.raw) as LeverAttachment;
  if (isResume(raw)) raw.file.downloadUrl = ctx.fileUrl(row.id, raw.file.name);
  else raw.downloadUrl = ctx.fileUrl(row.id, raw.name);
  return { raw, row };
}

/** An opportunity's resumes and files (`/opportunities/{id}/resumes` and `/files`), resumes first. */
export const attachments: ResourceEmulation<Attachment, Rendered<LeverAttachment>> = {
  kind: 'attachment',
  methods: ['list'],
  fields: ['id', 'file_name', 'file_url', 'attachment_type', 'candidate.id', 'created_at'],
  // Truto reads an opportunity's resumes and files: without the opportunity there is nothing to call.
  filters: { supported: ['candidate_id'], required: { list: ['candidate_id'], get: [] } },
  // `/opportunities/:id/resumes` of an opportunity that does not exist is Lever's 404, not an empty list.
  parentError: (reader, { candidate_id: id }) => (id !== undefined && !reader.get('opportunity', id) ? notFound('opportunity')() : undefined),
  query: ({ filters }) => (filters.candidate_id !== undefined ? { keys: [refKey('candidate', filters.candidate_id)] } : {}),
  render: (rows, _reader, ctx) => rows.map((row) => renderAttachment(row, ctx)),
  toUnified: attachmentToUnified,
  rawSingle: (raw) => ({ data: raw }),
  rawPage: page,
  pageToken: (last) => {
    const a = last as LeverAttachment;
    return token(isResume(a) ? a.createdAt : a.uploadedAt, a.id);
  },
  notFound: notFound('file'),
  call: (op) => {
    if (op.kind === 'get') return getCall(`/files/${enc(op.request.id)}`, op.request.remoteQuery);
    return listCall(`/opportunities/${enc(op.request.filters.candidate_id ?? '')}/resumes`, op.request, {});
  },
  rawSchema: LeverAttachment,
};
