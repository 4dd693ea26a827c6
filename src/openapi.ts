import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TSchema } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { TrutoErrorSchema } from './model/error.js';
import { VERSION } from './version.js';

export const OPENAPI_PATH = '/openapi.json';
export const DOCS_PREFIX = '/docs';

/**
 * The OpenAPI 3.1 document, generated from the routes' TypeBox schemas as they are registered (so a route added
 * anywhere appears without a list to keep), served at /openapi.json; Swagger UI at /docs, from the package's own
 * files (no CDN). Registered before any route, since it collects them as they are added.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'truto-ats-mock',
        version: VERSION,
        description:
          "A local, deterministic stand-in for Truto's Unified ATS API. Every error is Truto's error body. " +
          'The default token is `truto-mock-token`.',
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    },
    // Every route can fail unexpectedly (a 500 in Truto's shape) and be reached by a malformed URL (a 400).
    transform: ({ schema, url, route }) => {
      if (!schema || schema.hide) return { schema, url };
      const response = { ...(schema.response as Record<string, TSchema> | undefined) };
      const formats = (schema.querystring as { properties?: Record<string, unknown> } | undefined)?.properties?.truto_response_format;
      if (formats && response['200'] && !('content' in response['200'])) response['200'] = withFormats(response['200']);
      response['400'] ??= TrutoErrorSchema;
      response['500'] ??= TrutoErrorSchema;
      for (const [status, described] of Object.entries(response)) {
        const meaning = ERROR_MEANINGS[status];
        if (meaning && described === TrutoErrorSchema) response[status] = { ...TrutoErrorSchema, description: meaning };
      }
      return { schema: { ...schema, response, operationId: schema.operationId ?? operationId(route.method, url) }, url };
    },
    transformObject: (documents) =>
      'openapiObject' in documents ? withDeepObjects(documents.openapiObject as OpenApiDocument) : documents.swaggerObject,
  });
  await app.register(swaggerUi, {
    routePrefix: DOCS_PREFIX,
    uiConfig: { docExpansion: 'list', deepLinking: true, tryItOutEnabled: true, persistAuthorization: true },
    staticCSP: true,
  });
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());
}

/** What each error status means here, as the document's response descriptions (the body is Truto's error shape). */
const ERROR_MEANINGS: Record<string, string> = {
  '400': 'Bad request: a parameter is missing or invalid (the message names it), or the URL is malformed',
  '401': 'No Authorization header, another scheme than Bearer, or an unknown token',
  '403': 'The link\'s signature does not match, or the link has expired',
  '404': 'No such record (a remote error with the integration\'s own body) or no such route',
  '429': 'Rate limited (Retry-After says when to try again)',
  '500': 'An unexpected error: the body never carries a stack trace',
};

/** A unified route's 200: the schema is the default format's; the other formats are named with their media types. */
function withFormats(unified: TSchema): TSchema {
  return {
    description:
      'truto_response_format=unified (the default) and normalized answer this schema; raw answers the integration\'s own ' +
      'record (a list keeps this envelope), debug adds the remote call it stands for, stream answers NDJSON.',
    content: {
      'application/json': { schema: unified },
      'application/x-ndjson': { schema: { type: 'string', description: 'truto_response_format=stream: one record a line' } },
    },
  } as unknown as TSchema;
}

interface OpenApiDocument {
  paths?: Record<string, Record<string, { parameters?: { in: string; schema?: { type?: unknown }; style?: string; explode?: boolean }[] }>>;
}

/**
 * Query parameters that are objects (`created_at[gt]=…`, `remote_query[email]=…`) are written as deepObject, the
 * way Truto and its SDKs send them; OpenAPI's default (form) would spread their keys at the top level.
 */
function withDeepObjects<T extends OpenApiDocument>(doc: T): T {
  for (const operations of Object.values(doc.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in === 'query' && parameter.schema?.type === 'object') {
          parameter.style = 'deepObject';
          parameter.explode = true;
        }
      }
    }
  }
  return doc;
}

/** `GET /unified/ats/candidates/:id` → `getUnifiedAtsCandidatesById`: stable ids for generated clients. */
function operationId(method: string | string[], url: string): string {
  const words = url
    .split('/')
    .filter(Boolean)
    .map((part) => (part.startsWith(':') ? `by-${part.slice(1)}` : part))
    .join('-')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1));
  return `${String(Array.isArray(method) ? method[0] : method).toLowerCase()}${words.join('')}`;
}
