import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AttachmentSchema } from '../model/attachment.js';
import { CandidateSchema } from '../model/candidate.js';
import { TrutoErrorSchema } from '../model/error.js';
import { ListEnvelope } from '../model/list.js';
import { AttachmentListQuery, CandidateGetQuery, CandidateListQuery, IdParams } from '../truto/params.js';
import type { UnifiedApi } from '../truto/unified.js';
import type { AnswerCache } from './answer-cache.js';
import { answer } from './reply.js';

export interface UnifiedRoutesOptions {
  api: UnifiedApi;
  cache: AnswerCache;
  publicUrl: string | undefined;
}

const errorResponses = {
  400: TrutoErrorSchema,
  401: TrutoErrorSchema,
  404: TrutoErrorSchema,
};

/** `/unified/ats/*`: thin handlers, parse → UnifiedApi → send. */
export const unifiedRoutes: FastifyPluginAsyncTypebox<UnifiedRoutesOptions> = async (app, { api, cache, publicUrl }) => {
  const security = [{ bearerAuth: [] }];

  app.get(
    '/candidates/:id',
    {
      schema: {
        summary: 'Get a candidate',
        tags: ['candidates'],
        security,
        params: IdParams,
        querystring: CandidateGetQuery,
        response: { 200: CandidateSchema, ...errorResponses },
      },
    },
    (request, reply) => {
      answer(request, reply, cache, publicUrl, (base) => api.get('candidates', request.params.id, request.query, base));
    },
  );

  app.get(
    '/candidates',
    {
      schema: {
        summary: 'List candidates',
        tags: ['candidates'],
        security,
        querystring: CandidateListQuery,
        response: { 200: ListEnvelope(CandidateSchema), ...errorResponses },
      },
    },
    (request, reply) => {
      answer(request, reply, cache, publicUrl, (base) => api.list('candidates', request.query, base));
    },
  );

  app.get(
    '/attachments',
    {
      schema: {
        summary: 'List attachments',
        tags: ['attachments'],
        security,
        querystring: AttachmentListQuery,
        response: { 200: ListEnvelope(AttachmentSchema), ...errorResponses },
      },
    },
    (request, reply) => {
      answer(request, reply, cache, publicUrl, (base) => api.list('attachments', request.query, base));
    },
  );
};

