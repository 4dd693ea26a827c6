import t from 'tap';
import { INTEGRATIONS } from '../src/integrations/registry.js';
import { AccountsInfoSchema, AdminIndexSchema, IndexSchema, type Index } from '../src/model/discovery.js';
import { ADA, GH, assertSchema, testApp } from './helpers.js';

/** No address the banner or the README names answers 404: `/`, `/_mock`, and `/_mock/accounts` for programs. */

const BASE = 'http://mock.test:4010';
const headers = { host: 'mock.test:4010' };

t.test('/ is an index: links, accounts, and what each integration serves (from the registry)', async (t) => {
  const app = await testApp(t);
  const res = await app.inject({ url: '/', headers });
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-type'], 'application/json; charset=utf-8', 'JSON by default (curl sends */*)');
  const index = res.json() as Index;
  assertSchema(t, IndexSchema, index);
  t.strictSame(index.links, {
    docs: `${BASE}/docs`,
    openapi: `${BASE}/openapi.json`,
    health: `${BASE}/health`,
    admin: `${BASE}/_mock`,
    accounts: `${BASE}/_mock/accounts`,
  });
  t.equal(index.auth, 'Authorization: Bearer truto-mock-token');
  t.equal(index.try, `${BASE}/unified/ats/candidates?integrated_account_id=${GH}&limit=2`);
  t.strictSame(index.accounts[0], { id: GH, integration: 'greenhouse', name: 'Acme Robotics (Greenhouse)', candidates: 40 });
  t.strictSame(index.accounts.map((a) => a.integration), ['greenhouse', 'lever', 'ashby', 'breezy', 'fountain', 'workable']);
  t.strictSame(
    index.integrations.map((i) => [i.name, i.resources.map((r) => r.name)]),
    [...INTEGRATIONS.values()].map((i) => [i.name, Object.entries(i.resources).filter(([, r]) => r !== undefined).map(([name]) => name)]),
    'every integration with the resources its registry entry declares',
  );
  const greenhouse = index.integrations.find((i) => i.name === 'greenhouse')!;
  t.strictSame(greenhouse.page_size, { default: 100, max: 500 });
  t.strictSame(greenhouse.resources.find((r) => r.name === 'candidates')!.routes.map((r) => `${r.method} ${r.path}`).sort(), [
    'GET /unified/ats/candidates',
    'GET /unified/ats/candidates/{id}',
  ]);
  t.strictSame(index.integrations.find((i) => i.name === 'breezy')!.resources.find((r) => r.name === 'attachments')!.required_filters, {
    list: ['candidate_id', 'job_id'],
    get: [],
  });
  for (const integration of index.integrations) {
    for (const resource of integration.resources) {
      t.strictSame(
        resource.routes.map((r) => (r.method === 'GET' ? (r.path.endsWith('/{id}') ? 'get' : 'list') : r.path === `/unified/ats/${resource.name}` ? 'create' : r.path.split('/').pop())).sort(),
        [...resource.methods].sort(),
        `${integration.name} ${resource.name}: a route for each method its API offers, and no other`,
      );
      for (const route of resource.routes) {
        t.ok(app.hasRoute({ method: route.method as 'GET', url: route.path.replace(/\{(\w+)\}/g, ':$1') }), `${route.method} ${route.path} exists`);
      }
    }
  }

  const tokenless = await testApp(t, { tokens: ['secret-one'] });
  t.equal(((await tokenless.inject({ url: '/' })).json() as Index).auth, 'Authorization: Bearer <one of the tokens the mock was started with (--tokens)>', 'a configured token is not shown');
});

t.test('/ in a browser is a page with the same links', async (t) => {
  const app = await testApp(t);
  const res = await app.inject({ url: '/', headers: { ...headers, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-type'], 'text/html; charset=utf-8');
  t.match(res.body, /^<!doctype html>/);
  t.match(res.body, `<a href="${BASE}/docs">`);
  t.match(res.body, `<a href="${BASE}/openapi.json">`);
  t.match(res.body, `<td><code>${GH}</code></td><td>greenhouse</td>`);
  t.match(res.body, 'Truto&#39;s', 'text is escaped');
});

t.test('/_mock lists the admin routes, each of which exists', async (t) => {
  const app = await testApp(t);
  const res = await app.inject({ url: '/_mock', headers });
  t.equal(res.statusCode, 200);
  const body = res.json() as { routes: { method: string; path: string; summary: string }[]; docs: string };
  assertSchema(t, AdminIndexSchema, body);
  t.equal(body.docs, `${BASE}/docs`);
  const listed = body.routes.map((r) => `${r.method} ${r.path}`);
  for (const route of ['POST /_mock/reset', 'GET /_mock/journal', 'POST /_mock/journal/find', 'DELETE /_mock/journal', 'GET /_mock/rules', 'POST /_mock/rules', 'DELETE /_mock/rules/{id}']) {
    t.ok(listed.includes(route), `${route} is listed`);
  }
  for (const r of body.routes) {
    t.ok(app.hasRoute({ method: r.method as 'GET', url: r.path.replace(/\{(\w+)\}/g, ':$1') }), `${r.method} ${r.path} exists`);
    t.ok(r.summary.length > 0, `${r.method} ${r.path} says what it does`);
  }
});

t.test('/_mock/accounts tells a program the accounts, integrations and pinned ids', async (t) => {
  const app = await testApp(t);
  const res = await app.inject({ url: '/_mock/accounts' });
  t.equal(res.statusCode, 200);
  const body = res.json() as { accounts: { id: string; pinned: { candidates: unknown[] } }[]; integrations: { name: string }[] };
  assertSchema(t, AccountsInfoSchema, body);
  t.equal(body.accounts.length, 6);
  t.strictSame(body.accounts[0]!.pinned.candidates[0], {
    id: ADA,
    name: 'Ada Lovelace',
    applications: ['9100001003', '9100002003'],
    attachments: ['9200001003', '9200002003', '9200003003', '9200004003', '9200005003', '9200006003'],
  });
  t.strictSame(body.accounts[0]!.pinned.candidates.map((c) => (c as { name: string }).name), ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', "Zoë O'Brien-Núñez"]);
  t.strictSame(body.integrations.map((i) => i.name), [...INTEGRATIONS.keys()]);
});

t.test('the admin index and the accounts are admin routes: never journaled', async (t) => {
  const app = await testApp(t);
  await app.inject({ url: '/_mock' });
  await app.inject({ url: '/_mock/accounts' });
  const journal = (await app.inject({ url: '/_mock/journal' })).json() as { entries: unknown[]; total: number };
  t.strictSame([journal.entries, journal.total], [[], 0]);
});
