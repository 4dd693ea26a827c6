/**
 * Lever's whole read surface: every resource it serves listed to the end in pages and in one, each record fitting
 * its unified and normalized schemas, its raw record Lever's schema, every get the listed record, every `{id}` of every
 * record resolving in the same account, the filters, Lever's endpoints in `debug`, the unsupported pairs, determinism.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import t from 'tap';
import { lever } from '../src/integrations/lever/index.js';
import { ids } from '../src/integrations/lever/ids.js';
import { LeverPage, LeverSingle } from '../src/integrations/lever/raw.js';
import { LeverApply } from '../src/integrations/lever/shapes/job-form-fields.js';
import { CATALOGUE, type ResourceName } from '../src/model/catalogue.js';
import { STAGES } from '../src/seed/vocabulary.js';
import { buildWorld } from '../src/seed/world.js';
import { assertSchema, expectError, expectOk, get, normalizedSchema, testApp, walkPages, expectUnsupportedPairs } from './helpers.js';

type Json = Record<string, unknown> & { id: string };
type App = Awaited<ReturnType<typeof testApp>>;
const ACCOUNT = '3f8e2a71-5c4b-4d9e-a6f0-1b2c3d4e5f60';
const ACC = `integrated_account_id=${ACCOUNT}`;
const ADA = '428af546-b79e-40b4-ae94-d64e5411b28c';
// The resources it reads: activities and applications are there for their writes only.
const SERVED = (Object.keys(lever.resources) as ResourceName[]).filter((r) => lever.resources[r]!.methods.length > 0).sort();
const path = (r: ResourceName) => `/unified/ats/${r}`;
const REMOTE = { remote_error: { description: "The error came from the integration's own API; raw_response holds its answer." } };

/** Every leaf path of a unified record (array items folded), `remote_data` left out. */
function leafPaths(value: unknown, prefix: string, out: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) leafPaths(item, prefix, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== 'remote_data') leafPaths(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) out.add(prefix);
  return out;
}

let firstJob: string | undefined;
/** The filters a list needs on Lever: a candidate for attachments, a posting for its form. */
async function needs(app: App, r: ResourceName): Promise<string> {
  if (r === 'attachments') return `&candidate_id=${ADA}`;
  if (r === 'job_form_fields') {
    firstJob ??= ((await get(app, path('jobs'), `${ACC}&limit=1`)).json() as { result: Json[] }).result[0]!.id;
    return `&job_id=${firstJob}`;
  }
  return '';
}

async function whole(app: App, r: ResourceName, extra = ''): Promise<Json[]> {
  const need = extra.includes('_id=') ? '' : await needs(app, r);
  const res = await get(app, path(r), `${ACC}${need}${extra}&truto_ignore_limit=true`);
  if (res.statusCode !== 200) throw new Error(`${r}${extra}: ${res.statusCode} ${res.body}`);
  return (res.json() as { result: Json[] }).result;
}

t.test('lever serves what Truto lists for it: nine resources less activities and applications (writes only)', async (t) => {
  t.strictSame(SERVED, ['attachments', 'candidates', 'job_form_fields', 'job_interview_stages', 'jobs', 'tags', 'users']);
  const methods = Object.fromEntries(SERVED.map((r) => [r, lever.resources[r]!.methods]));
  t.strictSame(methods, {
    attachments: ['list'], candidates: ['list', 'get'], job_form_fields: ['list'], job_interview_stages: ['list'], jobs: ['list', 'get'],
    tags: ['list'], users: ['list', 'get'],
  });
  const writes = Object.fromEntries(Object.entries(lever.resources).flatMap(([r, e]) => (e!.commands ? [[r, Object.keys(e!.commands)]] : [])));
  t.strictSame(writes, { activities: ['create'], applications: ['move-stage'], attachments: ['create'], candidates: ['create'] }, 'its writes');
  t.strictSame([lever.resources.activities!.methods, lever.resources.applications!.methods], [[], []], 'activities and applications read nothing');
});

t.test('every resource: pages walk to the whole list; schemas, raw, fields, get, 404', async (t) => {
  const app = await testApp(t);
  for (const r of SERVED) {
    const spec = CATALOGUE[r];
    const emulation = lever.resources[r]!;
    const need = await needs(app, r);
    const all = await whole(app, r);
    t.ok(all.length > 0, `${r}: ${all.length} records`);
    const { records: walked, pages } = await walkPages<Json>(t, app, path(r), `${ACC}${need}`, spec.schema as TSchema, 7);
    t.strictSame(walked, all, `${r}: ${pages} pages of 7 are the whole list, once each, in order`);

    const filled = leafPaths(all, '', new Set());
    if (r !== 'candidates' && r !== 'attachments') {
      t.strictSame([...filled].sort(), [...emulation.fields].sort(), `${r}: the mapping fills exactly the fields it declares`);
    }
    const normalized = (await get(app, path(r), `${ACC}${need}&limit=20&truto_response_format=normalized`)).json() as { result: unknown[] };
    for (const n of normalized.result) assertSchema(t, normalizedSchema(spec.schema as TSchema), n, `${r} normalized`);
    const raw = (await get(app, path(r), `${ACC}${need}&limit=20&truto_response_format=raw`)).json() as { result: unknown[] };
    t.equal(raw.result.length, Math.min(20, all.length), `${r}: a raw page`);
    for (const [i, record] of raw.result.entries()) {
      assertSchema(t, emulation.rawSchema, record, `${r} raw record (Lever's schema)`);
      t.strictSame(record, all[i]!.remote_data, `${r}: raw record ${i} is the unified record's remote_data`);
    }
    if (r !== 'job_form_fields') {
      const debug = (await get(app, path(r), `${ACC}${need}&limit=3&truto_response_format=debug`)).json() as { debug: { data: unknown } };
      assertSchema(t, LeverPage(emulation.rawSchema), debug.debug.data, `${r}: the page in Lever's {data, hasNext, next} envelope`);
    }
    if (emulation.methods.includes('get')) {
      for (const record of all.slice(0, 5)) {
        const one = expectOk(t, await get(app, `${path(r)}/${encodeURIComponent(record.id)}`, ACC), spec.schema as TSchema, `${r} ${record.id}`);
        t.strictSame(one, record, `${r}: the get of ${record.id} is the listed record`);
        const rawOne = (await get(app, `${path(r)}/${encodeURIComponent(record.id)}`, `${ACC}&truto_response_format=raw`)).json();
        assertSchema(t, LeverSingle(emulation.rawSchema), rawOne, `${r}: a get answers {data}`);
      }
      const what = { candidates: 'opportunity', jobs: 'posting', users: 'user' }[r as string]!;
      const body = { code: 'NotFoundError', message: `That ${what} doesn't exist on your account` };
      expectError(t, await get(app, `${path(r)}/00000000-0000-4000-8000-000000000000`, ACC), {
        statusCode: 404, error: 'Not Found', message: body.message, truto_is_remote_error: true, raw_response: body, truto_error_insight: REMOTE,
      }, `${r}: an unknown id is Lever's 404`);
    }
  }
});

t.test('every {id} in every record resolves in the same account', async (t) => {
  const app = await testApp(t);
  const lists = new Map<ResourceName, Json[]>();
  for (const r of ['candidates', 'jobs', 'job_interview_stages', 'tags', 'users'] as const) lists.set(r, await whole(app, r));
  const candidates = lists.get('candidates')!;
  const attachments: Json[] = [];
  for (const c of candidates) attachments.push(...(await whole(app, 'attachments', `&candidate_id=${c.id}`)));
  const forms: Json[] = [];
  for (const j of lists.get('jobs')!) forms.push(...(await whole(app, 'job_form_fields', `&job_id=${j.id}`)));
  lists.set('attachments', attachments);
  lists.set('job_form_fields', forms);
  const ids = new Map([...lists].map(([r, records]) => [r as string, new Set(records.map((x) => x.id))]));
  const tagNames = new Set(lists.get('tags')!.map((x) => x.name as string));

  let checked = 0;
  const expect = (resource: string, id: unknown, where: string) => {
    checked++;
    if (!ids.get(resource)?.has(String(id))) t.fail(`${where}: ${resource} ${String(id)} does not resolve`);
  };
  const REF: Record<string, string> = { candidate: 'candidates', job: 'jobs' };
  const LISTS: Record<string, string> = { hiring_managers: 'users', recruiters: 'users' };
  const walk = (value: unknown, where: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${where}[${i}]`));
    if (value === null || typeof value !== 'object') return;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === 'remote_data') continue;
      const at = `${where}.${k}`;
      if (REF[k] && v && typeof v === 'object') expect(REF[k]!, (v as Json).id, at);
      else if (LISTS[k] && Array.isArray(v)) for (const item of v) expect(LISTS[k]!, (item as Json).id, at);
      else if (k === 'tags' && Array.isArray(v)) {
        for (const tag of v) {
          checked++;
          if (!tagNames.has((tag as { name: string }).name)) t.fail(`${at}: tag ${JSON.stringify(tag)} is no tags record`);
        }
      } else walk(v, at);
    }
  };
  for (const [r, records] of lists) for (const record of records) walk(record, `${r} ${record.id}`);
  t.ok(checked > 300, `${checked} references checked, every one resolved`);

  // The raw records' own ids: opportunities' stages, owners and postings; postings' people.
  const stageIds = ids.get('job_interview_stages')!;
  const userIds = ids.get('users')!;
  const jobIds = ids.get('jobs')!;
  const bad: string[] = [];
  for (const c of candidates) {
    const raw = c.remote_data as { stage: string; owner: string | null; followers: string[]; applications: { posting: string | null }[] };
    if (!stageIds.has(raw.stage)) bad.push(`${c.id} stage ${raw.stage}`);
    for (const u of [raw.owner, ...raw.followers]) if (u !== null && !userIds.has(u)) bad.push(`${c.id} user ${u}`);
    for (const a of raw.applications) if (a.posting !== null && !jobIds.has(a.posting)) bad.push(`${c.id} posting ${a.posting}`);
  }
  for (const j of lists.get('jobs')!) {
    const raw = j.remote_data as { user: string; owner: string | null; hiringManager: string | null; followers: string[] };
    for (const u of [raw.user, raw.owner, raw.hiringManager, ...raw.followers]) if (u !== null && !userIds.has(u)) bad.push(`${j.id} user ${u}`);
  }
  t.strictSame(bad, [], 'every stage, user and posting an opportunity or posting names is listed');

  // Tags count the opportunities carrying them.
  const counts = new Map<string, number>();
  for (const c of candidates) for (const tag of c.tags as { name: string }[]) counts.set(tag.name, (counts.get(tag.name) ?? 0) + 1);
  t.strictSame(
    lists.get('tags')!.map((x) => [x.name, (x.remote_data as { count: number }).count]),
    [...counts].sort(([a], [b]) => (a < b ? -1 : 1)),
    'each tag once, by its text, with the number of opportunities carrying it',
  );
});

t.test('filters: what Lever honours narrows, with its endpoints in debug', async (t) => {
  // Enough jobs for postings of several states.
  const app = await testApp(t, { candidates: 400 });
  const jobs = await whole(app, 'jobs');
  const job = jobs[0]!.id;
  // A state some postings have and others not, to see the filter narrow.
  const states = jobs.map((j) => (j.remote_data as { state: string }).state);
  const state = states.find((s) => states.filter((x) => x === s).length < states.length)!;
  t.ok(state, `postings of more than one state: ${states.join(', ')}`);
  const cases: [ResourceName, string, (x: Json) => boolean, string][] = [
    ['job_form_fields', `job_id=${job}`, (x) => (x.job as Json).id === job, `https://api.lever.co/v1/postings/${job}/apply`],
    ['attachments', `candidate_id=${ADA}`, (x) => (x.candidate as Json).id === ADA, `https://api.lever.co/v1/opportunities/${ADA}/resumes?limit=100`],
    ['jobs', `remote_query[state]=${state}`, (x) => (x.remote_data as { state: string }).state === state, `https://api.lever.co/v1/postings?limit=100&state=${state}`],
  ];
  for (const [r, filter, holds, call] of cases) {
    const some = await whole(app, r, `&${filter}`);
    t.ok(some.length > 0 && some.every(holds), `${r} ${filter}: ${some.length} records, each matching`);
    if (r === 'jobs') t.ok(some.length < jobs.length && JSON.stringify(some) === JSON.stringify(jobs.filter(holds)), `${r} ${filter}: exactly those of the whole list, fewer than all`);
    const debug = (await get(app, path(r), `${ACC}&${filter}&truto_response_format=debug`)).json() as { debug: { requestUrl: string } };
    t.equal(debug.debug.requestUrl, call, `${r} ${filter}: Lever's endpoint`);
  }
  for (const [r, call] of [
    ['jobs', 'https://api.lever.co/v1/postings?limit=100'],
    ['job_interview_stages', 'https://api.lever.co/v1/stages?limit=100'],
    ['tags', 'https://api.lever.co/v1/tags?limit=100'],
    ['users', 'https://api.lever.co/v1/users?limit=100'],
  ] as const) {
    const debug = (await get(app, path(r), `${ACC}&truto_response_format=debug`)).json() as { debug: { requestUrl: string } };
    t.equal(debug.debug.requestUrl, call, `${r}: ${call}`);
  }
  const everyone = await whole(app, 'users');
  const user = everyone[0]!.id;
  const interviewers = everyone.filter((u) => u.access_role === 'interviewer');
  t.ok(interviewers.length > 0 && interviewers.length < everyone.length, 'some users are interviewers');
  t.strictSame(await whole(app, 'users', '&remote_query[access_role]=interviewer'), interviewers, "Lever's access_role filter");
  const last = everyone.at(-1)!;
  const address = (last.emails as { email: string }[])[0]!.email;
  t.strictSame(await whole(app, 'users', `&remote_query[email]=${encodeURIComponent(address.toUpperCase())}`), [last], "Lever's email filter, any case");
  const one = (await get(app, `${path('users')}/${user}`, `${ACC}&truto_response_format=debug`)).json() as { debug: { requestUrl: string } };
  t.equal(one.debug.requestUrl, `https://api.lever.co/v1/users/${user}`, 'a user: GET /users/{id}');
  // Lever's stages are the account's: a job filter is not Lever's to honour.
  t.strictSame(await whole(app, 'job_interview_stages', `&job_id=${job}`), await whole(app, 'job_interview_stages'), 'job_id ignored on stages');
  expectError(t, await get(app, path('job_form_fields'), ACC), {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Missing required query parameter: job_id',
    truto_error_insight: {
      missing_required_query_parameters: { description: 'The lever integration requires these query parameters for this request.', value: ['job_id'] },
    },
  }, 'job_form_fields without job_id');
  const nobody = '00000000-0000-4000-8000-000000000000';
  const body = { code: 'NotFoundError', message: "That posting doesn't exist on your account" };
  expectError(t, await get(app, path('job_form_fields'), `${ACC}&job_id=${nobody}`), {
    statusCode: 404, error: 'Not Found', message: body.message, truto_is_remote_error: true, raw_response: body, truto_error_insight: REMOTE,
  }, 'the form of an unknown posting: Lever\'s 404');
});

t.test('every pair of the catalogue Lever does not serve is Truto\'s 404 with supported_methods', async (t) => {
  const app = await testApp(t);
  const pairs = await expectUnsupportedPairs(t, app, ACC, lever);
  t.equal(pairs, 18, 'seventeen unsupported read pairs (27 in the catalogue, 10 served) and one write (reject)');
});

t.test('the same seed gives the same bytes for every resource', async (t) => {
  const a = await testApp(t);
  const b = await testApp(t);
  for (const r of SERVED) {
    const q = `${ACC}${await needs(a, r)}&truto_ignore_limit=true&truto_response_format=raw`;
    t.equal((await get(a, path(r), q)).body, (await get(b, path(r), q)).body, `${r}: identical`);
  }
});

t.test('a posting\'s form: debug answers Lever\'s /apply object, its fields those of the unified list', async (t) => {
  const app = await testApp(t);
  const job = (await whole(app, 'jobs'))[0]!.id;
  const all = await whole(app, 'job_form_fields', `&job_id=${job}`);
  const res = (await get(app, path('job_form_fields'), `${ACC}&job_id=${job}&limit=100&truto_response_format=debug`)).json();
  assertSchema(t, Type.Object({ data: LeverApply }), res.debug.data, '{data: the form}');
  const form = res.debug.data.data as Static<typeof LeverApply>;
  t.equal(form.id, job, 'the posting');
  t.strictSame(form.personalInformation.map((f) => f.name), ['fullName', 'email', 'currentCompany', 'currentLocation', 'phone', 'resume', 'additionalInformation'], "Lever's seven personal fields");
  t.strictSame(form.urls.map((f) => f.name), ['LinkedIn', 'Other'], 'two links');
  const custom = form.customQuestions.flatMap((q) => q.fields);
  t.ok(custom.length >= 1, 'questions of its own');
  t.strictSame([...form.personalInformation, ...form.urls, ...custom], all.map((f) => f.remote_data), 'the unified fields are the form\'s, in order');
  t.strictSame(all.map((f) => f.index), all.map((_, i) => i), 'index: the place in the form');
  t.strictSame(all.slice(9).map((f) => f.id), custom.map((f) => f.id), 'a custom field is known by its UUID');
  t.strictSame(all.slice(0, 9).map((f) => f.id), [...form.personalInformation, ...form.urls].map((f) => f.name), 'a standard field by its name');
});

t.test('the world as Lever says it: users, postings, stages and forms', async (t) => {
  const app = await testApp(t);
  const account = app.mock.accounts.get(ACCOUNT);
  const world = buildWorld(app.mock.config.seed, ACCOUNT, account.row.candidates, []);
  const users = await whole(app, 'users');
  t.strictSame(
    users.map((u) => [u.name, u.disabled, u.access_role]),
    world.users.map((u) => [`${u.firstName} ${u.lastName}`, u.disabled, { admin: 'super admin', interviewer: 'interviewer' }[u.role as string] ?? 'team member']),
    'every user: name, deactivated as the world says, its access role',
  );
  const jobs = await whole(app, 'jobs');
  t.strictSame(
    jobs.map((j) => [j.id, j.name, j.status, (j.hiring_managers as Json[])[0]!.id, (j.recruiters as Json[])[0]!.id, j.locations]),
    world.jobs.map((j) => [ids.posting(j.n), j.title, j.status, ids.user(j.hiringManagerN), ids.user(j.recruiterN), [j.office]]),
    'every job: title, status, hiring manager, recruiter, office',
  );
  const stages = await whole(app, 'job_interview_stages');
  const used = new Set([...world.stages.values()].map(({ stage }) => stage.name));
  t.strictSame(stages.map((s) => [s.id, s.name]), STAGES.filter((n) => used.has(n)).map((n) => [ids.stage(n), n]), 'the pipeline, in order, the first stage Lever\'s applicant-new');
  t.equal(stages[0]!.id, 'applicant-new');
  const job = world.jobs[0]!;
  const form = await whole(app, 'job_form_fields', `&job_id=${ids.posting(job.n)}`);
  t.strictSame(
    form.slice(9).map((f) => [f.label, f.is_required, f.type, (f.options as Json[] | undefined)?.map((o) => o.label) ?? []]),
    job.questions.filter((q) => q.key === null).map((q) => [q.label, q.required, q.type === 'number' ? 'text' : q.type, q.options]),
    'the job\'s own questions: label, required, type, options',
  );
});
