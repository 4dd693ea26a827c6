import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Answer } from '../truto/unified.js';
import { JSON_TYPE } from '../truto/unified.js';
import { warn } from '../truto/warnings.js';
import type { AnswerCache } from './answer-cache.js';
import { OutgoingBytes } from './outgoing-bytes.js';

/** One for the process: what it keeps is bounded once, however many apps a process builds (tests build hundreds). */
const outgoing = new OutgoingBytes();

/**
 * Answers a request from the cache, or produces the Answer and sends it: JSON serialized once here (records are
 * free-form, so no schema serializer), streams piped as they are produced.
 */
export function answer(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: AnswerCache,
  publicUrl: string | undefined,
  warnings: readonly string[],
  produce: (base: string) => Answer,
): void {
  const base = baseUrl(request, publicUrl);
  const key = `${request.method} ${base}${request.url}`;
  const cached = warnings.length === 0 ? cache.get(key) : undefined;
  if (cached !== undefined) {
    void reply.type(JSON_TYPE).send(cached);
    return;
  }
  const result = produce(base);
  const all = result.warnings.length === 0 ? warnings : [...warnings, ...result.warnings];
  warn(reply, all);
  if (result.kind === 'stream') {
    void reply.type(result.contentType).send(result.stream);
    return;
  }
  const body = result.kind === 'serialized' ? result.json : JSON.stringify(result.body);
  // An answer with warnings is not cached: the cache keeps bodies only, and the warnings must ride along every time.
  const kept = result.cacheable && all.length === 0 ? cache.set(key, body) : undefined;
  void reply.type(JSON_TYPE).send(kept ?? (typeof body === 'string' ? (outgoing.lend(body, reply.raw) ?? body) : body));
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
