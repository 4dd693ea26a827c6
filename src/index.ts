import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { ConfigError, ConfigSchema, type ConfigInput } from './config.js';
import type { JournalEntry, JournalFilter } from './mock/journal.js';
import type { Rule, RuleInput } from './mock/rules.js';
import { ADMIN_PREFIX } from './mock/scenarios.js';
import { nearest } from './nearest.js';

export { buildApp } from './app.js';
export { ConfigError, ConfigSchema, DEFAULT_PORT, DEFAULT_TOKEN, resolveConfig, type Config, type ConfigInput } from './config.js';
export { TrutoErrorSchema, type TrutoErrorBody } from './model/error.js';
export type { JournalEntry, JournalFilter } from './mock/journal.js';
export type { FaultAction, Rule, RuleInput } from './mock/rules.js';

/**
 * Options of `createMock`: any setting of the command line (camelCase), with defaults fit for a test suite. Where
 * the command line takes a number, a number is accepted (`latency: 250`; `'100-300'` for a range).
 */
export type MockOptions = Omit<ConfigInput, 'latency'> & { latency?: number | string };

/** An integrated account served: `{ id, integration, name, candidates }`. */
export interface MockAccount {
  id: string;
  integration: string;
  name: string;
  candidates: number;
}

/** The fault rules (`/_mock/rules`), without a hand-written request. */
export interface MockRules {
  /** Adds a rule after the others (like MSW's `server.use()`); answers it as stored, with its id. */
  add(rule: RuleInput): Promise<Rule>;
  /** The rules in the order they are tried, with their `matched` and `fired` counts. */
  list(): Promise<Rule[]>;
  /** Deletes one rule by id, or every rule without one. */
  clear(id?: string): Promise<void>;
}

/** The request journal (`/_mock/journal`): what the client under test sent. */
export interface MockJournal {
  /** Entries that match, oldest first; every entry without a filter. */
  find(filter?: JournalFilter): Promise<JournalEntry[]>;
  clear(): Promise<void>;
}

/** The settings a reset reseeds with (`POST /_mock/reset`). */
export interface MockResetOptions {
  seed?: number;
  /** Candidates per account; `null`: each fixture's size. */
  candidates?: number | null;
}

export interface RunningMock {
  /** Base URL to give a Truto client (`baseUrl` / `base_url`), without a trailing slash: `http://127.0.0.1:53121`. */
  url: string;
  /** The first accepted token: `Authorization: Bearer ${token}`. */
  token: string;
  /** The integrated accounts served. */
  accounts: MockAccount[];
  /** The Fastify instance, for `app.inject` without a socket. */
  app: FastifyInstance;
  /** Back to the initial state (journal, rules, rate limits); with settings, reseeds (`POST /_mock/reset`). */
  reset(settings?: MockResetOptions): Promise<void>;
  rules: MockRules;
  journal: MockJournal;
  /** Finishes in-flight requests, stops listening and closes the store. */
  close(): Promise<void>;
}

/**
 * Starts the mock in this process on a free loopback port, for a test suite (tap, vitest, jest, node --test):
 *
 *   const mock = await createMock({ seed: 7, candidates: 50 });
 *   // ... new Truto({ token: mock.token, baseUrl: mock.url }) ...
 *   await mock.rules.add({ match: { path: '/unified/ats/candidates/*' }, action: { type: 'error', status: 503 } });
 *   await mock.close();
 *
 * Defaults differ from the command line's where a test suite wants them to: an in-memory store (nothing written to
 * disk), port 0 (a free port), 127.0.0.1, and no logs. An unknown option is refused (a typo would otherwise be a
 * default silently used).
 */
export async function createMock(options: MockOptions = {}): Promise<RunningMock> {
  const known = Object.keys(ConfigSchema.properties);
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const hint = nearest(key, known);
    throw new ConfigError(`createMock: unknown option "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; options: ${known.join(', ')}`);
  }
  const { latency, ...rest } = options;
  const input: ConfigInput = { ...rest, ...(latency === undefined ? {} : { latency: String(latency) }) };
  const app = await buildApp({ db: ':memory:', port: 0, host: '127.0.0.1', logLevel: 'silent', ...input });
  const { config, accounts } = app.mock;
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await app.close();
    throw err;
  }
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the mock is not listening on a TCP port');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const shown = host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host;
  const admin = adminClient(app, config.adminToken);
  return {
    url: `http://${shown}:${address.port}`,
    token: config.tokens[0]!,
    accounts: accounts.list().map((a) => ({ id: a.row.id, integration: a.integration.name, name: a.row.name, candidates: a.row.candidates })),
    app,
    // Without settings, no body at all: a bare reset is the admin API's "back to the start".
    reset: async (settings) => void (await admin('POST', '/reset', settings)),
    rules: {
      add: async (rule) => (await admin('POST', '/rules', rule)) as Rule,
      list: async () => ((await admin('GET', '/rules')) as { rules: Rule[] }).rules,
      clear: async (id) => void (await admin('DELETE', id === undefined ? '/rules' : `/rules/${encodeURIComponent(id)}`)),
    },
    journal: {
      find: async (filter) => ((await admin('POST', '/journal/find', filter ?? {})) as { entries: JournalEntry[] }).entries,
      clear: async () => void (await admin('DELETE', '/journal')),
    },
    close: () => app.close(),
  };
}

/**
 * The admin API through `inject`: the same validation, the same answers as over HTTP (so these helpers cannot drift
 * from the routes), without a socket. A refusal is thrown with the admin API's own message.
 */
function adminClient(app: FastifyInstance, adminToken: string | undefined) {
  const headers = adminToken === undefined ? {} : { authorization: `Bearer ${adminToken}` };
  return async (method: 'GET' | 'POST' | 'DELETE', path: string, body?: object): Promise<unknown> => {
    const res = await app.inject({ method, url: `${ADMIN_PREFIX}${path}`, headers, ...(body === undefined ? {} : { payload: body }) });
    const answer: unknown = res.body === '' ? undefined : res.json();
    if (res.statusCode >= 400) {
      const message = (answer as { message?: string } | undefined)?.message ?? res.statusMessage;
      throw new Error(`${method} ${ADMIN_PREFIX}${path}: ${res.statusCode} ${message}`);
    }
    return answer;
  };
}
