import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CATALOGUE, RESOURCE_NAMES, resourceNamed, type ResourceName } from '../model/catalogue.js';
import { TrutoErrorSchema } from '../model/error.js';
import { ListEnvelope } from '../model/list.js';
import { errors } from '../truto/errors.js';
import { IdParams, queryFor, type TrutoQuery } from '../truto/params.js';
import type { UnifiedApi } from '../truto/unified.js';
import { unknownKeys } from '../truto/unknown-keys.js';
import type { AnswerCache } from './answer-cache.js';
import { answer } from './reply.js';

export interface UnifiedRoutesOptions {
  api: UnifiedApi;
  cache: AnswerCache;
  publicUrl: string | undefined;
  /** Unknown query keys are a 400 rather than a warning. */
  strict: boolean;
}

const errorResponses = {
  400: TrutoErrorSchema,
  401: TrutoErrorSchema,
  404: TrutoErrorSchema,
};

/** `/unified/ats/*`, generated from the catalogue: thin handlers, parse → UnifiedApi → send. */
export const unifiedRoutes: FastifyPluginAsyncTypebox<UnifiedRoutesOptions> = async (app, { api, cache, publicUrl, strict }) => {
  const security = [{ bearerAuth: [] }];

  for (const name of RESOURCE_NAMES) {
    const spec = CATALOGUE[name];
    if (spec.methods.includes('get')) {
      const querystring = queryFor(spec, 'get');
      const known = new Set(Object.keys(querystring.properties));
      app.get(
        `/${name}/:id`,
        {
          schema: {
            summary: `Get ${/^[aeiouAEIOU]/.test(spec.singular) ? 'an' : 'a'} ${spec.singular}`,
            tags: [name],
            security,
            params: IdParams,
            querystring,
            response: { 200: spec.schema, ...errorResponses },
          },
        },
        (request, reply) => {
          const query = request.query as TrutoQuery;
          const warnings = unknownKeys(query, known, strict);
          answer(request, reply, cache, publicUrl, warnings, (base) => api.get(name, request.params.id, query, base));
        },
      );
    }
    if (spec.methods.includes('list')) {
      const querystring = queryFor(spec, 'list');
      const known = new Set(Object.keys(querystring.properties));
      app.get(
        `/${name}`,
        {
          schema: {
            summary: `List ${name.replace(/_/g, ' ')}`,
            tags: [name],
            security,
            querystring,
            response: { 200: ListEnvelope(spec.schema), ...errorResponses },
          },
        },
        (request, reply) => {
          const query = request.query as TrutoQuery;
          const warnings = unknownKeys(query, known, strict);
          answer(request, reply, cache, publicUrl, warnings, (base) => api.list(name, query, base));
        },
      );
    }
  }

  // After auth (this scope's onRequest hooks run for it too): Truto authenticates before it routes (CONTRACT §8).
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    void reply;
    throw notServed(api, request);
  });
};

/** Custom methods of Truto's unified API (`POST /unified/ats/<resource>/<method>`). */
const CUSTOM_METHODS = new Set(['move-stage', 'reject', 'download']);

/**
 * What an unrouted `/unified/ats/…` request is: an unknown resource, a method the account's integration lacks, or
 * (a path of another shape) a route that does not exist.
 */
function notServed(api: UnifiedApi, request: FastifyRequest) {
  const path = request.url.split('?')[0]!;
  const segments = path.replace(/^\/+unified\/+ats/, '').split('/').filter(Boolean);
  const [resource, rest] = segments;
  const method = resource === undefined || segments.length > 2 ? undefined : methodOf(request.method, rest);
  if (method === undefined) return errors.routeNotFound(request.method, path);
  if (!resourceNamed(resource!)) return errors.unknownResource(resource!, RESOURCE_NAMES);
  const accountId = (request.query as { integrated_account_id?: unknown } | undefined)?.integrated_account_id;
  if (typeof accountId !== 'string') return errors.missingQuery(['integrated_account_id']);
  return api.unsupported(accountId, resource as ResourceName, method);
}

/** Truto's word for what a request asks of a resource; undefined where no Truto route has that shape. */
function methodOf(httpMethod: string, rest: string | undefined): string | undefined {
  switch (httpMethod) {
    case 'GET':
    case 'HEAD':
      return rest === undefined ? 'list' : 'get';
    case 'POST':
      return rest === undefined ? 'create' : CUSTOM_METHODS.has(rest) ? rest : undefined;
    case 'PATCH':
    case 'PUT':
      return rest === undefined ? undefined : 'update';
    case 'DELETE':
      return rest === undefined ? undefined : 'delete';
    default:
      return undefined;
  }
}
