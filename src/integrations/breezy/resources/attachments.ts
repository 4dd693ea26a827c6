import type { Attachment } from '../../../model/attachment.js';
import { refKey, type RecordRow } from '../../../store/records.js';
import type { RenderContext, Rendered, ResourceEmulation } from '../../types.js';
import { BREEZY } from '../ids.js';
import { call, enc, NOTHING, notFound, positionPath, wrongCompany } from '../api.js';
import { attachmentToUnified } from '../mapping.js';
import { BreezyFile } from '../raw.js';
import { findCandidate } from './candidates.js';

function renderFile(row: RecordRow, ctx: RenderContext): Rendered<BreezyFile> {
  const raw = JSON.parse(row.raw) as BreezyFile;
  raw.url = ctx.fileUrl(raw._id, raw.file_name);
  if ('pdf_url' in raw) raw.pdf_url = raw.url;
  return { raw, row };
}

/** `GET /v3/company/:company/position/:position/candidate/:id/documents`: the resume first, then the documents. */
export const attachments: ResourceEmulation<Attachment, Rendered<BreezyFile>> = {
  kind: 'attachment',
  methods: ['list'],
  fields: ['id', 'file_name', 'file_url', 'attachment_type', 'candidate.id', 'job.id'],
  filters: { supported: ['candidate_id', 'job_id', 'organization_id'], required: { list: ['candidate_id', 'job_id'], get: [] } },
  // `…/position/:job/candidate/:id/documents` of a candidate not under that position is Breezy's 404.
  parentError: (reader, filters) =>
    filters.candidate_id !== undefined && !findCandidate(reader, { id: filters.candidate_id, filters, remoteQuery: {} }) ? notFound('candidate')() : undefined,
  query: ({ filters }) =>
    wrongCompany(filters)
      ? NOTHING
      : {
          keys: [
            ...(filters.candidate_id !== undefined ? [refKey('candidate', filters.candidate_id)] : []),
            ...(filters.job_id !== undefined ? [refKey('job', filters.job_id)] : []),
          ],
        },
  render: (rows, _reader, ctx) => rows.map((row) => renderFile(row, ctx)),
  toUnified: attachmentToUnified,
  rawSingle: (raw) => raw,
  notFound: notFound('document'),
  call: (op) => {
    const { filters } = op.request;
    const documents = `${BREEZY}${positionPath(filters)}/candidate/${enc(filters.candidate_id ?? '')}/documents`;
    return op.kind === 'get' ? call(`${documents}/${enc(op.request.id)}`, op.request.remoteQuery) : call(documents, op.request.remoteQuery);
  },
  rawSchema: BreezyFile,
};
