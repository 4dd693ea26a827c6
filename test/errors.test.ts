/**
 * CONTRACT §5 "Errors" over HTTP: invalid values are 400s naming the parameter, tampered cursors are refused, every
 * error is a Truto body with a JSON content type, and no hostile input gets a 500, a stack trace or a changed store.
 */
import type { TSchema } from '@sinclair/typebox';
import type { InjectOptions } from 'fastify';
import t, { type Test } from 'tap';
import { AttachmentSchema } from '../src/model/attachment.js';
import { CandidateSchema } from '../src/model/candidate.js';
import { RESOURCE_NAMES } from '../src/model/catalogue.js';
import { TrutoErrorSchema, type TrutoErrorBody } from '../src/model/error.js';
import { ListEnvelope } from '../src/model/list.js';
import { ACC, ADA, ATTACHMENTS, AUTH, CANDIDATES, GH, JSON_CT, REMOTE_404, assertSchema, expectError, expectOk, get, testApp, unsupportedBody } from './helpers.js';

const CandidateList = ListEnvelope(CandidateSchema);
const AttachmentList = ListEnvelope(AttachmentSchema);

const invalid = (message: string): TrutoErrorBody => ({ statusCode: 400, error: 'Bad Request', message });
const param = (name: string, detail: string) => invalid(`Invalid query parameter ${name}: ${detail}`);
const BAD_CURSOR = invalid(
  'Invalid query parameter next_cursor: it was not issued for this integrated account and these filters; start again without next_cursor',
);
const routeNotFound = (method: string, path: string): TrutoErrorBody => ({
  statusCode: 404,
  error: 'Not Found',
  message: `Route ${method}:${path} not found`,
});
const unknownResource = (name: string): TrutoErrorBody => ({
  statusCode: 404,
  error: 'Not Found',
  message: `Unknown resource ${JSON.stringify(name)}: the unified ATS API has ${RESOURCE_NAMES.join(', ')}`,
});
const unsupported = (method: string, resource: string, supported: string[]) => unsupportedBody('greenhouse', method, resource, supported);

/** Ada, exactly as a fresh request on a fresh app answers her. */
async function expectPinnedIntact(t: Test, app: Awaited<ReturnType<typeof testApp>>, reference: string): Promise<void> {
  const res = await get(app, `${CANDIDATES}/${ADA}`, ACC);
  const body = expectOk(t, res, CandidateSchema, 'Ada afterwards');
  t.match(body, { id: ADA, first_name: 'Ada', last_name: 'Lovelace', name: 'Ada Lovelace', company: 'Analytical Engines Ltd' });
  t.equal(res.body, reference, 'Ada afterwards: byte-identical to before');
  const list = await get(app, CANDIDATES, `${ACC}&limit=1`);
  t.equal(expectOk(t, list, CandidateList, 'list afterwards').result[0].id, ADA, 'the list still starts with Ada');
}

// ---------------------------------------------------------------------------------------------------------------
// 5. Invalid values: a 400 whose message names the parameter
// ---------------------------------------------------------------------------------------------------------------

t.test('limit: anything but a positive whole number is a 400 naming limit', async (t) => {
  const app = await testApp(t);
  const cases: [string, string][] = [
    ['abc', 'must be a whole number'],
    ['0', 'must be at least 1'],
    ['-1', 'must be at least 1'],
    ['-0', 'must be at least 1'],
    ['1.5', 'must be a whole number'],
    ['1e3', 'must be a whole number'],
    ['0x10', 'must be a whole number'],
    ['Infinity', 'must be a whole number'],
    ['NaN', 'must be a whole number'],
    ['+5', 'must be a whole number'], // `+` is a space on the wire: " 5"
    ['%2B5', 'must be a whole number'],
    ['5%20', 'must be a whole number'],
    ['1_000', 'must be a whole number'],
    ['true', 'must be a whole number'],
    ['%00', 'must be a whole number'],
  ];
  for (const [value, detail] of cases) {
    expectError(t, await get(app, CANDIDATES, `${ACC}&limit=${value}`), param('limit', detail), `candidates limit=${value}`);
  }
  expectError(t, await get(app, ATTACHMENTS, `${ACC}&limit=1e3`), param('limit', 'must be a whole number'), 'attachments limit=1e3');
  expectError(t, await get(app, ATTACHMENTS, `${ACC}&limit=0`), param('limit', 'must be at least 1'), 'attachments limit=0');
  expectError(t, await get(app, CANDIDATES, `${ACC}&limit=1&limit=2`), param('limit', 'must be a whole number'), 'two limits');
  expectError(t, await get(app, CANDIDATES, `${ACC}&limit[x]=2`), param('limit', 'must be a whole number'), 'limit[x]');
  // The valid spellings, for contrast: digits, leading zeros, and a huge number clamped to the maximum.
  t.equal(expectOk(t, await get(app, CANDIDATES, `${ACC}&limit=2`), CandidateList, 'limit=2').result_count, 2, 'limit=2');
  t.equal(expectOk(t, await get(app, CANDIDATES, `${ACC}&limit=003`), CandidateList, 'limit=003').result_count, 3, 'limit=003');
  const huge = expectOk(t, await get(app, CANDIDATES, `${ACC}&limit=99999999999999999999`), CandidateList, 'limit=1e20');
  t.equal(huge.next_cursor, null, 'a huge limit: every record of this small account in one page');
});

t.test('expires_in: a positive whole number of seconds, at most a year', async (t) => {
  const app = await testApp(t);
  expectError(t, await get(app, ATTACHMENTS, `${ACC}&expires_in=1e3`), param('expires_in', 'must be a whole number'), '1e3');
  expectError(t, await get(app, ATTACHMENTS, `${ACC}&expires_in=soon`), param('expires_in', 'must be a whole number'), 'soon');
  expectError(t, await get(app, ATTACHMENTS, `${ACC}&expires_in=0`), param('expires_in', 'must be at least 1'), '0');
  expectError(t, await get(app, ATTACHMENTS, `${ACC}&expires_in=31536001`), param('expires_in', 'must be at most 31536000'), 'a year and a second');
  expectOk(t, await get(app, ATTACHMENTS, `${ACC}&limit=1&expires_in=60`), AttachmentList, 'expires_in=60');
});

t.test('truto_response_format: an unknown format is a 400 listing the formats', async (t) => {
  const app = await testApp(t);
  const bad = param('truto_response_format', 'must be one of unified, raw, normalized, stream, debug');
  expectError(t, await get(app, `${CANDIDATES}/${ADA}`, `${ACC}&truto_response_format=xml`), bad, 'get, xml');
  expectError(t, await get(app, CANDIDATES, `${ACC}&truto_response_format=xml`), bad, 'list, xml');
  expectError(t, await get(app, ATTACHMENTS, `${ACC}&truto_response_format=RAW`), bad, 'attachments, RAW (case matters)');
  expectError(t, await get(app, CANDIDATES, `${ACC}&truto_response_format=raw&truto_response_format=debug`), param('truto_response_format', 'must be a single string value'), 'two formats');
});

t.test('booleans: anything but true/false is a 400 naming the parameter', async (t) => {
  const app = await testApp(t);
  for (const value of ['yes', '1', 'TRUE', 'on', 'null']) {
    expectError(t, await get(app, `${CANDIDATES}/${ADA}`, `${ACC}&truto_ignore_remote_data=${value}`), param('truto_ignore_remote_data', 'must be true or false'), `truto_ignore_remote_data=${value}`);
  }
  expectError(t, await get(app, CANDIDATES, `${ACC}&truto_ignore_limit=yes`), param('truto_ignore_limit', 'must be true or false'), 'truto_ignore_limit=yes');
});

t.test('dates: created_at/updated_at need ISO 8601 values under an operator', async (t) => {
  const app = await testApp(t);
  const notDate = (name: string, got: string) =>
    param(name, `must be an ISO 8601 date-time such as 2024-01-01T00:00:00Z (got ${JSON.stringify(got)})`);
  expectError(t, await get(app, CANDIDATES, `${ACC}&created_at[gt]=not-a-date`), notDate('created_at[gt]', 'not-a-date'), 'created_at[gt]=not-a-date');
  expectError(t, await get(app, CANDIDATES, `${ACC}&created_at%5Blte%5D=yesterday`), notDate('created_at[lte]', 'yesterday'), 'encoded brackets');
  expectError(t, await get(app, CANDIDATES, `${ACC}&updated_at[lt]=2024-13-45T00:00:00Z`), notDate('updated_at[lt]', '2024-13-45T00:00:00Z'), 'month 13');
  expectError(t, await get(app, CANDIDATES, `${ACC}&updated_at[gte]=1700000000`), notDate('updated_at[gte]', '1700000000'), 'epoch seconds');
  expectError(t, await get(app, CANDIDATES, `${ACC}&created_at[gt]=2024-02-30`), notDate('created_at[gt]', '2024-02-30'), 'February 30th');
  expectError(t, await get(app, CANDIDATES, `${ACC}&created_at[gt]=2023-02-29T00:00:00Z`), notDate('created_at[gt]', '2023-02-29T00:00:00Z'), 'not a leap year');
  expectError(t, await get(app, CANDIDATES, `${ACC}&created_at[gt]=2024-01-01T24:00:00Z`), notDate('created_at[gt]', '2024-01-01T24:00:00Z'), 'hour 24');
  expectError(t, await get(app, CANDIDATES, `${ACC}&created_at[gt]=2024-01-01garbage`), notDate('created_at[gt]', '2024-01-01garbage'), 'trailing junk');
  expectError(t, await get(app, CANDIDATES, `${ACC}&created_at[gt]=2024-01-01%20(Monday)`), notDate('created_at[gt]', '2024-01-01 (Monday)'), 'a comment');
  expectError(t, await get(app, CANDIDATES, `${ACC}&created_at[gt]=Jan%201,%202024`), notDate('created_at[gt]', 'Jan 1, 2024'), 'English');
  expectError(t, await get(app, CANDIDATES, `${ACC}&created_at=2024-01-01`), param('created_at', 'must be an object, as in name[key]=value'), 'created_at scalar');
  expectError(t, await get(app, CANDIDATES, `${ACC}&updated_at=2024-01-01&updated_at=2024-02-01`), param('updated_at', 'must be an object, as in name[key]=value'), 'updated_at list');
  expectError(t, await get(app, CANDIDATES, `${ACC}&created_at[gt]=2024-01-01&created_at[gt]=2024-02-01`), param('created_at[gt]', 'must be a single string value'), 'created_at[gt] twice');
  expectError(t, await get(app, CANDIDATES, `${ACC}&created_at[gt][x]=2024-01-01`), param('created_at[gt]', 'must be a single string value'), 'created_at[gt][x]');
  expectOk(t, await get(app, CANDIDATES, `${ACC}&limit=1&created_at[gt]=2024-01-01T00:00:00Z`), CandidateList, 'a valid date');
});

t.test('structure: a list, an object or a string where another is expected', async (t) => {
  const app = await testApp(t);
  expectError(t, await get(app, CANDIDATES, `${ACC}&truto_exclude_fields[a][b]=x`), param('truto_exclude_fields[0]', 'must be a single string value'), 'truto_exclude_fields[a][b]');
  expectError(t, await get(app, CANDIDATES, `${ACC}&truto_exclude_fields[0][x]=id`), param('truto_exclude_fields[0]', 'must be a single string value'), 'truto_exclude_fields[0][x]');
  expectError(t, await get(app, CANDIDATES, `${ACC}&remote_query=abc`), param('remote_query', 'must be an object, as in name[key]=value'), 'remote_query scalar');
  expectError(t, await get(app, CANDIDATES, `${ACC}&next_cursor[x]=abc`), param('next_cursor', 'must be a single string value'), 'next_cursor[x]');
  expectError(t, await get(app, CANDIDATES, `${ACC}&truto_key_by=id&truto_key_by=name`), param('truto_key_by', 'must be a single string value'), 'truto_key_by twice');
  expectError(t, await get(app, CANDIDATES, `${ACC}&job_id=1&job_id=2`), param('job_id', 'must be a single string value'), 'job_id twice');
});

t.test('sizes: over-long values and too many fields are 400s naming the parameter', async (t) => {
  const app = await testApp(t);
  const many = Array.from({ length: 101 }, (_, i) => `f${i}`).join(',');
  expectError(t, await get(app, CANDIDATES, `${ACC}&truto_exclude_fields=${many}`), param('truto_exclude_fields', 'must have at most 100 items'), '101 fields');
  expectError(t, await get(app, CANDIDATES, `${ACC}&truto_exclude_fields=id,${'a'.repeat(201)}`), param('truto_exclude_fields[1]', 'must be at most 200 characters'), 'a 201-character field');
  expectError(t, await get(app, CANDIDATES, `${ACC}&truto_key_by=${'k'.repeat(201)}`), param('truto_key_by', 'must be at most 200 characters'), 'a 201-character key');
  expectError(t, await get(app, CANDIDATES, `integrated_account_id=${'a'.repeat(201)}`), param('integrated_account_id', 'must be at most 200 characters'), 'a 201-character account');
  expectError(t, await get(app, CANDIDATES, `${ACC}&job_id=${'1'.repeat(201)}`), param('job_id', 'must be at most 200 characters'), 'a 201-character job_id');
  expectError(t, await get(app, CANDIDATES, `${ACC}&next_cursor=${'A'.repeat(501)}`), param('next_cursor', 'must be at most 500 characters'), 'a 501-character cursor');
});

// ---------------------------------------------------------------------------------------------------------------
// Cursors
// ---------------------------------------------------------------------------------------------------------------

t.test('cursors: a tampered, forged or misplaced cursor is a 400, never a wrong page', async (t) => {
  const app = await testApp(t);
  const page1 = expectOk(t, await get(app, CANDIDATES, `${ACC}&limit=2`), CandidateList, 'page 1');
  const cursor: string = page1.next_cursor;
  t.type(cursor, 'string', 'page 1 has a cursor');
  const page2 = expectOk(t, await get(app, CANDIDATES, `${ACC}&limit=2&next_cursor=${cursor}`), CandidateList, 'page 2, the cursor as issued');
  t.equal(page2.result_count, 2, 'page 2 has two records');

  const [after, page, mac] = Buffer.from(cursor, 'base64url').toString('latin1').split('.') as [string, string, string];
  const enc = (text: string) => Buffer.from(text, 'latin1').toString('base64url');
  const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  const tampered: Record<string, string> = {
    'skipped ahead (after changed, old signature)': enc(`${(parseInt(after, 36) + 10).toString(36)}.${page}.${mac}`),
    'page number changed': enc(`${after}.${(parseInt(page, 36) + 1).toString(36)}.${mac}`),
    'signature altered': enc(`${after}.${page}.${flip(mac, 0)}`),
    'signature dropped': enc(`${after}.${page}`),
    'signature truncated': enc(`${after}.${page}.${mac.slice(0, -1)}`),
    'an extra part': enc(`${after}.${page}.${mac}.x`),
    'a character flipped in the middle': flip(cursor, Math.floor(cursor.length / 2)),
    'truncated': cursor.slice(0, -2),
    'doubled': cursor + cursor,
    'standard base64 padding': `${Buffer.from(Buffer.from(cursor, 'base64url')).toString('base64')}==`,
    'not base64 at all': '!!!',
    'plain text': 'page2',
    'a number': '2',
    'JSON': encodeURIComponent('{"after":2,"page":2}'),
    'a NUL byte': `${cursor}%00`,
    'an emoji': `${cursor}%F0%9F%98%80`,
  };
  for (const [what, value] of Object.entries(tampered)) {
    expectError(t, await get(app, CANDIDATES, `${ACC}&limit=2&next_cursor=${value}`), BAD_CURSOR, what);
  }

  // A genuine cursor is bound to its resource and its filters.
  expectError(t, await get(app, ATTACHMENTS, `${ACC}&limit=2&next_cursor=${cursor}`), BAD_CURSOR, 'on attachments');
  expectError(t, await get(app, CANDIDATES, `${ACC}&limit=2&created_at[gt]=2000-01-01T00:00:00Z&next_cursor=${cursor}`), BAD_CURSOR, 'with a filter added');
  expectError(t, await get(app, CANDIDATES, `${ACC}&limit=2&remote_query[job_id]=1&next_cursor=${cursor}`), BAD_CURSOR, 'with a remote_query added');
  expectError(t, await get(app, CANDIDATES, `integrated_account_id=acc&next_cursor=${cursor}`), { statusCode: 404, error: 'Not Found', message: 'Integrated account "acc" not found' }, 'on an unknown account');

  // A cursor signed with another key (another deployment) is refused too.
  const other = await testApp(t, { signingKey: 'another-signing-key' });
  expectError(t, await get(other, CANDIDATES, `${ACC}&limit=2&next_cursor=${cursor}`), BAD_CURSOR, 'from another signing key');

  // After all of that, the genuine cursor still gives the same page 2.
  const again = await get(app, CANDIDATES, `${ACC}&limit=2&next_cursor=${cursor}`);
  t.strictSame(expectOk(t, again, CandidateList, 'page 2 again'), page2, 'the genuine cursor still works');
});

// ---------------------------------------------------------------------------------------------------------------
// Routes and methods
// ---------------------------------------------------------------------------------------------------------------

t.test('an unknown route under /unified/ats is a Truto 404 with a JSON content type', async (t) => {
  const app = await testApp(t);
  expectError(t, await get(app, '/unified/ats/widgets', ACC), unknownResource('widgets'), 'an unknown resource, named');
  expectError(t, await get(app, '/unified/ats/candidates/1/attachments', ACC), routeNotFound('GET', '/unified/ats/candidates/1/attachments'), 'nested');
  expectError(t, await get(app, '/unified/ats', ACC), routeNotFound('GET', '/unified/ats'), 'the prefix itself');
  expectError(t, await get(app, '/unified/crm/contacts', ACC), routeNotFound('GET', '/unified/crm/contacts'), 'another category');
  expectError(t, await get(app, '/unified/ats/Candidates', ACC), unknownResource('Candidates'), 'resource names are case-sensitive');
});

t.test('a POST, PUT, PATCH or DELETE on a GET route is a Truto 404, never a 500', async (t) => {
  const app = await testApp(t);
  const url = `${CANDIDATES}/${ADA}?${ACC}`;
  const expected = {
    POST: routeNotFound('POST', `${CANDIDATES}/${ADA}`),
    PUT: unsupported('update', 'candidates', ['list', 'get']),
    PATCH: unsupported('update', 'candidates', ['list', 'get']),
    DELETE: unsupported('delete', 'candidates', ['list', 'get']),
  };
  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
    const res = await app.inject({ method, url, headers: { ...AUTH, 'content-type': 'application/json' }, payload: '{"first_name":"Eve"}' });
    expectError(t, res, expected[method], method);
  }
  // Fastify parses a body before it finds no route for the method: a broken one is refused first, as a Truto 400.
  const broken = await app.inject({ method: 'POST', url: `${ATTACHMENTS}?${ACC}`, headers: { ...AUTH, 'content-type': 'application/json' }, payload: '{not json' });
  expectError(t, broken, invalid("Body is not valid JSON but content-type is set to 'application/json'"), 'POST with a broken JSON body');
  const ada = await get(app, `${CANDIDATES}/${ADA}`, ACC);
  t.match(expectOk(t, ada, CandidateSchema, 'Ada after the writes'), { first_name: 'Ada' }, 'nothing was written');
});

t.test('HEAD answers the GET status with no body', async (t) => {
  const app = await testApp(t);
  const head = (path: string, query: string, headers: InjectOptions['headers'] = AUTH) =>
    app.inject({ method: 'HEAD', url: `${path}?${query}`, headers });
  const cases: [string, string, string, number, InjectOptions['headers']?][] = [
    ['pinned candidate', `${CANDIDATES}/${ADA}`, ACC, 200],
    ['unknown candidate', `${CANDIDATES}/404`, ACC, 404],
    ['list', CANDIDATES, `${ACC}&limit=2`, 200],
    ['whole list', CANDIDATES, `${ACC}&truto_ignore_limit=true`, 200],
    ['keyed list', ATTACHMENTS, `${ACC}&truto_key_by=id`, 200],
    ['stream', CANDIDATES, `${ACC}&truto_response_format=stream`, 200],
    ['bad limit', CANDIDATES, `${ACC}&limit=abc`, 400],
    ['no account', CANDIDATES, '', 400],
    ['no token', CANDIDATES, ACC, 401, {}],
    ['unknown resource', '/unified/ats/widgets', ACC, 404],
  ];
  for (const [what, path, query, status, headers] of cases) {
    const res = await head(path, query, headers ?? AUTH);
    t.equal(res.statusCode, status, `HEAD ${what}: ${status}`);
    t.equal(res.body, '', `HEAD ${what}: no body`);
  }
  const ada = await get(app, `${CANDIDATES}/${ADA}`, ACC);
  t.match(expectOk(t, ada, CandidateSchema, 'Ada after HEADs'), { id: ADA }, 'GET still answers');
});

// ---------------------------------------------------------------------------------------------------------------
// 6. Hostile input: never a 500, never a stack trace, never a changed store
// ---------------------------------------------------------------------------------------------------------------

interface Hostile {
  what: string;
  path: string;
  query: string;
  status: number;
  /** The schema of a success; errors are checked against TrutoErrorSchema. */
  schema?: TSchema;
  /** The exact error body, when the answer is an error. */
  error?: TrutoErrorBody;
  /** For a success: the request whose body this one must equal byte for byte. */
  sameAs?: [string, string];
}

const deep = (n: number) => `${'a'.repeat(1)}${'[b]'.repeat(n)}`;
const manyParams = (n: number) => Array.from({ length: n }, (_, i) => `p${i}=${i}`).join('&');
const KB100 = 'x'.repeat(100_000);

const HOSTILE: Hostile[] = [
  { what: '__proto__[x]=1', path: CANDIDATES, query: `${ACC}&limit=3&__proto__[x]=1`, status: 200, schema: CandidateList, sameAs: [CANDIDATES, `${ACC}&limit=3`] },
  { what: '__proto__=1', path: CANDIDATES, query: `${ACC}&limit=3&__proto__=1`, status: 200, schema: CandidateList, sameAs: [CANDIDATES, `${ACC}&limit=3`] },
  { what: 'constructor[prototype][x]=1', path: CANDIDATES, query: `${ACC}&limit=3&constructor[prototype][x]=1`, status: 200, schema: CandidateList, sameAs: [CANDIDATES, `${ACC}&limit=3`] },
  { what: 'remote_query[__proto__][x]=1', path: `${CANDIDATES}/${ADA}`, query: `${ACC}&remote_query[__proto__][x]=1`, status: 200, schema: CandidateSchema, sameAs: [`${CANDIDATES}/${ADA}`, ACC] },
  { what: 'remote_query[constructor][prototype][x]=1', path: `${CANDIDATES}/${ADA}`, query: `${ACC}&remote_query[constructor][prototype][x]=1`, status: 200, schema: CandidateSchema, sameAs: [`${CANDIDATES}/${ADA}`, ACC] },
  { what: 'created_at[__proto__][gt]=x', path: CANDIDATES, query: `${ACC}&limit=3&created_at[__proto__][gt]=x`, status: 200, schema: CandidateList, sameAs: [CANDIDATES, `${ACC}&limit=3`] },
  { what: 'toString=1&hasOwnProperty=1&valueOf=1', path: CANDIDATES, query: `${ACC}&limit=3&toString=1&hasOwnProperty=1&valueOf=1`, status: 200, schema: CandidateList, sameAs: [CANDIDATES, `${ACC}&limit=3`] },
  { what: '2,000 unknown parameters after the real ones', path: CANDIDATES, query: `${ACC}&limit=3&${manyParams(2000)}`, status: 200, schema: CandidateList, sameAs: [CANDIDATES, `${ACC}&limit=3`] },
  { what: '2,000 unknown parameters before the real ones', path: CANDIDATES, query: `${manyParams(2000)}&${ACC}&limit=3`, status: 200, schema: CandidateList, sameAs: [CANDIDATES, `${ACC}&limit=3`] },
  { what: '2,000 values of truto_exclude_fields', path: CANDIDATES, query: `${ACC}&${Array.from({ length: 2000 }, () => 'truto_exclude_fields[]=id').join('&')}`, status: 400, error: param('truto_exclude_fields', 'must have at most 100 items') },
  { what: 'an unknown parameter nested 20 deep', path: CANDIDATES, query: `${ACC}&limit=3&${deep(20)}=1`, status: 200, schema: CandidateList, sameAs: [CANDIDATES, `${ACC}&limit=3`] },
  { what: 'remote_query nested 20 deep', path: `${CANDIDATES}/${ADA}`, query: `${ACC}&remote_query${'[b]'.repeat(20)}=1`, status: 200, schema: CandidateSchema, sameAs: [`${CANDIDATES}/${ADA}`, ACC] },
  { what: 'created_at nested 20 deep', path: CANDIDATES, query: `${ACC}&created_at[gt]${'[b]'.repeat(19)}=1`, status: 400, error: param('created_at[gt]', 'must be a single string value') },
  { what: 'a 100 KB unknown value', path: CANDIDATES, query: `${ACC}&limit=3&q=${KB100}`, status: 200, schema: CandidateList, sameAs: [CANDIDATES, `${ACC}&limit=3`] },
  { what: 'a 100 KB remote_query value', path: `${CANDIDATES}/${ADA}`, query: `${ACC}&remote_query[q]=${KB100}`, status: 200, schema: CandidateSchema, sameAs: [`${CANDIDATES}/${ADA}`, ACC] },
  { what: 'a 100 KB account id', path: CANDIDATES, query: `integrated_account_id=${KB100}`, status: 400, error: param('integrated_account_id', 'must be at most 200 characters') },
  { what: 'a 100 KB cursor', path: CANDIDATES, query: `${ACC}&next_cursor=${KB100}`, status: 400, error: param('next_cursor', 'must be at most 500 characters') },
  { what: 'a 100 KB excluded field', path: CANDIDATES, query: `${ACC}&truto_exclude_fields=${KB100}`, status: 400, error: param('truto_exclude_fields[0]', 'must be at most 200 characters') },
  { what: 'a 100 KB date', path: CANDIDATES, query: `${ACC}&created_at[gt]=2024-01-01${KB100}`, status: 400, error: param('created_at[gt]', `must be an ISO 8601 date-time such as 2024-01-01T00:00:00Z (got ${JSON.stringify(`2024-01-01${KB100}`)})`) },
  { what: 'a 100 KB limit', path: CANDIDATES, query: `${ACC}&limit=1.${'0'.repeat(100_000)}`, status: 400, error: param('limit', 'must be a whole number') },
  { what: 'limit=99999999999999999999', path: CANDIDATES, query: `${ACC}&limit=99999999999999999999`, status: 200, schema: CandidateList, sameAs: [CANDIDATES, `${ACC}&limit=500`] },
  { what: 'a limit of 100,000 digits', path: CANDIDATES, query: `${ACC}&limit=${'9'.repeat(100_000)}`, status: 200, schema: CandidateList, sameAs: [CANDIDATES, `${ACC}&limit=500`] },
  { what: 'limit=-99999999999999999999', path: CANDIDATES, query: `${ACC}&limit=-99999999999999999999`, status: 400, error: param('limit', 'must be at least 1') },
  { what: 'a NUL byte in an id', path: `${CANDIDATES}/%00`, query: ACC, status: 404, error: REMOTE_404 },
  { what: 'a NUL byte after the pinned id', path: `${CANDIDATES}/${ADA}%00`, query: ACC, status: 404, error: REMOTE_404 },
  { what: 'an emoji id', path: `${CANDIDATES}/%F0%9F%98%80`, query: ACC, status: 404, error: REMOTE_404 },
  { what: 'a lone surrogate in an id', path: `${CANDIDATES}/%ED%A0%80`, query: ACC, status: 400, error: invalid('The request URL is malformed (bad percent-encoding)') },
  { what: 'a NUL byte in the account id', path: CANDIDATES, query: `integrated_account_id=${GH}%00`, status: 404, error: { statusCode: 404, error: 'Not Found', message: `Integrated account "${GH}\\u0000" not found` } },
  { what: 'an emoji account id', path: CANDIDATES, query: 'integrated_account_id=%F0%9F%98%80', status: 404, error: { statusCode: 404, error: 'Not Found', message: 'Integrated account "😀" not found' } },
  { what: 'a NUL byte in a date', path: CANDIDATES, query: `${ACC}&created_at[gt]=2024-01-01%00`, status: 400, error: param('created_at[gt]', 'must be an ISO 8601 date-time such as 2024-01-01T00:00:00Z (got "2024-01-01\\u0000")') },
  { what: 'a NUL byte and an emoji in remote_query', path: `${CANDIDATES}/${ADA}`, query: `${ACC}&remote_query[q]=%00%F0%9F%98%80`, status: 200, schema: CandidateSchema, sameAs: [`${CANDIDATES}/${ADA}`, ACC] },
  { what: 'an emoji in truto_exclude_fields', path: `${CANDIDATES}/${ADA}`, query: `${ACC}&truto_exclude_fields=%F0%9F%98%80,%00`, status: 200, schema: CandidateSchema, sameAs: [`${CANDIDATES}/${ADA}`, ACC] },
  { what: 'an emoji in job_id', path: CANDIDATES, query: `${ACC}&limit=3&job_id=%F0%9F%98%80`, status: 200, schema: CandidateList },
  { what: 'truto_exclude_fields=__proto__', path: CANDIDATES, query: `${ACC}&limit=3&truto_exclude_fields=__proto__`, status: 200, schema: CandidateList, sameAs: [CANDIDATES, `${ACC}&limit=3`] },
  { what: 'truto_exclude_fields=__proto__.polluted', path: CANDIDATES, query: `${ACC}&limit=3&truto_exclude_fields=__proto__.polluted`, status: 200, schema: CandidateList, sameAs: [CANDIDATES, `${ACC}&limit=3`] },
  { what: 'truto_exclude_fields=constructor.prototype', path: CANDIDATES, query: `${ACC}&limit=3&truto_exclude_fields=constructor.prototype`, status: 200, schema: CandidateList, sameAs: [CANDIDATES, `${ACC}&limit=3`] },
  { what: 'truto_exclude_fields[__proto__]=id', path: CANDIDATES, query: `${ACC}&limit=3&truto_exclude_fields[__proto__]=id`, status: 200, schema: CandidateList, sameAs: [CANDIDATES, `${ACC}&limit=3`] },
  { what: 'truto_key_by=__proto__', path: CANDIDATES, query: `${ACC}&truto_key_by=__proto__`, status: 200, schema: CandidateList, sameAs: [CANDIDATES, `${ACC}&truto_key_by=no_such_field`] },
  { what: 'truto_key_by=constructor', path: CANDIDATES, query: `${ACC}&truto_key_by=constructor`, status: 200, schema: CandidateList, sameAs: [CANDIDATES, `${ACC}&truto_key_by=no_such_field`] },
  { what: 'truto_key_by=toString', path: ATTACHMENTS, query: `${ACC}&truto_key_by=toString`, status: 200, schema: AttachmentList, sameAs: [ATTACHMENTS, `${ACC}&truto_key_by=no_such_field`] },
  { what: 'truto_key_by=id.__proto__', path: ATTACHMENTS, query: `${ACC}&truto_key_by=id.__proto__`, status: 200, schema: AttachmentList, sameAs: [ATTACHMENTS, `${ACC}&truto_key_by=no_such_field`] },
  { what: 'malformed percent-encoding in the query', path: CANDIDATES, query: `${ACC}&limit=3&%zz=%zz`, status: 200, schema: CandidateList, sameAs: [CANDIDATES, `${ACC}&limit=3`] },
  { what: 'a 5,000-character id', path: `${CANDIDATES}/${'9'.repeat(5000)}`, query: ACC, status: 400 },
  { what: 'an unknown resource', path: '/unified/ats/__proto__', query: ACC, status: 404, error: unknownResource('__proto__') },
  { what: 'a path with a NUL byte', path: '/unified/ats/%00', query: ACC, status: 404, error: unknownResource('%00') },
];

t.test('hostile input never gets a 500, a stack trace or a changed store', async (t) => {
  const app = await testApp(t);
  const before = await get(app, `${CANDIDATES}/${ADA}`, ACC);
  expectOk(t, before, CandidateSchema, 'Ada before');

  for (const h of HOSTILE) {
    const res = await get(app, h.path, h.query);
    t.ok(res.statusCode < 500, `${h.what}: not a 5xx (got ${res.statusCode})`);
    t.equal(res.statusCode, h.status, `${h.what}: status ${h.status}`);
    t.equal(res.headers['content-type'], JSON_CT, `${h.what}: JSON content type`);
    t.notMatch(res.body, /\n\s+at |node:internal|\.[jt]s:\d+:\d+/, `${h.what}: no stack trace`);
    const json: unknown = res.json();
    if (res.statusCode >= 400) {
      assertSchema(t, TrutoErrorSchema, json, `${h.what} body`);
      if (h.error) t.strictSame(json, h.error, `${h.what}: exact body`);
      else t.equal((json as TrutoErrorBody).statusCode, h.status, `${h.what}: statusCode in the body`);
    } else {
      if (h.schema) assertSchema(t, h.schema, json, `${h.what} body`);
      else t.fail(`${h.what}: an error was expected, got ${res.statusCode}`);
      if (h.sameAs) t.equal(res.body, (await get(app, h.sameAs[0], h.sameAs[1])).body, `${h.what}: same bytes as ${h.sameAs[1]}`);
    }
  }

  t.notOk(Object.prototype.hasOwnProperty.call(Object.prototype, 'x'), 'Object.prototype not polluted (x)');
  t.notOk(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), 'Object.prototype not polluted (polluted)');
  t.equal(({} as Record<string, unknown>).b, undefined, 'Object.prototype not polluted (b)');
  await expectPinnedIntact(t, app, before.body);
});

t.test('truto_key_by with a name that is no field keys every record by "undefined"', async (t) => {
  const app = await testApp(t);
  for (const key of ['__proto__', 'constructor', 'no_such_field']) {
    const body = expectOk(t, await get(app, CANDIDATES, `${ACC}&truto_key_by=${key}`), CandidateList, key);
    t.strictSame(Object.keys(body.result), ['undefined'], `${key}: one key, "undefined"`);
    t.equal(body.next_cursor, null, `${key}: one page`);
  }
  const byId = expectOk(t, await get(app, CANDIDATES, `${ACC}&truto_key_by=id`), CandidateList, 'id');
  t.equal(byId.result[ADA].name, 'Ada Lovelace', 'keyed by id: Ada under her id');
});

t.test('the error handler hides unexpected failures behind a Truto 500 with no stack', async (t) => {
  const app = await testApp(t);
  // A route that throws a plain Error stands for any bug the catalogue does not know.
  app.get('/boom', async () => {
    throw new Error('secret internals at /srv/app/src/x.ts:1:1');
  });
  const res = await app.inject({ method: 'GET', url: '/boom' });
  expectError(t, res, { statusCode: 500, error: 'Internal Server Error', message: 'The mock failed to answer this request; it was logged' }, 'a thrown Error');
  t.notMatch(res.body, /secret|\.ts:/, 'neither the message nor the stack leaks');
});
