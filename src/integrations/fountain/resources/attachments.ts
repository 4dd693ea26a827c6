import type { Attachment } from '../../../model/attachment.js';
import { refKey, type RecordRow } from '../../../store/records.js';
import type { RemoteCall, RenderContext, Rendered, ResourceEmulation, UnifiedFilters } from '../../types.js';
import { API } from '../ids.js';
import { HEADERS, notFound, RESPONSE_HEADERS } from '../api.js';
import { secureDocumentToUnified } from '../mapping.js';
import { FountainSecureDocument } from '../raw.js';

/** Fountain's secure document links live 24 hours unless `ttl` asks for less. */
const DEFAULT_TTL = 86_400;

/**
 * A secure document's `public_url` as Fountain hands it out, a presigned storage link, but pointing at the mock:
 * the mock's own signed link with the presign parameters S3 adds. Only `expires`/`signature` are checked.
 */
export function publicUrl(link: string, ctx: RenderContext): string {
  if (link === '') return link;
  return `${link}&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=${ctx.expiresIn ?? DEFAULT_TTL}&X-Amz-SignedHeaders=host`;
}

function renderDocument(row: RecordRow, ctx: RenderContext): Rendered<FountainSecureDocument> {
  const raw = JSON.parse(row.raw) as FountainSecureDocument;
  raw.public_url = publicUrl(ctx.fileUrl(row.id, raw.filename), ctx);
  return { raw, row };
}

function documentsCall(filters: UnifiedFilters): RemoteCall {
  const ttl = filters.expires_in !== undefined ? `?ttl=${filters.expires_in}` : '';
  return {
    url: `${API}/applicants/${encodeURIComponent(filters.candidate_id ?? '')}/secure_documents${ttl}`,
    options: { method: 'GET', headers: HEADERS },
    responseHeaders: RESPONSE_HEADERS,
  };
}

/** `GET /v2/applicants/{id}/secure_documents` (`ttl`): one applicant's files, not paginated. */
export const attachments: ResourceEmulation<Attachment, Rendered<FountainSecureDocument>> = {
  kind: 'attachment',
  methods: ['list'],
  fields: ['id', 'file_name', 'file_url', 'candidate.id'],
  // Truto: candidate_id required; expires_in (Fountain's `ttl`) supported by Fountain alone.
  filters: { supported: ['candidate_id', 'expires_in'], required: { list: ['candidate_id'], get: [] } },
  // `/applicants/:id/secure_documents` of an unknown applicant is Fountain's 404, not an empty list.
  parentError: (reader, { candidate_id: id }) => (id !== undefined && !reader.get('applicant', id) ? notFound() : undefined),
  query: ({ filters }) => (filters.candidate_id !== undefined ? { keys: [refKey('candidate', filters.candidate_id)] } : {}),
  render: (rows, _reader, ctx) => rows.map((row) => renderDocument(row, ctx)),
  toUnified: secureDocumentToUnified,
  rawSingle: (raw) => raw,
  rawPage: (raws) => ({ secure_documents: raws }),
  notFound,
  call: (op) => documentsCall(op.request.filters),
  rawSchema: FountainSecureDocument,
};
