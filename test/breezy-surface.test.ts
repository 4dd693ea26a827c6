/**
 * Breezy's whole read surface: every resource Truto serves for it listed to the end in pages and in one, each record
 * fitting its unified and normalized schemas, its raw record Breezy's schema, every get the listed record, every `{id}`
 * resolving in the same account, the filters it honours, Breezy's endpoints in `debug`, the "does not support" 404 of
 * everything else, determinism.
 */
import type { TSchema } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { breezy } from '../src/integrations/breezy/index.js';
import { companyOf } from '../src/integrations/breezy/ids.js';
import { CATALOGUE, RESOURCE_NAMES, type ResourceName } from '../src/model/catalogue.js';
import { assertSchema, expectError, expectOk, get, normalizedSchema, testApp, walkPages, expectUnsupportedPairs } from './helpers.js';

type Json = Record<string, unknown> & { id: string };
const BZ = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const ACC = `integrated_account_id=${BZ}`;
const API = 'https://api.breezy.hr/v3';
const ADA = '5e1ada000a01';
const ALAN = '5ea1a0000c01';
const SERVED = (Object.keys(breezy.resources) as ResourceName[]).sort();
const path = (r: ResourceName) => `/unified/ats/${r}`;
const REMOTE = { remote_error: { description: "The error came from the integration's own API; raw_response holds its answer." } };
const remote404 = (type: string, message: string) => ({
  statusCode: 404,
  error: 'Not Found',
  message,
  truto_is_remote_error: true,
  raw_response: { error: { type, message } },
  truto_error_insight: REMOTE,
});

const positionOf = (app: FastifyInstance, candidate: string) => app.mock.accounts.get(BZ).reader.get('candidate', candidate)!.refs.job!;

/** The filters a list needs on Breezy: a candidate lives under a position, its files under both. */
function needs(app: FastifyInstance, r: ResourceName): string {
  if (r === 'candidates') return `&job_id=${positionOf(app, ADA)}`;
  if (r === 'attachments') return `&candidate_id=${ADA}&job_id=${positionOf(app, ADA)}`;
  if (r === 'activities') return `&candidate_id=${ADA}`;
  if (r === 'scorecards') return `&candidate_id=${ALAN}`;
  if (r === 'job_form_fields') return `&job_id=${positionOf(app, ADA)}`;
  return '';
}

async function whole(app: FastifyInstance, r: ResourceName, extra = ''): Promise<Json[]> {
  const res = await get(app, path(r), `${ACC}${extra || needs(app, r)}&truto_ignore_limit=true`);
  t.equal(res.statusCode, 200, `${r}${extra}: whole list answered`);
  return (res.json() as { result: Json[] }).result;
}

t.test('breezy serves what Truto lists for it, with its methods', async (t) => {
  const methods = Object.fromEntries(SERVED.map((r) => [r, [...breezy.resources[r]!.methods]]));
  t.strictSame(methods, {
    activities: ['list'],
    attachments: ['list'],
    candidates: ['list', 'get'],
    job_form_fields: ['list'],
    jobs: ['list', 'get'],
    organizations: ['list', 'get'],
    scorecards: ['list'],
  });
});

t.test('every resource: pages walk to the same set as one whole list; schemas, raw, get', async (t) => {
  const app = await testApp(t);
  for (const r of SERVED) {
    const spec = CATALOGUE[r];
    const emulation = breezy.resources[r]!;
    const all = await whole(app, r);
    t.ok(all.length > 0, `${r}: some records`);
    const { records: walked, pages } = await walkPages<Json>(t, app, path(r), `${ACC}${needs(app, r)}`, spec.schema as TSchema, 3);
    t.strictSame(walked, all, `${r}: ${pages} pages of 3 are the whole list, once each, in order`);
    if (!['organizations', 'activities', 'scorecards'].includes(r)) t.ok(pages > 1, `${r}: more than one page`);

    const normalized = (await get(app, path(r), `${ACC}${needs(app, r)}&truto_ignore_limit=true&truto_response_format=normalized`)).json() as { result: unknown[] };
    t.equal(normalized.result.length, all.length, `${r}: normalized lists as many`);
    for (const n of normalized.result) assertSchema(t, normalizedSchema(spec.schema as TSchema), n, `${r} normalized`);
    const raw = (await get(app, path(r), `${ACC}${needs(app, r)}&truto_ignore_limit=true&truto_response_format=raw`)).json() as { result: unknown[] };
    t.equal(raw.result.length, all.length, `${r}: raw lists as many`);
    for (const [i, record] of raw.result.entries()) {
      assertSchema(t, emulation.rawSchema, record, `${r} raw record (Breezy's schema)`);
      t.strictSame(record, all[i]!.remote_data, `${r}: raw record ${i} is the unified record's remote_data`);
    }
    if (emulation.methods.includes('get')) {
      for (const record of all) {
        const one = expectOk(t, await get(app, `${path(r)}/${encodeURIComponent(record.id)}`, `${ACC}${r === 'candidates' ? needs(app, r) : ''}`), spec.schema as TSchema, `${r} ${record.id}`);
        t.strictSame(one, record, `${r}: the get of ${record.id} is the listed record`);
      }
    }
  }
});

t.test('organizations: the one company; jobs: every world job as a position of it', async (t) => {
  const app = await testApp(t);
  const [company, ...others] = await whole(app, 'organizations');
  t.strictSame(others, [], 'one company');
  t.match(company, { name: 'Initech Logistics', id: /^[0-9a-f]{12}$/ });
  t.equal(company!.created_at, (company!.remote_data as Json).creation_date);
  const jobs = await whole(app, 'jobs');
  const world = app.mock.accounts.get(BZ).reader;
  t.equal(jobs.length, app.mock.store.records.page(app.mock.accounts.get(BZ).row.key, 'position', {}, 0, 100_000).length, 'every stored position');
  for (const job of jobs) {
    t.equal(companyOf(job.id), company!.id, `${job.id}: its id names the company`);
    const raw = job.remote_data as Json & { state: string; friendly_id: string; location: { name: string } };
    t.equal(job.status, { published: 'open', closed: 'closed', draft: 'draft', archived: 'archived', pending: 'pending' }[raw.state]);
    t.strictSame(job.locations, [raw.location.name]);
    t.strictSame(job.job_posting_urls, raw.state === 'published' ? [{ url: `https://initech-logistics.breezy.hr/p/${raw.friendly_id}` }] : []);
    t.ok(raw.friendly_id.startsWith(`${job.id}-`), 'friendly_id is <_id>-<slug>');
    t.ok(world.get('position', job.id), 'stored');
  }
  t.ok(jobs.some((j) => j.status === 'open') && jobs.some((j) => j.status !== 'open'), 'open positions and others');
});

t.test('every {id} in every record resolves in the same account', async (t) => {
  const app = await testApp(t);
  const jobs = await whole(app, 'jobs');
  const jobIds = new Set(jobs.map((j) => j.id));
  const orgIds = new Set((await whole(app, 'organizations')).map((o) => o.id));
  const candidates: Json[] = [];
  for (const j of jobs) candidates.push(...(await whole(app, 'candidates', `&job_id=${j.id}`)));
  const candidateIds = new Set(candidates.map((c) => c.id));
  t.ok(candidates.length > 50, `${candidates.length} candidate records over ${jobs.length} positions`);
  let checked = 0;
  const expect = (set: Set<string>, id: unknown, where: string) => {
    checked++;
    if (!set.has(String(id))) t.fail(`${where}: ${String(id)} does not resolve`);
  };
  for (const c of candidates) {
    for (const a of c.applications as Json[]) {
      expect(candidateIds, (a.candidate as Json).id, `${c.id} application candidate`);
      expect(jobIds, (a.job as Json).id, `${c.id} application job`);
      expect(jobIds, ((a.current_stage as Json).job as Json).id, `${c.id} stage job`);
    }
    const files = await whole(app, 'attachments', `&candidate_id=${c.id}&job_id=${((c.applications as Json[])[0]!.job as Json).id}`);
    for (const f of [...files, ...(c.attachments as Json[])]) {
      expect(candidateIds, (f.candidate as Json).id, `${f.id} candidate`);
      expect(jobIds, (f.job as Json).id, `${f.id} job`);
    }
  }
  let notes = 0;
  const types = new Set<string>();
  for (const c of candidates) {
    for (const a of await whole(app, 'activities', `&candidate_id=${c.id}`)) {
      notes++;
      types.add(`${String(a.activity_type)}:${(a.remote_data as Json).type as string}`);
      expect(candidateIds, (a.candidate as Json).id, `${a.id} candidate`);
      t.equal((a.candidate as Json).id, c.id, `${a.id}: on the candidate asked for`);
      if (a.actor !== undefined) {
        t.strictSame(a.actor, { id: c.id, type: 'candidate' }, `${a.id}: only the candidate is an actor`);
        expect(candidateIds, (a.actor as Json).id, `${a.id} actor`);
      }
    }
  }
  let formFields = 0;
  for (const j of jobs) {
    const form = await whole(app, 'job_form_fields', `&job_id=${j.id}`);
    t.strictSame(form.map((f) => f.index), form.map((_, i) => i), `${j.id}: fields indexed in order`);
    const raw = j.remote_data as Json & { application_form: Record<string, unknown>; questionnaire_id: string | null };
    const on = Object.entries(raw.application_form).filter(([, v]) => v === 'required' || v === 'optional');
    t.strictSame(form.slice(0, on.length).map((f) => [f.name, f.is_required]), on.map(([k, v]) => [k, v === 'required']), `${j.id}: the standard fields on`);
    for (const f of form) {
      formFields++;
      expect(jobIds, (f.job as Json).id, `${f.id} job`);
      if (f.group_id !== 'application_form') t.equal(f.group_id, raw.questionnaire_id, `${f.id}: its position's questionnaire`);
    }
  }
  t.ok(formFields > jobs.length * 4, `${formFields} form fields`);
  let cards = 0;
  const scores = new Set<unknown>();
  for (const c of candidates) {
    for (const s of await whole(app, 'scorecards', `&candidate_id=${c.id}`)) {
      cards++;
      scores.add(s.overall_recommendation);
      expect(candidateIds, (s.candidate as Json).id, `${s.id} candidate`);
      t.equal((s.candidate as Json).id, c.id, `${s.id}: on the candidate asked for`);
      t.equal((s.remote_data as Json).position_id, ((c.applications as Json[])[0]!.job as Json).id, `${s.id}: under the candidate's position`);
    }
  }
  t.ok(cards > 20, `${cards} scorecards`);
  t.ok(scores.size >= 3, `scores given: ${[...scores].join(', ')}`);
  t.ok(notes > 50, `${notes} stream items`);
  t.strictSame([...types].sort(), ['email:messageFromCandidatePosted', 'email:messageToCandidatePosted', 'note:companyNotePosted'], 'notes and messages both ways');
  for (const j of jobs) expect(orgIds, companyOf(j.id), `${j.id} company`);
  t.ok(checked > 300, `${checked} references checked, every one resolved`);
});

t.test('unknown ids: Breezy\'s own 404 bodies', async (t) => {
  const app = await testApp(t);
  expectError(t, await get(app, `${path('organizations')}/ffffffffffff`, ACC), remote404('companyNotFound', 'company not found'), 'organization');
  expectError(t, await get(app, `${path('jobs')}/ffffffffffff`, ACC), remote404('positionNotFound', 'position not found'), 'job');
  expectError(t, await get(app, `${path('jobs')}/${ADA}`, ACC), remote404('positionNotFound', 'position not found'), 'a candidate id is no position');
  expectError(t, await get(app, path('job_form_fields'), `${ACC}&job_id=ffffffffffff`), remote404('positionNotFound', 'position not found'), 'form of no position');
  expectError(t, await get(app, path('scorecards'), `${ACC}&candidate_id=ffffffffffff`), remote404('candidateNotFound', 'candidate not found'), 'scorecards of no candidate');
  expectError(t, await get(app, path('activities'), `${ACC}&candidate_id=ffffffffffff`), remote404('candidateNotFound', 'candidate not found'), 'stream of no candidate');
});

t.test('filters: what Breezy honours narrows, the rest is ignored with a warning; Breezy\'s endpoints in debug', async (t) => {
  const app = await testApp(t);
  const job = positionOf(app, ALAN);
  const company = companyOf(job);
  const jobs = await whole(app, 'jobs');
  const dated = await get(app, path('jobs'), `${ACC}&created_at[gte]=2100-01-01T00:00:00Z&truto_ignore_limit=true`);
  t.strictSame((dated.json() as { result: Json[] }).result, jobs, 'jobs: created_at is ignored (the positions list has no date filter)');
  t.match(JSON.stringify(dated.headers), /created_at is not supported by breezy on jobs: ignored/, 'and says so');
  const orgs = await get(app, path('organizations'), `${ACC}&updated_at[lt]=2000-01-01T00:00:00Z`);
  t.equal((orgs.json() as { result: Json[] }).result.length, 1, 'organizations: updated_at is ignored');

  const under = await whole(app, 'candidates', `&job_id=${job}`);
  t.ok(under.length > 0 && under.every((c) => ((c.applications as Json[])[0]!.job as Json).id === job), `candidates job_id: ${under.length}, each under it`);
  t.strictSame(await whole(app, 'candidates', `&job_id=${job}&organization_id=${company}`), under, 'its own company: the same');
  t.strictSame(await whole(app, 'candidates', `&job_id=${job}&organization_id=ffffffffffff`), [], 'another company: none');
  const cut = (under[Math.floor(under.length / 2)]!.created_at as string);
  t.strictSame(await whole(app, 'candidates', `&job_id=${job}&created_at[gte]=${cut}`), under.filter((c) => (c.created_at as string) >= cut), 'created_at narrows');

  const debug = async (p: string, q = '') => ((await get(app, p, `${ACC}${q}&truto_response_format=debug`)).json() as { debug: { requestUrl: string; data: unknown } }).debug;
  t.equal((await debug(path('organizations'))).requestUrl, `${API}/companies`);
  t.equal((await debug(`${path('organizations')}/${company}`)).requestUrl, `${API}/company/${company}`);
  // The account's own company, as GET /v3/companies lists it: the one every position id of the account names.
  const own = (await whole(app, 'organizations')).map((o) => o.id);
  t.strictSame(own, [company], 'one company, the positions\' own');
  t.equal((await debug(path('jobs'))).requestUrl, `${API}/company/${company}/positions?page_size=50&page=1`);
  t.equal((await debug(path('jobs'), '&remote_query[state]=published')).requestUrl, `${API}/company/${company}/positions?page_size=50&page=1&state=published`);
  const one = await debug(`${path('jobs')}/${job}`);
  t.equal(one.requestUrl, `${API}/company/${company}/position/${job}`);
  t.strictSame(one.data, jobs.find((j) => j.id === job)!.remote_data, 'debug.data: the bare position');
  t.ok(Array.isArray((await debug(path('jobs'))).data), 'a list: a bare array');
  for (const state of ['published', 'closed', 'draft']) {
    const some = await whole(app, 'jobs', `&remote_query[state]=${state}`);
    const expected = jobs.filter((j) => (j.remote_data as Json).state === state);
    t.ok(expected.length > 0, `some ${state} positions`);
    t.strictSame(some, expected, `jobs remote_query[state]=${state}: exactly those`);
  }
  t.equal((await debug(path('job_form_fields'), `&job_id=${job}`)).requestUrl, `${API}/company/${company}/position/${job}`);
  const alanJob = positionOf(app, ALAN);
  t.equal((await debug(path('scorecards'), `&candidate_id=${ALAN}`)).requestUrl, `${API}/company/${companyOf(alanJob)}/position/${alanJob}/candidate/${ALAN}/scorecards`);
  const stream = await debug(path('activities'), `&candidate_id=${ADA}&limit=2`);
  const adaJob = positionOf(app, ADA);
  t.equal(stream.requestUrl, `${API}/company/${companyOf(adaJob)}/position/${adaJob}/candidate/${ADA}/stream?skip=0`);
  const items = await whole(app, 'activities', `&candidate_id=${ADA}`);
  t.ok(items.length > 0 && items.every((a) => (a.candidate as Json).id === ADA), `activities candidate_id: ${items.length} items, all Ada's`);
  const byUser = await get(app, path('activities'), `${ACC}&candidate_id=${ADA}&user_id=ffffffffffff&truto_ignore_limit=true`);
  t.strictSame((byUser.json() as { result: Json[] }).result, items, 'activities: user_id is ignored (the stream takes no filter)');
  t.match(JSON.stringify(byUser.headers), /user_id is not supported by breezy on activities: ignored/, 'and says so');
  const other = await whole(app, 'activities', `&candidate_id=${positionOf(app, ADA) === positionOf(app, ALAN) ? '5e1ada000a02' : ALAN}`);
  t.notOk(other.some((a) => items.some((b) => b.id === a.id)), 'another record: other items');
  expectError(t, await get(app, path('activities'), ACC), {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Missing required query parameter: candidate_id',
    truto_error_insight: {
      missing_required_query_parameters: { description: 'The breezy integration requires these query parameters for this request.', value: ['candidate_id'] },
    },
  }, 'activities without candidate_id');
});

t.test('every call in debug names real ids (no :placeholder) and carries remote_query, list and get', async (t) => {
  const app = await testApp(t);
  let calls = 0;
  for (const r of SERVED) {
    const first = (await whole(app, r))[0]!;
    const methods = breezy.resources[r]!.methods;
    const urls = [`${path(r)}?${ACC}${needs(app, r)}`, ...(methods.includes('get') ? [`${path(r)}/${first.id}?${ACC}${needs(app, r)}`] : [])];
    for (const url of urls) {
      const [p, q] = url.split('?') as [string, string];
      const res = await get(app, p, `${q}&remote_query[zz]=1&truto_response_format=debug`);
      t.equal(res.statusCode, 200, `${url}: 200`);
      const requestUrl = (res.json() as { debug: { requestUrl: string } }).debug.requestUrl;
      const { pathname, searchParams } = new URL(requestUrl);
      t.notMatch(pathname, /\/:|\/\/|\{/, `${url}: ${pathname} names every id`);
      t.equal(searchParams.get('zz'), '1', `${url}: remote_query reaches ${requestUrl}`);
      calls++;
    }
  }
  t.equal(calls, SERVED.length + 3, 'every list, and the gets of candidates, jobs and organizations');
});

t.test('every resource and method Breezy does not serve: Truto\'s 404 with the supported methods', async (t) => {
  const app = await testApp(t);
  const pairs = await expectUnsupportedPairs(t, app, ACC, breezy);
  t.equal(pairs, RESOURCE_NAMES.reduce((n, r) => n + CATALOGUE[r].methods.length, 0) - SERVED.reduce((n, r) => n + breezy.resources[r]!.methods.length, 0) + 5, 'and the five writes (its files download)');
});

t.test('the same seed gives the same bytes for every resource', async (t) => {
  const a = await testApp(t);
  const b = await testApp(t);
  for (const r of SERVED) {
    const q = `${ACC}${needs(a, r)}&truto_ignore_limit=true`;
    t.equal((await get(a, path(r), q)).body, (await get(b, path(r), q)).body, `${r}: identical`);
  }
});
