import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@sinclair/typebox';
import { Value, ValueErrorType } from '@sinclair/typebox/value';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Downloads } from '../files/download.js';
import { CATALOGUE, RESOURCE_NAMES, type ResourceSpec, type WriteMethod, type WriteSpec } from '../model/catalogue.js';
import { TrutoErrorSchema } from '../model/error.js';
import type { UploadedFile } from '../model/writes.js';
import { fieldName, firstProblem } from '../mock/strict.js';
import { errors, TrutoError } from '../truto/errors.js';
import { writeQueryFor, type TrutoQuery } from '../truto/params.js';
import { unknownKeys } from '../truto/unknown-keys.js';
import { warn } from '../truto/warnings.js';
import type { UnifiedWrites } from '../truto/writes.js';
import type { AnswerCache } from './answer-cache.js';
import { baseUrl } from './reply.js';
import { sendFile } from './send-file.js';

export interface WriteRoutesOptions {
  writes: UnifiedWrites;
  downloads: Downloads;
  cache: AnswerCache;
  publicUrl: string | undefined;
  /** Keeps a write's body with its journal entry. */
  noteBody: (request: FastifyRequest, body: unknown) => void;
  /** Unknown query keys are a 400 rather than a warning. */
  strict: boolean;
}

/** Uploads larger than this are refused (Lever's own limit is far lower). */
const MAX_UPLOAD = 25 * 1024 * 1024;
const errorResponses = { 400: TrutoErrorSchema, 401: TrutoErrorSchema, 404: TrutoErrorSchema, 405: TrutoErrorSchema, 422: TrutoErrorSchema };

/** `POST /unified/ats/*`: the catalogue's writes (CONTRACT §9), thin handlers, parse → UnifiedWrites → send. */
export const writeRoutes: FastifyPluginAsyncTypebox<WriteRoutesOptions> = async (app, { writes, downloads, cache, publicUrl, noteBody, strict }) => {
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD, files: 1, fields: 50, fieldSize: 64 * 1024, parts: 60 } });
  const security = [{ bearerAuth: [] }];

  for (const name of RESOURCE_NAMES) {
    const spec: ResourceSpec = CATALOGUE[name];
    for (const [method, write] of Object.entries(spec.writes ?? {}) as [WriteMethod, WriteSpec][]) {
      const path = method === 'create' ? `/${name}` : `/${name}/${method}`;
      const querystring = writeQueryFor(write);
      const known = new Set(Object.keys(querystring.properties));
      // As on reads: a key Truto would ignore is answered with a warning (a 400 with --strict), before any effect.
      const checkKeys = async (request: FastifyRequest, reply: FastifyReply) => warn(reply, unknownKeys(request.query as object, known, strict));
      const schema = {
        summary: write.summary,
        tags: [name],
        security,
        querystring,
        response: { ...successOf(spec, method), ...errorResponses },
      };

      if (method === 'download') {
        app.post(path, { schema: { ...schema, body: Type.Optional(write.body) }, preHandler: checkKeys }, (request, reply) => {
          const query = request.query as TrutoQuery & { file_url: string };
          const { fileName, document } = writes.download(name, query.integrated_account_id, () => downloads.byUrl(query.integrated_account_id, query.file_url));
          void sendFile(reply as FastifyReply, fileName, document);
        });
        continue;
      }

      if (write.multipart) {
        app.post(
          path,
          {
            schema: { ...schema, consumes: ['multipart/form-data'], body: Type.Unsafe(multipartBody(write.body)) },
            // The body is a stream of parts, read by the handler; the query is checked here, as the validator would.
            validatorCompiler: () => () => true,
            preValidation: async (request) => {
              request.query = checkedQuery(querystring, request.query) as typeof request.query;
            },
            preHandler: checkKeys,
          },
          async (request, reply) => {
          // Which account and whether it takes uploads come before reading what may be megabytes of file.
          writes.admit(name, method, (request.query as WriteQuery).integrated_account_id);
          const { fields, file } = await readUpload(request);
          noteBody(request, file ? { ...fields, file: { file_name: file.fileName, content_type: file.contentType, size: file.bytes.length } } : fields);
          send(reply, cache, writes.write(name, method, { query: request.query as WriteQuery, body: fields, ...(file ? { file } : {}), ...idempotency(request), base: baseUrl(request, publicUrl) }));
          },
        );
        continue;
      }

      app.post(
        path,
        {
          schema: { ...schema, body: write.body },
          // A write sent without a body asks with no fields: Truto's answer is the missing-fields 400, not a type error.
          // Checked as sent, before the schema validator's coercions (which would take 5 for "5"): a wrong type is a 400.
          preValidation: async (request) => {
            request.body ??= {};
            const problem = firstProblem(write.body, request.body);
            if (problem && problem.path.length === 0) throw errors.badRequest('Invalid body: it must be a JSON object, sent with Content-Type: application/json');
            if (problem) throw errors.invalidBody(fieldName(problem.path), problem.detail);
          },
          preHandler: checkKeys,
        },
        (request, reply) => {
          noteBody(request, request.body);
          const body = request.body as Record<string, unknown>;
          send(reply, cache, writes.write(name, method, { query: request.query as WriteQuery, body, ...idempotency(request), base: baseUrl(request, publicUrl) }));
        },
      );
    }
  }
};

type WriteQuery = TrutoQuery & Record<string, unknown>;

function successOf(spec: ResourceSpec, method: WriteMethod): Record<number, TSchema | object> {
  if (method === 'download') {
    return { 200: { description: 'The file\'s bytes, with its own Content-Type', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } } };
  }
  if (method === 'create') return { 201: spec.schema };
  return { 200: Type.Object({ result: spec.schema }) };
}

/** The multipart body as OpenAPI describes it: the file part beside the form fields. */
function multipartBody(fields: TSchema): object {
  const properties = (fields as { properties?: Record<string, unknown> }).properties ?? {};
  return { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' }, ...properties } };
}

/** A query checked against its schema, with its booleans and lists converted from their text as the validator would. */
function checkedQuery(schema: TSchema, query: unknown): unknown {
  const converted = Value.Convert(schema, query);
  const issue = Value.Errors(schema, converted).First();
  if (!issue) return converted;
  const name = issue.path.split('/').filter(Boolean).map((p, i) => (i === 0 ? p : `[${p}]`)).join('');
  if (issue.type === ValueErrorType.ObjectRequiredProperty) throw errors.missingQuery([name]);
  throw errors.invalidQuery(name, issue.message);
}

function idempotency(request: FastifyRequest): { idempotencyKey?: string } {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return {};
  const key = Array.isArray(value) ? value[0]! : value;
  if (key.length === 0 || key.length > 255) throw errors.invalidHeader('Idempotency-Key', 'must be 1 to 255 characters');
  return { idempotencyKey: key };
}

function send(reply: FastifyReply, cache: AnswerCache, answer: { status: number; contentType: string; text: string; replayed: boolean }): void {
  // The data changed: no answer cached before this write may be served again.
  if (!answer.replayed) cache.clear();
  if (answer.replayed) void reply.header('idempotent-replayed', 'true');
  void reply.code(answer.status).type(answer.contentType).send(answer.text);
}

/** An upload's form fields and its one file part (what Truto's TypeScript SDK sends for a FormData body). */
async function readUpload(request: FastifyRequest): Promise<{ fields: Record<string, unknown>; file: UploadedFile | undefined }> {
  if (!request.isMultipart()) {
    throw errors.badRequest('Invalid body: an attachment is uploaded as multipart/form-data with a file part named "file"');
  }
  const fields: Record<string, unknown> = {};
  let file: UploadedFile | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          await part.toBuffer();
          throw errors.invalidBody(part.fieldname, 'is a file part: the file goes in a part named "file"');
        }
        const bytes = await part.toBuffer();
        file = { fileName: part.filename || 'upload', contentType: part.mimetype || 'application/octet-stream', bytes };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    if (err instanceof TrutoError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw errors.invalidBody('file', `must be at most ${MAX_UPLOAD / 1024 / 1024} MB`);
    // Whatever the parser refuses (a truncated form, a part without headers) is the client's body, not our failure.
    throw errors.badRequest(`Invalid multipart body: ${(err as Error).message}`);
  }
  return { fields, file };
}

