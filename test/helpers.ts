import { FormatRegistry, Type, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { AccountReader, FilterName, Integration, SeedRecord } from '../src/integrations/types.js';
import { CATALOGUE, type ResourceSpec, type ResourceName } from '../src/model/catalogue.js';
import { keysOf, refKey, type RecordRow } from '../src/store/records.js';
import type { Test } from 'tap';
import { TrutoErrorSchema, type TrutoErrorBody } from '../src/model/error.js';
import { ListEnvelope } from '../src/model/list.js';
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

export const CANDIDATES = '/unified/ats/candidates';
export const ATTACHMENTS = '/unified/ats/attachments';
export const ACC = `integrated_account_id=${GH}`;

export const REMOTE_404: TrutoErrorBody = {
  statusCode: 404,
  error: 'Not Found',
  message: 'Resource not found',
  truto_is_remote_error: true,
  raw_response: { message: 'Resource not found' },
  truto_error_insight: { remote_error: { description: "The error came from the integration's own API; raw_response holds its answer." } },
};

export const MISSING_ACCOUNT: TrutoErrorBody = {
  statusCode: 400,
  error: 'Bad Request',
  message: 'Missing required query parameter: integrated_account_id',
  truto_error_insight: {
    missing_required_query_parameters: {
      description: 'These query parameters are required for this request.',
      value: ['integrated_account_id'],
    },
  },
};

/** A Truto error: its status, JSON content type, schema and exact body. */
export function expectError(t: Test, res: LightMyRequestResponse, body: TrutoErrorBody, what = 'error'): void {
  t.equal(res.statusCode, body.statusCode, `${what}: status ${body.statusCode}`);
  t.equal(res.headers['content-type'], JSON_CT, `${what}: JSON content type`);
  const json: unknown = res.json();
  assertSchema(t, TrutoErrorSchema, json, `${what} body`);
  t.strictSame(json, body, `${what}: exact body`);
}

/** A 200 JSON answer that fits `schema`; returns the parsed body. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function expectOk(t: Test, res: LightMyRequestResponse, schema: TSchema, what = 'answer'): any {
  t.equal(res.statusCode, 200, `${what}: 200`);
  t.equal(res.headers['content-type'], JSON_CT, `${what}: JSON content type`);
  const json: unknown = res.json();
  assertSchema(t, schema, json, `${what} body`);
  return json;
}

/**
 * The `normalized` shape of a unified schema: every property present, `null` allowed, no `remote_data`.
 * `partial`: properties may be missing (what `truto_exclude_fields` leaves of a normalized record).
 */
export function normalizedSchema(schema: TSchema, partial = false): TSchema {
  if (schema.type === 'array') return Type.Array(normalizedSchema(schema.items as TSchema, partial));
  if (schema.type === 'object' && schema.properties) {
    const props: Record<string, TSchema> = {};
    for (const [key, sub] of Object.entries(schema.properties as Record<string, TSchema>)) {
      if (key === 'remote_data') continue;
      const value = Type.Union([normalizedSchema(sub, partial), Type.Null()]);
      props[key] = partial ? Type.Optional(value) : value;
    }
    return Type.Object(props, { additionalProperties: false });
  }
  return schema;
}

/** Ids to satisfy any required filter: a candidate with files, and a job it applied to. */
export function probe(app: FastifyInstance, accountId: string): { candidate: string; job: string } {
  const account = app.mock.accounts.get(accountId);
  const rows = app.mock.store.records.page(account.row.key, account.integration.resources.candidates!.kind, {}, 0, 100);
  for (const row of rows) {
    const owner = [refKey('candidate', row.id)];
    const files = account.reader.byKeys(account.integration.resources.attachments!.kind, owner);
    const job = files.find((f) => f.refs.job !== undefined)?.refs.job ?? row.refs.job ?? account.reader.byKeys('application', owner)[0]?.refs.job;
    if (files.length > 0 && job) return { candidate: row.id, job };
  }
  throw new Error(`account ${accountId}: no candidate with files and a job among the first 100`);
}

/** The required filters `names`, given the probed ids, as query parameters. */
export function filterParams(names: readonly FilterName[], ids: { candidate: string; job: string }): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, n === 'candidate_id' ? ids.candidate : n === 'job_id' ? ids.job : '']));
}

export function filterQuery(names: readonly FilterName[], ids: { candidate: string; job: string }): string {
  return Object.entries(filterParams(names, ids)).map(([n, v]) => `&${n}=${encodeURIComponent(v)}`).join('');
}


/**
 * Seed records held in memory and read the way the store reads them: seq numbers per kind in seed order, refs given
 * back (`{}` when none), `byKeys` matching a record's refs (`candidate:<id>`) and its own keys.
 */
export function memoryStore(records: Iterable<SeedRecord>): { rows: Map<string, RecordRow[]>; reader: AccountReader } {
  const rows = new Map<string, RecordRow[]>();
  const keys = new Map<RecordRow, Set<string>>();
  for (const { kind, record } of records) {
    const list = rows.get(kind) ?? [];
    const row: RecordRow = {
      seq: list.length + 1, id: record.id, created_at: record.created_at, updated_at: record.updated_at, refs: record.refs ?? {}, raw: record.raw,
    };
    list.push(row);
    rows.set(kind, list);
    keys.set(row, new Set(keysOf(record)));
  }
  const reader: AccountReader = {
    get: (kind, id) => rows.get(kind)?.find((r) => r.id === id),
    byKeys: (kind, wanted) => (rows.get(kind) ?? []).filter((r) => wanted.some((k) => keys.get(r)!.has(k))),
  };
  return { rows, reader };
}

/**
 * Every page of a list, `limit` records at a time, following `next_cursor` as an SDK does; each page checked against
 * `schema`'s list envelope. The records in order, and how many pages it took.
 */
export async function walkPages<R = { id: string } & Record<string, unknown>>(
  t: Test,
  app: FastifyInstance,
  path: string,
  query: string,
  schema: TSchema,
  limit: number,
): Promise<{ records: R[]; pages: number }> {
  const records: R[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await get(app, path, `${query}&limit=${limit}${cursor ? `&next_cursor=${encodeURIComponent(cursor)}` : ''}`);
    const body = expectOk(t, res, ListEnvelope(schema), `${path} page ${++pages}`) as { result: R[]; next_cursor: string | null };
    t.ok(body.result.length <= limit, `${path} page ${pages}: at most ${limit}`);
    records.push(...body.result);
    cursor = body.next_cursor;
  } while (cursor && pages < 10_000);
  return { records, pages };
}

/** Truto's 400 for a write whose body lacks fields `integration` requires. */
export function missingBodyFields(integration: string, names: string[]): TrutoErrorBody {
  return {
    statusCode: 400,
    error: 'Bad Request',
    message: `Missing required body field${names.length > 1 ? 's' : ''}: ${names.join(', ')}`,
    truto_error_insight: {
      missing_required_body_fields: { description: `The ${integration} integration requires these body fields for this request.`, value: names },
    },
  };
}

/** Truto's "does not support" 404 of an integration for a method on a resource (CONTRACT §8). */
export function unsupportedBody(integration: string, method: string, resource: string, supported: readonly string[]): TrutoErrorBody {
  return {
    statusCode: 404,
    error: 'Not Found',
    message: `${integration} does not support ${method} on ${resource}`,
    truto_error_insight: {
      supported_methods: {
        description: supported.length > 0 ? `The methods ${integration} supports on ${resource}.` : `${integration} supports no method on ${resource}.`,
        value: [...supported],
      },
    },
  };
}

/**
 * Every method of the catalogue, reads and writes, that `integration` does not serve, asked of the account: each its
 * exact 404, listing what it does serve (reads, then writes; a resource's files download wherever it is served).
 */
export async function expectUnsupportedPairs(t: Test, app: FastifyInstance, accountQuery: string, integration: Integration): Promise<number> {
  let pairs = 0;
  for (const [resource, spec] of Object.entries(CATALOGUE) as [ResourceName, ResourceSpec][]) {
    const emulation = integration.resources[resource];
    const reads: string[] = [...(emulation?.methods ?? [])];
    const writes: string[] = Object.keys(emulation?.commands ?? {});
    if (emulation && resource === 'attachments' && !writes.includes('download')) writes.push('download');
    const served = [...reads, ...writes];
    for (const method of spec.methods.filter((m) => !reads.includes(m))) {
      pairs++;
      const path = `/unified/ats/${resource}${method === 'get' ? '/x1' : ''}`;
      expectError(t, await get(app, path, accountQuery), unsupportedBody(integration.name, method, resource, served), `${method} ${resource}`);
    }
    for (const method of Object.keys(spec.writes ?? {}).filter((m) => !writes.includes(m))) {
      pairs++;
      const url = `/unified/ats/${resource}${method === 'create' ? '' : `/${method}`}?${accountQuery}${method === 'download' ? '&file_url=x' : ''}`;
      const res = await app.inject({ method: 'POST', url, headers: AUTH, payload: {} });
      expectError(t, res, unsupportedBody(integration.name, method, resource, served), `${method} ${resource}`);
    }
  }
  return pairs;
}
