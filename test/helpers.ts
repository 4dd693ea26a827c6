import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Test } from 'tap';
import { buildApp } from '../src/app.js';
import type { ConfigInput } from '../src/config.js';

/** The account, token and pinned ids of fixtures/accounts.json, as the README gives them. */
export const GH = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';
export const TOKEN = 'truto-mock-token';
export const ADA = '9000001003';
export const GRACE = '9000002003';
export const ZOE = '9000004003';
export const ADA_APPLICATION = '9100001003';
export const AUTH = { authorization: `Bearer ${TOKEN}` };

FormatRegistry.Set('date-time', (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)));
FormatRegistry.Set('binary', () => true);

/** A fresh app on a fresh in-memory store, closed when the test ends. */
export async function testApp(t: Test, config: ConfigInput = {}): Promise<FastifyInstance> {
  const app = await buildApp({ db: ':memory:', logLevel: 'silent', candidates: 40, ...config });
  t.teardown(() => app.close());
  return app;
}

/** GET with the default token; `query` is appended as given (already encoded). */
export function get(app: FastifyInstance, path: string, query = '', headers: InjectOptions['headers'] = AUTH) {
  return app.inject({ method: 'GET', url: query ? `${path}?${query}` : path, headers });
}

/** Fails the test with TypeBox's first error when `value` does not fit `schema`. */
export function assertSchema(t: Test, schema: TSchema, value: unknown, what = 'body'): void {
  const first = Value.Errors(schema, value).First();
  t.notOk(first, first ? `${what} does not fit its schema at ${first.path}: ${first.message}` : `${what} fits its schema`);
}

export const JSON_CT = 'application/json; charset=utf-8';
