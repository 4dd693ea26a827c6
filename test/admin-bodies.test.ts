import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { buildApp } from '../src/app.js';
import { ConfigError } from '../src/config.js';
import { ACC, ADA, CANDIDATES, expectError, get, testApp } from './helpers.js';

const bad = (message: string) => ({ statusCode: 400, error: 'Bad Request', message });
const post = (app: Awaited<ReturnType<typeof testApp>>, url: string, payload: string | object, method: 'POST' | 'PUT' = 'POST') =>
  app.inject({ method, url, payload: typeof payload === 'string' ? payload : JSON.stringify(payload), headers: { 'content-type': 'application/json' } });

t.test('admin bodies: unknown keys at any depth and wrong types are refused, naming the key and the valid ones', async (t) => {
  const app = await testApp(t, { candidates: 5 });
  const cases: [string, 'POST' | 'PUT', object, string][] = [
    ['/_mock/rules', 'POST', { match: { pth: '/x' }, action: { type: 'reset' } },
      'Invalid body field match.pth: is not a known field; valid fields of match: method, path, integrated_account_id, query'],
    ['/_mock/rules', 'POST', { action: { type: 'empty' }, scope: { tims: 1 } },
      'Invalid body field scope.tims: is not a known field; valid fields of scope: times, after, probability'],
    ['/_mock/rules', 'POST', { action: { type: 'error', status: '500' } }, 'Invalid body field action.status: must be a whole number'],
    ['/_mock/rules', 'POST', { action: { type: 'teleport' } }, 'Invalid body field action.type: must be one of error, rate_limit, latency, reset, empty'],
    ['/_mock/rules', 'POST', { action: { type: 'error', status: 500, staus: 1 } },
      'Invalid body field action.staus: is not a known field; valid fields of action: type, status, remote, message, raw_response, headers'],
    ['/_mock/rules', 'POST', { action: { type: 'latency', latency: { ms: 5, max: 9 } } },
      'Invalid body field action.latency: must be an object with ms or an object with min, max'],
    ['/_mock/rules', 'POST', { action: { type: 'error', status: 500, headers: { 'Content-Length': '1' } } },
      'Invalid body field action.headers.Content-Length: is not an HTTP header name other than Content-Length, Transfer-Encoding or Connection'],
    ['/_mock/rules', 'POST', { action: { type: 'error', status: 500, headers: { 'x-a': 'a\r\nb' } } },
      'Invalid body field action.headers.x-a: must be text on one line without control characters'],
    ['/_mock/rules', 'POST', { action: { type: 'empty' }, extra: true }, 'Invalid body field extra: is not a known field; valid fields: id, match, action, scope'],
    ['/_mock/rules', 'PUT', { rules: [{ action: { type: 'empty', status: 500 } }] },
      'Invalid body field rules[0].action.status: is not a known field; valid fields of rules[0].action: type'],
    ['/_mock/rules', 'PUT', { rule: [] }, 'Invalid body field rule: is not a known field; valid fields: rules'],
    ['/_mock/reset', 'POST', { sed: 2 }, 'Invalid body field sed: is not a known field; valid fields: seed, candidates'],
    ['/_mock/reset', 'POST', { seed: '2' }, 'Invalid body field seed: must be a whole number'],
    ['/_mock/reset', 'POST', { candidates: 'all' }, 'Invalid body field candidates: must be a whole number or null'],
    ['/_mock/journal/find', 'POST', { status: 429 }, 'Invalid body field status: is not a known field; valid fields: method, path, integrated_account_id, query'],
    ['/_mock/rules', 'POST', [], 'Invalid body: must be an object'],
  ];
  for (const [url, method, payload, message] of cases) expectError(t, await post(app, url, payload, method), bad(message), `${method} ${url} ${JSON.stringify(payload)}`);
  t.strictSame((await app.inject({ url: '/_mock/rules' })).json(), { rules: [] }, 'nothing was stored');
  t.equal((await get(app, `${CANDIDATES}/${ADA}`, ACC)).statusCode, 200, 'and nothing fires');
  expectError(t, await app.inject({ url: '/_mock/journal?status=429' }),
    bad('Invalid query parameter status: is not a known parameter; valid parameters: method, path, integrated_account_id, query'), 'an unknown journal filter');
  t.equal((await app.inject({ url: '/_mock/journal?query[limit]=5&path=*' })).statusCode, 200, 'the known filters');
});

t.test('admin JSON is limited in depth and size: a 400 naming the limit, and nothing stored', async (t) => {
  const app = await testApp(t, { candidates: 5 });
  const deep = `{"action":{"type":"error","status":500,"remote":true,"raw_response":${'['.repeat(50_000)}${']'.repeat(50_000)}}}`;
  expectError(t, await post(app, '/_mock/rules', deep), bad('The body was refused: it nests objects and lists deeper than 32 levels'));
  const huge = JSON.stringify({ action: { type: 'error', status: 500, message: 'x'.repeat(1_100_000) } });
  expectError(t, await post(app, '/_mock/rules', huge), bad('The body was refused: it is larger than 1048576 bytes'));
  expectError(t, await post(app, '/_mock/rules', '{"action":'), bad('The body was refused: it is not valid JSON (Unexpected end of JSON input)'));
  t.strictSame((await app.inject({ url: '/_mock/rules' })).json(), { rules: [] }, 'nothing stored');
  t.equal((await get(app, `${CANDIDATES}/${ADA}`, ACC)).statusCode, 200, 'requests answer as usual');

  // Within the limits, the rule is stored and written back whole.
  const nested = JSON.parse(`${'['.repeat(28)}1${']'.repeat(28)}`) as unknown;
  const added = await post(app, '/_mock/rules', { action: { type: 'error', status: 422, remote: true, raw_response: nested } });
  t.equal(added.statusCode, 201);
  t.strictSame((await app.inject({ url: '/_mock/rules' })).json().rules[0].action.raw_response, nested);
  t.strictSame((await get(app, `${CANDIDATES}/${ADA}`, ACC)).json().raw_response, nested);
});

t.test('the --rules file is checked by the same validator, in the same words', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'truto-mock-'));
  const rules = join(dir, 'rules.json');
  const refused = async (content: string) => {
    writeFileSync(rules, content);
    const err = (await buildApp({ db: ':memory:', logLevel: 'silent', candidates: 5, rules }).then(() => undefined, (e: unknown) => e)) as Error;
    t.ok(err instanceof ConfigError, 'a ConfigError (exit 2)');
    return err.message;
  };
  t.equal(await refused(JSON.stringify([{ match: { pth: '/x' }, action: { type: 'reset' } }])),
    `invalid setting rules: ${rules}: rules[0].match.pth: is not a known field; valid fields of rules[0].match: method, path, integrated_account_id, query`);
  t.equal(await refused(JSON.stringify({ rules: [{ action: { type: 'error', status: '500' } }] })),
    `invalid setting rules: ${rules}: rules[0].action.status: must be a whole number`);
  t.equal(await refused(`[{"action":{"type":"error","status":500,"raw_response":${'['.repeat(100)}${']'.repeat(100)}}}]`),
    `invalid setting rules: cannot read ${rules}: it nests objects and lists deeper than 32 levels`);
});
