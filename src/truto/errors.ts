import { STATUS_CODES } from 'node:http';
import type { TrutoErrorBody } from '../model/error.js';

/**
 * Every error the mock answers is declared here, once, in Truto's body shape:
 * `{ statusCode, error, message }` plus Truto's optional additions.
 */
export class TrutoError extends Error {
  readonly statusCode: number;
  readonly body: TrutoErrorBody;
  readonly headers: Record<string, string>;

  constructor(statusCode: number, message: string, extra: Partial<TrutoErrorBody> = {}, headers: Record<string, string> = {}) {
    super(message);
    this.statusCode = statusCode;
    this.body = { statusCode, error: reasonPhrase(statusCode), message, ...extra };
    this.headers = headers;
  }
}

/** Default messages of injected failures, in the words of Truto's status catalogue. */
const FAULT_MESSAGES: Record<number, string> = {
  400: 'Bad request',
  401: 'Invalid API token',
  403: 'This token is not allowed to call this endpoint',
  404: 'Not found',
  429: 'Too many requests: retry after the Retry-After header\'s seconds',
  500: 'Truto failed to answer this request',
  502: 'Truto reached the integration but got no clean answer',
  503: 'The integrated account has been blocked',
  504: 'The integration did not answer in time',
};

export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

function remoteError(statusCode: number, message: string, rawResponse: unknown, headers: Record<string, string> = {}): TrutoError {
  return new TrutoError(
    statusCode,
    message,
    {
      truto_is_remote_error: true,
      raw_response: rawResponse,
      truto_error_insight: {
        remote_error: { description: 'The error came from the integration\'s own API; raw_response holds its answer.' },
      },
    },
    headers,
  );
}

export const errors = {
  missingToken: () =>
    new TrutoError(401, 'Missing Authorization header: send "Authorization: Bearer <token>"'),
  badScheme: () => new TrutoError(401, 'Authorization header must use the Bearer scheme: "Bearer <token>"'),
  badToken: () => new TrutoError(401, 'Invalid API token'),

  missingQuery: (names: string[], integration?: string) =>
    new TrutoError(400, `Missing required query parameter${names.length > 1 ? 's' : ''}: ${names.join(', ')}`, {
      truto_error_insight: {
        missing_required_query_parameters: {
          description: integration
            ? `The ${integration} integration requires these query parameters for this request.`
            : 'These query parameters are required for this request.',
          value: names,
        },
      },
    }),

  missingBody: (names: string[], integration: string) =>
    new TrutoError(400, `Missing required body field${names.length > 1 ? 's' : ''}: ${names.join(', ')}`, {
      truto_error_insight: {
        missing_required_body_fields: {
          description: `The ${integration} integration requires these body fields for this request.`,
          value: names,
        },
      },
    }),
  /** Truto's answer to a write on a sandbox account. */
  sandbox: (account: string) =>
    new TrutoError(405, `Integrated account ${JSON.stringify(account)} is a sandbox account: writes are not allowed`),
  idempotencyMismatch: () =>
    new TrutoError(422, 'Invalid header Idempotency-Key: it was already used for a different request; use a new key for a new request'),
  readonlyStore: () =>
    new TrutoError(
      503,
      'The mock serves a read-only database file, so it cannot take writes: give it a writable --db (or --db :memory:)',
    ),
  storeBusy: () =>
    new TrutoError(
      503,
      'Another process is writing to this mock\'s database file, so it cannot take writes: start each replica on its own copy of the file',
      {},
      { 'retry-after': '1' },
    ),
  invalidQuery: (name: string, detail: string) => new TrutoError(400, `Invalid query parameter ${name}: ${detail}`),
  invalidBody: (name: string, detail: string) => new TrutoError(400, `Invalid body field ${name}: ${detail}`),
  invalidHeader: (name: string, detail: string) => new TrutoError(400, `Invalid header ${name}: ${detail}`),
  adminToken: () => new TrutoError(401, 'The admin API needs "Authorization: Bearer <admin token>"'),
  ruleNotFound: (id: string) => new TrutoError(404, `Fault rule ${JSON.stringify(id)} not found`),
  ruleConflict: (detail: string) => new TrutoError(409, `Fault rules refused: ${detail}`),
  invalidPathParameter: (name: string, detail: string) => new TrutoError(400, `Invalid path parameter ${name}: ${detail}`),

  invalidCursor: () =>
    new TrutoError(
      400,
      'Invalid query parameter next_cursor: it was not issued for this integrated account and these filters; start again without next_cursor',
    ),

  accountNotFound: (id: string) => new TrutoError(404, `Integrated account ${JSON.stringify(id)} not found`),

  routeNotFound: (method: string, url: string) => new TrutoError(404, `Route ${method}:${url} not found`),
  /** A resource or method the account's integration lacks (CONTRACT §8). */
  unsupported: (integration: string, resource: string, method: string, supported: readonly string[]) =>
    new TrutoError(404, `${integration} does not support ${method} on ${resource}`, {
      truto_error_insight: {
        supported_methods: {
          description: supported.length > 0
            ? `The methods ${integration} supports on ${resource}.`
            : `${integration} supports no method on ${resource}.`,
          value: [...supported],
        },
      },
    }),
  unknownResource: (resource: string, known: readonly string[]) =>
    new TrutoError(404, `Unknown resource ${JSON.stringify(resource)}: the unified ATS API has ${known.join(', ')}`),

  /** A failure "at the remote API": carries what the integration itself answered. */
  remote: remoteError,

  attachmentNotFound: (id: string, fileName?: string) =>
    new TrutoError(404, `Attachment ${JSON.stringify(id)} ${fileName === undefined ? 'not found' : `has no file ${JSON.stringify(fileName)}`}`),
  badFileUrl: (detail: string) => new TrutoError(403, `This file URL is not valid: ${detail}`),
  fileExpired: () => new TrutoError(403, 'This file URL has expired: list the attachments again for a fresh one'),

  /** An injected failure in Truto's own shape (a fault rule, a header override, the global error rate). */
  fault: (statusCode: number, message?: string, headers: Record<string, string> = {}) =>
    new TrutoError(statusCode, message ?? FAULT_MESSAGES[statusCode] ?? `Injected failure (${statusCode})`, {}, headers),
  /** Truto's own 429: `Retry-After` and the `ratelimit-*` headers ride along. */
  rateLimited: (headers: Record<string, string>) =>
    new TrutoError(429, FAULT_MESSAGES[429]!, {
      truto_error_insight: { rate_limit_error: { description: 'Rate limit reached: retry after the Retry-After header\'s seconds.' } },
    }, headers),
  /** The integration's own 429, passed through as Truto does: remote error, its headers, a rate-limit insight. */
  remoteRateLimited: (message: string, rawResponse: unknown, headers: Record<string, string>) => {
    const err = remoteError(429, message, rawResponse, headers);
    err.body.truto_error_insight = {
      ...err.body.truto_error_insight,
      rate_limit_error: { description: 'The integration\'s API refused the call for its rate limit: retry after the Retry-After header\'s seconds.' },
    };
    return err;
  },

  malformedUrl: () => new TrutoError(400, 'The request URL is malformed (bad percent-encoding)'),
  badRequest: (message: string) => new TrutoError(400, message),
  seeding: () =>
    new TrutoError(503, 'The mock is still seeding its store: try again shortly (GET /health answers 200 when it is ready)', {}, { 'retry-after': '1' }),
  internal: () => new TrutoError(500, 'The mock failed to answer this request; it was logged'),
} as const;
