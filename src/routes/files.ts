import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CONTENT_TYPES } from '../files/documents.js';
import type { Downloads } from '../files/download.js';
import { sendFile } from './send-file.js';
import { TrutoErrorSchema } from '../model/error.js';

/** Files behind `file_url`: signed links, no Authorization header, as storage URLs are. */
export const fileRoutes: FastifyPluginAsyncTypebox<{ downloads: Downloads }> = async (app, { downloads }) => {
  app.get(
    '/:account/:attachment/:fileName',
    {
      schema: {
        summary: 'Download an attachment (the file_url of an attachment)',
        tags: ['files'],
        params: Type.Object({ account: Type.String(), attachment: Type.String(), fileName: Type.String() }),
        querystring: Type.Object({
          expires: Type.Optional(Type.String({ description: 'Unix time after which the link is refused' })),
          signature: Type.Optional(Type.String({ description: 'The link\'s signature' })),
        }),
        response: {
          200: {
            description: 'The file, of the type its name says',
            content: Object.fromEntries(
              [...new Set(Object.values(CONTENT_TYPES))].map((type) => [type, { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) }]),
            ),
          },
          403: TrutoErrorSchema,
          404: TrutoErrorSchema,
        },
      },
    },
    (request, reply) => {
      const { fileName, document } = downloads.file({ ...request.params, expires: request.query.expires, signature: request.query.signature });
      // Links are signed and stable: a browser may keep the file for an hour.
      void sendFile(reply.header('cache-control', 'private, max-age=3600'), fileName, document);
    },
  );
};
