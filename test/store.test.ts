import Database from 'better-sqlite3';
import t from 'tap';
import { migrate } from '../src/store/migrations.js';
import { RecordStore, refKey, type RecordFilter, type RecordRow } from '../src/store/records.js';
import { GH, testApp } from './helpers.js';

/** The store's keyset pages, filter by filter, checked against a plain scan of every row. */
t.test('keyset pages honour every filter and walk each match exactly once', async (t) => {
  const app = await testApp(t, { candidates: 120 });
  const { records } = app.mock.store;
  const key = app.mock.accounts.get(GH).row.key;
  const scan = (kind: string) => records.page(key, kind, {}, 0, 1_000_000);
  const attachments = scan('attachment');
  const candidates = scan('candidate');
  const applications = scan('application');
  t.ok(attachments.length > 100, `${attachments.length} attachments`);
  t.strictSame(attachments.map((r) => r.seq), attachments.map((_, i) => i + 1), 'seq numbers run 1..n per kind');

  const walk = (kind: string, filter: RecordFilter, size: number): RecordRow[] => {
    const out: RecordRow[] = [];
    for (let after = 0; ; ) {
      const page = records.page(key, kind, filter, after, size);
      out.push(...page);
      if (page.length < size) return out;
      after = page[page.length - 1]!.seq;
    }
  };
  const ids = (rows: RecordRow[]) => rows.map((r) => r.id);

  const withJob = attachments.find((a) => a.refs.job !== undefined)!;
  const { candidate, application, job } = withJob.refs as { candidate: string; application: string; job: string };
  // A job that candidate did not apply to: with it, the candidate's key matches files the job's key does not.
  const otherJob = applications.find((a) => a.refs.job !== job)!.refs.job!;
  const appliedTo = (c: RecordRow, j: string) => applications.some((a) => a.refs.candidate === c.id && a.refs.job === j);
  const cases: [string, string, RecordFilter, (r: RecordRow) => boolean][] = [
    ['attachments by candidate', 'attachment', { keys: [refKey('candidate', candidate)] }, (r) => r.refs.candidate === candidate],
    ['attachments by application', 'attachment', { keys: [refKey('application', application)] }, (r) => r.refs.application === application],
    ['attachments by job (breezy\'s filter)', 'attachment', { keys: [refKey('job', job)] }, (r) => r.refs.job === job],
    ['attachments by candidate and job', 'attachment', { keys: [refKey('candidate', candidate), refKey('job', job)] },
      (r) => r.refs.candidate === candidate && r.refs.job === job],
    ['attachments by job, candidate and application', 'attachment',
      { keys: [refKey('job', job), refKey('candidate', candidate), refKey('application', application)] },
      (r) => r.refs.candidate === candidate && r.refs.job === job && r.refs.application === application],
    ['attachments created in a range', 'attachment', { createdAt: { gte: attachments[30]!.created_at, lt: attachments[90]!.created_at } },
      (r) => r.created_at >= attachments[30]!.created_at && r.created_at < attachments[90]!.created_at],
    ['attachments of a job created after', 'attachment', { keys: [refKey('job', job)], createdAt: { gt: attachments[20]!.created_at } },
      (r) => r.refs.job === job && r.created_at > attachments[20]!.created_at],
    ['candidates updated after', 'candidate', { updatedAt: { gt: candidates[60]!.updated_at } }, (r) => r.updated_at > candidates[60]!.updated_at],
    ['candidates by ids', 'candidate', { ids: [candidates[5]!.id, candidates[77]!.id, 'nope'] }, (r) => r.id === candidates[5]!.id || r.id === candidates[77]!.id],
    ['candidates by email', 'candidate', { keys: ['email:ada.lovelace@example.com'] }, (r) => r.id === '9000001003'],
    ['candidates who applied to a job', 'candidate', { keys: [refKey('job', job)] }, (c) => appliedTo(c, job)],
    ['candidates who applied to two jobs', 'candidate', { keys: [refKey('job', job), refKey('job', otherJob)] },
      (c) => appliedTo(c, job) && appliedTo(c, otherJob)],
  ];
  for (const [what, kind, filter, keep] of cases) {
    const expected = ids(scan(kind).filter(keep));
    t.ok(expected.length > 0, `${what}: some rows match`);
    for (const size of [1, 3, 1000]) t.strictSame(ids(walk(kind, filter, size)), expected, `${what}, pages of ${size}`);
  }
  t.ok(ids(walk('attachment', { keys: [refKey('candidate', candidate)] }, 1000)).length > ids(walk('attachment', { keys: [refKey('candidate', candidate), refKey('job', job)] }, 1000)).length,
    'a second key narrows: the candidate has files outside that job');
  t.strictSame(records.page(key, 'attachment', { keys: [refKey('job', job), refKey('candidate', 'nobody')] }, 0, 10), [], 'keys combine: all must match');
  t.strictSame(records.page(key, 'attachment', { keys: [refKey('candidate', 'nobody'), refKey('job', job)] }, 0, 10), [], 'whichever key comes first');
});

t.test('byKeys: records having any of the keys, each once, in seq order', async (t) => {
  const app = await testApp(t, { candidates: 60 });
  const { records } = app.mock.store;
  const key = app.mock.accounts.get(GH).row.key;
  const attachments = records.page(key, 'attachment', {}, 0, 1_000_000);
  const [a, b] = [...new Set(attachments.map((r) => r.refs.candidate!))].slice(3, 5) as [string, string];
  const of = (...owners: string[]) => attachments.filter((r) => owners.includes(r.refs.candidate!)).map((r) => r.seq);
  t.ok(of(a).length > 0 && of(b).length > 0, 'both candidates have files');
  t.strictSame(records.byKeys(key, 'attachment', [refKey('candidate', a)]).map((r) => r.seq), of(a), 'one key');
  t.strictSame(records.byKeys(key, 'attachment', [refKey('candidate', b), refKey('candidate', a)]).map((r) => r.seq), of(a, b), 'two keys: seq order, not key order');
  t.strictSame(records.byKeys(key, 'attachment', []), [], 'no keys, no records');

  // A file of `a` that belongs to an application: asked for by its candidate and its application, it comes once.
  const owned = attachments.find((r) => r.refs.candidate === a && r.refs.application !== undefined);
  if (owned) {
    const both = records.byKeys(key, 'attachment', [refKey('candidate', a), refKey('application', owned.refs.application!)]);
    t.strictSame(both.map((r) => r.seq), of(a), 'a record matching two of the keys comes once');
  }
  const rows = records.byKeys(key, 'attachment', [refKey('candidate', a)]);
  t.strictSame(rows, rows.map((r) => records.get(key, 'attachment', r.id)), 'the same rows get gives');
});

t.test('refs round trip: given back parsed, {} when none; every ref is a lookup key', (t) => {
  const { store, account } = bareStore();
  store.insert(account, 'file', 1, { id: 'f1', created_at: 'c', updated_at: 'u', refs: { candidate: 'c1', position: 'p1' }, keys: ['email:a@x'], raw: '{"a":1}' });
  store.insert(account, 'file', 2, { id: 'f2', created_at: 'c', updated_at: 'u', raw: '{}' });
  store.insert(account, 'file', 3, { id: 'f3', created_at: 'c', updated_at: 'u', refs: {}, raw: '{}' });
  t.strictSame(store.get(account, 'file', 'f1'), { seq: 1, id: 'f1', created_at: 'c', updated_at: 'u', refs: { candidate: 'c1', position: 'p1' }, raw: '{"a":1}' });
  t.strictSame(store.get(account, 'file', 'f2')!.refs, {}, 'no refs: {}');
  t.strictSame(store.get(account, 'file', 'f3')!.refs, {}, 'empty refs: {}');
  for (const k of ['candidate:c1', 'position:p1', 'email:a@x']) t.strictSame(store.byKeys(account, 'file', [k]).map((r) => r.id), ['f1'], `${k} finds it`);
  t.strictSame(store.page(account, 'file', { keys: ['position:p1', 'email:a@x', 'candidate:c1'] }, 0, 10).map((r) => r.id), ['f1'], 'all three together');
  t.strictSame(store.page(account, 'file', { keys: ['position:p1', 'candidate:c2'] }, 0, 10), [], 'one of two missing: nothing');

  // Keys go in by the handful per call: a record with many, a repeat among them, finds itself by each.
  const many = Array.from({ length: 19 }, (_, i) => `tag:t${i}`);
  store.insert(account, 'file', 4, { id: 'f4', created_at: 'c', updated_at: 'u', refs: { candidate: 'c4' }, keys: [...many, 'tag:t3'], raw: '{}' });
  for (const k of ['candidate:c4', ...many]) t.strictSame(store.byKeys(account, 'file', [k]).map((r) => r.id), ['f4'], `${k} finds f4`);
  t.strictSame(store.page(account, 'file', { keys: [many[18]!, 'candidate:c4', many[0]!] }, 0, 10).map((r) => r.id), ['f4'], 'its last key, its ref and its first');
  t.end();
});

t.test('insertBatch: a batch\'s keys go in together, across records, and every record finds itself by each', (t) => {
  const { store, account } = bareStore();
  // 150 records of 0 to 4 keys each: 300 keys, more than one call's 128, ending on a part call.
  const batch = Array.from({ length: 150 }, (_, i) => ({
    kind: 'file',
    seq: i + 1,
    record: {
      id: `f${i}`,
      created_at: 'c',
      updated_at: 'u',
      refs: i % 3 === 0 ? null : JSON.stringify({ candidate: `c${i}` }),
      raw: new TextEncoder().encode(`{"n":${i}}`),
      keys: [...(i % 3 === 0 ? [] : [`candidate:c${i}`]), ...Array.from({ length: i % 4 }, (_, k) => `tag:${i}.${k}`), ...(i % 5 === 0 ? [`tag:${i}.0`] : [])],
    },
  }));
  store.insertBatch(account, batch);
  t.equal(store.page(account, 'file', {}, 0, 1000).length, 150, 'every record');
  t.strictSame(store.get(account, 'file', 'f149'), { seq: 150, id: 'f149', created_at: 'c', updated_at: 'u', refs: { candidate: 'c149' }, raw: '{"n":149}' }, 'stored as text');
  const missed = batch.flatMap(({ record }) => record.keys.filter((k) => store.byKeys(account, 'file', [k]).map((r) => r.id).join() !== record.id).map((k) => `${record.id} ${k}`));
  t.strictSame(missed, [], 'each key finds its record, and only it');
  t.end();
});

t.test('a keyed page seeks: no full scan, no sort, whatever the depth', (t) => {
  const { store, account, db } = bareStore();
  db.transaction(() => {
    for (let seq = 1; seq <= 20_000; seq++) {
      store.insert(account, 'attachment', seq, {
        id: `a${seq}`, created_at: 'c', updated_at: 'u', refs: { candidate: `c${seq % 100}`, job: `j${seq % 7}` }, keys: seq % 2 ? ['odd'] : [], raw: '{}',
      });
    }
  })();
  db.exec('ANALYZE');
  const walk = 'SEARCH k USING PRIMARY KEY (account=? AND kind=? AND key=? AND seq>?)';
  const fetch = 'SEARCH r USING INDEX sqlite_autoindex_records_1 (account=? AND kind=? AND seq=?)';
  t.strictSame(store.plan(account, 'attachment', { keys: ['candidate:c5'] }), [walk, fetch], 'one key: the walk is the key\'s range, from the cursor on');
  t.strictSame(store.plan(account, 'attachment', { keys: ['odd', 'job:j3', 'candidate:c5'] }), [
    walk,
    'SEARCH k1 EXISTS USING PRIMARY KEY (account=? AND kind=? AND key=? AND seq=?)',
    'SEARCH k2 EXISTS USING PRIMARY KEY (account=? AND kind=? AND key=? AND seq=?)',
    fetch,
  ], 'more keys: point lookups on the same primary key');
  const dated = store.plan(account, 'attachment', { keys: ['job:j3'], createdAt: { gt: 'a' }, ids: ['a1'] });
  t.strictSame(dated.slice(0, 2), [walk, fetch], 'other conditions only check the rows the key walk reads');
  t.notOk(dated.some((d) => /^SCAN (k|r)\b|TEMP B-TREE/.test(d)), 'no scan of records or keys, no sort');
  t.strictSame(store.plan(account, 'attachment', {}), ['SEARCH r USING INDEX sqlite_autoindex_records_1 (account=? AND kind=? AND seq>?)'],
    'no keys: records walked by seq');

  // The deepest page and the first match the scan's: 200 files of c5, 29 of them of job j5.
  const all = store.page(account, 'attachment', { keys: ['candidate:c5', 'job:j5'] }, 0, 1000).map((r) => r.seq);
  t.equal(all.length, 29);
  t.strictSame(all, Array.from({ length: 20_000 }, (_, i) => i + 1).filter((s) => s % 100 === 5 && s % 7 === 5));
  t.strictSame(store.page(account, 'attachment', { keys: ['candidate:c5', 'job:j5'] }, all[27]!, 10).map((r) => r.seq), [all[28]], 'a page after the 28th');
  t.end();
});

t.test('record dates: a date inside the raw record, read at its first present path, compared as a UTC instant', (t) => {
  const { store, account } = bareStore();
  const raws = [
    { start: { date_time: '2024-03-01T10:00:00.000Z' }, end: { date_time: '2024-03-01T11:00:00.000Z' } },
    // An all-day event: its day is its midnight UTC.
    { start: { date: '2024-03-02' }, end: { date: '2024-03-03' } },
    // Another offset, no milliseconds: 2024-03-01T12:30:00Z.
    { start: { date_time: '2024-03-01T04:30:00-08:00' }, end: { date_time: '2024-03-01T05:00:00-08:00' } },
    // No start at all: matches no start condition.
    { end: { date_time: '2024-03-05T00:00:00.000Z' } },
  ];
  raws.forEach((raw, i) => store.insert(account, 'interview', i + 1, { id: `i${i + 1}`, created_at: 'c', updated_at: 'u', refs: { application: i % 2 ? 'odd' : 'even' }, raw: JSON.stringify(raw) }));
  const start = (range: RecordFilter['createdAt'] & object) => ({ paths: ['$.start.date_time', '$.start.date'] as const, range });
  const end = (range: RecordFilter['createdAt'] & object) => ({ paths: ['$.end.date_time', '$.end.date'] as const, range });
  const ids = (filter: RecordFilter, size = 10) => {
    const out: string[] = [];
    for (let after = 0; ; ) {
      const page = store.page(account, 'interview', filter, after, size);
      out.push(...page.map((r) => r.id));
      if (page.length < size) return out;
      after = page.at(-1)!.seq;
    }
  };
  t.strictSame(ids({ recordDates: [start({ gt: '2024-03-01T10:00:00.000Z' })] }), ['i2', 'i3'], 'gt: after 10:00 UTC (the all-day event, the offset one)');
  t.strictSame(ids({ recordDates: [start({ gte: '2024-03-01T10:00:00.000Z' })] }), ['i1', 'i2', 'i3'], 'gte: at 10:00 too');
  t.strictSame(ids({ recordDates: [start({ lt: '2024-03-01T12:30:00.000Z' })] }), ['i1'], 'lt: the offset one is 12:30 UTC, not 04:30');
  t.strictSame(ids({ recordDates: [start({ lte: '2024-03-02T00:00:00.000Z' })] }), ['i1', 'i2', 'i3'], 'lte: a day is its midnight');
  t.strictSame(ids({ recordDates: [start({ gte: '2024-03-01T00:00:00.000Z' })] }, 1), ['i1', 'i2', 'i3'], 'pages of one: the same, the record without a start left out');
  t.strictSame(ids({ recordDates: [start({ gte: '2024-03-01T11:00:00.000Z' }), end({ lt: '2024-03-03T00:00:00.000Z' })] }), ['i3'], 'two record dates: both apply');
  t.strictSame(ids({ keys: ['application:even'], recordDates: [end({ gt: '2024-03-01T11:00:00.000Z' })] }), ['i3'], 'with a key');
  t.strictSame(ids({ recordDates: [{ paths: ['$.nowhere'], range: { gt: '1970-01-01T00:00:00.000Z' } }] }), [], 'a path no record has: nothing');
  t.strictSame(ids({ recordDates: [start({})] }), ['i1', 'i2', 'i3', 'i4'], 'an empty range: no condition');
  t.throws(() => store.page(account, 'interview', { recordDates: [start({}), start({}), start({})] }, 0, 1), /at most 2 record dates/);
  t.end();
});

t.test('a record date only checks the rows the key walk reads', (t) => {
  const { store, account, db } = bareStore();
  db.transaction(() => {
    for (let seq = 1; seq <= 2_000; seq++) {
      store.insert(account, 'interview', seq, { id: `i${seq}`, created_at: 'c', updated_at: 'u', refs: { application: `a${seq % 10}` }, raw: '{}' });
    }
  })();
  db.exec('ANALYZE');
  const plan = store.plan(account, 'interview', { keys: ['application:a3'], recordDates: [{ paths: ['$.start.date_time'], range: { gte: 'x', lt: 'y' } }] });
  t.strictSame(plan, ['SEARCH k USING PRIMARY KEY (account=? AND kind=? AND key=? AND seq>?)', 'SEARCH r USING INDEX sqlite_autoindex_records_1 (account=? AND kind=? AND seq=?)'], 'the keyed walk, unchanged');
  t.strictSame(store.plan(account, 'interview', { recordDates: [{ paths: ['$.start.date_time'], range: { gte: 'x' } }] }),
    ['SEARCH r USING INDEX sqlite_autoindex_records_1 (account=? AND kind=? AND seq>?)'], 'no keys: records walked by seq');
  t.end();
});

t.test('accounts never see each other\'s rows', async (t) => {
  const app = await testApp(t, { candidates: 10 });
  const { records } = app.mock.store;
  const key = app.mock.accounts.get(GH).row.key;
  t.ok(records.get(key, 'candidate', '9000001003'));
  t.ok(records.byKeys(key, 'attachment', ['candidate:9000001003']).length > 0, 'Ada\'s files, in her account');
  // A key no account holds, and every other account of the fixtures: none of them sees Greenhouse's rows.
  const others = app.mock.accounts.list().map((a) => a.row.key).filter((k) => k !== key);
  const unused = Math.max(key, ...others) + 1;
  for (const other of [unused, ...others]) {
    t.equal(records.get(other, 'candidate', '9000001003'), undefined, `account key ${other}: no Greenhouse candidate by id`);
    t.notOk(records.page(other, 'candidate', {}, 0, 100_000).some((r) => r.id === '9000001003'), `account key ${other}: none in its pages`);
    t.strictSame(records.byKeys(other, 'attachment', ['candidate:9000001003']), [], `account key ${other}: none of its files`);
  }
  t.strictSame(records.page(unused, 'candidate', {}, 0, 10), [], 'an unknown account has no rows');
});

/** A migrated in-memory database with one account, for the store alone. */
function bareStore() {
  const db = new Database(':memory:');
  migrate(db);
  db.prepare("INSERT INTO accounts (key, id, integration, name, candidates) VALUES (1, 'acc', 'greenhouse', 'Acc', 0)").run();
  t.teardown(() => db.close());
  return { db, store: new RecordStore(db), account: 1 };
}
