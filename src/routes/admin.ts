import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyError, FastifyRequest } from 'fastify';
import { TrutoErrorSchema } from '../model/error.js';
import type { Dataset } from '../mock/dataset.js';
import { JournalEntrySchema, JournalFilterSchema, type JournalFilter } from '../mock/journal.js';
import { MAX_ADMIN_BODY_BYTES, parseJson } from '../mock/json-limits.js';
import { RuleInputSchema, RuleSchema, RulesFileSchema } from '../mock/rules.js';
import { fieldName, firstProblem, parameterName, type Problem } from '../mock/strict.js';
import type { Scenarios } from '../mock/scenarios.js';
import { errors } from '../truto/errors.js';

export interface AdminRoutesOptions {
  scenarios: Scenarios;
  dataset: Dataset;
  adminToken: string | undefined;
}

const ResetBody = Type.Object(
  {
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1, description: 'Default: the seed the mock started with' })),
    candidates: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1, maximum: 1_000_000 }), Type.Null()], {
        description: 'Candidates per account; null: each fixture\'s size; default: the size the mock started with',
      }),
    ),
  },
  {
    additionalProperties: false,
    description: 'The settings in full: a field left out takes its start-up value, not the one of an earlier reset',
  },
);

const ResetAnswer = Type.Object({
  seed: Type.Integer(),
  candidates: Type.Union([Type.Integer(), Type.Null()], { description: 'null: each fixture\'s size' }),
  accounts: Type.Integer({ description: 'Integrated accounts served' }),
  reseeded: Type.Boolean({
    description: 'False when the seed and size asked for are those served: the seeded data is kept, and only the writes made since are undone',
  }),
  writes_undone: Type.Boolean({ description: 'True when writes made since the start or the last reset were undone' }),
  rules: Type.Integer({ description: 'Rules in force after the reset (those of the rules file, if any)' }),
  ms: Type.Number({ description: 'Milliseconds the reset took' }),
});

const JournalQuery = Type.Object(
  {
    method: Type.Optional(Type.String()),
    path: Type.Optional(Type.String({ description: 'Exact path, or a pattern where * matches anything' })),
    integrated_account_id: Type.Optional(Type.String()),
    query: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'query[limit]=5: requests that sent limit=5' })),
  },
  { additionalProperties: false },
);

const JournalAnswer = Type.Object({
  count: Type.Integer({ description: 'Entries that match, among those kept' }),
  total: Type.Integer({ description: 'Requests recorded since the start, the last reset or clear (kept or not)' }),
  capacity: Type.Integer({ description: 'Entries the journal keeps; older ones are overwritten' }),
  entries: Type.Array(JournalEntrySchema, { description: 'Matching entries, oldest first' }),
});

const RuleId = Type.Object({ id: Type.String() });
const RulesAnswer = Type.Object({ rules: Type.Array(RuleSchema) });
const Count = (what: string) => Type.Object({ [what]: Type.Integer() });

/**
 * `/_mock/*`: reset, the request journal and the fault rules (WireMock's admin API, in Truto's error shape).
 * Guarded by the admin token when one is configured.
 */
export const adminRoutes: FastifyPluginAsyncTypebox<AdminRoutesOptions> = async (app, { scenarios, dataset, adminToken }) => {
  // The admin token is a Bearer token too: the same scheme as the unified API's (the document defines one), another value.
  const security = adminToken === undefined ? [] : [{ bearerAuth: [] }];
  const errorsOf = { 400: TrutoErrorSchema, 401: TrutoErrorSchema };
  if (adminToken !== undefined) {
    app.addHook('onRequest', async (request: FastifyRequest) => {
      const sent = /^Bearer[ \t]+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
      if (sent !== adminToken) throw errors.adminToken();
    });
  }
  const tags = ['mock admin'];
  // `POST /_mock/reset` is often sent bare, or with a JSON content type and no body: both mean "no options".
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: MAX_ADMIN_BODY_BYTES }, (_request, text, done) => {
    if (typeof text === 'string' && text.trim() === '') return done(null, undefined);
    const parsed = parseJson(text as string);
    if ('problem' in parsed) done(errors.badRequest(`The body was refused: ${parsed.problem}`), undefined);
    else done(null, parsed.value);
  });
  app.setErrorHandler((error: FastifyError) => {
    // Thrown on to the app's handler, which answers in Truto's shape.
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      throw errors.badRequest(`The body was refused: it is larger than ${MAX_ADMIN_BODY_BYTES} bytes`);
    }
    throw error;
  });
  // Bodies and queries are checked as they are, never coerced or stripped: a key the API does not know, or "500"
  // for 500, is refused with the key's path and the valid keys (the --rules file is checked the same way).
  app.setValidatorCompiler(({ schema, httpPart }) => (data: unknown) => {
    const problem = firstProblem(schema as TSchema, data);
    return problem ? { error: refusal(httpPart, problem) } : { value: data };
  });

  app.post(
    '/reset',
    {
      schema: {
        summary: 'Back to the initial seeded state (optionally another seed or size); clears the journal and the rules',
        description:
          'The body is optional: a bare POST (or {}) returns to the seed and size the mock started with, whatever earlier resets chose; ' +
          'a body states the settings in full (a field left out takes its start-up value). Data already seeded with those settings is kept ' +
          'as seeded and every write made since is undone. Rules go back to those of the --rules file (none without one); rate-limit ' +
          'windows and seeded draws restart. Requests in flight finish on the data they started on. Unknown or mistyped fields are a 400.',
        tags,
        security,
        body: Type.Optional(ResetBody),
        response: { 200: ResetAnswer, ...errorsOf },
      },
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => {
      const body = request.body ?? {};
      const result = await dataset.reset({
        ...(body.seed !== undefined ? { seed: body.seed } : {}),
        ...(body.candidates !== undefined ? { candidates: body.candidates ?? undefined } : {}),
      });
      scenarios.reset(result.seed);
      return { seed: result.seed, candidates: result.candidates ?? null, accounts: result.accounts, reseeded: result.reseeded, writes_undone: result.writesUndone, rules: scenarios.rules.list().length, ms: result.ms };
    },
  );

  const journalAnswer = (filter: JournalFilter) => {
    const entries = scenarios.journal.find(filter);
    return { count: entries.length, total: scenarios.journal.total, capacity: scenarios.journal.capacity, entries };
  };

  app.get(
    '/journal',
    {
      schema: {
        summary: 'Requests clients sent, oldest first, filtered by method, path, account and query values',
        tags,
        security,
        querystring: JournalQuery,
        response: { 200: JournalAnswer, ...errorsOf },
      },
    },
    async (request) => journalAnswer(request.query),
  );

  app.post(
    '/journal/find',
    {
      schema: {
        summary: 'The journal filtered by a JSON body (for query keys with brackets, such as remote_query[email])',
        tags,
        security,
        body: JournalFilterSchema,
        response: { 200: JournalAnswer, ...errorsOf },
      },
    },
    async (request) => journalAnswer(request.body),
  );

  app.delete(
    '/journal',
    { schema: { summary: 'Empty the journal', tags, security, response: { 200: Count('cleared'), ...errorsOf } } },
    async () => ({ cleared: scenarios.journal.clear() }),
  );

  app.get(
    '/rules',
    { schema: { summary: 'The fault rules, in the order they are tried, with their counts', tags, security, response: { 200: RulesAnswer, ...errorsOf } } },
    async () => ({ rules: scenarios.rules.list() }),
  );

  app.put(
    '/rules',
    {
      schema: {
        summary: 'Replace every fault rule',
        tags,
        security,
        body: RulesFileSchema,
        response: { 200: RulesAnswer, ...errorsOf, 409: TrutoErrorSchema },
      },
    },
    async (request) => {
      const rules = scenarios.rules.replace(request.body.rules);
      if (typeof rules === 'string') throw errors.ruleConflict(rules);
      return { rules };
    },
  );

  app.post(
    '/rules',
    {
      schema: {
        summary: 'Add a fault rule after the others',
        tags,
        security,
        body: RuleInputSchema,
        response: { 201: RuleSchema, ...errorsOf, 409: TrutoErrorSchema },
      },
    },
    async (request, reply) => {
      const rule = scenarios.rules.add(request.body);
      if (typeof rule === 'string') throw errors.ruleConflict(rule);
      return reply.code(201).send(rule);
    },
  );

  app.get(
    '/rules/:id',
    {
      schema: { summary: 'One fault rule', tags, security, params: RuleId, response: { 200: RuleSchema, ...errorsOf, 404: TrutoErrorSchema } },
    },
    async (request) => {
      const rule = scenarios.rules.get(request.params.id);
      if (!rule) throw errors.ruleNotFound(request.params.id);
      return rule;
    },
  );

  app.delete(
    '/rules/:id',
    {
      schema: { summary: 'Delete one fault rule', tags, security, params: RuleId, response: { 200: Count('deleted'), ...errorsOf, 404: TrutoErrorSchema } },
    },
    async (request) => {
      if (!scenarios.rules.delete(request.params.id)) throw errors.ruleNotFound(request.params.id);
      return { deleted: 1 };
    },
  );

  app.delete(
    '/rules',
    { schema: { summary: 'Delete every fault rule', tags, security, response: { 200: Count('deleted'), ...errorsOf } } },
    async () => {
      const n = scenarios.rules.list().length;
      scenarios.rules.clear();
      return { deleted: n };
    },
  );
};

/** A refused admin body, query or path parameter, named as the client wrote it. */
function refusal(part: string | undefined, problem: Problem) {
  if (part === 'body') {
    return problem.path.length === 0 ? errors.badRequest(`Invalid body: ${problem.detail}`) : errors.invalidBody(fieldName(problem.path), problem.detail);
  }
  const name = parameterName(problem.path);
  const detail = problem.valid ? `is not a known parameter; valid parameters: ${problem.valid.join(', ')}` : problem.detail;
  return part === 'params' ? errors.invalidPathParameter(name, detail) : errors.invalidQuery(name, detail);
}
