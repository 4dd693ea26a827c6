import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_TOKEN = 'truto-mock-token';
export const DEFAULT_PORT = 4010;

export const ConfigSchema = Type.Object({
  // Loopback by default: a mock that accepts a well-known token is not for the network unless asked (the Docker
  // image sets HOST=0.0.0.0 itself).
  host: Type.String({ default: '127.0.0.1', description: 'Address to listen on; 0.0.0.0 for every interface' }),
  port: Type.Integer({ minimum: 0, maximum: 65535, default: DEFAULT_PORT }),
  db: Type.String({ minLength: 1, default: 'truto-ats-mock.db', description: 'SQLite file path, or :memory:' }),
  seed: Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1, default: 1 }),
  candidates: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'Candidates per account; overrides the fixtures' }),
  ),
  fixtures: Type.String({ minLength: 1, description: 'Path of the fixtures file (accounts, pinned records)' }),
  tokens: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, default: [DEFAULT_TOKEN] }),
  signingKey: Type.String({
    minLength: 8,
    default: 'truto-ats-mock-signing-key',
    description: 'HMAC key for cursors and file URLs; replicas that share it accept each other\'s cursors',
  }),
  publicUrl: Type.Optional(
    Type.String({ pattern: '^https?://[^/?#]+$', description: 'Base URL for file links; default: the Host the client used' }),
  ),
  cacheMb: Type.Integer({
    minimum: 0,
    maximum: 4096,
    default: 16,
    description: 'Megabytes of serialized answers kept for repeated requests; 0 turns the cache off',
  }),
  strict: Type.Boolean({
    default: false,
    description: 'Answer 400 to a unified request with a query key its route does not know (else: a warning header)',
  }),
  // Slow or stalled clients (slowloris): each limit answers 408 in Truto's body and closes the connection.
  requestTimeout: Type.Integer({
    minimum: 1,
    maximum: 3_600_000,
    default: 30_000,
    description: 'Milliseconds a request (headers and body) has to arrive in full',
  }),
  headersTimeout: Type.Integer({
    minimum: 1,
    maximum: 3_600_000,
    default: 10_000,
    description: 'Milliseconds a request\'s headers have to arrive in full; at most requestTimeout',
  }),
  keepAliveTimeout: Type.Integer({
    minimum: 1,
    maximum: 3_600_000,
    default: 72_000,
    description: 'Milliseconds an idle kept-alive connection stays open (above the 60 s of common load balancers)',
  }),
  maxRequestsPerSocket: Type.Integer({
    minimum: 0,
    maximum: 10_000_000,
    default: 0,
    description: 'Requests one kept-alive connection may carry before it is closed; 0 = no limit',
  }),
  // --- Test scenarios (src/mock/): admin API, journal, fault rules, rate limits, latency, overrides, reload ---
  adminToken: Type.Optional(
    Type.String({ minLength: 1, description: 'When set, the admin API (/_mock) needs "Authorization: Bearer <adminToken>"' }),
  ),
  journalSize: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 1000, description: 'Requests kept in the journal; 0 turns it off' }),
  rules: Type.Optional(Type.String({ minLength: 1, description: 'JSON file of fault rules loaded at start (and restored by a reset)' })),
  rateLimits: Type.Boolean({ default: false, description: 'Emulate Truto\'s limits: 500 requests / 10 s per token, 50 per integrated account' }),
  latency: Type.Optional(
    Type.String({ pattern: '^\\s*\\d{1,6}\\s*(-\\s*\\d{1,6}\\s*)?$', description: 'Milliseconds added to every answer: 250, or a range drawn from the seed: 100-300' }),
  ),
  errorRate: Type.Number({ minimum: 0, maximum: 1, default: 0, description: 'Share of requests answered with errorStatus, drawn from the seed' }),
  errorStatus: Type.Integer({ minimum: 400, maximum: 599, default: 500, description: 'Status of the errors errorRate injects' }),
  headerOverrides: Type.Boolean({ default: false, description: 'Honour x-mock-status, x-mock-latency… request headers' }),
  watch: Type.Boolean({ default: false, description: 'Reload the fixtures file when it changes' }),
  // --- end of test scenarios ---
  logLevel: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  logFormat: Type.Union([Type.Literal('auto'), Type.Literal('pretty'), Type.Literal('json')], {
    default: 'auto',
    description: 'auto: readable lines on a terminal, one JSON object a line otherwise',
  }),
  corsOrigins: Type.Array(Type.String({ pattern: '^(\\*|https?://[^/?#]+)$' }), {
    default: ['*'],
    description: 'Origins browsers may call from: * for any, or exact origins; empty turns CORS off',
  }),
});

export type Config = Static<typeof ConfigSchema>;
export type ConfigInput = Partial<Config>;

/** The package root, found by walking up: the same code runs from src/ (tests) and dist/src/ (built). */
export const PACKAGE_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

export const DEFAULT_FIXTURES = join(PACKAGE_ROOT, 'fixtures', 'accounts.json');

export class ConfigError extends Error {}

/** Fills defaults and refuses a bad value with a message that names the setting. */
export function resolveConfig(input: ConfigInput = {}): Config {
  const withDefaults = Value.Default(ConfigSchema, { fixtures: DEFAULT_FIXTURES, ...stripUndefined(input) });
  const first = Value.Errors(ConfigSchema, withDefaults).First();
  if (first) {
    const name = first.path.replace(/^\//, '').replace(/\//g, '.') || 'config';
    throw new ConfigError(`invalid setting ${name}: ${first.message} (got ${JSON.stringify(first.value)})`);
  }
  const config = withDefaults as Config;
  if (config.headersTimeout > config.requestTimeout) {
    throw new ConfigError(
      `invalid setting headersTimeout: ${config.headersTimeout} ms is longer than requestTimeout (${config.requestTimeout} ms), ` +
        'which covers the headers too; lower --headers-timeout or raise --request-timeout',
    );
  }
  return config;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
