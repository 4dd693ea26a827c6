import type { FastifyReply } from 'fastify';
import type { RenderedDocument } from '../files/documents.js';

/** A file's bytes as a download: its own type, and its name for browsers (ASCII fallback, then UTF-8). */
export function sendFile(reply: FastifyReply, fileName: string, document: RenderedDocument): FastifyReply {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .type(document.contentType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('content-length', document.bytes.length)
    .send(document.bytes);
}
