import type { Attachment } from '../../../model/attachment.js';
import { refKey, type RecordRow } from '../../../store/records.js';
import type { RenderContext, Rendered, ResourceEmulation } from '../../types.js';
import { enc, get, notFound } from '../api.js';
import { SPI } from '../ids.js';
import { attachmentToUnified } from '../mapping.js';
import { WorkableFile } from '../raw.js';
import { listUrl } from './candidates.js';

/** A stored file as Workable's `/candidates/:id/files` lists it, its link made for this request. */
function renderFile(row: RecordRow, ctx: RenderContext): Rendered<WorkableFile> {
  const file = JSON.parse(row.raw) as WorkableFile;
  file.preview_url = ctx.fileUrl(row.id, file.name);
  return { raw: file, row };
}

export const attachments: ResourceEmulation<Attachment, Rendered<WorkableFile>> = {
  kind: 'attachment',
  // Truto serves Workable's files by download only: the list is its "does not support" 404.
  methods: [],
  fields: ['id', 'file_name', 'file_url', 'attachment_type', 'candidate.id', 'application.id', 'job.id'],
  // Files are read per candidate (`/candidates/:id/files`); nothing is demanded, other filters are ignored.
  filters: { supported: ['candidate_id'], required: { list: [], get: [] } },
  // `/candidates/:id/files` of an unknown candidate is Workable's 404, not an empty list.
  parentError: (reader, { candidate_id: id }) => (id !== undefined && !reader.get('candidate', id) ? notFound() : undefined),
  query: ({ filters }) => (filters.candidate_id !== undefined ? { keys: [refKey('candidate', filters.candidate_id)] } : {}),
  render: (rows, _reader, ctx) => rows.map((row) => renderFile(row, ctx)),
  toUnified: attachmentToUnified,
  rawSingle: (raw) => raw,
  rawPage: (raws) => ({ files: raws }),
  notFound,
  call: (op) => {
    if (op.kind === 'get') return get(`${SPI}/candidates/${enc(op.request.id)}/files`, op.request.remoteQuery);
    const id = op.request.filters.candidate_id;
    return id !== undefined ? get(`${SPI}/candidates/${enc(id)}/files`) : get(listUrl(op.request, op.request.pageToken));
  },
  rawSchema: WorkableFile,
};
