import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { ConfigInput } from './config.js';

export { buildApp } from './app.js';
export { ConfigError, ConfigSchema, DEFAULT_PORT, DEFAULT_TOKEN, resolveConfig, type Config, type ConfigInput } from './config.js';
export { TrutoErrorSchema, type TrutoErrorBody } from './model/error.js';

/** Options of `createMock`: any setting of the command line, with defaults fit for a test suite. */
export type MockOptions = ConfigInput;

export interface RunningMock {
  /** Base URL to give a Truto client (`baseUrl` / `base_url`), without a trailing slash: `http://127.0.0.1:53121`. */
  url: string;
  /** The first accepted token: `Authorization: Bearer ${token}`. */
  token: string;
  /** The integrated accounts served, as `{ id, integration, name, candidates }`. */
  accounts: { id: string; integration: string; name: string; candidates: number }[];
  /** The Fastify instance, for `app.inject` without a socket. */
  app: FastifyInstance;
  /** Finishes in-flight requests, stops listening and closes the store. */
  close(): Promise<void>;
}

/**
 * Starts the mock in this process on a free loopback port, for a test suite (tap, vitest, jest):
 *
 *   const mock = await createMock({ seed: 7, candidates: 50 });
 *   // ... new Truto({ token: mock.token, baseUrl: mock.url }) ...
 *   await mock.close();
 *
 * Defaults differ from the command line's where a test suite wants them to: an in-memory store (nothing written to
 * disk), port 0 (a free port), 127.0.0.1, and no logs.
 */
export async function createMock(options: MockOptions = {}): Promise<RunningMock> {
  const app = await buildApp({ db: ':memory:', port: 0, host: '127.0.0.1', logLevel: 'silent', ...options });
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
  return {
    url: `http://${shown}:${address.port}`,
    token: config.tokens[0]!,
    accounts: accounts.list().map((a) => ({ id: a.row.id, integration: a.integration.name, name: a.row.name, candidates: a.row.candidates })),
    app,
    close: () => app.close(),
  };
}
