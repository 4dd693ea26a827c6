/**
 * Fountain's whole read surface: every resource Truto lists for it, walked to the end in pages and in one, each
 * record fitting its unified and normalized schemas, its raw record Fountain's schema, every get the listed
 * record, every `{id}` resolving in the same account, the filters, Fountain's endpoints in `debug`, the 404 of
 * every pair it does not serve, determinism.
 */
import type { TSchema } from '@sinclair/typebox';
import t from 'tap';
import { fountain } from '../src/integrations/fountain/index.js';
import { FountainBookedSlotList } from '../src/integrations/fountain/shapes/booked-slots.js';
import { FountainNoteList } from '../src/integrations/fountain/shapes/notes.js';
import { FountainFunnelList } from '../src/integrations/fountain/shapes/funnels.js';
import { FountainStageList } from '../src/integrations/fountain/shapes/stages.js';
import { FountainUserList } from '../src/integrations/fountain/shapes/users.js';
import { CATALOGUE, type ResourceName } from '../src/model/catalogue.js';
import { assertSchema, expectError, expectOk, get, normalizedSchema, testApp, walkPages, expectUnsupportedPairs } from './helpers.js';

type Json = Record<string, unknown> & { id: string };
type App = Awaited<ReturnType<typeof testApp>>;
const FOUNTAIN = '16fd2706-8baf-433b-82eb-8c7fada847da';
const ACC = `integrated_account_id=${FOUNTAIN}`;
const API = 'https://api.fountain.com/v2';
const ADA = 'a991ca27-0000-4000-8000-000000000001';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
/** Alan Turing, hired: the sessions of his opening. */
const INTERVIEWED = 'a991ca27-0000-4000-8000-000000000003';
const SERVED = (Object.keys(fountain.resources) as ResourceName[]).sort();
const path = (r: ResourceName) => `/unified/ats/${r}`;

/** The opening Ada sits in: the filter the per-opening lists are tried with. */
async function adaFunnel(app: App): Promise<string> {
  const ada = (await get(app, `${path('candidates')}/${ADA}`, ACC)).json() as { applications: { job: { id: string } }[] };
  return ada.applications[0]!.job.id;
}

/** What a list needs on Fountain: an applicant for notes (as the actor), files and sessions, an opening for stages. */
async function needs(app: App): Promise<Partial<Record<ResourceName, string>>> {
  return { activities: `&actor[id]=${ADA}`, attachments: `&candidate_id=${ADA}`, interviews: `&candidate_id=${INTERVIEWED}`, job_interview_stages: `&job_id=${await adaFunnel(app)}` };
}

async function whole(app: App, r: ResourceName, extra: string): Promise<Json[]> {
  const res = await get(app, path(r), `${ACC}${extra}&truto_ignore_limit=true`);
  t.equal(res.statusCode, 200, `${r}${extra}: 200`);
  return (res.json() as { result: Json[] }).result;
}

const REMOTE_404 = {
  statusCode: 404,
  error: 'Not Found',
  message: 'Requested resource not found',
  truto_is_remote_error: true,
  raw_response: { message: 'Requested resource not found' },
  truto_error_insight: { remote_error: { description: "The error came from the integration's own API; raw_response holds its answer." } },
};

t.test('fountain serves what Truto lists for it, with its methods', async (t) => {
  const methods = Object.fromEntries(SERVED.map((r) => [r, [...fountain.resources[r]!.methods]]));
  t.strictSame(methods, {
    activities: ['list'],
    attachments: ['list'],
    candidates: ['list', 'get'],
    interviews: ['list'],
    job_interview_stages: ['list', 'get'],
    jobs: ['list', 'get'],
    users: ['list'],
  });
});

t.test('every resource: pages walk to the same set as one whole list; schemas, raw, get', async (t) => {
  const app = await testApp(t);
  const need = await needs(app);
  for (const r of SERVED) {
    const spec = CATALOGUE[r];
    const emulation = fountain.resources[r]!;
    const all = await whole(app, r, need[r] ?? '');
    t.ok(all.length > 1, `${r}: ${all.length} records`);
    const { records: walked, pages } = await walkPages<Json>(t, app, path(r), `${ACC}${need[r] ?? ''}`, spec.schema as TSchema, 3);
    t.strictSame(walked, all, `${r}: ${pages} pages of 3 are the whole list, once each, in order`);
    t.equal(new Set(all.map((x) => x.id)).size, all.length, `${r}: ids unique`);

    const normalized = (await get(app, path(r), `${ACC}${need[r] ?? ''}&limit=20&truto_response_format=normalized`)).json() as { result: unknown[] };
    t.ok(normalized.result.length > 0, `${r}: normalized records`);
    for (const n of normalized.result) assertSchema(t, normalizedSchema(spec.schema as TSchema), n, `${r} normalized`);
    const raw = (await get(app, path(r), `${ACC}${need[r] ?? ''}&limit=20&truto_response_format=raw`)).json() as { result: unknown[] };
    for (const [i, record] of raw.result.entries()) {
      assertSchema(t, emulation.rawSchema, record, `${r} raw record (Fountain's schema)`);
      t.strictSame(record, all[i]!.remote_data, `${r}: raw record ${i} is the unified record's remote_data`);
    }
    if (emulation.methods.includes('get')) {
      for (const record of all.slice(0, 5)) {
        const one = expectOk(t, await get(app, `${path(r)}/${encodeURIComponent(record.id)}`, ACC), spec.schema as TSchema, `${r} ${record.id}`);
        // A stage fetched alone (`/v2/stages/{id}`) does not say its opening or place: the list call did.
        const expected = r === 'job_interview_stages' ? (({ job: _j, position: _p, ...rest }) => rest)(record) : record;
        t.strictSame(one, expected, `${r}: the get of ${record.id} is the listed record`);
      }
      expectError(t, await get(app, `${path(r)}/${UNKNOWN}`, ACC), REMOTE_404, `${r}: an unknown id is Fountain's 404`);
    }
  }
});

t.test('raw pages are Fountain\'s own envelopes, with its endpoints', async (t) => {
  const app = await testApp(t);
  const funnel = await adaFunnel(app);
  const jobs = await whole(app, 'jobs', '');
  const last = Math.ceil(jobs.length / 3);
  t.ok(last >= 2, `${jobs.length} openings make ${last} pages of 3`);
  let cursor: string | null = null;
  for (let page = 1; page <= last; page++) {
    const res = (await get(app, path('jobs'), `${ACC}&limit=3&truto_response_format=debug${cursor ? `&next_cursor=${encodeURIComponent(cursor)}` : ''}`)).json() as {
      next_cursor: string | null;
      debug: { requestUrl: string; data: { pagination: unknown } };
    };
    assertSchema(t, FountainFunnelList, res.debug.data, `funnels page ${page}`);
    t.equal(res.debug.requestUrl, `${API}/funnels?page=${page}`, `page ${page}: GET /v2/funnels?page=${page}`);
    t.strictSame(res.debug.data.pagination, {
      first: 1,
      previous: page > 1 ? page - 1 : '',
      current: page,
      next: page < last ? page + 1 : '',
      last,
    }, `page ${page}: Fountain's pagination`);
    cursor = res.next_cursor;
  }
  t.equal(cursor, null, 'the last page has no cursor');

  const stages = (await get(app, path('job_interview_stages'), `${ACC}&job_id=${funnel}&truto_response_format=debug`)).json() as { debug: { requestUrl: string; data: unknown } };
  assertSchema(t, FountainStageList, stages.debug.data, 'stages page');
  t.equal(stages.debug.requestUrl, `${API}/funnels/${funnel}/stages`);
  const users = (await get(app, path('users'), `${ACC}&truto_response_format=debug`)).json() as { debug: { requestUrl: string; data: unknown } };
  assertSchema(t, FountainUserList, users.debug.data, 'users page');
  t.equal(users.debug.requestUrl, `${API}/users`);
  const one = (await get(app, `${path('jobs')}/${funnel}`, `${ACC}&truto_response_format=debug`)).json() as { debug: { requestUrl: string } };
  t.equal(one.debug.requestUrl, `${API}/funnels/${funnel}`);
  const stageId = (await whole(app, 'job_interview_stages', `&job_id=${funnel}`))[0]!.id;
  const stage = (await get(app, `${path('job_interview_stages')}/${stageId}`, `${ACC}&truto_response_format=debug`)).json() as { debug: { requestUrl: string; data: unknown } };
  t.equal(stage.debug.requestUrl, `${API}/stages/${stageId}`);
});

t.test('every {id} in every record resolves in the same account', async (t) => {
  const app = await testApp(t);
  const jobs = await whole(app, 'jobs', '');
  const users = await whole(app, 'users', '');
  const candidates = await whole(app, 'candidates', '');
  const jobIds = new Set(jobs.map((j) => j.id));
  const userIds = new Set(users.map((u) => u.id));
  const candidateIds = new Set(candidates.map((c) => c.id));
  const stageIds = new Set<string>();
  const stageNames = new Map<string, string>();
  const jobNames = new Map(jobs.map((j) => [j.id, j.name as string]));
  let checked = 0;
  const expect = (set: Set<string>, id: unknown, where: string) => {
    checked++;
    if (!set.has(String(id))) t.fail(`${where}: ${String(id)} does not resolve`);
  };
  for (const job of jobs) {
    const stages = await whole(app, 'job_interview_stages', `&job_id=${job.id}`);
    t.ok(stages.length >= 3, `opening ${job.id}: its workflow`);
    t.strictSame(stages.map((s) => s.position), stages.map((_, i) => i), `opening ${job.id}: positions in order`);
    // The funnel's own `stages` are exactly those the stage list gives.
    t.strictSame(((job.remote_data as { stages: { id: string }[] }).stages).map((s) => s.id), stages.map((s) => s.id), `opening ${job.id}: embedded stages`);
    for (const s of stages) {
      expect(jobIds, (s.job as Json).id, `stage ${s.id}.job`);
      t.equal((s.job as Json).id, job.id, `stage ${s.id} belongs to ${job.id}`);
      stageIds.add(s.id);
      stageNames.set(s.id, s.name as string);
    }
    const owner = (job.remote_data as { location: { owner: { id: string } } }).location.owner;
    expect(userIds, owner.id, `funnel ${job.id}.location.owner`);
  }
  for (const c of candidates) {
    for (const a of c.applications as Json[]) {
      expect(candidateIds, (a.candidate as Json).id, `candidate ${c.id}.application.candidate`);
      expect(jobIds, (a.job as Json).id, `candidate ${c.id}.application.job`);
      expect(stageIds, (a.current_stage as Json).id, `candidate ${c.id}.application.current_stage`);
      expect(jobIds, ((a.current_stage as Json).job as Json).id, `candidate ${c.id}.application.current_stage.job`);
      // The same opening and stage, in the same words, wherever they appear.
      t.equal(stageNames.get((a.current_stage as Json).id), (a.current_stage as Json).name, `candidate ${c.id}: stage name`);
      t.equal(jobNames.get((a.job as Json).id), (c.remote_data as { funnel: { title: string } }).funnel.title, `candidate ${c.id}: opening title`);
    }
  }
  let sessions = 0;
  let notes = 0;
  for (const c of candidates.slice(0, 40)) {
    for (const f of await whole(app, 'attachments', `&candidate_id=${c.id}`)) expect(candidateIds, (f.candidate as Json).id, `attachment ${f.id}.candidate`);
    for (const i of await whole(app, 'interviews', `&candidate_id=${c.id}`)) {
      sessions++;
      t.equal((i.candidate as Json).id, c.id, `session ${i.id} is ${c.id}'s`);
      expect(candidateIds, (i.application as Json).id, `session ${i.id}.application`);
    }
    for (const n of await whole(app, 'activities', `&actor[id]=${c.id}`)) {
      notes++;
      t.equal((n.candidate as Json).id, c.id, `note ${n.id} is on ${c.id}`);
      t.equal((n.actor as Json).type, 'user', `note ${n.id}: a user wrote it`);
      expect(userIds, (n.actor as Json).id, `note ${n.id}.actor`);
    }
  }
  t.ok(notes > 10, `${notes} notes`);
  t.ok(sessions > 10, `${sessions} interview sessions`);
  t.ok(checked > 200, `${checked} references checked, every one resolved`);
});

t.test('filters: job_id narrows the stages, candidate_id the sessions; both required; an unknown parent is Fountain\'s 404', async (t) => {
  const app = await testApp(t);
  const funnel = await adaFunnel(app);
  const mine = await whole(app, 'job_interview_stages', `&job_id=${funnel}`);
  t.ok(mine.length >= 3 && mine.every((s) => (s.job as Json).id === funnel), `${mine.length} stages, all of ${funnel}`);
  const titles = mine.map((s) => s.name);
  t.equal(titles.at(-2), 'Hired', 'the workflow ends in Hired');
  t.equal(titles.at(-1), 'Rejected', 'and Rejected');
  expectError(t, await get(app, path('job_interview_stages'), ACC), {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Missing required query parameter: job_id',
    truto_error_insight: {
      missing_required_query_parameters: { description: 'The fountain integration requires these query parameters for this request.', value: ['job_id'] },
    },
  }, 'stages without job_id');
  expectError(t, await get(app, path('job_interview_stages'), `${ACC}&job_id=${UNKNOWN}`), REMOTE_404, 'stages of an unknown opening');
  const sessions = await whole(app, 'interviews', `&candidate_id=${INTERVIEWED}`);
  t.ok(sessions.length > 0 && sessions.every((i) => (i.candidate as Json).id === INTERVIEWED), `${sessions.length} sessions, all Alan's`);
  const end = sessions[Math.floor(sessions.length / 2)]!.end_at as string;
  const ended = await whole(app, 'interviews', `&candidate_id=${INTERVIEWED}&end_at[lte]=${end}`);
  t.ok(ended.length > 0 && ended.length < sessions.length, `end_at narrows Alan's ${sessions.length} sessions to ${ended.length}`);
  t.strictSame(ended, sessions.filter((i) => (i.end_at as string) <= end), 'exactly those ended by then');
  const debug = (await get(app, path('interviews'), `${ACC}&candidate_id=${INTERVIEWED}&truto_response_format=debug`)).json() as { debug: { requestUrl: string; data: unknown } };
  t.equal(debug.debug.requestUrl, `${API}/applicants/${INTERVIEWED}/booked_slots`, 'GET /v2/applicants/{id}/booked_slots');
  assertSchema(t, FountainBookedSlotList, debug.debug.data, 'booked slots page');
  expectError(t, await get(app, path('interviews'), `${ACC}&candidate_id=${UNKNOWN}`), REMOTE_404, 'sessions of an unknown applicant');
  expectError(t, await get(app, path('interviews'), ACC), {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Missing required query parameter: candidate_id',
    truto_error_insight: {
      missing_required_query_parameters: { description: 'The fountain integration requires these query parameters for this request.', value: ['candidate_id'] },
    },
  }, 'interviews without candidate_id');
  const notes = await whole(app, 'activities', `&actor[id]=${ADA}`);
  const cut = notes[Math.floor(notes.length / 2)]!.created_at as string;
  const later = await whole(app, 'activities', `&actor[id]=${ADA}&created_at[gte]=${cut}`);
  t.ok(later.length > 0 && later.length < notes.length, `created_at narrows Ada's ${notes.length} notes to ${later.length}`);
  t.strictSame(later, notes.filter((n) => (n.created_at as string) >= cut), 'exactly those created since');
  const notesDebug = (await get(app, path('activities'), `${ACC}&actor[id]=${ADA}&truto_response_format=debug`)).json() as { debug: { requestUrl: string; data: unknown } };
  t.equal(notesDebug.debug.requestUrl, `${API}/applicants/${ADA}/notes`, 'GET /v2/applicants/{id}/notes');
  assertSchema(t, FountainNoteList, notesDebug.debug.data, 'notes page');
  expectError(t, await get(app, path('activities'), `${ACC}&actor[id]=${UNKNOWN}`), REMOTE_404, 'notes of an unknown applicant');
  // Filters Fountain's lists do not take change nothing.
  t.strictSame(await whole(app, 'jobs', '&created_at[gte]=2099-01-01T00:00:00Z'), await whole(app, 'jobs', ''), 'jobs ignore created_at');
  t.strictSame(await whole(app, 'users', '&name=nobody'), await whole(app, 'users', ''), 'users ignore name');
});

t.test('activities: actor is required and names the applicant; candidate_id is not Fountain\'s and is ignored', async (t) => {
  const app = await testApp(t);
  const missingActor = {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Missing required query parameter: actor',
    truto_error_insight: {
      missing_required_query_parameters: { description: 'The fountain integration requires these query parameters for this request.', value: ['actor'] },
    },
  };
  expectError(t, await get(app, path('activities'), ACC), missingActor, 'activities without actor');
  expectError(t, await get(app, path('activities'), `${ACC}&candidate_id=${ADA}`), missingActor, 'candidate_id does not stand in for actor');
  const ada = await get(app, path('activities'), `${ACC}&actor[id]=${ADA}&truto_ignore_limit=true`);
  t.equal(ada.statusCode, 200);
  const notes = (ada.json() as { result: Json[] }).result;
  t.ok(notes.length > 1 && notes.every((n) => (n.candidate as Json).id === ADA), `${notes.length} notes, all on Ada`);
  t.equal(ada.headers['x-truto-mock-warning'], undefined, 'no warning for what Fountain takes');
  // Grace's id beside Ada's as the actor: the answer is Ada's notes, and the warning says candidate_id was dropped.
  const both = await get(app, path('activities'), `${ACC}&actor[id]=${ADA}&candidate_id=a991ca27-0000-4000-8000-000000000002&truto_ignore_limit=true`);
  t.equal(both.body, ada.body, 'candidate_id changes nothing');
  t.equal(both.headers['x-truto-mock-warning'], 'candidate_id is not supported by fountain on activities: ignored', 'and the answer says so');
  // The TypeScript SDK's bracket encoding, and actor[type] from Truto's enum.
  const typed = await get(app, path('activities'), `${ACC}&${encodeURIComponent('actor[id]')}=${ADA}&actor[type]=candidate&truto_ignore_limit=true`);
  t.equal(typed.body, ada.body, 'actor[type]=candidate, percent-encoded brackets: the same notes');
  const bad = await get(app, path('activities'), `${ACC}&actor[type]=user`);
  t.equal(bad.statusCode, 400, 'actor without its id is refused, as Truto marks actor[id] required');
  t.match(bad.json(), { message: /actor/ }, 'naming actor');
  t.equal((await get(app, path('activities'), `${ACC}&actor[id]=${ADA}&actor[type]=robot`)).statusCode, 400, 'a type outside candidate|user is refused');
  t.equal((await get(app, path('activities'), `${ACC}&actor=${ADA}`)).statusCode, 400, 'a bare actor=<id> is not the documented object');
});

t.test('every pair of the catalogue Fountain does not serve answers the 404 with supported_methods', async (t) => {
  const app = await testApp(t);
  const pairs = await expectUnsupportedPairs(t, app, ACC, fountain);
  // 29 catalogue pairs, less those served.
  t.equal(pairs, 22, `${pairs} unsupported pairs (17 reads, 5 writes: its files download)`);
});

t.test('the same seed gives the same bytes for every resource', async (t) => {
  const a = await testApp(t);
  const b = await testApp(t);
  const need = await needs(a);
  for (const r of SERVED) {
    const q = `${ACC}${need[r] ?? ''}&truto_ignore_limit=true`;
    t.equal((await get(a, path(r), q)).body, (await get(b, path(r), q)).body, `${r}: identical`);
  }
});
