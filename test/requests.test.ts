/**
 * CONTRACT §1 "Requests" over HTTP: Bearer auth, integrated_account_id, qs-style query strings as Truto's docs and
 * official SDKs send them (their wire requests replayed literally), and percent-encoded ids.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import type { LightMyRequestResponse } from 'fastify';
import t, { type Test } from 'tap';
import { AttachmentSchema } from '../src/model/attachment.js';
import { CandidateSchema } from '../src/model/candidate.js';
import type { TrutoErrorBody } from '../src/model/error.js';
import { ListEnvelope } from '../src/model/list.js';
import { ACC, ADA, ATTACHMENTS, AUTH, CANDIDATES, GH, GRACE, JSON_CT, MISSING_ACCOUNT, REMOTE_404, TOKEN, ZOE, assertSchema, expectError, expectOk, get, testApp } from './helpers.js';

const CandidateList = ListEnvelope(CandidateSchema);
const AttachmentList = ListEnvelope(AttachmentSchema);

/** Headers of the TypeScript SDK 2.0.12 (CONTRACT §1, seen on the wire). */
const TS_SDK = { accept: 'application/json', authorization: `Bearer ${TOKEN}`, 'user-agent': 'truto-ts-sdk/2.0.12' };
/** Headers of the Python SDK 0.1.1: it also sends a JSON content type on GET (with no body). */
const PY_SDK = {
  accept: 'application/json',
  authorization: `Bearer ${TOKEN}`,
  'content-type': 'application/json',
  'user-agent': 'python-requests/2.32.3',
};

const NO_TOKEN: TrutoErrorBody = {
  statusCode: 401,
  error: 'Unauthorized',
  message: 'Missing Authorization header: send "Authorization: Bearer <token>"',
};
const BAD_SCHEME: TrutoErrorBody = {
  statusCode: 401,
  error: 'Unauthorized',
  message: 'Authorization header must use the Bearer scheme: "Bearer <token>"',
};
const BAD_TOKEN: TrutoErrorBody = { statusCode: 401, error: 'Unauthorized', message: 'Invalid API token' };
const unknownAccount = (id: string): TrutoErrorBody => ({
  statusCode: 404,
  error: 'Not Found',
  message: `Integrated account ${JSON.stringify(id)} not found`,
});
const invalid = (message: string): TrutoErrorBody => ({ statusCode: 400, error: 'Bad Request', message });

function expectAda(t: Test, res: LightMyRequestResponse, what = 'Ada'): void {
  const body = expectOk(t, res, CandidateSchema, what);
  t.match(body, { id: ADA, first_name: 'Ada', last_name: 'Lovelace', name: 'Ada Lovelace' }, `${what}: the pinned record`);
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Auth
// ---------------------------------------------------------------------------------------------------------------

t.test('auth: no Authorization header is a 401', async (t) => {
  const app = await testApp(t);
  expectError(t, await get(app, `${CANDIDATES}/${ADA}`, ACC, {}), NO_TOKEN, 'get');
  expectError(t, await get(app, CANDIDATES, ACC, {}), NO_TOKEN, 'list candidates');
  expectError(t, await get(app, ATTACHMENTS, ACC, {}), NO_TOKEN, 'list attachments');
  expectError(t, await get(app, CANDIDATES, ACC, { authorization: '' }), NO_TOKEN, 'empty header');
});

t.test('auth: another scheme is a 401', async (t) => {
  const app = await testApp(t);
  const basic = Buffer.from(`${TOKEN}:`).toString('base64');
  expectError(t, await get(app, `${CANDIDATES}/${ADA}`, ACC, { authorization: `Basic ${basic}` }), BAD_SCHEME, 'Basic');
  expectError(t, await get(app, `${CANDIDATES}/${ADA}`, ACC, { authorization: TOKEN }), BAD_SCHEME, 'bare token');
  expectError(t, await get(app, `${CANDIDATES}/${ADA}`, ACC, { authorization: `Token ${TOKEN}` }), BAD_SCHEME, 'Token scheme');
  expectError(t, await get(app, `${CANDIDATES}/${ADA}`, ACC, { authorization: 'Bearer' }), BAD_SCHEME, 'Bearer without a token');
  expectError(t, await get(app, `${CANDIDATES}/${ADA}`, ACC, { authorization: 'Bearer ' }), BAD_SCHEME, 'Bearer and a space');
  expectError(t, await get(app, `${CANDIDATES}/${ADA}`, ACC, { authorization: `Bearer${TOKEN}` }), BAD_SCHEME, 'no space');
  expectError(t, await get(app, `${CANDIDATES}/${ADA}`, ACC, { authorization: `Bearer ${TOKEN} ${TOKEN}` }), BAD_SCHEME, 'two tokens');
});

t.test('auth: a wrong token is a 401; tokens are case-sensitive', async (t) => {
  const app = await testApp(t);
  expectError(t, await get(app, `${CANDIDATES}/${ADA}`, ACC, { authorization: 'Bearer not-the-token' }), BAD_TOKEN, 'wrong');
  expectError(t, await get(app, `${CANDIDATES}/${ADA}`, ACC, { authorization: `Bearer ${TOKEN.toUpperCase()}` }), BAD_TOKEN, 'upper-case');
  expectError(t, await get(app, `${CANDIDATES}/${ADA}`, ACC, { authorization: `Bearer ${TOKEN}x` }), BAD_TOKEN, 'longer');
  expectError(t, await get(app, ATTACHMENTS, ACC, { authorization: 'Bearer not-the-token' }), BAD_TOKEN, 'attachments');
});

t.test('auth: the scheme is case-insensitive and extra spaces are tolerated', async (t) => {
  const app = await testApp(t);
  const reference = await get(app, `${CANDIDATES}/${ADA}`, ACC);
  expectAda(t, reference, 'Bearer');
  for (const authorization of [
    `bearer ${TOKEN}`,
    `BEARER ${TOKEN}`,
    `Bearer   ${TOKEN}`,
    `Bearer ${TOKEN}   `,
    `Bearer\t${TOKEN}`,
    `bearer  ${TOKEN} \t`,
  ]) {
    const res = await get(app, `${CANDIDATES}/${ADA}`, ACC, { authorization });
    expectAda(t, res, JSON.stringify(authorization));
    t.equal(res.body, reference.body, `${JSON.stringify(authorization)}: same body as with "Bearer <token>"`);
  }
});

t.test('auth: a configured token list replaces the default', async (t) => {
  const app = await testApp(t, { tokens: ['a', 'b'] });
  expectAda(t, await get(app, `${CANDIDATES}/${ADA}`, ACC, { authorization: 'Bearer a' }), 'token a');
  expectAda(t, await get(app, `${CANDIDATES}/${ADA}`, ACC, { authorization: 'Bearer b' }), 'token b');
  expectOk(t, await get(app, ATTACHMENTS, ACC, { authorization: 'Bearer b' }), AttachmentList, 'token b, attachments');
  expectError(t, await get(app, `${CANDIDATES}/${ADA}`, ACC, AUTH), BAD_TOKEN, 'the default token');
  expectError(t, await get(app, `${CANDIDATES}/${ADA}`, ACC, { authorization: 'Bearer ab' }), BAD_TOKEN, 'token ab');
  expectError(t, await get(app, `${CANDIDATES}/${ADA}`, ACC, { authorization: 'Bearer a,b' }), BAD_TOKEN, 'token a,b');
});

t.test('auth comes before every parameter check', async (t) => {
  const app = await testApp(t);
  expectError(t, await get(app, `${CANDIDATES}/${ADA}`, '', {}), NO_TOKEN, 'no token, no account');
  expectError(t, await get(app, CANDIDATES, 'limit=abc', {}), NO_TOKEN, 'no token, no account, bad limit');
  expectError(t, await get(app, CANDIDATES, 'integrated_account_id=nope', { authorization: 'Bearer nope' }), BAD_TOKEN, 'wrong token, unknown account');
  expectError(t, await get(app, CANDIDATES, `${ACC}&truto_response_format=xml`, { authorization: 'Basic x' }), BAD_SCHEME, 'Basic, bad format');
  expectError(t, await get(app, `${CANDIDATES}/`, '', {}), NO_TOKEN, 'no token, empty id');
  // And with the token, the same request reaches the parameter check.
  expectError(t, await get(app, `${CANDIDATES}/${ADA}`, ''), MISSING_ACCOUNT, 'token, no account');
});

// ---------------------------------------------------------------------------------------------------------------
// 2. integrated_account_id
// ---------------------------------------------------------------------------------------------------------------

t.test('integrated_account_id: missing is a 400 with a truto_error_insight, on every route', async (t) => {
  const app = await testApp(t);
  expectError(t, await get(app, `${CANDIDATES}/${ADA}`), MISSING_ACCOUNT, 'get candidate');
  expectError(t, await get(app, CANDIDATES), MISSING_ACCOUNT, 'list candidates');
  expectError(t, await get(app, ATTACHMENTS), MISSING_ACCOUNT, 'list attachments');
  expectError(t, await get(app, ATTACHMENTS, 'limit=2&truto_exclude_fields=id'), MISSING_ACCOUNT, 'with other parameters');
  expectError(t, await get(app, CANDIDATES, `Integrated_Account_Id=${GH}`), MISSING_ACCOUNT, 'names are case-sensitive');
});

t.test('integrated_account_id: sent empty counts as missing', async (t) => {
  const app = await testApp(t);
  expectError(t, await get(app, `${CANDIDATES}/${ADA}`, 'integrated_account_id='), MISSING_ACCOUNT, 'get, empty');
  expectError(t, await get(app, CANDIDATES, 'integrated_account_id=&limit=2'), MISSING_ACCOUNT, 'list, empty');
  expectError(t, await get(app, ATTACHMENTS, 'integrated_account_id'), MISSING_ACCOUNT, 'key without =');
  expectError(t, await get(app, ATTACHMENTS, 'integrated_account_id=&integrated_account_id='), MISSING_ACCOUNT, 'twice empty');
  // An empty copy beside a real value is absent, so the real value stands.
  expectAda(t, await get(app, `${CANDIDATES}/${ADA}`, `integrated_account_id=&${ACC}`), 'an empty copy and a real one');
});

t.test('integrated_account_id: an unknown account is a 404', async (t) => {
  const app = await testApp(t);
  expectError(t, await get(app, `${CANDIDATES}/${ADA}`, 'integrated_account_id=acc'), unknownAccount('acc'), 'get');
  expectError(t, await get(app, CANDIDATES, 'integrated_account_id=acc'), unknownAccount('acc'), 'list candidates');
  expectError(t, await get(app, ATTACHMENTS, 'integrated_account_id=acc'), unknownAccount('acc'), 'list attachments');
  expectError(t, await get(app, CANDIDATES, `integrated_account_id=${GH.toUpperCase()}`), unknownAccount(GH.toUpperCase()), 'ids are exact');
  expectError(t, await get(app, CANDIDATES, `integrated_account_id=${GH}%20`), unknownAccount(`${GH} `), 'not trimmed');
  expectError(t, await get(app, CANDIDATES, 'integrated_account_id=%22q%22%5C'), unknownAccount('"q"\\'), 'quotes escaped in JSON');
});

t.test('integrated_account_id: sent twice is a 400 naming it', async (t) => {
  const app = await testApp(t);
  const twice = invalid('Invalid query parameter integrated_account_id: must be a single string value');
  expectError(t, await get(app, `${CANDIDATES}/${ADA}`, `${ACC}&${ACC}`), twice, 'same value twice');
  expectError(t, await get(app, CANDIDATES, `${ACC}&integrated_account_id=other`), twice, 'two values');
  expectError(t, await get(app, ATTACHMENTS, `integrated_account_id[]=${GH}&integrated_account_id[]=${GH}`), twice, 'array form');
  expectError(t, await get(app, CANDIDATES, `integrated_account_id[x]=${GH}`), twice, 'object form');
});

// ---------------------------------------------------------------------------------------------------------------
// 3. Query strings as the SDKs send them
// ---------------------------------------------------------------------------------------------------------------

t.test('TypeScript SDK: get candidate with excluded fields and a nested remote_query, literally', async (t) => {
  const app = await testApp(t);
  const query = (id: string) =>
    `${CANDIDATES}/${id}?integrated_account_id=${GH}&truto_exclude_fields%5B0%5D=id&truto_exclude_fields%5B1%5D=name&remote_query%5Bfoo%5D=bar`;
  // The URL as the contract shows it (id 123 does not exist): a remote 404, so the query parsed cleanly.
  expectError(t, await app.inject({ method: 'GET', url: query('123'), headers: TS_SDK }), REMOTE_404, 'id 123');

  const res = await app.inject({ method: 'GET', url: query(ADA), headers: TS_SDK });
  const body = expectOk(t, res, Type.Omit(CandidateSchema, ['id', 'name']), 'Ada without id and name');
  t.notOk('id' in body, 'id excluded');
  t.notOk('name' in body, 'name excluded');
  t.match(body, { first_name: 'Ada', last_name: 'Lovelace', company: 'Analytical Engines Ltd' }, 'the rest of Ada is there');
  // Exclusion reaches only the record's own fields: nested ids (applications, tags) stay.
  t.equal(body.applications[0].id, '9100001003', 'nested ids are kept');

  const plain = await get(app, `${CANDIDATES}/${ADA}`, `${ACC}&truto_exclude_fields=id,name`);
  t.equal(res.body, plain.body, 'same bytes as the comma form without remote_query');
});

t.test('TypeScript SDK: list attachments with next_cursor= (first page), then the cursor it was given', async (t) => {
  const app = await testApp(t);
  const first = await app.inject({ method: 'GET', url: `${ATTACHMENTS}?integrated_account_id=${GH}&limit=2&next_cursor=`, headers: TS_SDK });
  const page1 = expectOk(t, first, AttachmentList, 'page 1');
  t.equal(page1.result.length, 2, 'page 1: two records');
  t.equal(page1.result_count, 2, 'page 1: result_count');
  t.type(page1.next_cursor, 'string', 'page 1: a next_cursor');
  t.equal(page1.prev_cursor, null, 'page 1: prev_cursor null');

  const without = await app.inject({ method: 'GET', url: `${ATTACHMENTS}?integrated_account_id=${GH}&limit=2`, headers: TS_SDK });
  t.equal(without.body, first.body, 'first() without next_cursor: the same bytes');

  const second = await app.inject({
    method: 'GET',
    url: `${ATTACHMENTS}?integrated_account_id=${GH}&limit=2&next_cursor=${page1.next_cursor}`,
    headers: TS_SDK,
  });
  const page2 = expectOk(t, second, AttachmentList, 'page 2');
  t.equal(page2.result.length, 2, 'page 2: two records');
  const ids1 = page1.result.map((a: { id: string }) => a.id);
  const ids2 = page2.result.map((a: { id: string }) => a.id);
  t.equal(new Set([...ids1, ...ids2]).size, 4, 'page 2 continues page 1');
  t.not(page2.next_cursor, page1.next_cursor, 'a fresh cursor, not the same one again');
});

t.test('TypeScript SDK: an id with a slash, a space and a question mark, and unknown parameters', async (t) => {
  const app = await testApp(t);
  const res = await app.inject({
    method: 'GET',
    url: `${CANDIDATES}/a%2Fb%20c%3Fd?integrated_account_id=${GH}&bool=true&nul=&date=2024-05-01T00%3A00%3A00.000Z`,
    headers: TS_SDK,
  });
  expectError(t, res, REMOTE_404, 'a/b c?d');
});

t.test('Python SDK: list attachments with truto_exclude_fields%5B%5D and a JSON content type on GET', async (t) => {
  const app = await testApp(t);
  const url = `${ATTACHMENTS}?integrated_account_id=${GH}&truto_exclude_fields%5B%5D=id&truto_exclude_fields%5B%5D=name`;
  const res = await app.inject({ method: 'GET', url, headers: PY_SDK });
  const body = expectOk(t, res, ListEnvelope(Type.Omit(AttachmentSchema, ['id'])), 'attachments without id');
  t.ok(body.result.length > 2, 'records on the first page');
  t.equal(body.result_count, body.result.length, 'result_count counts the page');
  t.ok(body.result.every((a: object) => !('id' in a) && 'file_name' in a), 'no record has an id; file_name stays');

  const ts = await app.inject({ method: 'GET', url: url.replaceAll('%5B%5D', '[]'), headers: TS_SDK });
  t.equal(ts.body, res.body, 'the same bytes with literal brackets and the TypeScript SDK\'s headers');
  // A JSON content type on GET with a Content-Length of 0 is no body to parse either.
  const empty = await app.inject({ method: 'GET', url, headers: { ...PY_SDK, 'content-length': '0' } });
  t.equal(empty.statusCode, 200, 'Content-Length: 0');
  t.equal(empty.body, res.body, 'Content-Length: 0: the same bytes');
});

t.test('truto_exclude_fields: every spelling gives byte-identical bodies', async (t) => {
  const app = await testApp(t);
  const forms = {
    'brackets []': 'truto_exclude_fields[]=id&truto_exclude_fields[]=name',
    'brackets %5B%5D': 'truto_exclude_fields%5B%5D=id&truto_exclude_fields%5B%5D=name',
    'indices %5B0%5D': 'truto_exclude_fields%5B0%5D=id&truto_exclude_fields%5B1%5D=name',
    'indices [0]': 'truto_exclude_fields[0]=id&truto_exclude_fields[1]=name',
    comma: 'truto_exclude_fields=id,name',
    'comma %2C': 'truto_exclude_fields=id%2Cname',
    'comma and + (a space)': 'truto_exclude_fields=id,+name',
    'repeated plain key': 'truto_exclude_fields=id&truto_exclude_fields=name',
    'mixed forms': 'truto_exclude_fields[]=id&truto_exclude_fields=name',
  };
  const schema = ListEnvelope(Type.Omit(CandidateSchema, ['id', 'name']));
  const full = expectOk(t, await get(app, CANDIDATES, `${ACC}&limit=3`), CandidateList, 'no exclusion');
  t.ok(full.result.every((c: object) => 'id' in c && 'name' in c), 'without exclusion, id and name are there');

  const bodies = new Map<string, string>();
  for (const [form, q] of Object.entries(forms)) {
    const res = await get(app, CANDIDATES, `${ACC}&limit=3&${q}`);
    const body = expectOk(t, res, schema, form);
    t.equal(body.result.length, 3, `${form}: three records`);
    t.ok(body.result.every((c: object) => !('id' in c) && !('name' in c) && 'first_name' in c), `${form}: id and name gone, the rest kept`);
    bodies.set(form, res.body);
  }
  const reference = bodies.get('brackets []');
  for (const [form, body] of bodies) t.equal(body, reference, `${form}: byte-identical to the [] form`);

  // The same holds on a single record.
  const one = (q: string) => get(app, `${CANDIDATES}/${ZOE}`, `${ACC}&${q}`);
  const zoeRef = await one(forms['brackets []']);
  expectOk(t, zoeRef, Type.Omit(CandidateSchema, ['id', 'name']), 'Zoë without id and name');
  t.equal(zoeRef.json().last_name, 'O\'Brien-Núñez', 'Zoë\'s name survives in UTF-8');
  for (const [form, q] of Object.entries(forms)) t.equal((await one(q)).body, zoeRef.body, `Zoë, ${form}: byte-identical`);
});

t.test('remote_query: nested keys are accepted', async (t) => {
  const app = await testApp(t);
  const plain = await get(app, `${CANDIDATES}/${ADA}`, ACC);
  expectAda(t, plain, 'plain');
  for (const q of ['remote_query[foo]=bar', 'remote_query%5Bfoo%5D=bar', 'remote_query[foo][bar]=baz', 'remote_query[a][]=1&remote_query[a][]=2']) {
    const res = await get(app, `${CANDIDATES}/${ADA}`, `${ACC}&${q}`);
    expectAda(t, res, q);
    t.equal(res.body, plain.body, `${q}: a key Greenhouse does not know changes nothing`);
  }
  const list = await get(app, CANDIDATES, `${ACC}&limit=3&remote_query[foo]=bar`);
  const body = expectOk(t, list, CandidateList, 'list with remote_query');
  const without = expectOk(t, await get(app, CANDIDATES, `${ACC}&limit=3`), CandidateList, 'list without');
  t.strictSame(body.result, without.result, 'list: the same records');
});

t.test('unknown query keys are ignored', async (t) => {
  const app = await testApp(t);
  const cases: [string, string, TSchema][] = [
    [`${CANDIDATES}/${ADA}`, '', CandidateSchema],
    [CANDIDATES, '&limit=3', CandidateList],
    [ATTACHMENTS, '&limit=3', AttachmentList],
  ];
  for (const [path, extra, schema] of cases) {
    const plain = await get(app, path, `${ACC}${extra}`);
    expectOk(t, plain, schema, `${path}: plain`);
    for (const unknown of ['foo=bar', 'bool=true&nul=&date=2024-05-01T00%3A00%3A00.000Z', 'x[y][z]=1&x[]=2', 'page=7&per_page=1&cursor=abc', 'TRUTO_RESPONSE_FORMAT=xml']) {
      const res = await get(app, path, `${unknown}&${ACC}${extra}`);
      expectOk(t, res, schema, `${path} + ${unknown}`);
      t.equal(res.body, plain.body, `${path} + ${unknown}: same bytes`);
    }
  }
});

t.test('a key sent empty counts as absent: next_cursor=, limit=, truto_response_format=', async (t) => {
  const app = await testApp(t);
  const listed = await get(app, CANDIDATES, ACC);
  const all = expectOk(t, listed, CandidateList, 'default list');
  t.ok(all.result_count > 3, 'the default page holds more than 3 records');

  const emptyCursor = await get(app, CANDIDATES, `${ACC}&limit=3&next_cursor=`);
  const page1 = expectOk(t, emptyCursor, CandidateList, 'next_cursor=');
  t.equal(page1.result[0].id, ADA, 'next_cursor=: the first page');
  t.equal(emptyCursor.body, (await get(app, CANDIDATES, `${ACC}&limit=3`)).body, 'next_cursor=: same bytes as without');

  const emptyLimit = await get(app, CANDIDATES, `${ACC}&limit=`);
  expectOk(t, emptyLimit, CandidateList, 'limit=');
  t.equal(emptyLimit.body, listed.body, 'limit=: the default page');
  t.not(emptyLimit.body, emptyCursor.body, 'limit=: not a page of 3');

  const emptyFormat = await get(app, `${CANDIDATES}/${ADA}`, `${ACC}&truto_response_format=`);
  expectAda(t, emptyFormat, 'truto_response_format=');
  t.equal(emptyFormat.body, (await get(app, `${CANDIDATES}/${ADA}`, ACC)).body, 'truto_response_format=: unified');
  t.equal(emptyFormat.body, (await get(app, `${CANDIDATES}/${ADA}`, `${ACC}&truto_response_format=unified`)).body, 'same as =unified');
  t.ok('remote_data' in emptyFormat.json(), 'unified carries remote_data');

  const emptyFlags = await get(app, CANDIDATES, `${ACC}&limit=3&truto_ignore_remote_data=&truto_exclude_fields=&truto_key_by=&truto_ignore_limit=`);
  expectOk(t, emptyFlags, CandidateList, 'every Truto flag empty');
  t.equal(emptyFlags.body, emptyCursor.body, 'every Truto flag empty: same bytes as none');
});

t.test('booleans are true/false', async (t) => {
  const app = await testApp(t);
  const on = expectOk(t, await get(app, `${CANDIDATES}/${ADA}`, `${ACC}&truto_ignore_remote_data=true`), CandidateSchema, 'true');
  t.notOk('remote_data' in on, 'true: remote_data dropped');
  const off = await get(app, `${CANDIDATES}/${ADA}`, `${ACC}&truto_ignore_remote_data=false`);
  expectAda(t, off, 'false');
  t.equal(off.body, (await get(app, `${CANDIDATES}/${ADA}`, ACC)).body, 'false: as if absent');
});

t.test('spaces as + (Python) and as %20 mean the same', async (t) => {
  const app = await testApp(t);
  const plus = await get(app, CANDIDATES, 'integrated_account_id=no+such+account');
  expectError(t, plus, unknownAccount('no such account'), '+');
  t.equal((await get(app, CANDIDATES, 'integrated_account_id=no%20such%20account')).body, plus.body, '%20: same bytes');
  t.equal(
    (await get(app, CANDIDATES, `${ACC}&limit=3&truto_exclude_fields=id,+name`)).body,
    (await get(app, CANDIDATES, `${ACC}&limit=3&truto_exclude_fields=id,%20name`)).body,
    'in a list value too',
  );
  // A literal + is %2B on the wire (urlencode): a date with an offset.
  const offset = await get(app, CANDIDATES, `${ACC}&limit=3&created_at[gte]=2000-01-01T01:00:00%2B01:00`);
  expectOk(t, offset, CandidateList, '%2B offset');
  t.equal(offset.body, (await get(app, CANDIDATES, `${ACC}&limit=3&created_at[gte]=2000-01-01T00:00:00Z`)).body, '%2B01:00 is that instant');
});

t.test('dates: every ISO 8601 spelling of one instant is the same filter; no zone means UTC on any machine', async (t) => {
  const app = await testApp(t);
  // The debug format shows the Harvest URL the filter becomes: the instant, normalized.
  const answer = (value: string) => get(app, CANDIDATES, `${ACC}&limit=1&truto_response_format=debug&created_at[gte]=${value}`);
  const reference = await answer('2024-01-01T00:00:00Z');
  t.equal(reference.statusCode, 200, 'reference: 200');
  t.equal(reference.headers['content-type'], JSON_CT, 'reference: JSON content type');
  const { debug, ...envelope } = reference.json();
  assertSchema(t, CandidateList, envelope, 'reference: the envelope beside debug');
  t.match(debug.requestUrl, /created_after=2024-01-01T00%3A00%3A00\.000Z|created_after=2024-01-01T00:00:00\.000Z/, 'the instant reaches the remote URL');
  const spellings = [
    '2024-01-01',
    '2024-01-01T00:00:00.000Z',
    '2024-01-01T00:00:00.000000Z',
    '2024-01-01T00:00Z',
    '2024-01-01t00:00:00z',
    '2024-01-01T01:00:00%2B01:00',
    '2024-01-01T01:00:00%2B0100',
    '2023-12-31T19:00:00-05:00',
    '2024-01-01%2000:00:00%2B00:00',
    '2024-01-01T00:00:00',
    '2024-01-01T00:00',
  ];
  const tz = process.env.TZ;
  t.teardown(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });
  for (const zone of ['UTC', 'America/New_York', 'Asia/Kolkata']) {
    process.env.TZ = zone;
    for (const value of spellings) {
      const res = await answer(value);
      t.equal(res.statusCode, 200, `${zone}, ${value}: 200`);
      t.equal(res.headers['content-type'], JSON_CT, `${zone}, ${value}: JSON content type`);
      const { debug: _debug, ...envelope } = res.json();
      assertSchema(t, CandidateList, envelope, `${zone}, ${value}: the envelope beside debug`);
      t.equal(res.body, reference.body, `${zone}, ${value}: same bytes as 2024-01-01T00:00:00Z`);
    }
  }
});

// ---------------------------------------------------------------------------------------------------------------
// 4. Ids
// ---------------------------------------------------------------------------------------------------------------

t.test('ids: a fully percent-encoded id is the id', async (t) => {
  const app = await testApp(t);
  const encoded = await get(app, `${CANDIDATES}/%39%30%30%30%30%30%31%30%30%33`, ACC);
  expectAda(t, encoded, '%39%30…');
  t.equal(encoded.body, (await get(app, `${CANDIDATES}/${ADA}`, ACC)).body, 'same bytes as the plain id');
  const grace = await get(app, `${CANDIDATES}/${encodeURIComponent(GRACE)}`, ACC);
  t.match(expectOk(t, grace, CandidateSchema, 'Grace'), { id: GRACE, name: 'Grace Hopper', attachments: [] }, 'Grace, no attachments');
});

t.test('ids: an id with /, space and ? is a remote 404, not a route 404 nor a 500', async (t) => {
  const app = await testApp(t);
  expectError(t, await get(app, `${CANDIDATES}/a%2Fb%20c%3Fd`, ACC), REMOTE_404, 'a/b c?d');
  expectError(t, await get(app, `${CANDIDATES}/${encodeURIComponent(`${ADA}/x`)}`, ACC), REMOTE_404, 'pinned id + /x');
  expectError(t, await get(app, `${CANDIDATES}/%2F`, ACC), REMOTE_404, 'a lone /');
  expectError(t, await get(app, `${CANDIDATES}/${encodeURIComponent('../candidates')}`, ACC), REMOTE_404, '../candidates');
  expectError(t, await get(app, `${CANDIDATES}/${encodeURIComponent(`${ADA}?x=1`)}`, ACC), REMOTE_404, 'id?x=1');
  expectError(t, await get(app, `${CANDIDATES}/%20${ADA}`, ACC), REMOTE_404, 'leading space: not trimmed');
  expectError(t, await get(app, `${CANDIDATES}/${encodeURIComponent("' OR 1=1 --")}`, ACC), REMOTE_404, 'SQL in the id');
});

t.test('ids: a 900-character id is a remote 404', async (t) => {
  const app = await testApp(t);
  expectError(t, await get(app, `${CANDIDATES}/${'9'.repeat(900)}`, ACC), REMOTE_404, '900 nines');
  expectError(t, await get(app, `${CANDIDATES}/${encodeURIComponent('ü'.repeat(300))}`, ACC), REMOTE_404, '300 ü (1,800 encoded)');
});

t.test('ids: malformed percent-encoding in the path is a 400', async (t) => {
  const app = await testApp(t);
  const malformed = invalid('The request URL is malformed (bad percent-encoding)');
  expectError(t, await get(app, `${CANDIDATES}/%zz`, ACC), malformed, '%zz');
  expectError(t, await get(app, `${CANDIDATES}/abc%`, ACC), malformed, 'trailing %');
  expectError(t, await get(app, `${CANDIDATES}/%E0%A4%A`, ACC), malformed, 'truncated UTF-8');
  expectError(t, await get(app, `${CANDIDATES}/%C0%AF`, ACC), malformed, 'overlong UTF-8');
  expectError(t, await get(app, `${CANDIDATES}/%zz`, ACC, {}), malformed, 'before auth: the URL itself is unreadable');
});

t.test('ids: an empty id is a 400 naming the path parameter', async (t) => {
  const app = await testApp(t);
  expectError(t, await get(app, `${CANDIDATES}/`, ACC), invalid('Invalid path parameter id: must not be empty'), 'trailing slash');
});
