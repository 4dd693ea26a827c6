/**
 * The unified surface as the catalogue makes it: every resource's routes, Truto's "does not support" 404 for what an
 * account's integration lacks, auth before routing, the warnings for keys and filters Truto would silently ignore,
 * and `remote_query` reaching the emulated call of a get.
 */
import t from 'tap';
import { ApplicationSchema } from '../src/model/application.js';
import { CandidateSchema } from '../src/model/candidate.js';
import { ListEnvelope } from '../src/model/list.js';
import { ACC, ADA, ADA_APPLICATION, AUTH, CANDIDATES, JSON_CT, REMOTE_404, expectError, expectOk, filterQuery, get, probe, testApp, unsupportedBody } from './helpers.js';

const APPLICATIONS = '/unified/ats/applications';
const WARNING = 'x-truto-mock-warning';

const unsupported = unsupportedBody;

const accountOf = (app: Awaited<ReturnType<typeof testApp>>, integration: string) =>
  app.mock.accounts.list().find((a) => a.integration.name === integration)!.row.id;

t.test('a resource or method the integration lacks is its 404, naming the integration, resource and method', async (t) => {
  const app = await testApp(t);
  const lever = accountOf(app, 'lever');
  expectError(t, await get(app, APPLICATIONS, `integrated_account_id=${lever}`), unsupported('lever', 'list', 'applications', ['move-stage']), 'lever: list applications');
  expectError(t, await get(app, `${APPLICATIONS}/x`, `integrated_account_id=${lever}`), unsupported('lever', 'get', 'applications', ['move-stage']), 'lever: get an application');
  const create = await app.inject({ method: 'POST', url: `${CANDIDATES}?${ACC}`, headers: { ...AUTH, 'content-type': 'application/json' }, payload: '{}' });
  expectError(t, create, unsupported('greenhouse', 'create', 'candidates', ['list', 'get']), 'greenhouse: create a candidate (Lever\'s write)');
  const move = await app.inject({ method: 'POST', url: `${CANDIDATES}/move-stage?${ACC}`, headers: AUTH });
  expectError(t, move, unsupported('greenhouse', 'move-stage', 'candidates', ['list', 'get']), 'a custom method by its name, on a resource without it');
  // The account still comes first: an unknown one is its own 404, a missing one the query insight.
  const unknown = await get(app, APPLICATIONS.replace('applications', 'attachments') + '/x', 'integrated_account_id=nope');
  expectError(t, unknown, { statusCode: 404, error: 'Not Found', message: 'Integrated account "nope" not found' }, 'an unknown account');
});

t.test('auth comes first on every /unified path, known or not', async (t) => {
  const app = await testApp(t);
  const missing = { statusCode: 401, error: 'Unauthorized', message: 'Missing Authorization header: send "Authorization: Bearer <token>"' };
  expectError(t, await get(app, '/unified/ats/widgets', ACC, {}), missing, 'an unknown resource');
  expectError(t, await app.inject({ method: 'POST', url: `${CANDIDATES}?${ACC}` }), missing, 'a method no route has');
  expectError(t, await get(app, '/unified/crm/contacts', ACC, {}), missing, 'another category');
  expectError(t, await get(app, APPLICATIONS, ACC, { authorization: 'Bearer wrong' }), { statusCode: 401, error: 'Unauthorized', message: 'Invalid API token' }, 'a wrong token');
});

t.test('unknown query keys are answered with a warning naming each and its nearest known key', async (t) => {
  const app = await testApp(t);
  const plain = await get(app, CANDIDATES, ACC);
  const res = await get(app, CANDIDATES, `${ACC}&limt=2&cursor=abc&truto_response_fromat=raw&zzz=1`);
  t.equal(res.statusCode, 200, 'still answered, as Truto ignores them');
  t.equal(res.headers['content-type'], JSON_CT);
  t.equal(
    res.headers[WARNING],
    'unknown query parameter limt ignored; did you mean limit?; unknown query parameter cursor ignored; did you mean next_cursor?; ' +
      'unknown query parameter truto_response_fromat ignored; did you mean truto_response_format?; unknown query parameter zzz ignored',
    'each unknown key, with the key it is probably a typo of',
  );
  t.equal(res.body, plain.body, 'the answer is the one without them: a misspelled limit is not applied');
  t.equal(plain.headers[WARNING], undefined, 'no warning without unknown keys');
  // Per route: a key known on one route is unknown on another.
  const get1 = await get(app, `${CANDIDATES}/${ADA}`, `${ACC}&limit=2`);
  t.equal(get1.headers[WARNING], 'unknown query parameter limit ignored', 'limit is a list parameter, unknown on a get');
  // The journal says what the answer said.
  const journal = (await app.inject({ url: `/_mock/journal?path=${CANDIDATES}` })).json() as { entries: { query: Record<string, unknown>; warning: string | null }[] };
  const entry = journal.entries.find((e) => e.query.limt === '2')!;
  t.equal(entry.warning, res.headers[WARNING], 'the journal entry lists the unknown keys');
  t.equal(journal.entries.find((e) => e.query.limt === undefined)!.warning, null, 'and null without them');
  // A cached answer does not lose its warning.
  const again = await get(app, CANDIDATES, `${ACC}&limt=2&cursor=abc&truto_response_fromat=raw&zzz=1`);
  t.equal(again.headers[WARNING], res.headers[WARNING], 'the same warning the second time');
});

t.test('--strict turns unknown query keys into a 400 naming the key', async (t) => {
  const app = await testApp(t, { strict: true });
  expectError(t, await get(app, CANDIDATES, `${ACC}&limt=2`), {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Invalid query parameter limt: unknown parameter on this route; did you mean limit?',
  }, 'limt');
  expectOk(t, await get(app, CANDIDATES, `${ACC}&limit=2`), ListEnvelope(CandidateSchema), 'known keys pass');
});

t.test('a filter the integration\'s API lacks is ignored, and the answer says so', async (t) => {
  const app = await testApp(t);
  const all = await get(app, APPLICATIONS, `${ACC}&truto_ignore_limit=true`);
  const res = await get(app, APPLICATIONS, `${ACC}&truto_ignore_limit=true&candidate_id=${ADA}`);
  t.equal(res.headers[WARNING], 'candidate_id is not supported by greenhouse on applications: ignored');
  t.equal(res.body, all.body, 'every application, as Harvest\'s /applications would answer');
});

t.test('actor, which only Fountain takes on activities, is ignored by the others, and the answer says so', async (t) => {
  const app = await testApp(t);
  let checked = 0;
  for (const account of app.mock.accounts.list()) {
    const res = account.integration.resources.activities;
    if (!res?.methods.includes('list') || res.filters.supported.includes('actor')) continue;
    const acc = `integrated_account_id=${account.row.id}${filterQuery(res.filters.required.list, probe(app, account.row.id))}&truto_ignore_limit=true`;
    const all = await get(app, '/unified/ats/activities', acc);
    const byActor = await get(app, '/unified/ats/activities', `${acc}&actor[id]=nobody&actor[type]=user`);
    t.equal(all.statusCode, 200, `${account.integration.name}: 200`);
    t.ok((all.json() as { result: unknown[] }).result.length > 0, `${account.integration.name}: some activities to compare`);
    t.equal(byActor.headers[WARNING], `actor is not supported by ${account.integration.name} on activities: ignored`, `${account.integration.name}: the warning`);
    t.equal(byActor.body, all.body, `${account.integration.name}: the same activities`);
    checked++;
  }
  t.equal(checked, 4, 'greenhouse, ashby, breezy and workable');
});

t.test('greenhouse applications: get and list, the same records the candidate embeds', async (t) => {
  const app = await testApp(t);
  const ada = expectOk(t, await get(app, `${CANDIDATES}/${ADA}`, ACC), CandidateSchema, 'Ada');
  const one = expectOk(t, await get(app, `${APPLICATIONS}/${ADA_APPLICATION}`, ACC), ApplicationSchema, 'her first application');
  const nested = ada.applications.find((a: { id: string }) => a.id === ADA_APPLICATION);
  const { remote_data: _r, ...bare } = one;
  const { remote_data: _n, ...nestedBare } = nested;
  t.strictSame(bare, nestedBare, 'the application resource and the nested application agree');
  t.type(one.remote_data, 'object', 'the top-level application carries remote_data');

  const job = one.job.id as string;
  const page = expectOk(t, await get(app, APPLICATIONS, `${ACC}&job_id=${job}&truto_ignore_limit=true`), ListEnvelope(ApplicationSchema), 'by job');
  t.ok(page.result.length >= 1, 'at least her application');
  t.ok(page.result.every((a: { job: { id: string } }) => a.job.id === job), 'every one of that job');
  t.ok(page.result.some((a: { id: string }) => a.id === ADA_APPLICATION), 'hers among them');
  const debug = await get(app, APPLICATIONS, `${ACC}&job_id=${job}&limit=2&truto_response_format=debug`);
  t.match(debug.json().debug.requestUrl, new RegExp(`^https://harvest\\.greenhouse\\.io/v1/applications\\?per_page=2&page=1&job_id=${job}$`), 'Harvest\'s /applications call');
  expectError(t, await get(app, `${APPLICATIONS}/404`, ACC), REMOTE_404, 'an unknown application: Harvest\'s 404');
});

t.test('remote_query on a get reaches the emulated call, on every integration', async (t) => {
  const app = await testApp(t);
  for (const account of app.mock.accounts.list()) {
    const ids = probe(app, account.row.id);
    const required = account.integration.resources.candidates!.filters.required.get.includes('job_id') ? `&job_id=${encodeURIComponent(ids.job)}` : '';
    const res = await get(app, `${CANDIDATES}/${encodeURIComponent(ids.candidate)}`, `integrated_account_id=${account.row.id}${required}&remote_query[zz]=1&truto_response_format=debug`);
    t.equal(res.statusCode, 200, `${account.integration.name}: 200`);
    const { requestUrl, requestOptions } = res.json().debug as { requestUrl: string; requestOptions: { body?: unknown } };
    const shown = /[?&]zz=1(&|$)/.test(requestUrl) || (requestOptions.body as Record<string, unknown> | undefined)?.zz === '1';
    t.ok(shown, `${account.integration.name}: zz=1 in the call (${requestUrl} ${JSON.stringify(requestOptions.body ?? null)})`);
  }
});

t.test('workable: attachments by download only, as Truto serves them', async (t) => {
  const app = await testApp(t);
  const workable = accountOf(app, 'workable');
  expectError(t, await get(app, '/unified/ats/attachments', `integrated_account_id=${workable}`), unsupported('workable', 'list', 'attachments', ['download']), 'the list');
  // The links its candidates carry still download.
  const ids = probe(app, workable);
  const candidate = expectOk(t, await get(app, `${CANDIDATES}/${ids.candidate}`, `integrated_account_id=${workable}`), CandidateSchema, 'a candidate with files');
  const link = new URL(candidate.attachments[0].file_url as string);
  const file = await app.inject({ url: link.pathname + link.search });
  t.equal(file.statusCode, 200, 'its résumé link downloads');
  t.ok(file.rawPayload.length > 0, 'with bytes');
  // And through Truto's download method, the same bytes.
  const url = `/unified/ats/attachments/download?integrated_account_id=${workable}&file_url=${encodeURIComponent(candidate.attachments[0].file_url as string)}`;
  const downloaded = await app.inject({ method: 'POST', url, headers: AUTH, payload: {} });
  t.equal(downloaded.statusCode, 200, 'attachments/download answers');
  t.equal(downloaded.headers['content-type'], file.headers['content-type'], 'with the file\'s own type');
  t.equal(downloaded.headers['content-disposition'], file.headers['content-disposition'], 'and its name');
  t.same(downloaded.rawPayload, file.rawPayload, 'byte for byte');
});

t.test('every warning of a request reaches the one header: none hides another', async (t) => {
  const app = await testApp(t);
  const res = await get(app, CANDIDATES, `${ACC}&limt=2`, { ...AUTH, 'x-mock-status': '503' });
  t.equal(res.statusCode, 200, 'x-mock-status is ignored without --header-overrides');
  t.equal(
    res.headers[WARNING],
    'x-mock-status ignored: the mock honours x-mock-* headers only with --header-overrides (TRUTO_MOCK_HEADER_OVERRIDES=true); ' +
      'unknown query parameter limt ignored; did you mean limit?',
    'the ignored header and the unknown key, both',
  );
});
