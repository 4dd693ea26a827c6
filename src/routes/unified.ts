import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AttachmentSchema } from '../model/attachment.js';
import { CandidateSchema } from '../model/candidate.js';
import { TrutoErrorSchema } from '../model/error.js';
import { ListEnvelope } from '../model/list.js';
import { AttachmentListQuery, CandidateGetQuery, CandidateListQuery, IdParams } from '../truto/params.js';
import type { UnifiedApi } from '../truto/unified.js';
import { baseUrl, send } from './reply.js';

export interface UnifiedRoutesOptions {
  api: UnifiedApi;
  publicUrl: string | undefined;
}

const errorResponses = {
  400: TrutoErrorSchema,
  401: TrutoErrorSchema,
  404: TrutoErrorSchema,
};

/** `/unified/ats/*`: thin handlers, parse → UnifiedApi → send. */
export const unifiedRoutes: FastifyPluginAsyncTypebox<UnifiedRoutesOptions> = async (app, { api, publicUrl }) => {
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
      send(reply, api.get('candidates', request.params.id, request.query, baseUrl(request, publicUrl)));
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
      send(reply, api.list('candidates', request.query, baseUrl(request, publicUrl)));
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
      send(reply, api.list('attachments', request.query, baseUrl(request, publicUrl)));
    },
  );
};

