import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import t from 'tap';
import { Type } from '@sinclair/typebox';
import { JournalEntrySchema, Journal } from '../src/mock/journal.js';
import { ACC, ADA, ATTACHMENTS, CANDIDATES, GH, TOKEN, assertSchema, get, testApp } from './helpers.js';

const JournalAnswer = Type.Object({
  count: Type.Integer(),
  total: Type.Integer(),
  capacity: Type.Integer(),
  entries: Type.Array(JournalEntrySchema),
});

t.test('the journal lists what clients sent, Authorization redacted, cached answers and failures included', async (t) => {
  const app = await testApp(t, { candidates: 10 });
  await get(app, `${CANDIDATES}/${ADA}`, `${ACC}&remote_query[email]=a@b.c`);
  await get(app, `${CANDIDATES}/${ADA}`, `${ACC}&remote_query[email]=a@b.c`); // answered from the cache
  await get(app, ATTACHMENTS, `${ACC}&limit=2&truto_exclude_fields=id&truto_exclude_fields=name`);
  await get(app, CANDIDATES, ACC, { authorization: 'Basic c2VjcmV0' });
  await app.inject({ url: '/_mock/rules' }); // the admin API is not journaled
  const res = await app.inject({ url: '/_mock/journal' });
  t.equal(res.statusCode, 200);
  const body = res.json();
  assertSchema(t, JournalAnswer, body);
  t.strictSame([body.count, body.total, body.capacity], [4, 4, 1000]);
  const shape = (e: typeof body.entries[number]) => [e.id, e.method, e.path, e.query, e.integrated_account_id, e.status, e.headers.authorization, e.fault];
  t.strictSame(body.entries.map(shape), [
    [1, 'GET', `${CANDIDATES}/${ADA}`, { integrated_account_id: GH, 'remote_query[email]': 'a@b.c' }, GH, 200, 'Bearer [redacted]', null],
    [2, 'GET', `${CANDIDATES}/${ADA}`, { integrated_account_id: GH, 'remote_query[email]': 'a@b.c' }, GH, 200, 'Bearer [redacted]', null],
    [3, 'GET', ATTACHMENTS, { integrated_account_id: GH, limit: '2', truto_exclude_fields: ['id', 'name'] }, GH, 200, 'Bearer [redacted]', null],
    [4, 'GET', CANDIDATES, { integrated_account_id: GH }, GH, 401, 'Basic [redacted]', null],
  ]);
  t.notOk(JSON.stringify(body).includes(TOKEN), 'the token appears nowhere');
  t.notOk(JSON.stringify(body).includes('c2VjcmV0'), 'nor any other credential');
  t.ok(body.entries.every((e: { duration_ms: number }) => e.duration_ms >= 0));
});

t.test('search by method, path, account and query values, with counts; clear', async (t) => {
  const app = await testApp(t, { candidates: 10 });
  for (const limit of [1, 2, 2]) await get(app, ATTACHMENTS, `${ACC}&limit=${limit}`);
  await get(app, `${CANDIDATES}/${ADA}`, ACC);
  await get(app, CANDIDATES, 'integrated_account_id=someone-else');
  await app.inject({ method: 'HEAD', url: `${CANDIDATES}?${ACC}`, headers: { authorization: `Bearer ${TOKEN}` } });
  const count = async (query: string) => (await app.inject({ url: `/_mock/journal?${query}` })).json().count as number;
  t.equal(await count(''), 6);
  t.equal(await count(`path=${ATTACHMENTS}`), 3, 'path');
  t.equal(await count('path=/unified/ats/candidates*'), 3, 'path pattern');
  t.equal(await count('method=head'), 1, 'method, any case');
  t.equal(await count(`integrated_account_id=${GH}`), 5, 'account');
  t.equal(await count('integrated_account_id=someone-else'), 1, 'the other account');
  t.equal(await count('query[limit]=2'), 2, 'query value');
  t.equal(await count(`query[limit]=2&path=${CANDIDATES}`), 0, 'all filters at once');
  const found = await app.inject({ method: 'POST', url: '/_mock/journal/find', payload: { path: ATTACHMENTS, query: { limit: '1' } } });
  t.equal(found.statusCode, 200);
  assertSchema(t, JournalAnswer, found.json());
  t.strictSame(found.json().entries.map((e: { query: unknown }) => e.query), [{ integrated_account_id: GH, limit: '1' }]);
  t.strictSame((await app.inject({ method: 'DELETE', url: '/_mock/journal' })).json(), { cleared: 6 });
  t.strictSame((await app.inject({ url: '/_mock/journal' })).json(), { count: 0, total: 0, capacity: 1000, entries: [] });
});

t.test('a bounded ring: the oldest entries go; size 0 turns it off', async (t) => {
  const app = await testApp(t, { candidates: 10, journalSize: 3 });
  for (let limit = 1; limit <= 5; limit++) await get(app, ATTACHMENTS, `${ACC}&limit=${limit}`);
  const body = (await app.inject({ url: '/_mock/journal' })).json();
  t.strictSame([body.count, body.total, body.capacity], [3, 5, 3]);
  t.strictSame(body.entries.map((e: { id: number; query: { limit: string } }) => [e.id, e.query.limit]), [[3, '3'], [4, '4'], [5, '5']]);
  const off = await testApp(t, { candidates: 10, journalSize: 0 });
  await get(off, ATTACHMENTS, ACC);
  t.strictSame((await off.inject({ url: '/_mock/journal' })).json(), { count: 0, total: 0, capacity: 0, entries: [] });
});

t.test('the journal\'s memory stays flat over 100,000 requests', async (t) => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const journal = new Journal(1000);
  const headers = { authorization: `Bearer ${TOKEN}`, 'user-agent': 'truto-ts-sdk/2.0.12', accept: 'application/json', host: 'localhost:4010' };
  // The path the hook takes for every request: record on arrival, completed when answered.
  const push = (i: number) => {
    const entry = journal.record({
      method: 'GET',
      url: `${ATTACHMENTS}?integrated_account_id=${GH}&limit=${i % 100}&next_cursor=${'c'.repeat(40)}${i}`,
      headers,
      account: GH,
    })!;
    entry.status = 200;
    entry.duration_ms = 1.5;
  };
  for (let i = 0; i < 5_000; i++) push(i);
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 100_000; i++) push(i);
  gc();
  const growth = process.memoryUsage().heapUsed - before;
  // 100,000 entries kept would take ~60 MB; a ring of 1,000 stays where it was (a little noise allowed).
  t.ok(growth < 2 * 1024 * 1024, `heap growth after 100,000 more requests: ${Math.round(growth / 1024)} KB`);
  t.equal(journal.size, 1000);
  t.equal(journal.total, 105_000);
  t.equal(journal.find({ query: { limit: '99' } }).length, 10, 'still searchable');
});

t.test('the admin API is not journaled, whatever its query; a path that only looks like it is', async (t) => {
  const app = await testApp(t);
  for (const url of ['/_mock', '/_mock?x=1', '/_mock/rules', '/_mock/journal?path=*', '/_mockery', '/_mock/nothing-here', '/health']) {
    await app.inject({ url });
  }
  const res = await app.inject({ url: '/_mock/journal' });
  assertSchema(t, JournalAnswer, res.json());
  t.strictSame(
    res.json().entries.map((e: { path: string; status: number }) => [e.path, e.status]),
    [['/_mockery', 404], ['/_mock/nothing-here', 404], ['/health', 200]],
    'unknown paths under /_mock are journaled: they are a client\'s mistake, not the admin API',
  );
});
