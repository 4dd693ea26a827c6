import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { ConfigError, resolveConfig, type Config, type ConfigInput } from './config.js';
import { answerConnect, clientErrorHandler, httpOptions } from './connections.js';
import { registerCors } from './cors.js';
import { Downloads } from './files/download.js';
import { FileLinks, FILES_PREFIX } from './files/links.js';
import { Dataset, openStore } from './mock/dataset.js';
import { InFlight } from './mock/in-flight.js';
import { loadRules } from './mock/rules.js';
import { ADMIN_PREFIX, isAdminPath, REAL_CLOCK, Scenarios, type Clock } from './mock/scenarios.js';
import { Visit } from './mock/visit.js';
import { adminRoutes } from './routes/admin.js';
import { discoveryRoutes } from './routes/discovery.js';
import { AnswerCache } from './routes/answer-cache.js';
import { loggerOptions, logsEveryRequest, requestLine } from './logger.js';
import { registerOpenApi } from './openapi.js';
import { fileRoutes } from './routes/files.js';
import { unifiedRoutes } from './routes/unified.js';
import { writeRoutes } from './routes/writes.js';
import { loadFixtures } from './seed/fixtures.js';
import { SeedingHealthSchema, type SeedProgress } from './seed/progress.js';
import type { Store } from './store/index.js';
import { Accounts } from './truto/accounts.js';
import { authenticate } from './truto/auth.js';
import { Cursors } from './truto/cursor.js';
import { errors, TrutoError } from './truto/errors.js';
import { normalizeQuery, parseQueryString } from './truto/query.js';
import { JSON_TYPE, UnifiedApi } from './truto/unified.js';
import { validationError } from './truto/validation.js';
import { UnifiedWrites } from './truto/writes.js';
import { WARNING_HEADER } from './truto/warnings.js';
import { collapseSlashes } from './url-path.js';

export interface MockInfo {
  config: Config;
  /** The store being served (a reset or a fixtures reload replaces it). */
  readonly store: Store;
  accounts: Accounts;
  /** Milliseconds spent opening (and, if needed, seeding) the store. */
  openMs: number;
  /** Journal, fault rules, rate limits, overrides (src/mock/). */
  scenarios: Scenarios;
  /** The data served and its replacement: reset, fixtures reload. */
  dataset: Dataset;
  /** The requests being answered (what a stop waits for). */
  inFlight: InFlight<Visit>;
}

declare module 'fastify' {
  interface FastifyInstance {
    mock: MockInfo;
  }
}

/** What the command that serves the app hands it: its logger, and where seeding reports how far it has got. */
export interface AppRuntime {
  logger?: FastifyBaseLogger;
  progress?: SeedProgress;
}

/**
 * The whole mock as a Fastify instance that does not listen: tests inject into it, `server.ts` listens. `clock`
 * drives rate-limit windows, latency and journal times (tests pass one they control).
 */
export async function buildApp(input: ConfigInput = {}, clock: Clock = REAL_CLOCK, runtime: AppRuntime = {}): Promise<FastifyInstance> {
  const config = resolveConfig(input);
  const { fixtures, text } = loadFixtures(config.fixtures);
  const initialRules = config.rules === undefined ? [] : loadRules(config.rules, (d) => new ConfigError(`invalid setting rules: ${d}`));
  const seedOptions = { seed: config.seed, candidates: config.candidates };
  const started = performance.now();
  const store = await openStore(config.db, fixtures, text, seedOptions, runtime.progress);
  const openMs = performance.now() - started;
  const accounts = new Accounts(store);
  const cache = new AnswerCache(config.cacheMb * 1024 * 1024);
  // A reset or a reload changes the data: answers cached from the old data go.
  const dataset = new Dataset(config.db, accounts, seedOptions, { path: config.fixtures, fixtures, text }, () => cache.clear());
  let scenarios: Scenarios;
  try {
    scenarios = new Scenarios(config, accounts, clock, initialRules);
  } catch (err) {
    store.close();
    throw err;
  }
  const links = new FileLinks(config.signingKey);
  const api = new UnifiedApi(accounts, new Cursors(config.signingKey), links);
  const writes = new UnifiedWrites(accounts, links, () => dataset.current.seed);
  const downloads = new Downloads(accounts, links);
  const inFlight = new InFlight<Visit>((visit, answered) => {
    scenarios.depart(visit, answered);
    dataset.leave(visit);
  });

  const app = Fastify({
    ...(runtime.logger ? { loggerInstance: runtime.logger } : { logger: loggerOptions(config) }),
    logController: new LogController({ disableRequestLogging: true }),
    // A child logger (bound to the request id) for every request costs on every request: made only where a line a
    // request is written; elsewhere the few lines a request may write carry its id themselves.
    ...(logsEveryRequest(config.logLevel) ? {} : { childLoggerFactory: (logger: FastifyBaseLogger) => logger }),
    trustProxy: true,
    // A base URL set with a trailing slash (`http://mock:4010/`) makes clients send `//unified/...`: rewritten
    // before routing, so journal, fault rules, rate limits, cache and logs see the one path a client means.
    rewriteUrl: (req) => collapseSlashes(req.url ?? '/'),
    http: httpOptions(config),
    requestTimeout: config.requestTimeout,
    keepAliveTimeout: config.keepAliveTimeout,
    maxRequestsPerSocket: config.maxRequestsPerSocket,
    clientErrorHandler: clientErrorHandler(config),
    routerOptions: {
      maxParamLength: 1000,
      querystringParser: (text: string) => normalizeQuery(parseQueryString(text)),
    },
    frameworkErrors: (error, _request, reply) => {
      const err = error.code === 'FST_ERR_BAD_URL' ? errors.malformedUrl() : errors.badRequest(error.message);
      void sendError(reply, err);
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.server.on('connect', answerConnect);
  inFlight.watch(app.server);
  // Records are free-form (remote_data, exclusions, key_by): response schemas document, JSON.stringify writes.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.decorate('mock', {
    config,
    get store() {
      return accounts.store;
    },
    accounts,
    openMs,
    scenarios,
    dataset,
    inFlight,
  });
  app.addHook('onClose', async () => {
    dataset.close();
    accounts.store.close();
  });
  // One line a request, at info: the hook is only added when that level is written, as it runs on every request.
  if (logsEveryRequest(config.logLevel)) {
    app.addHook('onResponse', async (request, reply) => {
      request.log.info(requestLine(request, reply.statusCode, reply.elapsedTime), 'request');
    });
  }

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof TrutoError) return sendError(reply, error);
    if (error.validation) return sendError(reply, validationError(error.validation, error.validationContext ?? 'querystring'));
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendError(reply, new TrutoError(415, `Unsupported Media Type: send the body as application/json${request.url.includes('/attachments?') ? ', or an upload as multipart/form-data' : ''}`));
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, new TrutoError(error.statusCode, error.message));
    }
    request.log.error({ err: error, url: request.url, reqId: request.id }, 'unexpected error');
    return sendError(reply, errors.internal());
  });
  const auth = authenticate(new Set(config.tokens));
  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
    // Truto authenticates every /unified path before it routes: without a token, a 401 rather than a 404.
    if (/^\/+unified(\/|$)/.test(request.url)) auth(request);
    return sendError(reply, errors.routeNotFound(request.method, request.url.split('?')[0]!));
  });

  // Node answers a missing Host with an empty 400 (`requireHostHeader`); the check is made here to answer in Truto's body.
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.headers.host === undefined && request.raw.httpVersion === '1.1') {
      return done(errors.badRequest('Missing Host header: every HTTP/1.1 request must send one'));
    }
    done();
  });

  registerCors(app, {
    origins: config.corsOrigins,
    exposedHeaders: ['Content-Disposition', 'Content-Length', 'Retry-After', WARNING_HEADER, 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset'],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    maxAge: 600,
  });
  // Before any route: the document is collected from the routes as they are registered.
  await registerOpenApi(app);

  // --- Test scenarios (src/mock/) ---
  // Every request is in flight until it ends, answered or not; every request outside the admin API is journaled, and
  // waits while a reset or reload swaps the data.
  app.decorateRequest('visit', null);
  app.addHook('onRequest', (request, reply, done) => {
    const visit = new Visit(request.raw, reply);
    request.visit = visit;
    inFlight.start(visit, reply.raw);
    // The path of a matched route rather than the route's own (`routeOptions` builds an object of a dozen options on
    // every read): no route outside the admin API matches a path under it.
    if (!request.is404 && isAdminPath(request.url)) return done();
    scenarios.arrive(visit, request);
    dataset.admit(visit, done);
  });
  // Fastify's 'finish' (answered), or its 'error' (a response destroyed with an error: not answered).
  app.addHook('onResponse', (request, reply, done) => {
    if (request.visit !== null) inFlight.finish(request.visit, !reply.raw.destroyed || reply.raw.writableFinished);
    done();
  });
  await app.register(adminRoutes, { prefix: ADMIN_PREFIX, scenarios, dataset, adminToken: config.adminToken });
  if (config.watch) {
    dataset.watch((result, err) => {
      if (err) app.log.error({ err }, 'fixtures not reloaded: the served data is unchanged');
      else if (result) app.log.info({ ...result }, 'fixtures reloaded');
    });
  }
  // --- end of test scenarios ---

  app.get(
    '/health',
    {
      schema: {
        summary: 'Readiness: ok once the store is seeded (503 seeding before that)',
        tags: ['health'],
        response: {
          200: HealthSchema,
          503: SeedingHealthSchema,
        },
      },
    },
    async () => ({ status: 'ok' as const, accounts: accounts.list().length }),
  );

  await app.register(
    async (unified) => {
      unified.addHook('onRequest', (request, _reply, done) => {
        try {
          auth(request);
        } catch (err) {
          return done(err as Error);
        }
        done();
      });
      // After auth (a 401 comes first, as at Truto), before the route and its answer cache.
      if (config.rateLimits) unified.addHook('onRequest', scenarios.rateLimit);
      unified.addHook('onRequest', scenarios.faults);
      await unified.register(unifiedRoutes, { api, cache, publicUrl: config.publicUrl, strict: config.strict });
      await unified.register(writeRoutes, { writes, downloads, cache, publicUrl: config.publicUrl, noteBody: (request, body) => scenarios.noteBody(request, body), strict: config.strict });
    },
    { prefix: '/unified/ats' },
  );
  await app.register(
    async (files) => {
      files.addHook('onRequest', scenarios.faults);
      await files.register(fileRoutes, { downloads });
    },
    { prefix: FILES_PREFIX },
  );
  await app.register(discoveryRoutes);
  return app;
}

const HealthSchema = Type.Object({
  status: Type.Literal('ok'),
  accounts: Type.Integer({ minimum: 0, description: 'Integrated accounts served' }),
});

function sendError(reply: FastifyReply, error: TrutoError): FastifyReply {
  return reply.code(error.statusCode).headers(error.headers).type(JSON_TYPE).send(JSON.stringify(error.body));
}
