import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { buildApp } from '../src/app.js';
import { ConfigError, type ConfigInput } from '../src/config.js';
import { CandidateSchema } from '../src/model/candidate.js';
import { RuleSchema, type RuleInput } from '../src/mock/rules.js';
import type { Clock } from '../src/mock/scenarios.js';
import type { TrutoErrorBody } from '../src/model/error.js';
import { ACC, ADA, AUTH, CANDIDATES, GH, assertSchema, expectError, expectOk, get, testApp } from './helpers.js';

const ADA_URL = `${CANDIDATES}/${ADA}`;
const REMOTE_INSIGHT = { remote_error: { description: "The error came from the integration's own API; raw_response holds its answer." } };
const OTHER = '11111111-2222-4333-8444-555555555555';
const TOO_MANY: TrutoErrorBody = {
  statusCode: 429,
  error: 'Too Many Requests',
  message: "Too many requests: retry after the Retry-After header's seconds",
  truto_error_insight: { rate_limit_error: { description: "Rate limit reached: retry after the Retry-After header's seconds." } },
};

/** A clock that never moves and a sleep that only records: tests neither wait nor depend on the time. */
function fakeClock(): Clock & { slept: number[] } {
  const slept: number[] = [];
  return { now: () => Date.UTC(2026, 0, 15), sleep: async (ms) => void slept.push(ms), slept };
}

async function scenarioApp(t: Test, config: ConfigInput = {}, clock = fakeClock()) {
  const app = await buildApp({ db: ':memory:', logLevel: 'silent', candidates: 20, ...config }, clock);
  t.teardown(() => app.close());
  return { app, clock };
}

async function addRule(t: Test, app: Awaited<ReturnType<typeof testApp>>, rule: RuleInput) {
  const res = await app.inject({ method: 'POST', url: '/_mock/rules', payload: rule });
  t.equal(res.statusCode, 201, 'rule added');
  assertSchema(t, RuleSchema, res.json(), 'rule');
  return res.json() as { id: string };
}

const getAda = (app: Awaited<ReturnType<typeof testApp>>, account = GH) => get(app, ADA_URL, `integrated_account_id=${account}`);

t.test('error action: Truto\'s own body for each status the catalogue names', async (t) => {
  const { app } = await scenarioApp(t);
  const cases: [number, string, string][] = [
    [401, 'Unauthorized', 'Invalid API token'],
    [403, 'Forbidden', 'This token is not allowed to call this endpoint'],
    [404, 'Not Found', 'Not found'],
    [500, 'Internal Server Error', 'Truto failed to answer this request'],
    [502, 'Bad Gateway', 'Truto reached the integration but got no clean answer'],
    [503, 'Service Unavailable', 'The integrated account has been blocked'],
    [504, 'Gateway Timeout', 'The integration did not answer in time'],
    [418, "I'm a Teapot", 'Injected failure (418)'],
  ];
  for (const [status, error, message] of cases) {
    await app.inject({ method: 'PUT', url: '/_mock/rules', payload: { rules: [{ action: { type: 'error', status } }] } });
    expectError(t, await getAda(app), { statusCode: status, error, message }, `status ${status}`);
  }
  await app.inject({ method: 'PUT', url: '/_mock/rules', payload: { rules: [{ action: { type: 'error', status: 400, message: 'custom words', headers: { 'x-request-id': 'r1' } } }] } });
  const res = await getAda(app);
  expectError(t, res, { statusCode: 400, error: 'Bad Request', message: 'custom words' }, 'custom message');
  t.equal(res.headers['x-request-id'], 'r1', 'custom header');
});

t.test('remote error action: the integration\'s own body (401 needing re-auth, 404, 500) or the one given', async (t) => {
  const { app } = await scenarioApp(t);
  const remote = (statusCode: number, error: string, message: string, raw: unknown = { message }): TrutoErrorBody => ({
    statusCode, error, message, truto_is_remote_error: true, raw_response: raw, truto_error_insight: REMOTE_INSIGHT,
  });
  const cases: [number, TrutoErrorBody][] = [
    [401, remote(401, 'Unauthorized', 'Invalid Basic Auth credentials')],
    [403, remote(403, 'Forbidden', 'This API key does not have permission to access this endpoint')],
    [404, remote(404, 'Not Found', 'Resource not found')],
    [500, remote(500, 'Internal Server Error', 'Internal Server Error')],
    [409, remote(409, 'Conflict', 'Request failed with status 409')],
  ];
  for (const [status, body] of cases) {
    await app.inject({ method: 'PUT', url: '/_mock/rules', payload: { rules: [{ action: { type: 'error', status, remote: true } }] } });
    expectError(t, await getAda(app), body, `remote ${status}`);
  }
  await app.inject({
    method: 'PUT',
    url: '/_mock/rules',
    payload: { rules: [{ action: { type: 'error', status: 422, remote: true, message: 'Email is invalid', raw_response: { errors: [{ field: 'email' }] } } }] },
  });
  expectError(t, await getAda(app), remote(422, 'Unprocessable Entity', 'Email is invalid', { errors: [{ field: 'email' }] }), 'given body');
  // An unknown account has no integration: a bare { message }.
  expectError(t, await getAda(app, OTHER), remote(422, 'Unprocessable Entity', 'Email is invalid', { errors: [{ field: 'email' }] }), 'given body, unknown account');
  await app.inject({ method: 'PUT', url: '/_mock/rules', payload: { rules: [{ action: { type: 'error', status: 500, remote: true } }] } });
  expectError(t, await getAda(app, OTHER), remote(500, 'Internal Server Error', 'Internal Server Error'), 'no integration: bare body');
});

t.test('rate_limit action: 429 with Retry-After and ratelimit-* headers, Truto\'s or the integration\'s', async (t) => {
  const { app } = await scenarioApp(t);
  await addRule(t, app, { action: { type: 'rate_limit', retry_after: 3 }, scope: { times: 1 } });
  await addRule(t, app, { action: { type: 'rate_limit', remote: true }, scope: { times: 1 } });
  let res = await getAda(app);
  expectError(t, res, TOO_MANY);
  t.match(res.headers, { 'retry-after': '3', 'ratelimit-limit': '50', 'ratelimit-remaining': '0', 'ratelimit-reset': '3' });
  res = await getAda(app);
  expectError(t, res, {
    statusCode: 429,
    error: 'Too Many Requests',
    message: 'Too Many Requests',
    truto_is_remote_error: true,
    raw_response: { message: 'Too Many Requests' },
    truto_error_insight: {
      ...REMOTE_INSIGHT,
      rate_limit_error: { description: "The integration's API refused the call for its rate limit: retry after the Retry-After header's seconds." },
    },
  });
  t.equal(res.headers['retry-after'], '10', 'default Retry-After');
  expectOk(t, await getAda(app), CandidateSchema, 'both rules spent');
  await addRule(t, app, { action: { type: 'error', status: 429 }, scope: { times: 1 } });
  res = await getAda(app);
  expectError(t, res, TOO_MANY, 'an error action with status 429 is a rate limit');
  t.equal(res.headers['retry-after'], '10', 'with its Retry-After');
});

t.test('latency action: fixed, or drawn in a range from the seed (the same on every run), then the usual answer', async (t) => {
  const runs: number[][] = [];
  for (const seed of [1, 1, 2]) {
    const { app, clock } = await scenarioApp(t, { seed });
    await addRule(t, app, { id: 'slow', match: { path: ADA_URL }, action: { type: 'latency', latency: { min: 100, max: 900 } } });
    await addRule(t, app, { id: 'fixed', action: { type: 'latency', latency: { ms: 250 } } });
    for (let i = 0; i < 8; i++) expectOk(t, await getAda(app), CandidateSchema);
    t.equal((await get(app, CANDIDATES, `${ACC}&limit=1`)).statusCode, 200, 'another path: the fixed rule');
    t.equal(clock.slept.at(-1), 250, 'fixed delay');
    const drawn = clock.slept.slice(0, 8);
    t.ok(drawn.every((ms) => ms >= 100 && ms <= 900 && Number.isInteger(ms)), `within the range: ${drawn.join(', ')}`);
    t.ok(new Set(drawn).size > 1, 'not all the same');
    runs.push(drawn);
  }
  t.strictSame(runs[0], runs[1], 'same seed, same delays');
  t.notSame(runs[0], runs[2], 'another seed, other delays');
});

t.test('scopes: next N, after N, after N then M, probability p (repeatable), and counts', async (t) => {
  const statuses = async (app: Awaited<ReturnType<typeof testApp>>, n: number) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await getAda(app)).statusCode);
    return out;
  };
  const { app } = await scenarioApp(t);
  await addRule(t, app, { id: 'next2', action: { type: 'error', status: 503 }, scope: { times: 2 } });
  t.strictSame(await statuses(app, 4), [503, 503, 200, 200], 'next 2');

  await app.inject({ method: 'PUT', url: '/_mock/rules', payload: { rules: [{ id: 'after3', action: { type: 'error', status: 502 }, scope: { after: 3 } }] } });
  t.strictSame(await statuses(app, 5), [200, 200, 200, 502, 502], 'after 3');

  await app.inject({ method: 'PUT', url: '/_mock/rules', payload: { rules: [{ id: 'window', action: { type: 'error', status: 500 }, scope: { after: 1, times: 2 } }] } });
  t.strictSame(await statuses(app, 5), [200, 500, 500, 200, 200], 'after 1, then 2');
  const rule = (await app.inject({ url: '/_mock/rules/window' })).json();
  t.strictSame([rule.matched, rule.fired], [5, 2], 'counts');

  const sequences: number[][] = [];
  for (const seed of [5, 5, 6]) {
    const { app: a } = await scenarioApp(t, { seed });
    await addRule(t, a, { id: 'flaky', action: { type: 'error', status: 503 }, scope: { probability: 0.3 } });
    sequences.push(await statuses(a, 60));
  }
  const failed = sequences[0]!.filter((s) => s === 503).length;
  t.ok(failed > 5 && failed < 35, `about 30% fail (${failed} of 60)`);
  t.strictSame(sequences[0], sequences[1], 'same seed: the same requests fail');
  t.notSame(sequences[0], sequences[2], 'another seed: others');
  const { app: never } = await scenarioApp(t);
  await addRule(t, never, { action: { type: 'error', status: 503 }, scope: { probability: 0 } });
  t.strictSame(await statuses(never, 10), Array(10).fill(200), 'probability 0 never fires');
});

t.test('matching: method, path pattern, account and query values; the first rule that fires wins', async (t) => {
  const { app } = await scenarioApp(t);
  await addRule(t, app, { id: 'q', match: { query: { limit: '3' } }, action: { type: 'error', status: 500 } });
  await addRule(t, app, { id: 'list', match: { method: 'get', path: '/unified/ats/*s', integrated_account_id: GH }, action: { type: 'error', status: 502 } });
  await addRule(t, app, { id: 'head', match: { method: 'HEAD' }, action: { type: 'error', status: 504 } });
  t.equal((await get(app, CANDIDATES, `${ACC}&limit=3`)).statusCode, 500, 'query value');
  t.equal((await get(app, CANDIDATES, `${ACC}&limit=4`)).statusCode, 502, 'path pattern and account');
  t.equal((await get(app, CANDIDATES, `integrated_account_id=${OTHER}`)).statusCode, 404, 'another account: no rule, the usual 404');
  t.equal((await getAda(app)).statusCode, 200, 'another path');
  t.equal((await app.inject({ method: 'HEAD', url: `${ADA_URL}?${ACC}`, headers: AUTH })).statusCode, 504, 'method');
  const rules = (await app.inject({ url: '/_mock/rules' })).json().rules as { id: string; matched: number; fired: number }[];
  // A rule counts the requests that reach it: those an earlier rule answered never do.
  t.strictSame(rules.map((r) => [r.id, r.matched, r.fired]), [['q', 1, 1], ['list', 1, 1], ['head', 1, 1]]);
});

t.test('rules never leak across integrated accounts', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'truto-mock-'));
  const fixtures = join(dir, 'accounts.json');
  writeFileSync(fixtures, JSON.stringify({
    accounts: [
      { id: 'acct-a', integration: 'greenhouse', name: 'A', candidates: 5 },
      { id: 'acct-b', integration: 'greenhouse', name: 'B', candidates: 5 },
    ],
  }));
  const { app } = await scenarioApp(t, { fixtures, candidates: 5 });
  await addRule(t, app, { match: { integrated_account_id: 'acct-a' }, action: { type: 'error', status: 503 } });
  await addRule(t, app, { match: { integrated_account_id: 'acct-b' }, action: { type: 'latency', latency: { ms: 5 } }, scope: { times: 1 } });
  for (let i = 0; i < 5; i++) {
    t.equal((await get(app, CANDIDATES, 'integrated_account_id=acct-a')).statusCode, 503);
    t.equal((await get(app, CANDIDATES, 'integrated_account_id=acct-b')).statusCode, 200);
  }
  const rules = (await app.inject({ url: '/_mock/rules' })).json().rules as { matched: number; fired: number }[];
  t.strictSame(rules.map((r) => [r.matched, r.fired]), [[5, 5], [5, 1]], 'each rule saw only its account');
  const journal = async (account: string) => (await app.inject({ url: `/_mock/journal?integrated_account_id=${account}` })).json();
  const a = await journal('acct-a');
  const b = await journal('acct-b');
  t.equal(a.count, 5);
  t.equal(b.count, 5);
  t.ok(a.entries.every((e: { integrated_account_id: string; fault: string }) => e.integrated_account_id === 'acct-a' && e.fault === 'rule-1'));
  t.ok(b.entries.every((e: { integrated_account_id: string; status: number }) => e.integrated_account_id === 'acct-b' && e.status === 200));
});

t.test('rules API: list, get, replace, delete one and all; refusals in Truto\'s shape', async (t) => {
  const { app } = await scenarioApp(t);
  const first = await addRule(t, app, { action: { type: 'empty' } });
  t.equal(first.id, 'rule-1', 'ids are assigned');
  await addRule(t, app, { id: 'mine', match: { path: ADA_URL }, action: { type: 'reset' }, scope: { times: 1 } });
  let res = await app.inject({ method: 'POST', url: '/_mock/rules', payload: { id: 'mine', action: { type: 'empty' } } });
  expectError(t, res, { statusCode: 409, error: 'Conflict', message: 'Fault rules refused: a rule with id "mine" already exists' });
  res = await app.inject({ method: 'PUT', url: '/_mock/rules', payload: { rules: [{ id: 'x', action: { type: 'empty' } }, { id: 'x', action: { type: 'empty' } }] } });
  expectError(t, res, { statusCode: 409, error: 'Conflict', message: 'Fault rules refused: a rule with id "x" already exists' });
  t.equal((await app.inject({ url: '/_mock/rules' })).json().rules.length, 2, 'a refused replace keeps the rules');
  t.strictSame((await app.inject({ url: '/_mock/rules/mine' })).json(), {
    id: 'mine', match: { path: ADA_URL }, action: { type: 'reset' }, scope: { times: 1 }, matched: 0, fired: 0,
  });
  t.strictSame((await app.inject({ method: 'DELETE', url: '/_mock/rules/mine' })).json(), { deleted: 1 });
  expectError(t, await app.inject({ method: 'DELETE', url: '/_mock/rules/mine' }), { statusCode: 404, error: 'Not Found', message: 'Fault rule "mine" not found' });
  expectError(t, await app.inject({ url: '/_mock/rules/mine' }), { statusCode: 404, error: 'Not Found', message: 'Fault rule "mine" not found' });
  res = await app.inject({ method: 'PUT', url: '/_mock/rules', payload: { rules: [{ action: { type: 'latency', latency: { ms: 1 } } }] } });
  t.equal(res.statusCode, 200);
  t.strictSame(res.json().rules.map((r: { id: string }) => r.id), ['rule-2'], 'replaced');
  t.strictSame((await app.inject({ method: 'DELETE', url: '/_mock/rules' })).json(), { deleted: 1 });
  t.strictSame((await app.inject({ url: '/_mock/rules' })).json(), { rules: [] });
  for (const [payload, message] of [
    [{ action: { type: 'error', status: 200 } }, 'Invalid body field action.status: must be at least 400'],
    [{ action: { type: 'teleport' } }, 'Invalid body field action.type: must be one of error, rate_limit, latency, reset, empty'],
    [{ action: { type: 'error', status: 500 }, scope: { probability: 2 } }, 'Invalid body field scope.probability: must be at most 1'],
    [{ action: { type: 'empty' }, scope: { times: 0 } }, 'Invalid body field scope.times: must be at least 1'],
  ] as const) {
    expectError(t, await app.inject({ method: 'POST', url: '/_mock/rules', payload }), { statusCode: 400, error: 'Bad Request', message });
  }
});

t.test('rules loaded from a file at start; a bad file stops the start with a message naming it', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'truto-mock-'));
  const rules = join(dir, 'rules.json');
  writeFileSync(rules, JSON.stringify({ rules: [{ id: 'boot', match: { path: ADA_URL }, action: { type: 'error', status: 503 }, scope: { times: 1 } }] }));
  const { app } = await scenarioApp(t, { rules });
  t.equal((await getAda(app)).statusCode, 503);
  t.equal((await getAda(app)).statusCode, 200);
  const reset = await app.inject({ method: 'POST', url: '/_mock/reset' });
  t.equal(reset.json().rules, 1, 'a reset restores the file\'s rules, counts at zero');
  t.equal((await getAda(app)).statusCode, 503);
  writeFileSync(rules, JSON.stringify([{ action: { type: 'error', status: 99 } }]));
  const refused = async () => (await buildApp({ db: ':memory:', logLevel: 'silent', candidates: 5, rules }).then(() => undefined, (err: unknown) => err)) as Error;
  let err = await refused();
  t.ok(err instanceof ConfigError, 'a ConfigError (exit code 2)');
  t.equal(err.message, `invalid setting rules: ${rules}: rules[0].action.status: must be at least 400`);
  writeFileSync(rules, '{');
  err = await refused();
  t.ok(err instanceof ConfigError);
  t.match(err.message, `invalid setting rules: cannot read ${rules}:`);
});

t.test('faults come before the answer cache, and after auth', async (t) => {
  const { app } = await scenarioApp(t);
  expectOk(t, await getAda(app), CandidateSchema, 'cached once');
  await addRule(t, app, { action: { type: 'error', status: 503 }, scope: { times: 1 } });
  expectError(t, await get(app, ADA_URL, ACC, {}), {
    statusCode: 401, error: 'Unauthorized', message: 'Missing Authorization header: send "Authorization: Bearer <token>"',
  }, 'no token: 401 first, the rule is not consulted');
  t.equal((await getAda(app)).statusCode, 503, 'a cached answer still meets the rule');
  expectOk(t, await getAda(app), CandidateSchema);
});

t.test('admin token: the admin API needs it when set; the unified API does not take it', async (t) => {
  const { app } = await scenarioApp(t, { adminToken: 'sesame' });
  const refused = { statusCode: 401, error: 'Unauthorized', message: 'The admin API needs "Authorization: Bearer <admin token>"' };
  expectError(t, await app.inject({ url: '/_mock/rules' }), refused, 'no token');
  expectError(t, await app.inject({ url: '/_mock/rules', headers: AUTH }), refused, 'the API token');
  expectError(t, await app.inject({ method: 'POST', url: '/_mock/reset', headers: { authorization: 'Bearer nope' } }), refused, 'reset');
  t.equal((await app.inject({ url: '/_mock/rules', headers: { authorization: 'Bearer sesame' } })).statusCode, 200);
  t.equal((await get(app, ADA_URL, ACC, { authorization: 'Bearer sesame' })).statusCode, 401, 'not an API token');
});
