import Fastify, { type FastifyBaseLogger, type FastifyServerOptions } from 'fastify';
import { destination, symbols } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from './config.js';

/** Paths pino censors wherever they appear in a log line: a token never reaches a log file. */
const REDACT = ['authorization', 'headers.authorization', 'req.headers.authorization', 'headers.cookie'];

/** The fields of the one line a request writes (see `requestLine`). */
const REQUEST_FIELDS = ['method', 'url', 'statusCode', 'ms', 'authorization', 'userAgent'];

/**
 * pino for people and for machines: readable single lines on a terminal, one JSON object a line anywhere else
 * (docker logs, CI, a log shipper), `--log-format` to choose.
 */
export function loggerOptions(config: Pick<Config, 'logLevel' | 'logFormat'>): FastifyServerOptions['logger'] {
  const base = { level: config.logLevel, redact: { paths: REDACT, censor: '[redacted]' } };
  const readable = config.logFormat === 'pretty' || (config.logFormat === 'auto' && process.stdout.isTTY === true);
  // JSON lines are written asynchronously: a line written while the previous write is under way joins the next one,
  // so under load (a line a request) they go out in batches instead of a system call each; when idle, at once.
  // pino writes what is pending synchronously when the process exits.
  if (!readable) return { ...base, stream: destination({ dest: 1, sync: false }) };
  const stream = pretty({
    colorize: process.stdout.isTTY === true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: ['pid', 'hostname', 'reqId', ...REQUEST_FIELDS].join(','),
    // A request reads as `GET /unified/ats/candidates?… 200 3.1 ms`; other lines keep their message and fields.
    messageFormat: (log, messageKey) =>
      typeof log.method === 'string'
        ? `${log.method} ${String(log.url)} ${String(log.statusCode)} ${String(log.ms)} ms`
        : String(log[messageKey] ?? ''),
  });
  return { ...base, stream };
}

/** True when the level writes a line a request (the onResponse hook in app.ts). */
export const logsEveryRequest = (level: string): boolean => ['info', 'debug', 'trace'].includes(level);

/** The fields of a request's log line; `authorization` is there to show whether one was sent, and is censored. */
export function requestLine(
  request: { method: string; url: string; headers: Record<string, string | string[] | undefined> },
  statusCode: number,
  elapsedMs: number,
): Record<string, unknown> {
  return {
    method: request.method,
    url: request.url,
    statusCode,
    ms: Math.round(elapsedMs * 10) / 10,
    ...(request.headers.authorization === undefined ? {} : { authorization: request.headers.authorization }),
    ...(request.headers['user-agent'] === undefined ? {} : { userAgent: request.headers['user-agent'] }),
  };
}

/**
 * The command's logger, there before the app (seeding is logged by it, then the app takes it over): Fastify's own
 * pino, as Fastify builds it from these options, taken from an instance that never listens.
 */
export function createLogger(config: Pick<Config, 'logLevel' | 'logFormat'>): FastifyBaseLogger {
  return Fastify({ logger: loggerOptions(config) }).log;
}

/**
 * Resolves once every line logged so far is written, or after `withinMs`. JSON lines are written asynchronously, and
 * at exit pino writes the pending ones synchronously: ahead of a line whose write is still under way, so the last two
 * lines of a stop could reach stdout the wrong way round (seen once in CI). sonic-boom says whether a write is under
 * way only in a field of its own (`_writing`); its `flush` returns at once when lines are written as they come. A
 * stdout nobody reads cannot hold the exit for longer than `withinMs`.
 */
export async function flushed(log: FastifyBaseLogger, withinMs = 1000): Promise<void> {
  const stream = (log as unknown as Record<symbol, { _writing?: unknown } | undefined>)[symbols.streamSym];
  for (let waited = 0; stream?._writing === true && waited < withinMs; waited += 5) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
