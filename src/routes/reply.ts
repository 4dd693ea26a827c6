import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Answer } from '../truto/unified.js';
import { JSON_TYPE } from '../truto/unified.js';

/** Sends an Answer: JSON serialized once here (records are free-form, so no schema serializer). */
export function send(reply: FastifyReply, answer: Answer): FastifyReply {
  if (answer.kind === 'stream') return reply.type(answer.contentType).send(answer.stream);
  return reply.type(JSON_TYPE).send(JSON.stringify(answer.body));
}

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The base URL of the mock as this client reached it (a docker-compose service name, localhost, a proxy's
 * X-Forwarded-Host), so every link in an answer resolves from where the client stands.
 */
export function baseUrl(request: FastifyRequest, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl;
  const host = HOST.test(request.host) ? request.host : 'localhost';
  const protocol = request.protocol === 'https' ? 'https' : 'http';
  return `${protocol}://${host}`;
}
