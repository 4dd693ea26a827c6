/**
 * Ashby's whole read surface: every resource Truto serves for it listed to the end in pages and in one, each record
 * fitting its unified and normalized schemas, its raw record Ashby's shape, its pages Ashby's envelope, every get the
 * listed record, every `{id}` resolving in the same account, the filters with Ashby's RPC calls in `debug`, the
 * "does not support" 404 of everything else, determinism.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import t from 'tap';
import { DEFAULT_FIXTURES } from '../src/config.js';
import { interviewPlanId, jobPostingId } from '../src/integrations/ashby/ids.js';
import { AshbyListPage } from '../src/integrations/ashby/raw.js';
import { INTEGRATIONS } from '../src/integrations/registry.js';
import { CATALOGUE, type ResourceName } from '../src/model/catalogue.js';
import { loadFixtures } from '../src/seed/fixtures.js';
import { assertSchema, expectError, expectOk, get, normalizedSchema, testApp, walkPages, expectUnsupportedPairs } from './helpers.js';

type Json = Record<string, unknown> & { id: string };
type App = Awaited<ReturnType<typeof testApp>>;
const ACCOUNT = 'a1d4c6e8-2b3f-4a5c-9d7e-8f0a1b2c3d4e';
const ACC = `integrated_account_id=${ACCOUNT}`;
const FIXTURE = loadFixtures(DEFAULT_FIXTURES).fixtures.accounts.find((a) => a.id === ACCOUNT)!;
const ADA = FIXTURE.pinned!.candidates![0]!.id;
const HOST = 'https://api.ashbyhq.com';
const HEADERS = { Authorization: 'Basic <redacted>', Accept: 'application/json; version=1', 'Content-Type': 'application/json' };
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const ashby = INTEGRATIONS.get('ashby')!;
const SERVED = (Object.keys(ashby.resources) as ResourceName[]).sort();
const path = (r: ResourceName) => `/unified/ats/${r}`;

/** The parent a list is read under (Truto's required filters), found in the account's own records. */
async function needs(app: App, r: ResourceName): Promise<string> {
  const required = ashby.resources[r]!.filters.required.list;
  if (required.includes('candidate_id')) return `&candidate_id=${ADA}`;
  // A draft job has no posting, so no form: the first open one.
  if (required.includes('job_id')) return `&job_id=${(await whole(app, 'jobs')).find((j) => (j.remote_data as Json).status === 'Open')!.id}`;
  return '';
}

async function whole(app: App, r: ResourceName, extra = ''): Promise<Json[]> {
  const res = await get(app, path(r), `${ACC}${extra}&truto_ignore_limit=true`);
  t.equal(res.statusCode, 200, `${r}${extra}: 200`);
  return (res.json() as { result: Json[] }).result;
}

t.test('ashby serves what Truto serves for it, with its methods', async (t) => {
  const methods = Object.fromEntries(SERVED.map((r) => [r, [...ashby.resources[r]!.methods]]));
  t.strictSame(methods, {
    activities: ['list'],
    applications: ['list', 'get'],
    attachments: ['list'],
    candidates: ['list', 'get'],
    departments: ['list'],
    interviews: ['list'],
    job_form_fields: ['list'],
    job_interview_stages: ['list'],
    jobs: ['list', 'get'],
    offers: ['list'],
    offices: ['list'],
    reject_reasons: ['list'],
    scorecards: ['list'],
    tags: ['list'],
    users: ['list'],
  });
});

t.test('every resource: pages walk to the whole list; schemas, raw, envelope, get, 404', async (t) => {
  const app = await testApp(t);
  for (const r of SERVED) {
    const spec = CATALOGUE[r];
    const emulation = ashby.resources[r]!;
    const need = await needs(app, r);
    const all = await whole(app, r, need);
    t.ok(all.length > 0, `${r}: some records`);
    const { records: walked, pages } = await walkPages<Json>(t, app, path(r), `${ACC}${need}`, spec.schema as TSchema, 3);
    t.strictSame(walked, all, `${r}: ${pages} pages of 3 are the whole list, once each, in order`);
    t.equal(new Set(all.map((x) => x.id)).size, all.length, `${r}: ids unique`);

    const normalized = (await get(app, path(r), `${ACC}${need}&limit=20&truto_response_format=normalized`)).json() as { result: unknown[] };
    for (const n of normalized.result) assertSchema(t, normalizedSchema(spec.schema as TSchema), n, `${r} normalized`);
    const raw = (await get(app, path(r), `${ACC}${need}&limit=20&truto_response_format=raw`)).json() as { result: unknown[] };
    t.equal(raw.result.length, Math.min(20, all.length), `${r}: a raw page`);
    for (const [i, record] of raw.result.entries()) {
      assertSchema(t, emulation.rawSchema, record, `${r} raw record (Ashby's shape)`);
      t.strictSame(record, all[i]!.remote_data, `${r}: raw record ${i} is the unified record's remote_data`);
    }
    if (r !== 'attachments') {
      const debug = (await get(app, path(r), `${ACC}${need}&limit=2&truto_response_format=debug`)).json() as { debug: { data: unknown; requestOptions: { method: string; headers: unknown } } };
      if (r === 'job_form_fields') {
        // One posting read whole (jobPosting.info): its form's fields, the page's share of them.
        const closed = { additionalProperties: false } as const;
        const posting = Type.Object({
          success: Type.Literal(true),
          results: Type.Object({
            id: Type.String(),
            jobId: Type.String(),
            applicationFormDefinition: Type.Object({ sections: Type.Array(Type.Object({ fields: Type.Array(emulation.rawSchema) }, closed)) }, closed),
          }, closed),
        }, closed);
        assertSchema(t, posting, debug.debug.data, `${r}: jobPosting.info's answer`);
      } else {
        assertSchema(t, AshbyListPage(emulation.rawSchema), debug.debug.data, `${r}: Ashby's list envelope`);
        t.equal((debug.debug.data as { moreDataAvailable: boolean }).moreDataAvailable, all.length > 2, `${r}: moreDataAvailable`);
      }
      t.strictSame([debug.debug.requestOptions.method, debug.debug.requestOptions.headers], ['POST', HEADERS], `${r}: an RPC POST`);
    }
    if (emulation.methods.includes('get')) {
      for (const record of all.slice(0, 4)) {
        const one = expectOk(t, await get(app, `${path(r)}/${record.id}`, ACC), spec.schema as TSchema, `${r} ${record.id}`);
        t.strictSame(one, record, `${r}: the get of ${record.id} is the listed record`);
      }
      const missing = (await get(app, `${path(r)}/${UNKNOWN}`, ACC)).json() as Json;
      const code = `${r.slice(0, -1)}_not_found`;
      t.equal(missing.statusCode, 404, `${r}: an unknown id is a 404`);
      t.equal(missing.truto_is_remote_error, true, `${r}: from Ashby`);
      t.match(missing.raw_response, { success: false, errors: [code], errorInfo: { code } }, `${r}: Ashby's ${code}`);
    }
  }
});

t.test('every {id} in every record resolves in the same account', async (t) => {
  const app = await testApp(t);
  const lists = new Map<ResourceName, Json[]>();
  for (const r of SERVED) if (ashby.resources[r]!.filters.required.list.length === 0) lists.set(r, await whole(app, r));
  const stages: Json[] = [];
  for (const job of lists.get('jobs')!) stages.push(...(await whole(app, 'job_interview_stages', `&job_id=${job.id}`)));
  lists.set('job_interview_stages', stages);
  const formFields: Json[] = [];
  for (const job of lists.get('jobs')!) {
    const form = await whole(app, 'job_form_fields', `&job_id=${job.id}`);
    const postings = (job.remote_data as Json).jobPostingIds as string[];
    t.equal(form.length > 0, postings.length > 0, `job ${job.id}: a form exactly when it has a posting`);
    t.strictSame(form.map((f) => f.index), form.map((_, i) => i), `job ${job.id}: fields indexed in form order`);
    if (postings.length > 0) t.strictSame(postings, [jobPostingId(job.id)], `job ${job.id}: its posting`);
    formFields.push(...form);
  }
  lists.set('job_form_fields', formFields);
  const files: Json[] = [];
  for (const c of lists.get('candidates')!.slice(0, 40)) files.push(...(await whole(app, 'attachments', `&candidate_id=${c.id}`)));
  lists.set('attachments', files);
  const notes: Json[] = [];
  for (const c of lists.get('candidates')!) notes.push(...(await whole(app, 'activities', `&candidate_id=${c.id}`)));
  lists.set('activities', notes);
  const ids = new Map([...lists].map(([r, all]) => [r as string, new Set(all.map((x) => x.id))]));
  const reasons = new Set(lists.get('reject_reasons')!.map((x) => x.name as string));
  const tagIds = ids.get('tags')!;

  let checked = 0;
  const expect = (resource: string, id: unknown, where: string) => {
    checked++;
    if (!ids.get(resource)?.has(String(id))) t.fail(`${where}: ${resource} ${String(id)} does not resolve`);
  };
  const REF: Record<string, string> = {
    candidate: 'candidates', application: 'applications', job: 'jobs', current_stage: 'job_interview_stages',
    job_interview_stage: 'job_interview_stages', credited_to: 'users', interviewer: 'users', creator: 'users',
  };
  const LISTS: Record<string, string> = {
    departments: 'departments', offices: 'offices', hiring_managers: 'users', interviewers: 'users', recruiters: 'users', applications: 'applications', tags: 'tags',
  };
  const walk = (resource: string, value: unknown, where: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(resource, v, `${where}[${i}]`));
    if (value === null || typeof value !== 'object') return;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === 'remote_data') continue;
      const at = `${where}.${k}`;
      if (REF[k] && v && typeof v === 'object' && 'id' in v) expect(REF[k]!, (v as Json).id, at);
      if (LISTS[k] && Array.isArray(v)) for (const item of v) expect(LISTS[k]!, (item as Json).id, at);
      if (k === 'parent' && v && typeof v === 'object') expect(resource, (v as Json).id, at);
      if (k === 'actor' && v && typeof v === 'object') expect((v as Json).type === 'user' ? 'users' : 'candidates', (v as Json).id, at);
      if (k === 'reject_reason' && !reasons.has(v as string)) t.fail(`${at}: reject reason ${String(v)} is no reject_reasons record`);
      if (!REF[k] && !LISTS[k] && k !== 'parent') walk(resource, v, at);
    }
  };
  for (const [r, records] of lists) for (const record of records) walk(r, record, `${r} ${record.id}`);
  t.ok(checked > 400, `${checked} references checked, every one resolved`);
  t.ok(tagIds.size > 0 && reasons.size > 0, 'tags and reasons listed');
  for (const r of ['interviews', 'scorecards', 'offers', 'activities'] as const) t.ok(lists.get(r)!.length > 0, `${r}: the world has some`);
  // A schedule's stage is a stage of its application's job.
  const appJob = new Map(lists.get('applications')!.map((a) => [a.id, (a.job as Json).id]));
  const stageOf = new Map(stages.map((s) => [s.id, (s.job as Json).id]));
  for (const i of lists.get('interviews')!) {
    t.equal(stageOf.get((i.job_interview_stage as Json).id), appJob.get((i.application as Json).id), `interview ${i.id}: a stage of its application's job`);
  }

  // What the unified records leave to remote_data resolves too: a stage's plan is its job's, an application's stage is its job's.
  const jobs = new Map(lists.get('jobs')!.map((j) => [j.id, j.remote_data as Json]));
  for (const s of stages) {
    const job = jobs.get((s.job as Json).id)!;
    t.equal((s.remote_data as Json).interviewPlanId, job.defaultInterviewPlanId, `stage ${s.id}: its job's plan`);
  }
  const stageJob = new Map(stages.map((s) => [s.id, (s.job as Json).id]));
  for (const a of lists.get('applications')!) {
    const stage = a.current_stage as Json;
    t.equal(stageJob.get(stage.id), (a.job as Json).id, `application ${a.id}: a stage of its own job`);
  }
  const ada = lists.get('applications')!.filter((a) => (a.candidate as Json).id === ADA);
  t.ok(ada.length > 0, 'Ada has applications');
  t.ok(lists.get('applications')!.some((a) => typeof a.reject_reason === 'string'), 'some application was rejected for a listed reason');
});

t.test('filters narrow as Ashby does, with its RPC calls in debug', async (t) => {
  const app = await testApp(t);
  const jobs = await whole(app, 'jobs');
  const applications = await whole(app, 'applications');
  const job = (applications[0]!.job as Json).id;
  const appOf = async (r: ResourceName) => ((await whole(app, r)).at(-1)!.application as Json).id as string;
  const [interviewed, scored, offered] = [await appOf('interviews'), await appOf('scorecards'), await appOf('offers')];
  const cases: [ResourceName, string, (x: Json) => boolean, string, Record<string, unknown>][] = [
    ['applications', `job_id=${job}`, (x) => (x.job as Json).id === job, 'application.list', { limit: 100, jobId: job }],
    [
      'applications', 'created_at[gt]=2025-01-01T00:00:00.000Z', (x) => (x.created_at as string) > '2025-01-01T00:00:00.000Z', 'application.list',
      { limit: 100, createdAfter: Date.parse('2025-01-01T00:00:00.000Z') },
    ],
    ['jobs', 'updated_at[gte]=2025-06-01T00:00:00.000Z', (x) => (x.updated_at as string) >= '2025-06-01T00:00:00.000Z', 'job.list', { limit: 100 }],
    ['job_interview_stages', `job_id=${job}`, (x) => (x.job as Json).id === job, 'interviewStage.list', { limit: 100, interviewPlanId: interviewPlanId(job) }],
    ['job_form_fields', `job_id=${job}`, (x) => (x.job as Json).id === job, 'jobPosting.info', { jobPostingId: jobPostingId(job) }],
    ['interviews', `application_id=${interviewed}`, (x) => (x.application as Json).id === interviewed, 'interviewSchedule.list', { limit: 100, applicationId: interviewed }],
    ['scorecards', `application_id=${scored}`, (x) => (x.application as Json).id === scored, 'applicationFeedback.list', { limit: 100, applicationId: scored }],
    ['offers', `application_id=${offered}`, (x) => (x.application as Json).id === offered, 'offer.list', { limit: 100, applicationId: offered }],
    ['activities', `candidate_id=${ADA}`, (x) => (x.candidate as Json).id === ADA, 'candidate.listNotes', { limit: 100, candidateId: ADA }],
  ];
  const wholes: Partial<Record<ResourceName, Json[]>> = { jobs, applications };
  for (const r of ['interviews', 'scorecards', 'offers'] as const) wholes[r] = await whole(app, r);
  for (const [r, filter, holds, method, body] of cases) {
    const some = await whole(app, r, `&${filter}`);
    t.ok(some.length > 0 && some.every(holds), `${r} ${filter}: ${some.length} records, each matching`);
    const all = wholes[r];
    if (all) {
      t.strictSame(some, all.filter(holds), `${r} ${filter}: exactly those of the whole list`);
      t.ok(some.length < all.length, `${r} ${filter}: narrower than the whole list`);
    }
    const debug = (await get(app, path(r), `${ACC}&${filter}&truto_response_format=debug`)).json() as { debug: { requestUrl: string; requestOptions: { body: unknown } } };
    t.equal(debug.debug.requestUrl, `${HOST}/${method}`, `${r} ${filter}: ${method}`);
    t.strictSame(debug.debug.requestOptions.body, body, `${r} ${filter}: the RPC body`);
  }
  const stages = await whole(app, 'job_interview_stages', `&job_id=${job}`);
  t.strictSame(stages.map((s) => s.position), stages.map((_, i) => i), 'stages in plan order');

  // Users: deactivated ones listed too (they are named by hiring teams and feedback), with Ashby's permission levels.
  const users = await whole(app, 'users');
  t.ok(users.some((u) => u.disabled === true) && users.some((u) => u.disabled === false), 'deactivated and active users');
  t.strictSame([...new Set(users.map((u) => u.access_role))].sort(), ['Elevated Access', 'Limited Access', 'Organization Admin'], 'Ashby\'s permission levels');
  const userDebug = (await get(app, path('users'), `${ACC}&truto_response_format=debug`)).json() as { debug: { requestOptions: { body: unknown } } };
  t.strictSame(userDebug.debug.requestOptions.body, { limit: 100, includeDeactivated: true }, 'user.list asks for the deactivated too');
  for (const [r, id, method, idKey] of [['applications', applications[0]!.id, 'application.info', 'applicationId'], ['jobs', jobs[0]!.id, 'job.info', 'id']] as const) {
    const debug = (await get(app, `${path(r)}/${id}`, `${ACC}&truto_response_format=debug`)).json() as { debug: { requestUrl: string; requestOptions: { body: unknown }; data: unknown } };
    t.equal(debug.debug.requestUrl, `${HOST}/${method}`);
    t.strictSame(debug.debug.requestOptions.body, { [idKey]: id }, `${method} {${idKey}}`);
    t.match(debug.debug.data, { success: true, results: { id } }, `${method}: Ashby's single-record wrapper`);
  }
  expectError(t, await get(app, path('job_interview_stages'), ACC), {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Missing required query parameter: job_id',
    truto_error_insight: {
      missing_required_query_parameters: { description: 'The ashby integration requires these query parameters for this request.', value: ['job_id'] },
    },
  }, 'stages without job_id');
  const unknownJob = (await get(app, path('job_interview_stages'), `${ACC}&job_id=${UNKNOWN}`)).json() as Json;
  t.equal(unknownJob.statusCode, 404, 'stages of an unknown job: 404');
  t.match(unknownJob.raw_response, { success: false, errorInfo: { code: 'job_not_found' } }, "Ashby's job_not_found");
});

t.test('interviews: start_at and end_at narrow exactly, on the schedule\'s first event; the RPC body carries neither', async (t) => {
  const app = await testApp(t);
  const ms = (v: unknown) => (typeof v === 'string' ? Date.parse(v) : Number.NaN);
  const holds: Record<string, (a: number, b: number) => boolean> = { gt: (a, b) => a > b, gte: (a, b) => a >= b, lt: (a, b) => a < b, lte: (a, b) => a <= b };
  const all = await whole(app, 'interviews');
  for (const field of ['start_at', 'end_at']) {
    const values = [...new Set(all.map((x) => x[field]).filter((v): v is string => typeof v === 'string'))].sort((a, b) => ms(a) - ms(b));
    t.ok(values.length >= 5, `${values.length} distinct ${field} values`);
    // A value some interview has, so that gt and gte (lt and lte) differ by exactly the interviews at it.
    const cut = new Date(ms(values[Math.floor(values.length / 2)])).toISOString();
    t.ok(all.filter((x) => ms(x[field]) >= ms(cut)).length > all.filter((x) => ms(x[field]) > ms(cut)).length, `${field}: interviews at the cut itself`);
    for (const op of ['gt', 'gte', 'lt', 'lte'] as const) {
      const filter = `${field}[${op}]=${cut}`;
      const some = await whole(app, 'interviews', `&${filter}`);
      t.ok(some.length > 0 && some.length < all.length, `${filter}: ${some.length} of ${all.length}`);
      t.strictSame(some, all.filter((x) => holds[op]!(ms(x[field]), ms(cut))), `${filter}: exactly those of the whole list`);
      const res = await get(app, path('interviews'), `${ACC}&${filter}&truto_response_format=debug`);
      t.equal(res.headers['x-truto-mock-warning'], undefined, `${filter}: honoured, no warning`);
      t.strictSame((res.json() as { debug: { requestOptions: { body: unknown } } }).debug.requestOptions.body, { limit: 100 }, `${filter}: interviewSchedule.list takes no such key`);
    }
    const { records: walked } = await walkPages<Json>(t, app, path('interviews'), `${ACC}&${field}[lt]=${cut}`, CATALOGUE.interviews.schema as TSchema, 4);
    t.strictSame(walked, all.filter((x) => ms(x[field]) < ms(cut)), `${field}[lt]: pages of 4 walk the same interviews`);
  }
  const application = (all.at(-1)!.application as Json).id;
  const theirs = all.filter((x) => (x.application as Json).id === application);
  const first = theirs[0]!.start_at as string;
  t.strictSame(await whole(app, 'interviews', `&application_id=${application}&start_at[gt]=${first}`), theirs.filter((x) => ms(x.start_at) > ms(first)),
    'with application_id: that application\'s interviews, narrowed');
});

t.test('every other resource and method of the catalogue is the "does not support" 404', async (t) => {
  const app = await testApp(t);
  const pairs = await expectUnsupportedPairs(t, app, ACC, ashby);
  // eeocs and organizations (list, get); the get of departments, offices, stages, users and interviews.
  t.equal(pairs, 12, 'the unsupported pairs: 9 reads, 3 writes (candidates and attachments create, reject; download, activities create and move-stage are served)');
});

t.test('the same seed gives the same bytes for every resource', async (t) => {
  const a = await testApp(t);
  const b = await testApp(t);
  for (const r of SERVED) {
    const q = `${ACC}${await needs(a, r)}&truto_ignore_limit=true`;
    t.equal((await get(a, path(r), q)).body, (await get(b, path(r), q)).body, `${r}: identical`);
  }
});

