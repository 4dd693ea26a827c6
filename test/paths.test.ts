import t from 'tap';
import { collapseSlashes } from '../src/url-path.js';
import { ACC, ADA, AUTH, CANDIDATES, GH, JSON_CT, TOKEN, get, testApp } from './helpers.js';

// A base URL with a trailing slash (`new TrutoApi({ baseUrl: 'http://127.0.0.1:4010/' })`) sends `//unified/...`.
const DOUBLE = `/${CANDIDATES}/${ADA}`;

t.test('collapseSlashes: the path part only, never the query', async (t) => {
  t.equal(collapseSlashes('//unified//ats///candidates/1'), '/unified/ats/candidates/1');
  t.equal(collapseSlashes('//unified/ats/attachments/download?file_url=http://h/files//a'), '/unified/ats/attachments/download?file_url=http://h/files//a');
  t.equal(collapseSlashes('/unified/ats/candidates?x=//'), '/unified/ats/candidates?x=//', 'nothing to do: the same string');
  t.equal(collapseSlashes('/unified/ats/candidates/a%2F%2Fb'), '/unified/ats/candidates/a%2F%2Fb', 'an encoded slash is part of an id');
  t.equal(collapseSlashes('//'), '/');
});

t.test('a //unified/... request is answered, journaled and matched by rules as /unified/...', async (t) => {
  const app = await testApp(t, { candidates: 10 });
  const single = await get(app, `${CANDIDATES}/${ADA}`, ACC);
  const double = await get(app, DOUBLE, `${ACC}&remote_query[next]=a//b`);
  t.equal(double.statusCode, 200);
  t.equal(double.headers['content-type'], JSON_CT);
  t.strictSame(double.json(), single.json(), 'the same answer');

  const journal = (await app.inject({ url: `/_mock/journal?path=${CANDIDATES}/*` })).json();
  t.equal(journal.count, 2, 'the journal filter finds both spellings');
  t.strictSame(
    journal.entries.map((e: { path: string; query: unknown }) => [e.path, e.query]),
    [
      [`${CANDIDATES}/${ADA}`, { integrated_account_id: GH }],
      [`${CANDIDATES}/${ADA}`, { integrated_account_id: GH, 'remote_query[next]': 'a//b' }],
    ],
    'journaled under the one path; the query as sent',
  );

  const rule = await app.inject({
    method: 'POST',
    url: '/_mock/rules',
    payload: { id: 'outage', match: { path: `${CANDIDATES}/*` }, action: { type: 'error', status: 503 }, scope: { times: 1 } },
  });
  t.equal(rule.statusCode, 201);
  const failed = await app.inject({ method: 'GET', url: `${DOUBLE}?${ACC}`, headers: AUTH });
  t.equal(failed.statusCode, 503, 'the fault rule on /unified/ats/candidates/* fires for //unified/...');
  t.equal((await app.inject({ url: '/_mock/rules/outage' })).json().fired, 1);
  t.equal((await get(app, DOUBLE, ACC)).statusCode, 200, 'once, as its scope says');
  t.equal((await app.inject({ url: `/_mock/journal?path=${CANDIDATES}/*` })).json().count, 4);

  const unknown = await app.inject({ method: 'GET', url: `//unified//ats/candidates/1/attachments?${ACC}`, headers: { authorization: `Bearer ${TOKEN}` } });
  t.equal(unknown.statusCode, 404);
  t.equal(unknown.json().message, 'Route GET:/unified/ats/candidates/1/attachments not found', 'a 404 names the normalized path');
  t.notMatch(unknown.json().message, /\/\//);
});
