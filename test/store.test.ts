import t from 'tap';
import type { RecordFilter, RecordRow } from '../src/store/records.js';
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

  const withJob = attachments.find((a) => a.job_id !== null)!;
  const cases: [string, string, RecordFilter, (r: RecordRow) => boolean][] = [
    ['attachments by candidate', 'attachment', { candidateId: withJob.candidate_id! }, (r) => r.candidate_id === withJob.candidate_id],
    ['attachments by application', 'attachment', { applicationId: withJob.application_id! }, (r) => r.application_id === withJob.application_id],
    ['attachments by job (breezy\'s filter)', 'attachment', { jobId: withJob.job_id! }, (r) => r.job_id === withJob.job_id],
    ['attachments created in a range', 'attachment', { createdAt: { gte: attachments[30]!.created_at, lt: attachments[90]!.created_at } },
      (r) => r.created_at >= attachments[30]!.created_at && r.created_at < attachments[90]!.created_at],
    ['candidates updated after', 'candidate', { updatedAt: { gt: candidates[60]!.updated_at } }, (r) => r.updated_at > candidates[60]!.updated_at],
    ['candidates by ids', 'candidate', { ids: [candidates[5]!.id, candidates[77]!.id, 'nope'] }, (r) => r.id === candidates[5]!.id || r.id === candidates[77]!.id],
    ['candidates by email', 'candidate', { key: 'email:ada.lovelace@example.com' }, (r) => r.id === '9000001003'],
  ];
  for (const [what, kind, filter, keep] of cases) {
    const expected = ids(scan(kind).filter(keep));
    t.ok(expected.length > 0, `${what}: some rows match`);
    for (const size of [1, 3, 1000]) t.strictSame(ids(walk(kind, filter, size)), expected, `${what}, pages of ${size}`);
  }

  const job = applications[10]!.job_id!;
  const applied = new Set(applications.filter((a) => a.job_id === job).map((a) => a.candidate_id));
  t.strictSame(ids(walk('candidate', { appliedToJob: job }, 2)), ids(candidates.filter((c) => applied.has(c.id))), 'candidates who applied to a job');
  t.strictSame(records.page(key, 'attachment', { jobId: withJob.job_id!, candidateId: 'nobody' }, 0, 10), [], 'filters combine');
});

t.test('accounts never see each other\'s rows', async (t) => {
  const app = await testApp(t, { candidates: 10 });
  const { records } = app.mock.store;
  const key = app.mock.accounts.get(GH).row.key;
  t.ok(records.get(key, 'candidate', '9000001003'));
  // A key no account has (the fixtures hold one account per integration, so key + 1 is another account's).
  const stranger = key + 1_000;
  t.equal(records.get(stranger, 'candidate', '9000001003'), undefined);
  t.strictSame(records.page(stranger, 'candidate', {}, 0, 10), []);
  t.strictSame(records.byParent(stranger, 'attachment', 'candidate_id', ['9000001003']), []);
});
