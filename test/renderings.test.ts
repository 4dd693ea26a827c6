import t, { type Test } from 'tap';
import { existsSync, readFileSync } from 'node:fs';
import { HELD_MIN_CHARS, Renderings } from '../src/store/renderings.js';
import { ACC, ADA, ADA_APPLICATION, ATTACHMENTS, AUTH, CANDIDATES, GH, get, testApp } from './helpers.js';

t.test('Renderings: kept per epoch, bounded on disk, dropped whole when the bound is reached', async (t) => {
  const r = new Renderings(64 * 1000);
  t.teardown(() => r.close());
  t.equal(r.get('a'), undefined);
  r.set('a', 'x'.repeat(500));
  t.equal(r.get('a'), 'x'.repeat(500), 'kept');
  t.equal(r.bytes, 501, 'counted: key and text');
  r.invalidate();
  t.equal(r.get('a'), undefined, 'a new epoch reads nothing rendered before it');
  r.set('a', 'y');
  t.equal(r.get('a'), 'y');
  r.set('big', 'z'.repeat(1001));
  t.equal(r.get('big'), undefined, 'more than a 64th of the bound is not kept');
  for (let i = 0; i < 200; i++) r.set(`k${i}`, 'w'.repeat(999));
  t.ok(r.bytes <= r.maxBytes, `never above the bound (${r.bytes} of ${r.maxBytes})`);
  t.equal(r.get('k0'), undefined, 'the first ones went when the bound was reached');
  t.equal(r.get('k199'), 'w'.repeat(999), 'the last one is kept');
  const off = new Renderings(0);
  off.set('a', 'x');
  t.equal(off.get('a'), undefined, 'bound 0: off');
});

t.test('Renderings: more than the page cache holds are all read back, before and after a drop', async (t) => {
  // They are kept in a transaction never committed: past the 2 MB page cache, its pages spill to the file.
  const r = new Renderings(64 * 2 ** 20);
  t.teardown(() => r.close());
  const text = (i: number) => `${i}:`.padEnd(8000 + (i % 7), String.fromCharCode(97 + (i % 26)));
  for (let i = 0; i < 1000; i++) r.set(`k${i}`, text(i));
  t.ok(r.bytes > 4 * 2 ** 20, `past the page cache (${r.bytes} counted)`);
  const wrong = [...Array(1000).keys()].filter((i) => r.get(`k${i}`) !== text(i));
  t.strictSame(wrong, [], 'every one reads back as kept');
  r.clear();
  t.equal(r.get('k0'), undefined, 'dropped');
  r.set('k0', 'again');
  t.equal(r.get('k0'), 'again', 'kept again after the drop');
});

t.test('Renderings: large answers are held as bytes once read again, until the bound, and dropped with their epoch', async (t) => {
  const page = (c: string) => `{"result":"${c.repeat(HELD_MIN_CHARS)}"}`;
  const cost = (key: string, text: string) => key.length + Buffer.byteLength(text) + 160;
  const r = new Renderings(64 * 2 ** 20, cost('p1', page('é')) + cost('p2', page('b')) + 100);
  t.teardown(() => r.close());
  r.set('small', 'x'.repeat(HELD_MIN_CHARS - 1));
  t.equal(r.answer('small'), 'x'.repeat(HELD_MIN_CHARS - 1), 'a small answer is read as text');
  t.equal(r.answer('small'), 'x'.repeat(HELD_MIN_CHARS - 1), 'and never held');
  t.equal(r.heldBytes, 0);
  r.set('p1', page('é'));
  const first = r.answer('p1');
  t.ok(Buffer.isBuffer(first), 'a large answer read again is held as bytes');
  t.equal((first as Buffer).toString(), page('é'), 'its UTF-8');
  t.equal(r.answer('p1'), first, 'then answered with those same bytes');
  t.equal(r.heldBytes, cost('p1', page('é')), 'counted: key, bytes and overhead');
  r.set('p2', page('b'));
  r.set('p3', page('c'));
  t.ok(Buffer.isBuffer(r.answer('p2')), 'held while it fits');
  t.equal(r.answer('p3'), page('c'), 'full: read as text, and nothing held is evicted for it');
  t.ok(Buffer.isBuffer(r.answer('p1')), 'the first is still held');
  t.ok(r.heldBytes <= r.maxHeldBytes, `never above the bound (${r.heldBytes} of ${r.maxHeldBytes})`);
  r.invalidate();
  t.equal(r.heldBytes, 0, 'a new epoch holds nothing');
  t.equal(r.answer('p1'), undefined, 'and answers nothing rendered before it');
  r.set('p1', page('d'));
  t.equal(r.answer('p1'), r.answer('p1'), 'held again');
  t.equal((r.answer('p1') as Buffer).toString(), page('d'), 'as rendered in the new epoch');
  r.clear();
  t.equal(r.heldBytes, 0, 'a drop lets go of the held bytes too');
  t.equal(r.answer('p1'), undefined);
  const none = new Renderings(64 * 2 ** 20, 0);
  t.teardown(() => none.close());
  none.set('p', page('a'));
  t.equal(none.answer('p'), page('a'), 'room 0: held never');
});

// Bytes read through read(2) and pread(2), whatever they came from: SQLite's reads of its file.
const readChars = () => Number(/^rchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))![1]);

t.test(
  'Renderings: what is read over and over is read from memory, wherever it was kept among more than the cache holds',
  { skip: existsSync('/proc/self/io') ? false : 'counts reads through Linux /proc/self/io' },
  async (t) => {
    // 3 MB kept, a 1 MB page cache; the renderings read over and over (400 KB) were kept all along the way. In one
    // transaction never committed, their pages spilled to the file and every read went back to it (6 MB read).
    const r = new Renderings(64 * 2 ** 20, 0, 1024);
    t.teardown(() => r.close());
    const text = (i: number) => `${i}:`.padEnd(8000, String.fromCharCode(97 + (i % 26)));
    for (let i = 0; i < 400; i++) r.set(`k${i}`, text(i));
    const hot = [...Array(50).keys()].map((i) => i * 8);
    for (const i of hot) t.equal(r.get(`k${i}`), text(i));
    const before = readChars();
    const wrong = [];
    for (let n = 0; n < 10; n++) for (const i of hot) if (r.get(`k${i}`) !== text(i)) wrong.push(i);
    const read = readChars() - before;
    t.strictSame(wrong, [], 'every one as kept');
    // The read of /proc/self/io itself is counted: a few hundred bytes.
    t.ok(read < 4096, `${read} bytes read for 500 renderings of 8 KB`);
  },
);

/** Greenhouse move-stage of Ada's first application to another stage of its job. */
async function moveAda(t: Test, app: Awaited<ReturnType<typeof testApp>>): Promise<string> {
  const application = (await get(app, `/unified/ats/applications/${ADA_APPLICATION}`, ACC)).json() as { job: { id: string }; current_stage: { id: string } };
  const stages = (await get(app, '/unified/ats/job_interview_stages', `${ACC}&job_id=${application.job.id}`)).json() as { result: { id: string }[] };
  const stage = stages.result.find((s) => s.id !== application.current_stage.id)!;
  t.ok(stage, 'the job has another stage');
  const user = ((await get(app, '/unified/ats/users', `${ACC}&limit=1`)).json() as { result: { id: string }[] }).result[0]!;
  const move = await app.inject({
    method: 'POST',
    url: `/unified/ats/applications/move-stage?integrated_account_id=${GH}`,
    headers: { ...AUTH, 'content-type': 'application/json' },
    payload: { application_id: ADA_APPLICATION, stage_id: stage.id, user_id: user.id },
  });
  t.equal(move.statusCode, 200, move.body);
  return stage.id;
}

const stageOf = (candidate: { applications: { id: string; current_stage: { id: string } }[] }) =>
  candidate.applications.find((a) => a.id === ADA_APPLICATION)!.current_stage.id;

t.test('a kept rendering is never served after a write, nor after a reset', async (t) => {
  const app = await testApp(t, { cacheMb: 0 });
  const store = () => app.mock.store;
  const adaUrl = `${CANDIDATES}/${ADA}`;
  const page = `${ACC}&limit=100`;
  const first = await get(app, adaUrl, ACC);
  const firstPage = await get(app, CANDIDATES, page);
  const firstFiles = await get(app, ATTACHMENTS, `${ACC}&candidate_id=${ADA}`);
  t.ok(store().renderings.bytes > 0, 'the get and the pages were kept');
  t.equal((await get(app, adaUrl, ACC)).body, first.body, 'a kept get answers the same bytes');
  t.equal((await get(app, CANDIDATES, page)).body, firstPage.body, 'a kept page answers the same bytes');
  t.ok(store().renderings.heldBytes > 0, 'the page (over 16 KB) is held as bytes');
  t.equal((await get(app, CANDIDATES, page)).body, firstPage.body, 'a held page answers the same bytes');
  const before = stageOf(first.json());

  const moved = await moveAda(t, app);
  t.not(moved, before);
  const after = await get(app, adaUrl, ACC);
  t.equal(stageOf(after.json()), moved, 'the get shows the write');
  const afterPage = (await get(app, CANDIDATES, page)).json() as { result: { id: string }[] };
  t.equal(stageOf(afterPage.result.find((c) => c.id === ADA) as never), moved, 'the page shows the write');
  t.equal((await get(app, ATTACHMENTS, `${ACC}&candidate_id=${ADA}`)).body, firstFiles.body, 'a list the write did not touch: same bytes');
  // The general path (a format that is never kept) agrees with what is kept now.
  const raw = (await get(app, adaUrl, `${ACC}&truto_response_format=normalized`)).json();
  t.equal(stageOf(raw), moved, 'the general path agrees');

  const reset = await app.inject({ method: 'POST', url: '/_mock/reset' });
  t.equal(reset.statusCode, 200, reset.body);
  t.equal((await get(app, adaUrl, ACC)).body, first.body, 'after a reset: the seeded answer again');
  t.equal((await get(app, CANDIDATES, page)).body, firstPage.body, 'the seeded page again');
  // Kept again after the reset, then a second write: still never stale.
  const again = await moveAda(t, app);
  t.equal(stageOf((await get(app, adaUrl, ACC)).json()), again, 'a write after a reset is shown too');
});

t.test('renderings and the general path give the same bytes, per host', async (t) => {
  const on = await testApp(t, { cacheMb: 0 });
  const urls = [
    `${CANDIDATES}/${ADA}?${ACC}`,
    `${CANDIDATES}?${ACC}&limit=7`,
    // Over 16 KB: kept as bytes rather than text.
    `${CANDIDATES}?${ACC}&limit=100`,
    `${ATTACHMENTS}?${ACC}&limit=5`,
    `${ATTACHMENTS}?${ACC}&candidate_id=${ADA}`,
    `/unified/ats/applications/${ADA_APPLICATION}?${ACC}`,
  ];
  for (const url of urls) {
    const a = await on.inject({ url, headers: { ...AUTH, host: 'one:1' } });
    const b = await on.inject({ url, headers: { ...AUTH, host: 'two:2' } });
    const a2 = await on.inject({ url, headers: { ...AUTH, host: 'one:1' } });
    // The third read of a large answer is the first from its bytes held in memory.
    const a3 = await on.inject({ url, headers: { ...AUTH, host: 'one:1' } });
    t.equal(a.statusCode, 200, url);
    t.equal(a2.body, a.body, `${url}: kept, same bytes`);
    t.equal(a3.body, a.body, `${url}: kept, same bytes again`);
    t.equal(a3.headers['content-length'], String(Buffer.byteLength(a.body)), `${url}: its length`);
    t.equal(b.body, a.body.replaceAll('http://one:1/', 'http://two:2/'), `${url}: links follow the host`);
  }
  t.ok(on.mock.store.renderings.heldBytes > 0, 'the page over 16 KB was held as bytes');
  // A cursor walk through kept pages is the walk through rendered ones.
  let cursor: string | null = null;
  const seen: string[] = [];
  do {
    const res = await get(on, CANDIDATES, `${ACC}&limit=9${cursor ? `&next_cursor=${cursor}` : ''}`);
    const body = res.json() as { result: { id: string }[]; next_cursor: string | null };
    seen.push(...body.result.map((c) => c.id));
    cursor = body.next_cursor;
  } while (cursor);
  t.equal(new Set(seen).size, seen.length, 'no candidate twice');
  const whole = (await get(on, CANDIDATES, `${ACC}&truto_ignore_limit=true`)).json() as { result: { id: string }[] };
  t.same(seen, whole.result.map((c) => c.id), 'every candidate, in order, as the whole list (never kept) has them');
});
