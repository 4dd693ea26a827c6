import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as wait } from 'node:timers/promises';
import t, { type Test } from 'tap';
import { buildApp } from '../src/app.js';
import { configFromArgs } from '../src/cli.js';
import { ConfigError, resolveConfig, type ConfigInput } from '../src/config.js';
import { CandidateSchema } from '../src/model/candidate.js';
import type { Clock } from '../src/mock/scenarios.js';
import { ACC, ADA, CANDIDATES, GH, TOKEN, assertSchema, expectError, expectOk, get } from './helpers.js';
import TrutoApi, { TrutoError } from './sdk.js';

const ADA_URL = `${CANDIDATES}/${ADA}`;

function fakeClock(): Clock & { slept: number[] } {
  const slept: number[] = [];
  return { now: () => Date.UTC(2026, 0, 15), sleep: async (ms) => void slept.push(ms), slept };
}

async function scenarioApp(t: Test, config: ConfigInput = {}, clock: Clock = fakeClock()) {
  const app = await buildApp({ db: ':memory:', logLevel: 'silent', candidates: 10, ...config }, clock);
  t.teardown(() => app.close());
  return app;
}

async function listening(t: Test, config: ConfigInput = {}, clock?: Clock) {
  const app = await scenarioApp(t, config, clock);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base };
}

/** The official TypeScript SDK's client (test/sdk.ts), its sleep recorded instead of waited. */
function sdk(base: string, slept: number[] = []) {
  return new TrutoApi({ token: TOKEN, baseUrl: base, sleep: async (ms) => void slept.push(ms) });
}
const ADA_OPTIONS = { unified_model: 'ats', resource: 'candidates', integrated_account_id: GH };

t.test('README example: force a 429 and assert that the client waited Retry-After and retried', async (t) => {
  const { base } = await listening(t);
  // 1. The next request for Ada is refused with Retry-After: 1.
  const rule = await fetch(`${base}/_mock/rules`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ match: { path: ADA_URL }, action: { type: 'rate_limit', retry_after: 1 }, scope: { times: 1 } }),
  });
  t.equal(rule.status, 201);
  // 2. The client under test: the SDK's own get (its sleep recorded here; the README's real SDK waits the second).
  const slept: number[] = [];
  const truto = sdk(base, slept);
  const candidate = await truto.unifiedApi.get(ADA, ADA_OPTIONS);
  assertSchema(t, CandidateSchema, candidate);
  t.equal(candidate.first_name, 'Ada');
  t.strictSame(slept, [1000], 'it waited Retry-After seconds, once');
  // 3. The journal says what it sent: the same request twice, refused then answered.
  const journal = (await (await fetch(`${base}/_mock/journal?path=${ADA_URL}`)).json()) as { count: number; entries: { status: number; fault: string | null }[] };
  t.equal(journal.count, 2);
  t.strictSame(journal.entries.map((e) => [e.status, e.fault]), [[429, 'rule-1'], [200, null]]);
});

t.test('502 and 503 are retried at once; a persistent 503 (blocked account) surfaces after three requests in all', async (t) => {
  const { base } = await listening(t);
  const put = (rules: unknown[]) =>
    fetch(`${base}/_mock/rules`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rules }) });
  await put([{ action: { type: 'error', status: 502 }, scope: { times: 1 } }, { action: { type: 'error', status: 503 }, scope: { times: 1 } }]);
  const slept: number[] = [];
  const truto = sdk(base, slept);
  assertSchema(t, CandidateSchema, await truto.unifiedApi.get(ADA, ADA_OPTIONS));
  t.strictSame(slept, [], 'no waiting');
  await put([{ action: { type: 'error', status: 503 } }]);
  const err = (await truto.unifiedApi.get(ADA, ADA_OPTIONS).catch((e: unknown) => e)) as TrutoError;
  t.ok(err instanceof TrutoError, 'a TrutoError');
  t.equal(err.statusCode, 503);
  t.strictSame(err.data, { statusCode: 503, error: 'Service Unavailable', message: 'The integrated account has been blocked' });
  const rules = (await (await fetch(`${base}/_mock/rules`)).json()) as { rules: { fired: number }[] };
  t.equal(rules.rules[0]!.fired, 3, 'three requests in all: maxRetries (3) counts the first');
});

t.test('connection reset and empty reply, over a real socket; the next request is answered', async (t) => {
  const { base } = await listening(t);
  const headers = { Authorization: `Bearer ${TOKEN}` };
  await fetch(`${base}/_mock/rules`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      rules: [
        { id: 'rst', action: { type: 'reset' }, scope: { times: 1 } },
        { id: 'eof', action: { type: 'empty' }, scope: { times: 1 } },
      ],
    }),
  });
  const failure = async () => {
    const err = (await fetch(`${base}${ADA_URL}?${ACC}`, { headers }).then(() => undefined, (e: unknown) => e)) as { cause?: { code?: string; message?: string } } | undefined;
    return err?.cause;
  };
  const reset = await failure();
  t.equal(reset?.code, 'ECONNRESET', 'reset: the client reads ECONNRESET');
  const empty = await failure();
  t.equal(empty?.code, 'UND_ERR_SOCKET', 'empty: the other side closed');
  t.equal(empty?.message, 'other side closed');
  const ok = await fetch(`${base}${ADA_URL}?${ACC}`, { headers });
  t.equal(ok.status, 200);
  assertSchema(t, CandidateSchema, await ok.json());
  const journal = (await (await fetch(`${base}/_mock/journal`)).json()) as { entries: { status: number | null; fault: string | null }[] };
  t.strictSame(journal.entries.map((e) => [e.status, e.fault]), [[null, 'rst'], [null, 'eof'], [200, null]], 'no answer is journaled as status null');
});

t.test('header overrides: off unless turned on; status, remote, 429, latency, faults; bad values refused', async (t) => {
  const off = await scenarioApp(t);
  expectOk(t, await get(off, ADA_URL, ACC, { authorization: `Bearer ${TOKEN}`, 'x-mock-status': '503' }), CandidateSchema, 'off: ignored');

  const clock = fakeClock();
  const app = await scenarioApp(t, { headerOverrides: true }, clock);
  const auth = { authorization: `Bearer ${TOKEN}` };
  expectError(t, await get(app, ADA_URL, ACC, { ...auth, 'x-mock-status': '503' }), { statusCode: 503, error: 'Service Unavailable', message: 'The integrated account has been blocked' });
  expectError(t, await get(app, ADA_URL, ACC, { ...auth, 'x-mock-status': '404', 'x-mock-remote': 'true' }), {
    statusCode: 404, error: 'Not Found', message: 'Resource not found', truto_is_remote_error: true, raw_response: { message: 'Resource not found' },
    truto_error_insight: { remote_error: { description: "The error came from the integration's own API; raw_response holds its answer." } },
  });
  const limited = await get(app, ADA_URL, ACC, { ...auth, 'x-mock-status': '429', 'x-mock-retry-after': '1' });
  t.equal(limited.statusCode, 429);
  t.match(limited.headers, { 'retry-after': '1', 'ratelimit-remaining': '0' });
  expectOk(t, await get(app, ADA_URL, ACC, { ...auth, 'x-mock-latency': '300' }), CandidateSchema, 'latency, then the answer');
  t.equal((await get(app, ADA_URL, ACC, { ...auth, 'x-mock-latency': '10-20', 'x-mock-status': '500' })).statusCode, 500, 'latency and status together');
  t.equal(clock.slept[0], 300);
  t.ok(clock.slept[1]! >= 10 && clock.slept[1]! <= 20, 'range');
  for (const [name, value, message] of [
    ['x-mock-status', '200', 'Invalid header x-mock-status: must be a status from 400 to 599'],
    ['x-mock-latency', 'soon', 'Invalid header x-mock-latency: "soon" is not milliseconds (250) or a range (100-300)'],
    ['x-mock-fault', 'explode', 'Invalid header x-mock-fault: must be reset or empty'],
  ] as const) {
    expectError(t, await get(app, ADA_URL, ACC, { ...auth, [name]: value }), { statusCode: 400, error: 'Bad Request', message });
  }
  const journal = (await app.inject({ url: '/_mock/journal' })).json() as { entries: { fault: string | null }[] };
  t.ok(journal.entries.every((e) => e.fault === 'header'), 'journaled as header overrides');

  const { base } = await listening(t, { headerOverrides: true });
  const err = (await fetch(`${base}${ADA_URL}?${ACC}`, { headers: { ...auth, 'x-mock-fault': 'reset' } }).catch((e: unknown) => e)) as { cause?: { code?: string } };
  t.equal(err.cause?.code, 'ECONNRESET', 'x-mock-fault: reset');
});

t.test('global latency and error rate: drawn from the seed, the same on every run', async (t) => {
  const runs: { slept: number[]; statuses: number[] }[] = [];
  for (const seed of [3, 3, 4]) {
    const clock = fakeClock();
    const app = await scenarioApp(t, { seed, latency: '100-200', errorRate: 0.4, errorStatus: 503 }, clock);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await get(app, ADA_URL, ACC)).statusCode);
    t.ok(clock.slept.length === 30 && clock.slept.every((ms) => ms >= 100 && ms <= 200), 'every answer waited within the range');
    const failed = statuses.filter((s) => s === 503).length;
    t.ok(failed > 3 && failed < 22 && statuses.every((s) => s === 200 || s === 503), `about 40% fail (${failed} of 30)`);
    const journal = (await app.inject({ url: '/_mock/journal?method=GET' })).json() as { entries: { status: number; fault: string | null }[] };
    t.ok(journal.entries.every((e) => (e.status === 503) === (e.fault === 'error_rate')), 'journaled as error_rate');
    runs.push({ slept: clock.slept, statuses });
  }
  t.strictSame(runs[0], runs[1], 'same seed, same delays and failures');
  t.notSame(runs[0]!.statuses, runs[2]!.statuses, 'another seed, other failures');
  const fixed = fakeClock();
  const app = await scenarioApp(t, { latency: '40' }, fixed);
  await get(app, ADA_URL, ACC);
  t.strictSame(fixed.slept, [40], 'a fixed latency');
  const quiet = fakeClock();
  const plain = await scenarioApp(t, {}, quiet);
  for (let i = 0; i < 20; i++) t.equal((await get(plain, ADA_URL, ACC)).statusCode, 200);
  t.strictSame(quiet.slept, [], 'off by default');
});

t.test('--watch: a change to the fixtures is served without a restart; a broken file changes nothing', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'truto-mock-'));
  const fixtures = join(dir, 'accounts.json');
  const account = (id: string, name: string) => ({ id, integration: 'greenhouse', name, candidates: 5 });
  writeFileSync(fixtures, JSON.stringify({ accounts: [account('acct-a', 'A')] }));
  const app = await scenarioApp(t, { fixtures, watch: true, candidates: 5 });
  const accounts = async () => (await app.inject({ url: '/health' })).json().accounts as number;
  t.equal(await accounts(), 1);
  t.equal((await get(app, CANDIDATES, 'integrated_account_id=acct-b')).statusCode, 404);
  writeFileSync(fixtures, JSON.stringify({ accounts: [account('acct-a', 'A'), account('acct-b', 'B')] }));
  // Waits for the watcher (a few milliseconds); gives up after 30 s, so only a broken watcher fails this.
  for (let i = 0; i < 600 && (await accounts()) !== 2; i++) await wait(50);
  t.equal(await accounts(), 2, 'the new account is served');
  t.equal((await get(app, CANDIDATES, 'integrated_account_id=acct-b')).statusCode, 200);
  writeFileSync(fixtures, '{ "accounts": [');
  writeFileSync(join(dir, 'other.json'), '{}');
  await wait(500);
  t.equal(await accounts(), 2, 'a broken file leaves the data served as it was');
  writeFileSync(fixtures, JSON.stringify({ accounts: [account('acct-c', 'C')] }));
  for (let i = 0; i < 600 && (await get(app, CANDIDATES, 'integrated_account_id=acct-c')).statusCode !== 200; i++) await wait(50);
  t.equal((await get(app, CANDIDATES, 'integrated_account_id=acct-c')).statusCode, 200, 'and the next good one is served');
  t.equal((await get(app, CANDIDATES, 'integrated_account_id=acct-a')).statusCode, 404, 'the old accounts are gone');
});

t.test('flags and environment variables of the scenarios', async (t) => {
  t.strictSame(
    configFromArgs(['--rate-limits', '--watch', '--header-overrides', '--latency', '100-300', '--error-rate', '0.25', '--error-status', '503', '--journal-size', '50', '--admin-token', 'sesame', '--rules', 'rules.json'], {}),
    { adminToken: 'sesame', journalSize: 50, rules: 'rules.json', rateLimits: true, latency: '100-300', errorRate: 0.25, errorStatus: 503, headerOverrides: true, watch: true },
  );
  t.strictSame(
    configFromArgs([], { TRUTO_MOCK_RATE_LIMITS: 'true', TRUTO_MOCK_WATCH: '0', TRUTO_MOCK_ERROR_RATE: '0.5', TRUTO_MOCK_LATENCY: '250', TRUTO_MOCK_HEADER_OVERRIDES: 'yes' }),
    { rateLimits: true, latency: '250', errorRate: 0.5, headerOverrides: true, watch: false },
  );
  t.throws(() => configFromArgs([], { TRUTO_MOCK_RATE_LIMITS: 'maybe' }), new ConfigError('invalid setting rateLimits (--rate-limits / TRUTO_MOCK_RATE_LIMITS): "maybe" is not true or false'));
  t.throws(() => configFromArgs(['--error-rate', 'lots'], {}), new ConfigError('invalid setting errorRate (--error-rate / TRUTO_MOCK_ERROR_RATE): "lots" is not a number'));
  t.throws(() => resolveConfig({ errorRate: 2 }), new ConfigError('invalid setting errorRate: Expected number to be less or equal to 1 (got 2)'));
  t.throws(() => resolveConfig({ latency: 'soon' }), { message: /^invalid setting latency: Expected string to match/ });
  await t.rejects(buildApp({ db: ':memory:', logLevel: 'silent', candidates: 5, latency: '300-100' }), { message: 'invalid setting latency: "300-100": the range must go from low to high' });
  const defaults = resolveConfig({});
  t.strictSame(
    [defaults.rateLimits, defaults.errorRate, defaults.errorStatus, defaults.headerOverrides, defaults.watch, defaults.journalSize, defaults.latency, defaults.adminToken],
    [false, 0, 500, false, false, 1000, undefined, undefined],
    'everything off by default',
  );
});
