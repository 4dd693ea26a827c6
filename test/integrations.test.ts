import t from 'tap';
import { DEFAULT_FIXTURES } from '../src/config.js';
import { INTEGRATIONS } from '../src/integrations/registry.js';
import type { FilterName, Integration, ResourceName } from '../src/integrations/types.js';
import { AttachmentSchema } from '../src/model/attachment.js';
import { CandidateSchema } from '../src/model/candidate.js';
import { TrutoErrorSchema } from '../src/model/error.js';
import { ListEnvelope } from '../src/model/list.js';
import { loadFixtures } from '../src/seed/fixtures.js';
import { assertSchema, ATTACHMENTS, CANDIDATES, expectError, expectOk, filterQuery, get, JSON_CT, normalizedSchema, probe, testApp } from './helpers.js';

/**
 * What every integration of the default fixtures must do, walked account by account: its required filters, every
 * format, raw records that fit its own API's schema, and field coverage exactly as it declares.
 */
const ACCOUNTS = loadFixtures(DEFAULT_FIXTURES).fixtures.accounts;

/** Required filters by integration and call (CONTRACT §2; the seed pages' "N required"). */
const REQUIRED: Record<string, Record<'candidates.get' | 'candidates.list' | 'attachments.list', FilterName[]>> = {
  greenhouse: { 'candidates.get': [], 'candidates.list': [], 'attachments.list': [] },
  lever: { 'candidates.get': [], 'candidates.list': [], 'attachments.list': ['candidate_id'] },
  ashby: { 'candidates.get': [], 'candidates.list': [], 'attachments.list': ['candidate_id'] },
  breezy: { 'candidates.get': ['job_id'], 'candidates.list': ['job_id'], 'attachments.list': ['candidate_id', 'job_id'] },
  fountain: { 'candidates.get': [], 'candidates.list': [], 'attachments.list': ['candidate_id'] },
  workable: { 'candidates.get': [], 'candidates.list': [], 'attachments.list': [] },
};

const FORMATS = ['unified', 'raw', 'normalized', 'stream', 'debug'] as const;

/** Every leaf path of a unified record (array items folded), `remote_data` left out. */
function leafPaths(value: unknown, prefix: string, out: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) leafPaths(item, prefix, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== 'remote_data') leafPaths(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) out.add(prefix);
  return out;
}

/** Whether the integration serves `resource.method` (Workable's attachments are download-only, as at Truto). */
function serves(integration: Integration, call: string): boolean {
  const [resource, method] = call.split('.') as [ResourceName, 'list' | 'get'];
  return integration.resources[resource]?.methods.includes(method) ?? false;
}

/** An integration's declared fields with `attachments` (nested) expanded into its attachment fields. */
function declared(integration: Integration, resource: ResourceName): Set<string> {
  const out = new Set<string>();
  for (const f of integration.resources[resource]!.fields) {
    if (resource === 'candidates' && (f === 'attachments' || f === 'applications.attachments')) {
      for (const a of integration.resources.attachments!.fields) out.add(`${f}.${a}`);
    } else out.add(f);
  }
  return out;
}

t.test('every registered integration has an account in the default fixtures and a row in the required table', async (t) => {
  for (const name of INTEGRATIONS.keys()) {
    t.ok(ACCOUNTS.some((a) => a.integration === name), `${name} has a fixture account`);
    t.ok(REQUIRED[name], `${name} is in the required-filter table`);
  }
});

for (const fixture of ACCOUNTS) {
  const integration = INTEGRATIONS.get(fixture.integration)!;
  const acc = `integrated_account_id=${encodeURIComponent(fixture.id)}`;
  const required = REQUIRED[fixture.integration]!;

  t.test(`${fixture.integration}: required filters are enforced, by name`, async (t) => {
    const app = await testApp(t);
    const ids = probe(app, fixture.id);
    const calls = [
      ['candidates.get', `${CANDIDATES}/${encodeURIComponent(ids.candidate)}`],
      ['candidates.list', CANDIDATES],
      ['attachments.list', ATTACHMENTS],
    ] as const;
    for (const [call, path] of calls.filter(([call]) => serves(integration, call))) {
      const names = required[call];
      t.strictSame(integration.resources[call.startsWith('candidates') ? 'candidates' : 'attachments']!.filters.required[call.endsWith('get') ? 'get' : 'list'], names, `${call}: declares ${names.join(', ') || 'nothing'}`);
      if (names.length > 0) {
        expectError(t, await get(app, path, acc), {
          statusCode: 400,
          error: 'Bad Request',
          message: `Missing required query parameter${names.length > 1 ? 's' : ''}: ${names.join(', ')}`,
          truto_error_insight: {
            missing_required_query_parameters: {
              description: `The ${fixture.integration} integration requires these query parameters for this request.`,
              value: names,
            },
          },
        }, `${call} without ${names.join(', ')}`);
        // Each one alone is not enough either.
        for (const given of names) {
          const rest = names.filter((n) => n !== given);
          if (rest.length === 0) continue;
          const res = await get(app, path, `${acc}${filterQuery([given], ids)}`);
          t.equal(res.statusCode, 400, `${call} with only ${given}: 400`);
          t.strictSame(res.json().truto_error_insight.missing_required_query_parameters.value, rest, `${call} with only ${given}: names the rest`);
        }
      }
      const schema = call === 'candidates.get' ? CandidateSchema : ListEnvelope(call === 'candidates.list' ? CandidateSchema : AttachmentSchema);
      expectOk(t, await get(app, path, `${acc}${filterQuery(names, ids)}&limit=2`), schema, `${call} with its required filters`);
    }
  });

  t.test(`${fixture.integration}: an unknown id is its API's 404, on a get and as the attachments' parent`, async (t) => {
    const app = await testApp(t);
    const ids = probe(app, fixture.id);
    const unknown = { ...ids, candidate: 'no-such-candidate' };
    const expected = (id: string) => {
      const nf = integration.resources.candidates!.notFound(id);
      return {
        statusCode: nf.statusCode,
        error: 'Not Found',
        message: nf.message,
        truto_is_remote_error: true,
        raw_response: nf.body,
        truto_error_insight: { remote_error: { description: "The error came from the integration's own API; raw_response holds its answer." } },
      };
    };
    expectError(t, await get(app, `${CANDIDATES}/no-such-candidate`, `${acc}${filterQuery(required['candidates.get'], ids)}`), expected('no-such-candidate'), 'get');
    if (!serves(integration, 'attachments.list')) return;
    const names: FilterName[] = [...new Set<FilterName>(['candidate_id', ...required['attachments.list']])];
    expectError(t, await get(app, ATTACHMENTS, `${acc}${filterQuery(names, unknown)}`), expected('no-such-candidate'), 'attachments of an unknown candidate');
  });

  t.test(`${fixture.integration}: every format, on candidates and attachments`, async (t) => {
    const app = await testApp(t);
    const ids = probe(app, fixture.id);
    const candidateFilters = filterQuery(required['candidates.list'], ids);
    const attachmentFilters = filterQuery(required['attachments.list'], ids);
    const targets = [
      ['candidates', `${CANDIDATES}/${encodeURIComponent(ids.candidate)}`, filterQuery(required['candidates.get'], ids), CandidateSchema, false],
      ['candidates', CANDIDATES, `${candidateFilters}&limit=3`, CandidateSchema, true],
      ['attachments', ATTACHMENTS, `${attachmentFilters}&limit=3`, AttachmentSchema, true],
    ] as const;
    for (const [resource, path, filters, schema, isList] of targets.filter(([r, , , , isList]) => serves(integration, `${r}.${isList ? 'list' : 'get'}`))) {
      const what = `${isList ? 'list' : 'get'} ${resource}`;
      const emulation = integration.resources[resource]!;
      const byFormat = new Map<string, unknown>();
      for (const format of FORMATS) {
        const res = await get(app, path, `${acc}${filters}&truto_response_format=${format}`);
        t.equal(res.statusCode, 200, `${what} ${format}: 200`);
        if (format === 'stream') {
          t.equal(res.headers['content-type'], 'text/plain; charset=utf-8', `${what} stream: NDJSON as text/plain`);
          const lines = res.body.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);
          for (const line of lines) assertSchema(t, schema, line, `${what} stream line`);
          byFormat.set(format, lines);
          continue;
        }
        t.equal(res.headers['content-type'], JSON_CT, `${what} ${format}: JSON`);
        byFormat.set(format, res.json());
      }
      const unified = byFormat.get('unified') as { result: unknown[] } & Record<string, unknown>;
      const raw = byFormat.get('raw') as { result: object[] } & object;
      const normalized = byFormat.get('normalized') as { result: unknown[] } & Record<string, unknown>;
      const debug = byFormat.get('debug') as { debug: Record<string, unknown> } & Record<string, unknown>;
      if (isList) {
        assertSchema(t, ListEnvelope(schema), unified, `${what} unified`);
        t.ok(unified.result.length > 0, `${what}: some records`);
        assertSchema(t, ListEnvelope(normalizedSchema(schema)), normalized, `${what} normalized`);
        for (const r of raw.result) assertSchema(t, emulation.rawSchema, r, `${what} raw record (its own API's schema)`);
        // A stream is every matching record: the first ones are this page's, in order.
        t.strictSame((byFormat.get('stream') as unknown[]).slice(0, unified.result.length), unified.result, `${what} stream starts with page 1`);
        const { debug: d, ...page } = debug;
        t.strictSame(page, unified, `${what} debug: the unified page beside debug`);
        t.type(d.requestUrl, 'string', `${what} debug.requestUrl`);
        t.equal(d.resultCount, unified.result.length, `${what} debug.resultCount`);
        t.ok(d.data !== undefined && d.requestOptions !== undefined && d.responseHeaders !== undefined, `${what} debug: data, options, headers`);
      } else {
        assertSchema(t, schema, unified, `${what} unified`);
        assertSchema(t, normalizedSchema(schema), normalized, `${what} normalized`);
        t.strictSame(byFormat.get('stream'), [unified], `${what} stream: the record on one line`);
        t.strictSame(debug.result, unified, `${what} debug.result`);
        t.strictSame(debug.debug.data, raw, `${what} debug.data is the raw answer`);
        t.strictSame(raw, emulation.rawSingle(unified.remote_data as object), `${what} raw: its API's wrapper around remote_data`);
        assertSchema(t, emulation.rawSchema, unified.remote_data, `${what} remote_data (its own API's schema)`);
      }
    }
  });

  t.test(`${fixture.integration}: the mapping fills exactly the fields it declares`, async (t) => {
    const app = await testApp(t);
    const ids = probe(app, fixture.id);
    const lists = [
      ['candidates', CANDIDATES, filterQuery(required['candidates.list'], ids)],
      ['attachments', ATTACHMENTS, filterQuery(required['attachments.list'], ids)],
    ] as const;
    for (const [resource, path, filters] of lists.filter(([r]) => serves(integration, `${r}.list`))) {
      const res = await get(app, path, `${acc}${filters}&truto_ignore_limit=true`);
      const body = expectOk(t, res, ListEnvelope(resource === 'candidates' ? CandidateSchema : AttachmentSchema), `${resource}`);
      const filled = leafPaths(body.result, '', new Set());
      const want = declared(integration, resource);
      t.strictSame([...filled].filter((f) => !want.has(f)).sort(), [], `${resource}: nothing filled beyond what ${fixture.integration} declares`);
      t.strictSame([...want].filter((f) => !filled.has(f)).sort(), [], `${resource}: every declared field is filled somewhere`);
      // normalized: the same keys for every integration, null where this one has nothing.
      const norm = await get(app, path, `${acc}${filters}&limit=1&truto_response_format=normalized`);
      const record = norm.json().result[0] as Record<string, unknown>;
      const top = new Set([...want].map((f) => f.split('.')[0]!));
      for (const [key, value] of Object.entries(record)) {
        if (!top.has(key)) t.equal(value, null, `${resource} normalized ${key}: null (not in ${fixture.integration})`);
      }
    }
  });
}

/** What each ATS's API answers for a revoked key and for an outage, as an injected remote fault carries it. */
const REMOTE_FAULTS: Record<string, Record<401 | 503, unknown>> = {
  greenhouse: { 401: { message: 'Invalid Basic Auth credentials' }, 503: { message: 'Service Unavailable' } },
  lever: {
    401: { code: 'UnauthorizedError', message: 'Invalid API key' },
    503: { code: 'ServiceUnavailableError', message: 'Service Unavailable' },
  },
  ashby: {
    401: { success: false, errors: ['unauthorized'], errorInfo: { code: 'unauthorized', message: 'Invalid API key' } },
    503: { success: false, errors: ['service_unavailable'], errorInfo: { code: 'service_unavailable', message: 'Service Unavailable' } },
  },
  breezy: {
    401: { error: { type: 'unauthorized', message: 'Invalid access token' } },
    503: { error: { type: 'serviceUnavailable', message: 'Service Unavailable' } },
  },
  fountain: { 401: { message: 'Unauthorized' }, 503: { message: 'Service Unavailable' } },
  workable: { 401: { error: 'Not authorized' }, 503: { error: 'Service Unavailable' } },
};

t.test('an injected remote fault carries the account\'s own ATS error body, account by account', async (t) => {
  const app = await testApp(t);
  for (const fixture of ACCOUNTS) {
    const ids = probe(app, fixture.id);
    const query = `integrated_account_id=${encodeURIComponent(fixture.id)}${filterQuery(REQUIRED[fixture.integration]!['candidates.get'], ids)}`;
    for (const status of [401, 503] as const) {
      const rule = await app.inject({
        method: 'POST',
        url: '/_mock/rules',
        payload: { match: { integrated_account_id: fixture.id }, action: { type: 'error', status, remote: true }, scope: { times: 1 } },
      });
      t.equal(rule.statusCode, 201, `${fixture.integration} ${status}: rule made`);
      const res = await get(app, `${CANDIDATES}/${encodeURIComponent(ids.candidate)}`, query);
      const body = res.json() as { statusCode: number; truto_is_remote_error: boolean; raw_response: unknown };
      t.equal(res.statusCode, status, `${fixture.integration} ${status}: status`);
      assertSchema(t, TrutoErrorSchema, body, `${fixture.integration} ${status}: Truto's error shape`);
      t.equal(body.truto_is_remote_error, true, `${fixture.integration} ${status}: a remote error`);
      t.strictSame(body.raw_response, REMOTE_FAULTS[fixture.integration]![status], `${fixture.integration} ${status}: its own body`);
      t.equal((await get(app, `${CANDIDATES}/${encodeURIComponent(ids.candidate)}`, query)).statusCode, 200, `${fixture.integration}: once only`);
    }
  }
});
