import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { CATALOGUE, RESOURCE_NAMES } from '../model/catalogue.js';
import { TrutoErrorSchema } from '../model/error.js';
import { ListEnvelope } from '../model/list.js';
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
  app.setNotFoundHandler((request: FastifyRequest) => {
    throw api.notServed(request.method, request.url.split('?')[0]!, (request.query as { integrated_account_id?: unknown }).integrated_account_id);
  });
};
