import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { buildApp } from '../src/app.js';
import { DEFAULT_FIXTURES } from '../src/config.js';
import { ListEnvelope } from '../src/model/list.js';
import { CandidateSchema } from '../src/model/candidate.js';
import { AttachmentSchema } from '../src/model/attachment.js';
import type { Candidate } from '../src/model/candidate.js';
import type { Attachment } from '../src/model/attachment.js';
import { ADA, GH, assertSchema, get, testApp } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'truto-mock-seed-'));
t.teardown(() => rmSync(tmp, { recursive: true, force: true }));

async function everything(app: Awaited<ReturnType<typeof testApp>>) {
  const candidates = await get(app, '/unified/ats/candidates', `integrated_account_id=${GH}&truto_ignore_limit=true`);
  const attachments = await get(app, '/unified/ats/attachments', `integrated_account_id=${GH}&truto_ignore_limit=true`);
  return { candidates: candidates.body, attachments: attachments.body };
}

t.test('same seed and size: byte-identical answers from two fresh stores', async (t) => {
  const a = await everything(await testApp(t, { seed: 7, candidates: 60 }));
  const b = await everything(await testApp(t, { seed: 7, candidates: 60 }));
  t.equal(a.candidates, b.candidates);
  t.equal(a.attachments, b.attachments);
  t.ok(a.candidates.length > 10_000, 'a real amount of data was compared');
});

t.test('another seed: other generated people, the same pinned ones', async (t) => {
  const one = JSON.parse((await everything(await testApp(t, { seed: 1, candidates: 30 }))).candidates).result as Candidate[];
  const two = JSON.parse((await everything(await testApp(t, { seed: 2, candidates: 30 }))).candidates).result as Candidate[];
  t.equal(one.length, 30);
  t.equal(two.length, 30);
  t.same(one.slice(0, 4).map((c) => c.name), two.slice(0, 4).map((c) => c.name), 'pinned candidates keep their names');
  const differing = one.slice(4).filter((c, i) => c.name !== two[i + 4]!.name).length;
  t.ok(differing >= 20, `generated names differ (${differing} of 26)`);
});

t.test('a store file: seeded once, reused when the fingerprint matches, reseeded when it does not', async (t) => {
  const db = join(tmp, 'reuse.db');
  const open = async (config: object) => {
    const app = await buildApp({ db, logLevel: 'silent', candidates: 20, ...config });
    const seeded = app.mock.store.seeded;
    const body = (await get(app, `/unified/ats/candidates/${ADA}`, `integrated_account_id=${GH}`)).body;
    await app.close();
    return { seeded, body };
  };
  // What a killed seed leaves (kill -9), and an empty file (`touch`): nothing to keep, both replaced.
  writeFileSync(`${db}.seeding`, 'an interrupted seed');
  writeFileSync(db, '');
  const first = await open({});
  t.equal(first.seeded, true, 'a new file is seeded');
  t.notOk(existsSync(`${db}.seeding`), 'the interrupted seed is gone');
  t.ok(statSync(db).size > 0);
  const again = await open({});
  t.equal(again.seeded, false, 'a matching file is reused');
  t.equal(again.body, first.body, 'and answers the same');
  t.equal((await open({ seed: 99 })).seeded, true, 'another seed reseeds');
  t.equal((await open({ seed: 99 })).seeded, false);
  t.equal((await open({ seed: 99, candidates: 21 })).seeded, true, 'another size reseeds');

  const fixtures = join(tmp, 'fixtures.json');
  const text = readFileSync(DEFAULT_FIXTURES, 'utf8');
  writeFileSync(fixtures, text.replace('Acme Robotics', 'Acme Robotics Inc'));
  t.equal((await open({ seed: 99, candidates: 21, fixtures })).seeded, true, 'other fixtures reseed');
  t.equal((await open({ seed: 99, candidates: 21, fixtures })).seeded, false);
});

t.test('a file that is not a store of ours is refused and left as it is', async (t) => {
  const db = join(tmp, 'garbage.db');
  const bytes = Buffer.from('this is not sqlite'.repeat(100));
  writeFileSync(db, bytes);
  await t.rejects(buildApp({ db, logLevel: 'silent', candidates: 10 }), {
    message: `invalid setting db (--db / TRUTO_MOCK_DB): ${db} is not a truto-ats-mock store (not a SQLite database); it is left as it is: choose another --db, or remove the file yourself`,
  });
  t.ok(readFileSync(db).equals(bytes), 'untouched');
});

t.test('bad configuration fails at start with a message naming the setting', async (t) => {
  await t.rejects(buildApp({ db: ':memory:', candidates: 0 }), { message: /invalid setting candidates/ });
  await t.rejects(buildApp({ db: ':memory:', port: 70000 }), { message: /invalid setting port/ });
  await t.rejects(buildApp({ db: ':memory:', fixtures: join(tmp, 'missing.json') }), { message: /cannot read fixtures/ });
  const bad = join(tmp, 'bad-fixtures.json');
  writeFileSync(bad, JSON.stringify({ accounts: [{ id: 'x', integration: 'nope', name: 'X', candidates: 1 }] }));
  await t.rejects(buildApp({ db: ':memory:', fixtures: bad }), { message: /names integration "nope"/ });
});

t.test('the data hangs together (CONTRACT §7)', async (t) => {
  const app = await testApp(t, { candidates: 300 });
  const { store } = app.mock;
  const key = app.mock.accounts.get(GH).row.key;
  const all = (kind: string) => store.records.page(key, kind, {}, 0, 1_000_000).map((r) => ({ row: r, raw: JSON.parse(r.raw) }));
  const jobs = new Map(all('job').map((j) => [j.row.id, j]));
  const stages = new Map(all('job_stage').map((s) => [s.row.id, s]));
  const users = new Set(all('user').map((u) => u.row.id));
  const sources = new Set(all('source').map((s) => s.row.id));

  const candidates = JSON.parse(
    (await get(app, '/unified/ats/candidates', `integrated_account_id=${GH}&truto_ignore_limit=true`)).body,
  ).result as Candidate[];
  assertSchema(t, ListEnvelope(CandidateSchema), { result: candidates, next_cursor: null, prev_cursor: null, result_count: candidates.length });
  t.equal(candidates.length, 300);
  const candidateIds = new Set(candidates.map((c) => c.id));
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  let several = 0, none = 0, many = 0, rejected = 0, active = 0;
  const types = new Set<string>();
  for (const c of candidates) {
    check(c.updated_at! >= c.created_at!, `${c.id} updated before created`);
    const email = c.emails![0]!.email.toLowerCase();
    const first = c.first_name!.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
    const last = c.last_name!.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
    check(email.includes(last) || email.includes(first), `${c.id}: email ${email} does not match ${c.name}`);
    if (c.applications!.length > 1) several++;
    if (c.attachments!.length === 0) none++;
    if (c.attachments!.length >= 3) many++;
    for (const a of c.applications!) {
      check(a.candidate!.id === c.id, `${a.id} candidate`);
      const job = jobs.get(a.job!.id);
      check(job !== undefined, `${a.id}: job ${a.job!.id} missing`);
      const stage = stages.get(a.current_stage!.id);
      check(stage?.row.refs.job === a.job!.id, `${a.id}: stage ${a.current_stage!.id} is not a stage of job ${a.job!.id}`);
      check(a.current_stage!.job!.id === a.job!.id, `${a.id}: current_stage.job`);
      check(users.has(a.credited_to!.id), `${a.id}: credited_to ${a.credited_to!.id} missing`);
      check(sources.has(a.source!.id!), `${a.id}: source missing`);
      check(a.applied_at! >= c.created_at!, `${a.id}: applied before the candidate existed`);
      check(job === undefined || job.raw.created_at <= a.applied_at!, `${a.id}: applied before the job was posted`);
      if (a.rejected_at) {
        rejected++;
        check(a.rejected_at >= a.applied_at!, `${a.id}: rejected before applying`);
        check(typeof a.reject_reason === 'string' && a.reject_reason.length > 0, `${a.id}: no reject reason`);
      } else {
        active++;
        check(a.reject_reason === undefined, `${a.id}: reject reason without rejection`);
      }
    }
    const appIds = new Map(c.applications!.map((a) => [a.id, a]));
    for (const f of c.attachments!) {
      types.add(f.attachment_type!);
      check(f.candidate!.id === c.id, `${f.id}: candidate`);
      if (f.application) {
        const app = appIds.get(f.application.id);
        check(app !== undefined, `${f.id}: application ${f.application.id} is not ${c.id}'s`);
        check(f.job?.id === app?.job?.id, `${f.id}: job is not its application's`);
      }
    }
  }
  t.strictSame(problems, [], 'no referential or temporal problem');
  t.ok(several > 20, `candidates with several applications (${several})`);
  t.ok(none > 20, `candidates with no attachment (${none})`);
  t.ok(many > 5, `candidates with three or more attachments (${many})`);
  t.ok(rejected > 50 && active > 50, `rejected (${rejected}) and active (${active}) applications`);
  t.strictSame([...types].sort(), ['cover_letter', 'other', 'resume'], 'attachments of all three types');

  const attachments = JSON.parse(
    (await get(app, '/unified/ats/attachments', `integrated_account_id=${GH}&truto_ignore_limit=true`)).body,
  ).result as Attachment[];
  for (const a of attachments) assertSchema(t, AttachmentSchema, a, `attachment ${a.id}`);
  t.equal(attachments.length, candidates.reduce((n, c) => n + c.attachments!.length, 0), 'the list holds every candidate\'s attachments');
  t.ok(attachments.every((a) => candidateIds.has(a.candidate!.id)), 'every attachment points at a candidate of the account');
});

t.test('the worker-generated store holds exactly what the generator yields, account by account', async (t) => {
  const { Store } = await import('../src/store/index.js');
  const { seedStore } = await import('../src/seed/seed.js');
  const { jobRecords } = await import('../src/seed/job.js');
  const { loadFixtures } = await import('../src/seed/fixtures.js');
  const { fixtures } = loadFixtures(DEFAULT_FIXTURES);
  // Every account of the default fixtures, so every integration's generator runs in the worker too.
  const options = { seed: 3, candidates: 600 };
  const inThread = await Store.create(':memory:', 'a', async (s) => {
    for (const account of fixtures.accounts) {
      const key = s.insertAccount({ id: account.id, integration: account.integration, name: account.name, candidates: options.candidates, settings: {} });
      const seqs = new Map<string, number>();
      const job = { seed: options.seed, accountId: account.id, size: options.candidates, pinned: account.pinned?.candidates ?? [], integration: account.integration };
      for (const { kind, record } of jobRecords(job)) {
        const seq = (seqs.get(kind) ?? 0) + 1;
        seqs.set(kind, seq);
        s.records.insert(key, kind, seq, record);
      }
    }
  });
  const inWorker = await Store.create(':memory:', 'b', (s) => seedStore(s, fixtures, options, undefined, 'worker'));
  t.teardown(() => {
    inThread.close();
    inWorker.close();
  });
  const dump = (s: { db: import('better-sqlite3').Database }) => s.db.prepare('SELECT * FROM records ORDER BY account, kind, seq').all();
  const a = dump(inThread);
  t.ok(a.length > 1_000 * fixtures.accounts.length, `${a.length} rows`);
  t.strictSame(dump(inWorker), a);
  t.strictSame(inWorker.accounts(), inThread.accounts(), 'the same accounts, with the same keys');
});
