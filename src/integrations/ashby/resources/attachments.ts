import type { Attachment } from '../../../model/attachment.js';
import { refKey, type RecordRow } from '../../../store/records.js';
import type { RenderContext, ResourceEmulation } from '../../types.js';
import { call, notFoundOf } from '../api.js';
import { fileHandle } from '../ids.js';
import { attachmentToUnified, type FileItem } from '../mapping.js';
import { AshbyAttachment } from '../raw.js';
import type { StoredFile } from '../seed.js';

const notFound = notFoundOf('candidate');

function renderAttachment(row: RecordRow, ctx: RenderContext): FileItem {
  const { resume, ...handle } = JSON.parse(row.raw) as StoredFile;
  return { raw: { ...handle, url: ctx.fileUrl(row.id, handle.name) }, row, resume };
}

/** No attachment list in Ashby: Truto reads the candidate (`candidate.info`), then `file.info` for each handle. */
export const attachments: ResourceEmulation<Attachment, FileItem> = {
  kind: 'attachment',
  methods: ['list'],
  fields: ['id', 'file_name', 'file_url', 'attachment_type', 'candidate.id'],
  filters: { supported: ['candidate_id'], required: { list: ['candidate_id'], get: [] } },
  query: ({ filters }) => (filters.candidate_id !== undefined ? { keys: [refKey('candidate', filters.candidate_id)] } : {}),
  // candidate.info for an unknown candidate fails, so the list does too.
  parentError: (reader, filters) =>
    filters.candidate_id !== undefined && !reader.get('candidate', filters.candidate_id) ? notFound(filters.candidate_id) : undefined,
  render: (rows, _reader, ctx) => rows.map((row) => renderAttachment(row, ctx)),
  toUnified: attachmentToUnified,
  rawSingle: (raw) => ({ success: true, results: { url: (raw as AshbyAttachment).url } }),
  notFound,
  call: (op) =>
    op.kind === 'get'
      ? call('file.info', { ...op.request.remoteQuery, fileHandle: fileHandle(op.request.id) })
      : call('candidate.info', { id: op.request.filters.candidate_id }),
  rawSchema: AshbyAttachment,
};
