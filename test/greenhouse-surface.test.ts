/**
 * Greenhouse's whole read surface: every resource it serves listed to the end in pages and in one, each record
 * fitting its unified and normalized schemas, its raw record Harvest's schema, every get the listed record, every
 * `{id}` of every record resolving in the same account, the filters, Harvest's endpoints in `debug`, determinism.
 */
import type { TSchema } from '@sinclair/typebox';
import t from 'tap';
import { INTEGRATIONS } from '../src/integrations/registry.js';
import { CATALOGUE, type ResourceName } from '../src/model/catalogue.js';
import { ACC, ADA, ADA_APPLICATION, REMOTE_404, assertSchema, expectError, expectOk, get, normalizedSchema, testApp, walkPages } from './helpers.js';

type Json = Record<string, unknown> & { id: string };
const greenhouse = INTEGRATIONS.get('greenhouse')!;
const SERVED = (Object.keys(greenhouse.resources) as ResourceName[]).sort();
/** Filters a list needs on Greenhouse (activities are read per candidate). */
const NEEDS: Partial<Record<ResourceName, string>> = { activities: `&candidate_id=${ADA}` };
const path = (r: ResourceName) => `/unified/ats/${r}`;

async function whole(app: Awaited<ReturnType<typeof testApp>>, r: ResourceName, extra = ''): Promise<Json[]> {
  // The needed filter unless the call gives its own.
  const needs = NEEDS[r] !== undefined && !extra.includes(NEEDS[r]!.split('=')[0]!) ? NEEDS[r] : '';
  const res = await get(app, path(r), `${ACC}${needs}${extra}&truto_ignore_limit=true`);
  return (res.json() as { result: Json[] }).result;
}

t.test('greenhouse serves sixteen resources: every one but organizations', async (t) => {
  t.strictSame(SERVED, Object.keys(CATALOGUE).filter((r) => r !== 'organizations').sort());
});

t.test('every resource: pages walk to the same set as one whole list; schemas, raw, get', async (t) => {
  const app = await testApp(t);
  for (const r of SERVED) {
    const spec = CATALOGUE[r];
    const emulation = greenhouse.resources[r]!;
    if (!emulation.methods.includes('list')) continue;
    const all = await whole(app, r);
    t.ok(all.length > 0, `${r}: some records`);
    const { records: walked, pages } = await walkPages<Json>(t, app, path(r), `${ACC}${NEEDS[r] ?? ''}`, spec.schema as TSchema, 7);
    t.strictSame(walked, all, `${r}: ${pages} pages of 7 are the whole list, once each, in order`);

    const normalized = (await get(app, path(r), `${ACC}${NEEDS[r] ?? ''}&limit=20&truto_response_format=normalized`)).json() as { result: unknown[] };
    for (const n of normalized.result) assertSchema(t, normalizedSchema(spec.schema as TSchema), n, `${r} normalized`);
    const raw = (await get(app, path(r), `${ACC}${NEEDS[r] ?? ''}&limit=20&truto_response_format=raw`)).json() as { result: unknown[] };
    for (const [i, record] of raw.result.entries()) {
      assertSchema(t, emulation.rawSchema, record, `${r} raw record (Harvest's schema)`);
      t.strictSame(record, all[i]!.remote_data, `${r}: raw record ${i} is the unified record's remote_data`);
    }
    if (emulation.methods.includes('get')) {
      for (const record of all.slice(0, 5)) {
        const one = expectOk(t, await get(app, `${path(r)}/${encodeURIComponent(record.id)}`, ACC), spec.schema as TSchema, `${r} ${record.id}`);
        t.strictSame(one, record, `${r}: the get of ${record.id} is the listed record`);
      }
      expectError(t, await get(app, `${path(r)}/1`, ACC), REMOTE_404, `${r}: an unknown id is Harvest's 404`);
    }
  }
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
  // Activities are per candidate: every candidate's feed.
  const activities: Json[] = [];
  for (const c of lists.get('candidates')!) activities.push(...(await whole(app, 'activities', `&candidate_id=${c.id}`)));
  lists.set('activities', activities);
  ids.set('activities', new Set(activities.map((x) => x.id)));
  const reasons = new Set(lists.get('reject_reasons')!.map((x) => x.name as string));
  const tagNames = new Set(lists.get('tags')!.map((x) => x.name as string));

  let checked = 0;
  const expect = (resource: string, id: unknown, where: string) => {
    checked++;
    if (!ids.get(resource)?.has(String(id))) t.fail(`${where}: ${resource} ${String(id)} does not resolve`);
  };
  const REF: Record<string, string> = {
    candidate: 'candidates', application: 'applications', job: 'jobs', current_stage: 'job_interview_stages',
    job_interview_stage: 'job_interview_stages', organizer: 'users', interviewer: 'users', credited_to: 'users',
    creator: 'users', interview: 'interviews',
  };
  const LISTS: Record<string, string> = { interviewers: 'users', departments: 'departments', offices: 'offices', hiring_managers: 'users', recruiters: 'users' };
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
      if (k === 'tags' && Array.isArray(v)) for (const tag of v) if (!tagNames.has((tag as { name: string }).name)) t.fail(`${at}: tag ${JSON.stringify(tag)}`);
      if (!REF[k] && !LISTS[k] && k !== 'parent') walk(resource, v, at);
    }
  };
  for (const [r, records] of lists) for (const record of records) walk(r, record, `${r} ${record.id}`);
  t.ok(checked > 1000, `${checked} references checked, every one resolved`);
  const ada = lists.get('applications')!.filter((a) => (a.candidate as Json).id === ADA);
  t.equal(ada.length, 2, 'Ada: two applications');
  t.ok(ada.some((a) => typeof a.reject_reason === 'string' && reasons.has(a.reject_reason)), 'one rejected for a reason in reject_reasons');
  for (const r of ['interviews', 'scorecards', 'offers', 'eeocs', 'activities'] as const) {
    t.ok(lists.get(r)!.length > 0, `${r}: the world has some`);
  }
  t.ok(lists.get('interviews')!.some((i) => (i.application as Json).id === ADA_APPLICATION), 'Ada was interviewed');
});

t.test('filters narrow as Harvest does, with its endpoints in debug', async (t) => {
  const app = await testApp(t);
  const cases: [ResourceName, string, (x: Json) => boolean, RegExp][] = [
    ['interviews', `application_id=${ADA_APPLICATION}`, (x) => (x.application as Json).id === ADA_APPLICATION, /\/applications\/9100001003\/scheduled_interviews\?/],
    ['scorecards', `application_id=${ADA_APPLICATION}`, (x) => (x.application as Json).id === ADA_APPLICATION, /\/applications\/9100001003\/scorecards\?/],
    ['offers', 'application_id=9100004003', (x) => (x.application as Json).id === '9100004003', /\/applications\/9100004003\/offers\?/],
    ['job_interview_stages', 'job_id=4030001003', (x) => (x.job as Json).id === '4030001003', /\/jobs\/4030001003\/stages\?/],
    ['job_form_fields', 'job_id=4030001003', (x) => (x.job as Json).id === '4030001003', /\/jobs\/4030001003\/job_post$/],
    ['applications', 'job_id=4030001003', (x) => (x.job as Json).id === '4030001003', /\/applications\?per_page=100&page=1&job_id=4030001003$/],
    ['jobs', 'created_at[gte]=2024-01-01T00:00:00Z', (x) => (x.created_at as string) >= '2024-01-01', /\/jobs\?per_page=100&page=1&created_after=2024-01-01T00%3A00%3A00.000Z$/],
    ['activities', `candidate_id=${ADA}`, (x) => (x.candidate as Json).id === ADA, /\/candidates\/9000001003\/activity_feed$/],
  ];
  for (const [r, filter, holds, call] of cases) {
    const all = await whole(app, r);
    const some = await whole(app, r, `&${filter}`);
    t.ok(some.length > 0 && some.every(holds), `${r} ${filter}: ${some.length} records, each matching`);
    t.strictSame(some, all.filter(holds), `${r} ${filter}: exactly those of the whole list`);
    const debug = (await get(app, path(r), `${ACC}&${filter}&truto_response_format=debug`)).json() as { debug: { requestUrl: string } };
    t.match(debug.debug.requestUrl, call, `${r} ${filter}: ${debug.debug.requestUrl}`);
  }
  expectError(t, await get(app, path('activities'), ACC), {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Missing required query parameter: candidate_id',
    truto_error_insight: {
      missing_required_query_parameters: { description: 'The greenhouse integration requires these query parameters for this request.', value: ['candidate_id'] },
    },
  }, 'activities without candidate_id');
});

t.test('record dates: interviews start_at and end_at, offers start_date narrow exactly, each bound, in pages too', async (t) => {
  const app = await testApp(t);
  const ms = (v: unknown) => (typeof v === 'string' ? Date.parse(v.length === 10 ? `${v}T00:00:00.000Z` : v) : Number.NaN);
  const holds: Record<string, (a: number, b: number) => boolean> = { gt: (a, b) => a > b, gte: (a, b) => a >= b, lt: (a, b) => a < b, lte: (a, b) => a <= b };
  const cases: [ResourceName, string, string, string][] = [
    ['interviews', 'start_at', 'starts_after', 'starts_before'],
    ['interviews', 'end_at', 'ends_after', 'ends_before'],
    ['offers', 'start_date', 'starts_after', 'starts_before'],
  ];
  for (const [r, field, after, before] of cases) {
    const all = await whole(app, r);
    const values = [...new Set(all.map((x) => x[field]).filter((v): v is string => typeof v === 'string'))].sort((a, b) => ms(a) - ms(b));
    t.ok(values.length >= 5, `${r}: ${values.length} distinct ${field} values`);
    // A value some record has, so that gt and gte (lt and lte) differ by exactly the records at it.
    const cut = new Date(ms(values[Math.floor(values.length / 2)])).toISOString();
    for (const op of ['gt', 'gte', 'lt', 'lte'] as const) {
      const filter = `${field}[${op}]=${cut}`;
      const expected = all.filter((x) => holds[op]!(ms(x[field]), ms(cut)));
      const some = await whole(app, r, `&${filter}`);
      t.ok(some.length > 0 && some.length < all.length, `${r} ${filter}: ${some.length} of ${all.length}`);
      t.strictSame(some, expected, `${r} ${filter}: exactly those of the whole list`);
      const debug = (await get(app, path(r), `${ACC}&${filter}&truto_response_format=debug`)).json() as { debug: { requestUrl: string } };
      const param = op.startsWith('g') ? after : before;
      t.equal(new URL(debug.debug.requestUrl).searchParams.get(param), cut, `${r} ${filter}: Harvest's ${param} in ${debug.debug.requestUrl}`);
    }
    const gte = all.filter((x) => ms(x[field]) >= ms(cut)).length;
    const gt = all.filter((x) => ms(x[field]) > ms(cut)).length;
    t.ok(gte > gt, `${r} ${field}: records at the cut itself tell gt from gte`);
    const { records: walked } = await walkPages<Json>(t, app, path(r), `${ACC}&${field}[gte]=${cut}`, CATALOGUE[r].schema as TSchema, 7);
    t.strictSame(walked, all.filter((x) => ms(x[field]) >= ms(cut)), `${r} ${field}[gte]: pages of 7 walk the same records`);
  }

  // Both of an interview's dates at once, and with its application's own path.
  const interviews = await whole(app, 'interviews');
  const starts = interviews.map((i) => ms(i.start_at)).sort((a, b) => a - b);
  const [from, to] = [new Date(starts[Math.floor(starts.length / 4)]!).toISOString(), new Date(starts[Math.floor((3 * starts.length) / 4)]!).toISOString()];
  const window = await whole(app, 'interviews', `&start_at[gte]=${from}&end_at[lte]=${to}`);
  const inWindow = interviews.filter((i) => ms(i.start_at) >= ms(from) && ms(i.end_at) <= ms(to));
  const startingInIt = interviews.filter((i) => ms(i.start_at) >= ms(from)).length;
  t.ok(inWindow.length > 0 && inWindow.length < startingInIt, `${inWindow.length} interviews between ${from} and ${to}, of ${startingInIt} starting after ${from}`);
  t.strictSame(window, inWindow, 'start_at and end_at together: both apply');
  const adas = interviews.filter((i) => (i.application as Json).id === ADA_APPLICATION);
  const adaStart = adas[0]!.start_at as string;
  const adaLater = await whole(app, 'interviews', `&application_id=${ADA_APPLICATION}&start_at[gt]=${adaStart}`);
  t.strictSame(adaLater, adas.filter((i) => ms(i.start_at) > ms(adaStart)), 'with application_id: the application\'s interviews, narrowed');
  t.ok(adaLater.length < adas.length, 'her first interview is left out');

  // Harvest's offers of one application take no other parameter: start_date is not applied there, nor sent.
  const offers = await whole(app, 'offers', '&application_id=9100004003');
  t.strictSame(await whole(app, 'offers', '&application_id=9100004003&start_date[gt]=2100-01-01T00:00:00Z'), offers, 'offers of an application: start_date not applied');
  const exclusive = (await get(app, path('offers'), `${ACC}&application_id=9100004003&start_date[gt]=2100-01-01T00:00:00Z&truto_response_format=debug`)).json() as { debug: { requestUrl: string } };
  t.match(exclusive.debug.requestUrl, /\/applications\/9100004003\/offers\?per_page=100&page=1$/, 'and the call carries none');
});

t.test('the same seed gives the same bytes for every resource', async (t) => {
  const a = await testApp(t);
  const b = await testApp(t);
  for (const r of SERVED) {
    const q = `${ACC}${NEEDS[r] ?? ''}&truto_ignore_limit=true`;
    t.equal((await get(a, path(r), q)).body, (await get(b, path(r), q)).body, `${r}: identical`);
  }
});
