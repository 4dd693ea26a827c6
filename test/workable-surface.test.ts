/**
 * Workable's whole read surface as Truto serves it: the seven resources listed to the end in pages and in one, each
 * record fitting its unified and normalized schemas, its raw record Workable's schema, every get the listed record
 * (plus what only the get has), every `{id}` resolving in the same account, the filters, SPI v3 endpoints in
 * `debug`, the "does not support" 404 for the rest, determinism.
 */
import type { TSchema } from '@sinclair/typebox';
import t from 'tap';
import { INTEGRATIONS } from '../src/integrations/registry.js';
import { SPI } from '../src/integrations/workable/ids.js';
import { WorkableJob, WorkableJobListItem } from '../src/integrations/workable/shapes/jobs.js';
import { CATALOGUE, type ResourceName } from '../src/model/catalogue.js';
import { assertSchema, expectError, expectOk, get, normalizedSchema, testApp, walkPages, expectUnsupportedPairs } from './helpers.js';

type Json = Record<string, unknown> & { id: string };
const workable = INTEGRATIONS.get('workable')!;
const ACC = 'integrated_account_id=886313e1-3b8a-4372-9b90-0c9aee199e5d';
const ADA = 'ada1ace';
const SERVED = (Object.keys(workable.resources) as ResourceName[]).filter((r) => workable.resources[r]!.methods.length > 0).sort();
const NEEDS: Partial<Record<ResourceName, string>> = { activities: `&candidate_id=${ADA}` };
const path = (r: ResourceName) => `/unified/ats/${r}`;
/** Records whose get answers more than the list's summary (Workable's list is shorter): the keys only the get adds. */
const GET_ADDS: Partial<Record<ResourceName, string[]>> = { jobs: ['description'], applications: ['rejected_at'] };

async function whole(app: Awaited<ReturnType<typeof testApp>>, r: ResourceName, extra = ''): Promise<Json[]> {
  const needs = NEEDS[r] !== undefined && !extra.includes(NEEDS[r]!.split('=')[0]!) ? NEEDS[r] : '';
  const res = await get(app, path(r), `${ACC}${needs}${extra}&truto_ignore_limit=true`);
  t.equal(res.statusCode, 200, `${r}${extra}: 200`);
  return (res.json() as { result: Json[] }).result;
}

t.test('workable serves what Truto lists for it, with the methods it has', async (t) => {
  const methods = Object.fromEntries(Object.entries(workable.resources).map(([r, e]) => [r, [...e!.methods]]));
  t.strictSame(methods, {
    activities: ['list'],
    applications: ['list', 'get'],
    attachments: [],
    candidates: ['list', 'get'],
    departments: ['list'],
    job_interview_stages: ['list'],
    jobs: ['list', 'get'],
    users: ['list'],
  });
});

t.test('every resource: pages walk to the same set as one whole list; schemas, raw, get', async (t) => {
  const app = await testApp(t);
  for (const r of SERVED) {
    const spec = CATALOGUE[r];
    const emulation = workable.resources[r]!;
    const all = await whole(app, r);
    t.ok(all.length > 0, `${r}: some records`);
    t.equal(new Set(all.map((x) => x.id)).size, all.length, `${r}: ids unique`);
    const { records: walked, pages } = await walkPages<Json>(t, app, path(r), `${ACC}${NEEDS[r] ?? ''}`, spec.schema as TSchema, 7);
    t.strictSame(walked, all, `${r}: ${pages} pages of 7 are the whole list, once each, in order`);
    t.ok(pages > 1 || all.length <= 7, `${r}: paged`);
    if (r === 'jobs' || r === 'users' || r === 'activities') {
      // `since_id` pages only work if the ids rise in the order the records are listed.
      const hex = all.map((x) => parseInt((x.remote_data as Json).id, 16));
      t.ok(hex.every((n, i) => i === 0 || n > hex[i - 1]!), `${r}: Workable ids rise in list order`);
    }

    const normalized = (await get(app, path(r), `${ACC}${NEEDS[r] ?? ''}&limit=20&truto_response_format=normalized`)).json() as { result: unknown[] };
    for (const n of normalized.result) assertSchema(t, normalizedSchema(spec.schema as TSchema), n, `${r} normalized`);
    const raw = (await get(app, path(r), `${ACC}${NEEDS[r] ?? ''}&limit=20&truto_response_format=raw`)).json() as { result: unknown[] };
    t.equal(raw.result.length, Math.min(20, all.length), `${r}: a raw page`);
    for (const [i, record] of raw.result.entries()) {
      assertSchema(t, emulation.rawSchema, record, `${r} raw record (Workable's schema)`);
      t.strictSame(record, all[i]!.remote_data, `${r}: raw record ${i} is the unified record's remote_data`);
    }
    if (!emulation.methods.includes('get') || r === 'candidates') continue;
    for (const record of all.slice(0, 5)) {
      const one = expectOk(t, await get(app, `${path(r)}/${encodeURIComponent(record.id)}`, ACC), spec.schema as TSchema, `${r} ${record.id}`);
      const { remote_data: _a, ...listed } = record;
      const { remote_data: _b, ...fetched } = one as Json;
      for (const k of GET_ADDS[r] ?? []) delete fetched[k];
      t.strictSame(fetched, listed, `${r}: the get of ${record.id} is the listed record, plus what only the get has`);
    }
    expectError(t, await get(app, `${path(r)}/nope1`, ACC), {
      statusCode: 404,
      error: 'Not Found',
      message: 'Not found',
      truto_is_remote_error: true,
      raw_response: { error: 'Not found' },
      truto_error_insight: { remote_error: { description: "The error came from the integration's own API; raw_response holds its answer." } },
    }, `${r}: an unknown id is Workable's 404`);
  }
});

t.test('jobs: the list\'s item and the get\'s record differ as Workable\'s do', async (t) => {
  const app = await testApp(t);
  const list = (await get(app, path('jobs'), `${ACC}&limit=3&truto_response_format=raw`)).json().result as Json[];
  for (const item of list) assertSchema(t, WorkableJobListItem, item, 'list item');
  const shortcode = list[0]!.shortcode as string;
  const one = (await get(app, `${path('jobs')}/${shortcode}`, `${ACC}&truto_response_format=raw`)).json() as Json;
  assertSchema(t, WorkableJob, one, 'get: the bare job');
  t.notOk('sample' in one, 'get: no sample');
  t.notOk('location_str' in (one.location as object), 'get: no location_str');
  t.equal((list[0]!.location as Json).location_str, (one.location as Json).city, 'list: the location string');
  const unified = (await get(app, `${path('jobs')}/${shortcode}`, ACC)).json() as Json;
  t.equal(unified.id, shortcode, 'the unified id is the shortcode');
  t.match(unified.description, /^<p>/, 'the get fills description');
  const debug = (await get(app, path('jobs'), `${ACC}&limit=2&truto_response_format=debug`)).json();
  t.equal(debug.debug.requestUrl, `${SPI}/jobs?limit=2`);
  t.strictSame(Object.keys(debug.debug.data), ['jobs', 'paging']);
  t.equal(debug.debug.data.paging.next, `${SPI}/jobs?limit=2&since_id=${(parseInt(debug.result[1].remote_data.id, 16) + 1).toString(16)}`);
  const next = (await get(app, path('jobs'), `${ACC}&limit=2&next_cursor=${encodeURIComponent(debug.next_cursor)}&truto_response_format=debug`)).json();
  t.equal(next.debug.requestUrl, debug.debug.data.paging.next, 'the next page asks what paging.next said');
  t.equal((await get(app, `${path('jobs')}/${shortcode}`, `${ACC}&truto_response_format=debug`)).json().debug.requestUrl, `${SPI}/jobs/${shortcode}`);
});

t.test('the other calls, as Workable answers them', async (t) => {
  const app = await testApp(t);
  const debug = async (r: ResourceName, q = '') => (await get(app, path(r), `${ACC}${q}&truto_response_format=debug`)).json();
  const departments = await debug('departments');
  t.equal(departments.debug.requestUrl, `${SPI}/departments`);
  t.ok(Array.isArray(departments.debug.data), 'departments: a bare array');
  const users = await debug('users', '&limit=3');
  t.equal(users.debug.requestUrl, `${SPI}/members?limit=3&status=all`);
  t.strictSame(Object.keys(users.debug.data), ['members', 'paging']);
  const stages = await debug('job_interview_stages');
  t.equal(stages.debug.requestUrl, `${SPI}/stages`);
  t.strictSame(Object.keys(stages.debug.data), ['stages']);
  const activities = await debug('activities', `&candidate_id=${ADA}`);
  t.equal(activities.debug.requestUrl, `${SPI}/candidates/${ADA}/activities?limit=50`);
  t.strictSame(Object.keys(activities.debug.data), ['activities']);
  const applications = await debug('applications', '&limit=2');
  t.equal(applications.debug.requestUrl, `${SPI}/candidates?limit=2`);
  t.strictSame(Object.keys(applications.debug.data), ['candidates', 'paging']);
  const app1 = (await get(app, `${path('applications')}/${ADA}`, `${ACC}&truto_response_format=raw`)).json();
  t.strictSame(Object.keys(app1), ['candidate'], 'an application is fetched as its candidate: { candidate }');
  const users2 = await whole(app, 'users');
  t.ok(users2.some((u) => u.disabled === true) && users2.some((u) => u.disabled === false), 'deactivated members listed too');
  t.strictSame([...new Set(users2.map((u) => u.access_role))].sort(), ['admin', 'reviewer', 'simple'], 'Workable\'s roles');

  // Truto's users filters, Workable only: name (its full name, any case) and access_role, as /members' name and role.
  const someone = users2.find((u) => u.access_role === 'reviewer')!;
  const named = (await get(app, path('users'), `${ACC}&name=${encodeURIComponent(String(someone.name).toUpperCase())}&truto_response_format=debug`)).json();
  t.strictSame(named.result.map((u: Json) => u.id), users2.filter((u) => String(u.name).toLowerCase() === String(someone.name).toLowerCase()).map((u) => u.id), 'name: the members of that name');
  const called = new URL(named.debug.requestUrl);
  t.strictSame([called.origin + called.pathname, called.searchParams.get('status'), called.searchParams.get('name')], [`${SPI}/members`, 'all', String(someone.name).toUpperCase()], 'passed on as Workable\'s name');
  for (const role of ['admin', 'reviewer', 'simple', 'no_access'] as const) {
    const res = (await get(app, path('users'), `${ACC}&access_role=${role}&truto_ignore_limit=true`)).json();
    t.strictSame(res.result.map((u: Json) => u.id), users2.filter((u) => u.access_role === role).map((u) => u.id), `access_role=${role}: exactly those members`);
  }
  const both = (await get(app, path('users'), `${ACC}&access_role=admin&name=${encodeURIComponent(String(someone.name))}`)).json();
  t.strictSame(both.result, [], 'both filters at once: a reviewer is no admin');
  const bad = await get(app, path('users'), `${ACC}&access_role=owner`);
  t.equal(bad.statusCode, 400, 'an unknown role is a 400');
  t.equal(bad.json().message, 'Invalid query parameter access_role: must be one of admin, no_access, reviewer, simple');
});

t.test('every {id} in every record resolves in the same account', async (t) => {
  const app = await testApp(t);
  const ids = new Map<string, Set<string>>();
  const lists = new Map<ResourceName, Json[]>();
  for (const r of SERVED) {
    if (r === 'activities') continue;
    const all = await whole(app, r);
    lists.set(r, all);
    ids.set(r, new Set(all.map((x) => x.id)));
  }
  // Stages are a job's pipeline: a stage resolves as (job, slug) in that job's list.
  const stages = new Set<string>();
  for (const job of lists.get('jobs')!) {
    for (const s of await whole(app, 'job_interview_stages', `&job_id=${job.id}`)) stages.add(`${(s.job as Json).id}/${s.id}`);
  }
  t.ok(stages.size > lists.get('jobs')!.length * 3, `${stages.size} stages across the jobs`);
  const activities: Json[] = [];
  for (const c of lists.get('candidates')!) activities.push(...(await whole(app, 'activities', `&candidate_id=${c.id}`)));
  lists.set('activities', activities);
  ids.set('activities', new Set(activities.map((x) => x.id)));
  t.equal(ids.get('activities')!.size, activities.length, 'activity ids unique across candidates');

  let checked = 0;
  const expect = (resource: string, id: unknown, where: string) => {
    checked++;
    if (!ids.get(resource)?.has(String(id))) t.fail(`${where}: ${resource} ${String(id)} does not resolve`);
  };
  const REF: Record<string, string> = { candidate: 'candidates', application: 'applications', job: 'jobs' };
  const walk = (resource: string, value: unknown, where: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(resource, v, `${where}[${i}]`));
    if (value === null || typeof value !== 'object') return;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === 'remote_data') continue;
      const at = `${where}.${k}`;
      if (REF[k] && v && typeof v === 'object') expect(REF[k]!, (v as Json).id, at);
      if (k === 'departments' && Array.isArray(v)) for (const d of v) expect('departments', (d as Json).id, at);
      if (k === 'parent' && v && typeof v === 'object') expect(resource, (v as Json).id, at);
      if (k === 'actor' && v && typeof v === 'object') expect((v as Json).type === 'user' ? 'users' : 'candidates', (v as Json).id, at);
      if (k === 'current_stage' && v && typeof v === 'object') {
        const s = v as { id: string; job: { id: string } };
        checked++;
        if (!stages.has(`${s.job.id}/${s.id}`)) t.fail(`${at}: stage ${s.id} is not in job ${s.job.id}'s pipeline`);
        expect('jobs', s.job.id, `${at}.job`);
        continue;
      }
      if (!REF[k] && k !== 'departments' && k !== 'parent' && k !== 'actor') walk(resource, v, at);
    }
  };
  for (const [r, records] of lists) for (const record of records) walk(r, record, `${r} ${record.id}`);
  t.ok(checked > 500, `${checked} references checked, every one resolved`);
  t.ok(activities.some((a) => (a.actor as Json).type === 'user') && activities.some((a) => (a.actor as Json).type === 'candidate'), 'activities by users and by candidates');
  t.ok(lists.get('departments')!.some((d) => d.parent !== undefined), 'some departments have a parent');
  t.ok(lists.get('jobs')!.every((j) => (j.departments as unknown[]).length === 1), 'every job names its department');
  const ada = lists.get('applications')!.filter((a) => (a.candidate as Json).id === ADA);
  t.strictSame(ada.map((a) => a.id), [ADA], 'Ada\'s first candidacy is its own application');
});

t.test('filters narrow as Workable does, with its endpoints in debug', async (t) => {
  const app = await testApp(t);
  const jobs = await whole(app, 'jobs');
  const shortcode = jobs[1]!.id;
  const cases: [ResourceName, string, (x: Json) => boolean, string][] = [
    ['applications', `job_id=${shortcode}`, (x) => (x.job as Json).id === shortcode, `${SPI}/jobs/${shortcode}/candidates?limit=50`],
    ['job_interview_stages', `job_id=${shortcode}`, (x) => (x.job as Json)?.id === shortcode, `${SPI}/jobs/${shortcode}/stages`],
    ['jobs', 'created_at[gt]=2024-06-01T00:00:00Z', (x) => (x.created_at as string) > '2024-06-01', `${SPI}/jobs?limit=50&created_after=2024-06-01T00%3A00%3A00Z`],
    ['applications', 'updated_at[gt]=2025-06-01T00:00:00Z', (x) => (x.updated_at as string) > '2025-06-01', `${SPI}/candidates?limit=50&updated_after=2025-06-01T00%3A00%3A00Z`],
  ];
  for (const [r, filter, holds, call] of cases) {
    const all = await whole(app, r, r === 'job_interview_stages' ? `&job_id=${shortcode}` : '');
    const some = await whole(app, r, `&${filter}`);
    t.ok(some.length > 0 && some.every(holds), `${r} ${filter}: ${some.length} records, each matching`);
    if (r !== 'job_interview_stages') t.ok(some.length < all.length, `${r} ${filter}: narrower`);
    t.strictSame(some, all.filter(holds), `${r} ${filter}: exactly those of the whole list`);
    const debug = (await get(app, path(r), `${ACC}&${filter}&truto_response_format=debug`)).json() as { debug: { requestUrl: string } };
    t.equal(debug.debug.requestUrl, call, `${r} ${filter}: ${call}`);
  }
  // Workable's `state`, through remote_query: applied and passed on.
  const jobsAll = await whole(app, 'jobs');
  for (const state of ['published', 'closed']) {
    const some = await whole(app, 'jobs', `&remote_query[state]=${state}`);
    t.ok(some.length > 0, `state=${state}: some jobs`);
    t.strictSame(some, jobsAll.filter((j) => (j.remote_data as Json).state === state), `state=${state}: exactly those`);
  }
  t.equal((await get(app, path('jobs'), `${ACC}&remote_query[state]=closed&truto_response_format=debug`)).json().debug.requestUrl, `${SPI}/jobs?limit=50&state=closed`);
  // The account's pipeline: every stage once, belonging to no job; each job's is a subset of it.
  const account = await whole(app, 'job_interview_stages');
  t.ok(account.every((s) => s.job === undefined), 'the account pipeline names no job');
  const slugs = new Set(account.map((s) => s.id));
  t.ok(slugs.has('hired'), 'Hired closes every pipeline');
  const mine = await whole(app, 'job_interview_stages', `&job_id=${shortcode}`);
  t.ok(mine.every((s) => slugs.has(s.id)), 'the job\'s stages are the account\'s');
  t.strictSame(mine.map((s) => s.position), mine.map((_, i) => i + 1), 'positioned 1…n');
  // Activities: per candidate, each one that candidate's.
  const ada = await whole(app, 'activities', `&candidate_id=${ADA}`);
  t.ok(ada.length > 0 && ada.every((a) => (a.candidate as Json).id === ADA), 'Ada\'s activities only');
  const emails = ada.filter((a) => a.activity_type === 'email');
  t.ok(emails.length > 0, 'Ada has messages');
  for (const e of emails) {
    t.equal((e.remote_data as Json).action, 'message', `${e.id}: an email is a message`);
    t.match(e.body, /^<p><strong>[^<]+<\/strong><\/p>(<p>[^\n]*<\/p>)+$/, `${e.id}: HTML, the subject first`);
  }
  const all = await whole(app, 'applications');
  const notes = (await Promise.all(all.map((c) => whole(app, 'activities', `&candidate_id=${c.id}`)))).flat().filter((a) => a.activity_type === 'note');
  t.ok(notes.length > 0 && notes.every((n) => (n.remote_data as Json).action === 'comment' && (n.actor as Json).type === 'user'), 'notes are comments by members');
  expectError(t, await get(app, path('activities'), ACC), {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Missing required query parameter: candidate_id',
    truto_error_insight: {
      missing_required_query_parameters: { description: 'The workable integration requires these query parameters for this request.', value: ['candidate_id'] },
    },
  }, 'activities without candidate_id');
  for (const [r, q] of [['activities', 'candidate_id=ffff0'], ['job_interview_stages', 'job_id=NOPE000000']] as const) {
    const res = await get(app, path(r), `${ACC}&${q}`);
    t.equal(res.statusCode, 404, `${r} of an unknown parent: Workable's 404`);
    t.strictSame(res.json().raw_response, { error: 'Not found' });
  }
});

t.test('every pair of the catalogue workable does not serve answers Truto\'s 404 with supported_methods', async (t) => {
  const app = await testApp(t);
  const pairs = await expectUnsupportedPairs(t, app, ACC, workable);
  t.equal(pairs, 21, 'seventeen unsupported read pairs (27 of the catalogue, 10 served) and four writes (move-stage is served)');
});

t.test('the same seed gives the same bytes for every resource', async (t) => {
  const a = await testApp(t);
  const b = await testApp(t);
  for (const r of SERVED) {
    const q = `${ACC}${NEEDS[r] ?? ''}&truto_ignore_limit=true`;
    t.equal((await get(a, path(r), q)).body, (await get(b, path(r), q)).body, `${r}: identical`);
  }
});
