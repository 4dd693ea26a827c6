/**
 * Writes are serialized per account in SQLite transactions (CONTRACT §9, issue 14 point 7): many writers and readers
 * at once over a real socket lose no write, tear no read and get no 5xx. `TRUTO_SOAK_SECONDS` sets how long (30 s in
 * the suite; `npm run soak` runs the full minute).
 */
import t from 'tap';
import { buildApp } from '../src/app.js';
import { AUTH, GH } from './helpers.js';

const SECONDS = Number(process.env.TRUTO_SOAK_SECONDS ?? 30);
const WRITERS = 50;
const READERS = 10;
const REFERENCE = Date.parse('2026-01-15T12:00:00.000Z');

interface App {
  id: string;
  candidate: { id: string };
  job: { id: string };
  rejected_at?: string;
  current_stage?: { id: string };
  updated_at: string;
}

t.test(`${WRITERS} writers and ${READERS} readers for ${SECONDS} s: no lost write, no torn read, no 5xx`, { timeout: (SECONDS + 120) * 1000 }, async (t) => {
  const app = await buildApp({ db: ':memory:', logLevel: 'silent', candidates: 150, rateLimits: false });
  t.teardown(() => app.close());
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const acc = `integrated_account_id=${GH}`;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const json = async (path: string): Promise<any> => (await fetch(`${base}${path}`, { headers: AUTH })).json();

  // Each writer owns one active application and moves it back and forth between two stages of its job.
  const all = (await json(`/unified/ats/applications?${acc}&truto_ignore_limit=true`)).result as App[];
  const owned: { app: App; stages: [string, string] }[] = [];
  for (const a of all) {
    if (owned.length === WRITERS) break;
    if (a.rejected_at || !a.current_stage) continue;
    const stages = (await json(`/unified/ats/job_interview_stages?${acc}&job_id=${a.job.id}`)).result as { id: string }[];
    const probe = await fetch(`${base}/unified/ats/applications/move-stage?${acc}`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ application_id: a.id, stage_id: stages[0]!.id, user_id: '4410001003' }),
    });
    await probe.arrayBuffer();
    if (probe.status === 200) owned.push({ app: a, stages: [stages[1]!.id, stages[0]!.id] });
  }
  t.equal(owned.length, WRITERS, `${WRITERS} movable applications`);
  const before = owned.length; // the probes' writes: 1..before
  const candidates = [...new Set(owned.map((o) => o.app.candidate.id))];

  const stop = Date.now() + SECONDS * 1000;
  const numbers: number[] = [];
  const last = new Map<string, string>();
  const failures: string[] = [];
  let reads = 0;

  const writer = async ({ app: a, stages }: (typeof owned)[number]) => {
    for (let i = 0; Date.now() < stop; i++) {
      const stage = stages[i % 2]!;
      const res = await fetch(`${base}/unified/ats/applications/move-stage?${acc}`, {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: JSON.stringify({ application_id: a.id, stage_id: stage, user_id: '4410001003' }),
      });
      const body = (await res.json()) as { result: App };
      if (res.status !== 200) {
        failures.push(`write ${a.id}: ${res.status}`);
        continue;
      }
      numbers.push((Date.parse(body.result.updated_at) - REFERENCE) / 1000);
      last.set(a.id, stage);
    }
  };
  const reader = async (r: number) => {
    for (let i = r; Date.now() < stop; i++) {
      const id = candidates[i % candidates.length]!;
      const res = await fetch(`${base}/unified/ats/candidates/${id}?${acc}`, { headers: AUTH });
      const body = (await res.json()) as { updated_at: string; applications: App[] };
      reads++;
      if (res.status !== 200) {
        failures.push(`read ${id}: ${res.status}`);
        continue;
      }
      // A torn read would show a moved application under a candidate whose activity has not moved with it.
      const written = body.applications.filter((x) => Date.parse(x.updated_at) > REFERENCE).map((x) => x.updated_at);
      if (written.some((u) => u > body.updated_at)) failures.push(`torn read of ${id}: ${body.updated_at} < ${written.join(',')}`);
      if (i % 5 === 0) {
        const page = await fetch(`${base}/unified/ats/applications?${acc}&limit=50&updated_at[gt]=2026-01-15T12:00:00.000Z`, { headers: AUTH });
        await page.arrayBuffer();
        if (page.status !== 200) failures.push(`list: ${page.status}`);
      }
    }
  };
  await Promise.all([...owned.map(writer), ...Array.from({ length: READERS }, (_, r) => reader(r))]);

  t.strictSame(failures, [], 'no failed request, no torn read');
  const sorted = [...numbers].sort((a, b) => a - b);
  t.ok(sorted.length > WRITERS, `${sorted.length} writes, ${reads} reads`);
  t.strictSame(sorted, Array.from({ length: sorted.length }, (_, i) => before + 1 + i), 'every write got its own number, none lost or repeated');
  let agreeing = 0;
  for (const [id, stage] of last) {
    const now = (await json(`/unified/ats/applications/${id}?${acc}`)) as App;
    if (now.current_stage?.id === stage) agreeing++;
  }
  t.equal(agreeing, last.size, 'every application is at the stage its last write moved it to');
});
