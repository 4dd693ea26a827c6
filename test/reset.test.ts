import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as tick } from 'node:timers/promises';
import t, { type Test } from 'tap';
import { Type } from '@sinclair/typebox';
import { buildApp } from '../src/app.js';
import { CandidateSchema } from '../src/model/candidate.js';
import { ACC, ADA, AUTH, CANDIDATES, GH, TOKEN, assertSchema, get, testApp } from './helpers.js';

const ResetAnswer = Type.Object({ seed: Type.Integer(), candidates: Type.Union([Type.Integer(), Type.Null()]), accounts: Type.Integer(), reseeded: Type.Boolean(), rules: Type.Integer(), ms: Type.Number() });
const reset = async (t: Test, app: Awaited<ReturnType<typeof testApp>>, payload?: object) => {
  const res = await app.inject({ method: 'POST', url: '/_mock/reset', ...(payload ? { payload } : {}) });
  t.equal(res.statusCode, 200, 'reset answered');
  assertSchema(t, ResetAnswer, res.json(), 'reset answer');
  return res.json() as { seed: number; candidates: number | null; accounts: number; rules: number; ms: number };
};
const page = async (app: Awaited<ReturnType<typeof testApp>>) => (await get(app, CANDIDATES, `${ACC}&limit=5&truto_exclude_fields=remote_data`)).body;

t.test('reset: journal and rules cleared, data back to the seeded state; another seed or size on demand', async (t) => {
  const app = await testApp(t, { candidates: 30 });
  const initial = await page(app);
  const accounts = app.mock.accounts.list().length;
  await app.inject({ method: 'POST', url: '/_mock/rules', payload: { action: { type: 'error', status: 503 }, scope: { after: 1 } } });
  t.equal((await get(app, CANDIDATES, ACC)).statusCode, 200);
  t.match(await reset(t, app), { seed: 1, candidates: 30, accounts, rules: 0, reseeded: false, writes_undone: false, ms: Number }, 'the data served is the seeded data: nothing reseeded, nothing to undo');
  const journal = (await app.inject({ url: '/_mock/journal' })).json();
  t.strictSame([journal.count, journal.total], [0, 0], 'journal cleared');
  t.strictSame((await app.inject({ url: '/_mock/rules' })).json(), { rules: [] }, 'rules cleared');
  t.equal(await page(app), initial, 'the same data, byte for byte');

  const other = await reset(t, app, { seed: 2 });
  t.match(other, { seed: 2, candidates: 30, accounts, rules: 0, reseeded: true });
  const reseeded = await page(app);
  t.not(reseeded, initial, 'another seed: other generated candidates (the cache was cleared)');
  const ada = (await get(app, `${CANDIDATES}/${ADA}`, ACC)).json();
  assertSchema(t, CandidateSchema, ada);
  t.equal(ada.first_name, 'Ada', 'pinned records stay');
  t.match(await reset(t, app, { seed: 2 }), { seed: 2, reseeded: false }, 'the same settings again: nothing to redo');
  t.equal(await page(app), reseeded);
  t.match(await reset(t, app), { seed: 1, candidates: 30, reseeded: true }, 'a bare reset returns to the start-up settings');
  t.equal(await page(app), initial, 'the start-up data, byte for byte');

  t.match(await reset(t, app, { seed: 3, candidates: 12 }), { seed: 3, candidates: 12 });
  t.equal((await get(app, CANDIDATES, `${ACC}&truto_ignore_limit=true&truto_exclude_fields=remote_data`)).json().result.length, 12, 'another size');
  t.match(await reset(t, app, {}), { seed: 1, candidates: 30 }, '{} is a bare reset');
  await reset(t, app, { seed: 3, candidates: 12 });
  t.match(await reset(t, app, { seed: 1 }), { seed: 1, candidates: 30 }, 'a field left out takes its start-up value, not the last reset\'s');
  t.equal(await page(app), initial);
  t.match(await reset(t, app, { candidates: null }), { seed: 1, candidates: null }, 'null: each fixture\'s own size');
  t.equal((await get(app, CANDIDATES, `${ACC}&truto_ignore_limit=true&truto_exclude_fields=remote_data`)).json().result.length, 300);
  const bad = await app.inject({ method: 'POST', url: '/_mock/reset', payload: { seed: -1 } });
  t.equal(bad.statusCode, 400);
  t.equal(bad.json().message, 'Invalid body field seed: must be at least 0');
});

t.test('reset at the default size (300 candidates) is well under a second, in memory and into a file', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'truto-mock-'));
  for (const db of [':memory:', join(dir, 'mock.db')]) {
    const app = await buildApp({ db, logLevel: 'silent' });
    t.teardown(() => app.close());
    const first = await page(app);
    const times: number[] = [];
    for (const seed of [2, 1]) times.push((await reset(t, app, { seed })).ms);
    t.equal(await page(app), first, `${db}: back to seed 1, the same answers`);
    // Reported, not asserted: tests never fail on timing.
    t.comment(`${db === ':memory:' ? 'in memory' : 'into a file'}: reseeding 300 candidates took ${times.join(', ')} ms`);
    t.pass(`reset ${db}`);
  }
});

t.test('requests in flight finish on the old data; those arriving during a reset wait and get the new', async (t) => {
  const app = await testApp(t, { candidates: 400 });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const headers = { Authorization: `Bearer ${TOKEN}` };
  const streamed = await fetch(`${base}/unified/ats/candidates?integrated_account_id=${GH}&truto_response_format=stream`, { headers });
  t.equal(streamed.status, 200, 'a long answer has started');
  const resetting = app.inject({ method: 'POST', url: '/_mock/reset', payload: { seed: 9, candidates: 10 } });
  while (!app.mock.dataset.replacing) await tick();
  const during = fetch(`${base}/unified/ats/candidates?integrated_account_id=${GH}&truto_ignore_limit=true`, { headers }).then((r) => r.json());
  const lines = (await streamed.text()).trimEnd().split('\n');
  t.equal(lines.length, 400, 'the stream finished on the old data');
  for (const line of lines.slice(0, 5)) assertSchema(t, CandidateSchema, JSON.parse(line), 'streamed candidate');
  t.equal((await resetting).statusCode, 200);
  t.equal(((await during) as { result: unknown[] }).result.length, 10, 'a request sent during the reset saw the new data');
  t.equal((await get(app, CANDIDATES, `${ACC}&truto_ignore_limit=true`, AUTH)).json().result.length, 10);
});
