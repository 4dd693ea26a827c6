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
    const id = journal.record({
      method: 'GET',
      url: `${ATTACHMENTS}?integrated_account_id=${GH}&limit=${i % 100}&next_cursor=${'c'.repeat(40)}${i}`,
      headers,
      account: GH,
    });
    journal.complete(id, 200, 1.5, undefined);
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

t.test('an entry keeps no object of its request: what the request allocated is the collector\'s once it has ended', async (t) => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const journal = new Journal(10);
  const refs: WeakRef<object>[] = [];
  // In a function of its own: nothing on this test's stack holds the request's objects afterwards.
  const arrive = (i: number) => {
    const headers = { authorization: `Bearer ${TOKEN}`, 'x-request': `r${i}` };
    const url = `${ATTACHMENTS}?integrated_account_id=${GH}&limit=${i}`;
    refs.push(new WeakRef(headers));
    journal.complete(journal.record({ method: 'GET', url, headers, account: GH }), 200, 1, undefined);
  };
  for (let i = 0; i < 5; i++) arrive(i);
  await new Promise((resolve) => setImmediate(resolve)); // WeakRefs hold their targets until the job that made them ends
  gc();
  t.strictSame(refs.map((r) => r.deref() === undefined), [true, true, true, true, true], 'the headers objects were collected');
  t.strictSame(
    journal.find().map((e) => [e.id, e.query.limit, e.headers['x-request'], e.headers.authorization, e.status]),
    [0, 1, 2, 3, 4].map((i) => [i + 1, String(i), `r${i}`, 'Bearer [redacted]', 200]),
    'and every entry reads back as it was sent',
  );
});

t.test('what does not fit in an entry\'s bytes is kept as it came: a large request, an account outside latin1, a repeated header', async (t) => {
  const journal = new Journal(4);
  const cookie = 'c'.repeat(5000);
  const big = journal.record({ method: 'GET', url: `${CANDIDATES}?${ACC}`, headers: { cookie, 'x-big': 'b'.repeat(3000) }, account: GH });
  const unicode = journal.record({ method: 'GET', url: `${CANDIDATES}?integrated_account_id=%E2%9C%93`, headers: {}, account: '✓' });
  const repeated = journal.record({ method: 'POST', url: '/x', headers: { 'x-seen': ['a', 'b'], 'x-none': undefined }, account: null });
  journal.mark(repeated, 'rule-1');
  journal.note(repeated, { name: 'Ada' });
  journal.complete(unicode, null, 2.5, 'warned');
  const [a, b, c] = journal.find();
  t.strictSame([a!.headers['x-big'], a!.headers.cookie, a!.integrated_account_id], ['b'.repeat(3000), '[redacted]', GH]);
  t.strictSame([b!.integrated_account_id, b!.status, b!.duration_ms, b!.warning], ['✓', null, 2.5, 'warned']);
  t.strictSame(c, { ...c!, method: 'POST', path: '/x', query: {}, integrated_account_id: null, headers: { 'x-seen': 'a, b' }, status: null, duration_ms: null, fault: 'rule-1', body: { name: 'Ada' } });
  for (let i = 0; i < 4; i++) journal.record({ method: 'GET', url: '/y', headers: {}, account: null });
  journal.mark(repeated, 'late');
  journal.complete(big, 200, 1, undefined);
  t.strictSame(journal.find().map((e) => [e.path, e.status, e.fault]), [['/y', null, null], ['/y', null, null], ['/y', null, null], ['/y', null, null]], 'an entry the ring has moved past is not touched');
});

t.test('a request in flight across a clear completes nothing recorded after it; ids count again from the clear', async (t) => {
  const journal = new Journal(3);
  const arrival = (url: string) => ({ method: 'GET', url, headers: {}, account: null });
  const inFlight = journal.record(arrival('/before'));
  t.equal(journal.clear(), 1);
  const after = journal.record(arrival('/after'));
  journal.complete(inFlight, 500, 9, 'late');
  journal.mark(inFlight, 'late-rule');
  journal.note(inFlight, { late: true });
  const [entry] = journal.find();
  t.strictSame([entry!.id, entry!.path, entry!.status, entry!.warning, entry!.fault, 'body' in entry!], [1, '/after', null, null, null, false]);
  journal.complete(after, 200, 1, undefined);
  t.strictSame(journal.find().map((e) => [e.id, e.status]), [[1, 200]]);
  t.strictSame([journal.size, journal.total], [1, 1]);
});
