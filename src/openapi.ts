import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DEFAULT_TOKEN } from './config.js';
import { OVERRIDE_HEADERS } from './mock/scenarios.js';
import { TrutoErrorSchema } from './model/error.js';
import { componentSchemas, documentExamples, errorExample, withRefs } from './openapi-components.js';
import { VERSION } from './version.js';

export const OPENAPI_PATH = '/openapi.json';
export const DOCS_PREFIX = '/docs';

/** The document's sections, in the order a newcomer needs them: the unified API first, the admin API last. */
const TAGS = [
  { name: 'candidates', description: 'Truto\'s unified candidates (`/unified/ats/candidates`)' },
  { name: 'attachments', description: 'Truto\'s unified attachments (`/unified/ats/attachments`)' },
  { name: 'files', description: 'The files behind every `file_url` (signed links: no token)' },
  { name: 'discovery', description: 'Where to start: accounts, integrations, links' },
  { name: 'health', description: 'Readiness' },
  { name: 'mock admin', description: 'Test scenarios: reset, request journal, fault rules (`/_mock`)' },
];

/**
 * The OpenAPI 3.1 document, generated from the routes' TypeBox schemas as they are registered (so a route added
 * anywhere appears without a list to keep), served at /openapi.json; Swagger UI at /docs, from the package's own
 * files (no CDN). Registered before any route, since it collects them as they are added.
 *
 * Everything that helps a first request succeed is added here, generically, rather than in each route: examples
 * from the fixtures served, the errors the mock can really be driven into, named component schemas, `servers`
 * from the URL the document was fetched from, and the default token in Swagger UI's Authorize dialog.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  const { config } = app.mock;
  const examples = documentExamples(config.fixtures);
  const acceptsDefault = config.tokens.includes(DEFAULT_TOKEN);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'truto-ats-mock',
        version: VERSION,
        description:
          "A local, deterministic stand-in for Truto's Unified ATS API. Every error is Truto's error body.\n\n" +
          (acceptsDefault
            ? `**Authorize** with the token \`${DEFAULT_TOKEN}\` (Swagger UI fills it in). `
            : '**Authorize** with one of the tokens the mock was started with (`--tokens`). ') +
          (examples.account ? `The examples use the account \`${examples.account}\`${examples.candidate ? ` and its pinned candidate \`${examples.candidate}\`` : ''}: ` : '') +
          '`GET /_mock/accounts` lists every account and its pinned ids.',
      },
      tags: TAGS,
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: acceptsDefault ? `The default token: \`${DEFAULT_TOKEN}\`` : 'A token of --tokens' },
        },
      },
    },
    transform: ({ schema, url, route }) => {
      if (!schema || schema.hide) return { schema, url };
      const response = { ...(schema.response as Record<string, TSchema> | undefined) };
      const formats = (schema.querystring as { properties?: Record<string, unknown> } | undefined)?.properties?.truto_response_format;
      if (formats && response['200'] && !('content' in response['200'])) response['200'] = withFormats(response['200']);
      // What the test scenarios can answer instead: faults on every unified and file route, Truto's rate limit on
      // the unified ones.
      const unified = url.startsWith('/unified/');
      if (unified) response['429'] ??= RateLimited;
      if (unified || url.startsWith('/files/')) for (const status of ['502', '503', '504']) response[status] ??= TrutoErrorSchema;
      response['400'] ??= TrutoErrorSchema;
      response['500'] ??= TrutoErrorSchema;
      for (const [status, described] of Object.entries(response)) {
        const meaning = ERROR_MEANINGS[status];
        if (meaning && (described === TrutoErrorSchema || described === RateLimited)) {
          const headers = described === RateLimited ? { headers: RATE_LIMIT_HEADERS } : {};
          response[status] = { $ref: '#/components/schemas/TrutoError', description: meaning, ...headers } as unknown as TSchema;
        }
      }
      const headers = unified ? { headers: OverrideHeaders } : {};
      const named = {
        response: Object.fromEntries(Object.entries(response).map(([status, s]) => [status, withRefs(s)])),
        ...(schema.body ? { body: withRefs(schema.body) } : {}),
      };
      return { schema: { ...schema, ...headers, ...named, operationId: schema.operationId ?? operationId(route.method, url) }, url };
    },
    transformObject: (documents) =>
      'openapiObject' in documents
        ? withComponents(withErrorExamples(withExamples(unifiedFirst(withDeepObjects(documents.openapiObject as OpenApiDocument)), examples)))
        : documents.swaggerObject,
  });
  await app.register(swaggerUi, {
    routePrefix: DOCS_PREFIX,
    uiConfig: {
      docExpansion: 'list',
      deepLinking: true,
      tryItOutEnabled: true,
      persistAuthorization: true,
      // The Authorize dialog filled in with the default token (only when the mock accepts it: another token is a
      // secret of whoever started the mock). The function's text runs in the page, beside the `ui` it names.
      ...(acceptsDefault ? { onComplete: new Function(`ui.preauthorizeApiKey('bearerAuth', ${JSON.stringify(DEFAULT_TOKEN)});`) as () => void } : {}),
    },
    staticCSP: true,
    // Without `upgrade-insecure-requests`: under any host name but localhost it made the browser fetch the page's
    // own assets over https, which the mock does not serve (a blank page at http://truto-mock:4010/docs).
    transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, '').trim(),
    transformSpecification: (document, request) => withServer(document, request as FastifyRequest),
  });
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async (request) => withServer(app.swagger(), request));
}

/** `servers`: the URL this document was fetched from (behind a proxy, the forwarded host), so "Try it out" works. */
function withServer<T extends object>(document: T, request: FastifyRequest): T & { servers: { url: string; description: string }[] } {
  return { ...document, servers: [{ url: `${request.protocol}://${request.host}`, description: 'This mock, as reached by this client' }] };
}

/** What each error status means here, as the document's response descriptions (the body is Truto's error shape). */
const ERROR_MEANINGS: Record<string, string> = {
  '400': 'Bad request: a parameter is missing or invalid (the message names it), or the URL is malformed',
  '401': 'No Authorization header, another scheme than Bearer, or an unknown token',
  '403': 'The link\'s signature does not match, or the link has expired',
  '404': 'No such record (a remote error with the integration\'s own body) or no such route',
  '409': 'The fault rules were refused (a duplicate id)',
  '429': 'Rate limited: under --rate-limits, or by a fault rule or x-mock-status. Retry-After says when to try again',
  '500': 'An unexpected error: the body never carries a stack trace',
  '502': 'A fault rule or x-mock-status: no clean answer from the integration',
  '503': 'A fault rule or x-mock-status (the integrated account blocked), or the mock still seeding (Retry-After: 1)',
  '504': 'A fault rule or x-mock-status: the integration did not answer in time',
};

const seconds = (description: string) => Type.String({ pattern: '^\\d+$', description });
const RATE_LIMIT_HEADERS = {
  'retry-after': seconds('Seconds to wait before trying again'),
  'ratelimit-limit': seconds('Requests allowed in the window (Truto\'s limit, under --rate-limits)'),
  'ratelimit-remaining': seconds('Requests left in the window: 0'),
  'ratelimit-reset': seconds('Seconds until the window opens again'),
};
/** Marks the 429 added below (Truto's error body with the rate-limit headers). */
const RateLimited = { ...TrutoErrorSchema } as TSchema;

/** The x-mock-* request headers (honoured only when the mock runs with --header-overrides). */
const OverrideHeaders = Type.Object(
  Object.fromEntries(
    Object.entries(OVERRIDE_HEADERS).map(([name, effect]) => [name, Type.Optional(Type.String({ description: `Test scenarios, only with --header-overrides: ${effect}` }))]),
  ),
);

/** A unified route's 200: the schema is the default format's; the other formats are named with their media types. */
function withFormats(unified: TSchema): TSchema {
  return {
    description:
      'truto_response_format=unified (the default) and normalized answer this schema; raw answers the integration\'s own ' +
      'record (a list keeps this envelope), debug adds the remote call it stands for, stream answers NDJSON (labelled text/plain).',
    content: {
      'application/json': { schema: unified },
      'text/plain': { schema: { type: 'string', description: 'truto_response_format=stream: one record a line' } },
    },
  } as unknown as TSchema;
}

interface Parameter {
  name: string;
  in: string;
  schema?: { type?: unknown };
  style?: string;
  explode?: boolean;
  example?: unknown;
}
interface Operation {
  parameters?: Parameter[];
  responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string }; example?: unknown }> }>;
}
export interface OpenApiDocument {
  paths?: Record<string, Record<string, Operation>>;
  components?: Record<string, unknown>;
}

/**
 * Query parameters that are objects (`created_at[gt]=…`, `remote_query[email]=…`) are written as deepObject, the
 * way Truto and its SDKs send them; OpenAPI's default (form) would spread their keys at the top level. Their
 * example is `{}`: Swagger UI would otherwise send its generated `remote_query[additionalProp1]=string`.
 */
function withDeepObjects<T extends OpenApiDocument>(doc: T): T {
  for (const operations of Object.values(doc.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in === 'query' && parameter.schema?.type === 'object') {
          parameter.style = 'deepObject';
          parameter.explode = true;
          parameter.example ??= {};
        }
      }
    }
  }
  return doc;
}

/** Each error answer's example is the body the mock sends with that status there (Swagger UI would show 400s). */
function withErrorExamples<T extends OpenApiDocument>(doc: T): T {
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      for (const [status, answer] of Object.entries(operation.responses ?? {})) {
        const media = answer.content?.['application/json'];
        if (Number(status) >= 400 && media?.schema?.$ref === '#/components/schemas/TrutoError') media.example ??= errorExample(Number(status), path);
      }
    }
  }
  return doc;
}

function withComponents<T extends OpenApiDocument>(doc: T): T {
  return { ...doc, components: { ...doc.components, schemas: { ...(doc.components?.schemas as object | undefined), ...componentSchemas() } } };
}

/** The unified API first, the admin API last (the document lists paths in the order routes were registered). */
function unifiedFirst<T extends OpenApiDocument>(doc: T): T {
  const rank = (path: string) => (path.startsWith('/unified/') ? 0 : path.startsWith('/files/') ? 1 : path.startsWith('/_mock') ? 3 : 2);
  const paths = Object.entries(doc.paths ?? {});
  return { ...doc, paths: Object.fromEntries(paths.sort(([a], [b]) => rank(a) - rank(b))) };
}

/** Parameters a first request needs, filled with ids that answer 200: the first account and its pinned candidate. */
function withExamples<T extends OpenApiDocument>(doc: T, examples: { account?: string; candidate?: string }): T {
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    if (!path.startsWith('/unified/')) continue;
    for (const operation of Object.values(operations)) {
      for (const parameter of operation.parameters ?? []) {
        const example =
          parameter.name === 'integrated_account_id'
            ? examples.account
            : parameter.name === 'candidate_id' || (parameter.in === 'path' && parameter.name === 'id' && path.startsWith('/unified/ats/candidates/'))
              ? examples.candidate
              : undefined;
        if (example !== undefined) parameter.example ??= example;
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
