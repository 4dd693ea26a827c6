import type { TSchema } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import t, { type Test } from 'tap';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nested } from '../src/integrations/nested.js';
import type { Attachment } from '../src/model/attachment.js';
import { AttachmentSchema } from '../src/model/attachment.js';
import type { Candidate } from '../src/model/candidate.js';
import { CandidateSchema } from '../src/model/candidate.js';
import { TrutoErrorSchema } from '../src/model/error.js';
import { ListEnvelope } from '../src/model/list.js';
import { ADA, ADA_APPLICATION, ATTACHMENTS, CANDIDATES, GH, GRACE, JSON_CT, ZOE, assertSchema, get, testApp } from './helpers.js';

const SCHEMAS: Record<string, TSchema> = {
  [CANDIDATES]: ListEnvelope(CandidateSchema),
  [ATTACHMENTS]: ListEnvelope(AttachmentSchema),
};
const ENVELOPE_KEYS = ['result', 'next_cursor', 'prev_cursor', 'result_count'];
const ADA_ATTACHMENTS = ['9200001003', '9200002003', '9200003003', '9200004003', '9200005003', '9200006003'];
const INVALID_CURSOR = {
  statusCode: 400,
  error: 'Bad Request',
  message:
    'Invalid query parameter next_cursor: it was not issued for this integrated account and these filters; start again without next_cursor',
};

interface Page<T> {
  result: T[];
  next_cursor: string | null;
  prev_cursor: null;
  result_count: number;
}

/**
 * A list call on `account` (default: the greenhouse account): status, JSON content type and the body's schema
 * (the resource's envelope on 200, Truto's error otherwise) are checked; the parsed body is returned.
 */
async function list<T = Candidate | Attachment>(
  t: Test,
  app: FastifyInstance,
  path: string,
  query: string,
  status = 200,
  account = GH,
): Promise<Page<T>> {
  const res = await get(app, path, `integrated_account_id=${account}${query ? `&${query}` : ''}`);
  t.equal(res.statusCode, status, `GET ${path}?${query} answers ${status}`);
  t.equal(res.headers['content-type'], JSON_CT, 'JSON content type');
  const body = res.json();
  assertSchema(t, status === 200 ? SCHEMAS[path]! : TrutoErrorSchema, body, `${path}?${query}`);
  return body as Page<T>;
}

const candidates = (t: Test, app: FastifyInstance, query = '', status = 200) => list<Candidate>(t, app, CANDIDATES, query, status);
const attachments = (t: Test, app: FastifyInstance, query = '', status = 200) =>
  list<Attachment>(t, app, ATTACHMENTS, query, status);
const ids = (records: readonly { id: string }[]) => records.map((r) => r.id);
const cursorParam = (cursor: string) => `next_cursor=${encodeURIComponent(cursor)}`;

/** Every matching record in one page (`truto_ignore_limit=true`): the reference a walk is compared with. */
async function whole<T extends { id: string }>(t: Test, app: FastifyInstance, path: string, query = ''): Promise<T[]> {
  const body = await list<T>(t, app, path, `${query ? `${query}&` : ''}truto_ignore_limit=true`);
  t.equal(body.next_cursor, null, 'one page: next_cursor null');
  t.equal(body.result_count, body.result.length, 'result_count counts the page');
  return body.result;
}

/**
 * Pages through a list as an official SDK does.
 * - `ts`: TypeScript SDK 2.0.12: the first request sends `next_cursor=` empty, stops at a falsy next_cursor.
 * - `py`: Python SDK 0.1.1: no next_cursor on the first request, stops at a falsy next_cursor or an empty result.
 * Neither SDK guards against a repeated cursor: this walk fails the test if one comes back.
 */
async function walk<T extends { id: string }>(
  t: Test,
  app: FastifyInstance,
  path: string,
  query: string,
  style: 'ts' | 'py',
  limit: number,
): Promise<{ records: T[]; cursors: string[]; counts: number[] }> {
  const records: T[] = [];
  const cursors: string[] = [];
  const counts: number[] = [];
  let cursor: string | null = null;
  for (;;) {
    if (counts.length > 200) {
      t.fail('the walk does not end');
      break;
    }
    const next: string = style === 'ts' ? `&next_cursor=${cursor === null ? '' : encodeURIComponent(cursor)}` : cursor === null ? '' : `&${cursorParam(cursor)}`;
    const body: Page<T> = await list<T>(t, app, path, `${query}&limit=${limit}${next}`);
    t.strictSame(Object.keys(body), ENVELOPE_KEYS, 'the envelope, exactly');
    t.equal(body.prev_cursor, null);
    t.equal(body.result_count, body.result.length, 'result_count = records in this page');
    counts.push(body.result_count);
    records.push(...body.result);
    if (style === 'py' && body.result.length === 0) break;
    if (!body.next_cursor) break;
    if (cursors.includes(body.next_cursor)) {
      t.fail(`cursor ${body.next_cursor} came back twice: an SDK would loop forever`);
      break;
    }
    cursors.push(body.next_cursor);
    cursor = body.next_cursor;
  }
  return { records, cursors, counts };
}

/** A walk's pages: full pages, then the remainder, and no empty page at the end. */
function checkPages(t: Test, counts: number[], total: number, limit: number): void {
  const full = Math.floor(total / limit);
  const expected = [...Array<number>(full).fill(limit), ...(total % limit > 0 ? [total % limit] : [])];
  t.strictSame(counts, expected.length > 0 ? expected : [0], `pages of ${limit} over ${total} records`);
}

function checkUnique(t: Test, records: readonly { id: string }[]): void {
  t.equal(new Set(ids(records)).size, records.length, 'no record twice');
}

t.test('the envelope: result, next_cursor, prev_cursor null, result_count of this page', async (t) => {
  const app = await testApp(t, { candidates: 12 });
  const first = await candidates(t, app, 'limit=5');
  t.strictSame(Object.keys(first), ENVELOPE_KEYS);
  t.equal(first.result.length, 5);
  t.equal(first.result_count, 5);
  t.equal(first.prev_cursor, null);
  t.type(first.next_cursor, 'string');
  t.ok(first.next_cursor!.length > 0, 'next_cursor is a non-empty string');
  t.strictSame(ids(first.result).slice(0, 4), [ADA, GRACE, '9000003003', ZOE], 'pinned candidates lead');

  const second = await candidates(t, app, `limit=5&${cursorParam(first.next_cursor!)}`);
  t.equal(second.result_count, 5);
  t.type(second.next_cursor, 'string');
  const last = await candidates(t, app, `limit=5&${cursorParam(second.next_cursor!)}`);
  t.strictSame(Object.keys(last), ENVELOPE_KEYS);
  t.equal(last.result_count, 2, 'the last page holds the remainder');
  t.equal(last.result.length, 2);
  t.equal(last.next_cursor, null, 'next_cursor null on the last page');
  t.equal(last.prev_cursor, null);

  const exact = await candidates(t, app, 'limit=12');
  t.equal(exact.result_count, 12);
  t.equal(exact.next_cursor, null, 'a page that ends exactly at the last record is the last page (no empty page after it)');

  const empty = await attachments(t, app, `candidate_id=${GRACE}`);
  t.strictSame(empty, { result: [], next_cursor: null, prev_cursor: null, result_count: 0 }, 'an empty list');
});

t.test('limit: greenhouse pages default to 100 and are clamped to 500', async (t) => {
  const app = await testApp(t, { candidates: 600 });
  const q = 'truto_exclude_fields=remote_data,applications,attachments';
  const byDefault = await candidates(t, app, q);
  t.equal(byDefault.result_count, 100, 'default limit: 100');
  t.equal(byDefault.result.length, 100);
  t.type(byDefault.next_cursor, 'string');

  const one = await candidates(t, app, `${q}&limit=1`);
  t.equal(one.result_count, 1);
  t.strictSame(ids(one.result), [ADA]);

  const max = await candidates(t, app, `${q}&limit=500`);
  t.equal(max.result_count, 500);
  const over = await candidates(t, app, `${q}&limit=1000`);
  t.equal(over.result_count, 500, 'limit=1000 is clamped to 500, not refused');
  t.strictSame(over, max, 'limit=1000 answers exactly as limit=500');

  const rest = await candidates(t, app, `${q}&limit=1000&${cursorParam(over.next_cursor!)}`);
  t.equal(rest.result_count, 100);
  t.equal(rest.next_cursor, null);
  const all = [...over.result, ...rest.result];
  t.equal(all.length, 600);
  checkUnique(t, all);
  t.strictSame(ids(all), ids(await whole<Candidate>(t, app, CANDIDATES, q)), 'the two clamped pages are the whole list');

  const walked = await walk<Candidate>(t, app, CANDIDATES, q, 'ts', 100);
  checkPages(t, walked.counts, 600, 100);
  t.strictSame(ids(walked.records), ids(all), 'pages of 100 walk the same records');
});

t.test('limit: 0, negative or not a whole number is refused; empty counts as absent', async (t) => {
  const app = await testApp(t, { candidates: 12 });
  for (const [limit, detail] of [
    ['0', 'must be at least 1'],
    ['-1', 'must be at least 1'],
    ['abc', 'must be a whole number'],
    ['1.5', 'must be a whole number'],
  ] as const) {
    for (const path of [CANDIDATES, ATTACHMENTS]) {
      const body = await list(t, app, path, `limit=${limit}`, 400);
      t.strictSame(body, { statusCode: 400, error: 'Bad Request', message: `Invalid query parameter limit: ${detail}` }, `${path} limit=${limit}`);
    }
  }
  const empty = await candidates(t, app, 'limit=&truto_exclude_fields=remote_data');
  t.strictSame(empty, await candidates(t, app, 'truto_exclude_fields=remote_data'), 'limit= empty: the default page');
  t.equal(empty.result_count, 12);
});

t.test('TypeScript SDK walks: next_cursor= first, indexed array params, until next_cursor is falsy', async (t) => {
  const app = await testApp(t, { candidates: 40 });
  const exclude = 'truto_exclude_fields%5B0%5D=remote_data&truto_exclude_fields%5B1%5D=applications';
  const reference = await whole<Candidate>(t, app, CANDIDATES, 'truto_exclude_fields=remote_data,applications');
  t.equal(reference.length, 40);
  const c = await walk<Candidate>(t, app, CANDIDATES, exclude, 'ts', 7);
  checkPages(t, c.counts, 40, 7);
  checkUnique(t, c.records);
  t.equal(new Set(c.cursors).size, c.cursors.length, 'no cursor twice');
  t.strictSame(c.records, reference, 'every candidate once, in the order of the whole list');
  t.notOk(c.records.some((r) => 'remote_data' in r || 'applications' in r), 'indexed truto_exclude_fields applied on every page');

  const attachmentRef = await whole<Attachment>(t, app, ATTACHMENTS, 'truto_exclude_fields=remote_data');
  t.ok(attachmentRef.length > 40, `a few attachments per candidate (${attachmentRef.length})`);
  const a = await walk<Attachment>(t, app, ATTACHMENTS, 'truto_exclude_fields%5B0%5D=remote_data', 'ts', 7);
  checkPages(t, a.counts, attachmentRef.length, 7);
  checkUnique(t, a.records);
  t.equal(new Set(a.cursors).size, a.cursors.length, 'no cursor twice');
  t.strictSame(a.records, attachmentRef, 'every attachment once, in order');
});

t.test('Python SDK walks: no next_cursor first, [] array params, until next_cursor is falsy', async (t) => {
  const app = await testApp(t, { candidates: 40 });
  const exclude = 'truto_exclude_fields%5B%5D=remote_data&truto_exclude_fields%5B%5D=attachments';
  const reference = await whole<Candidate>(t, app, CANDIDATES, 'truto_exclude_fields=remote_data&truto_exclude_fields=attachments');
  const c = await walk<Candidate>(t, app, CANDIDATES, exclude, 'py', 7);
  checkPages(t, c.counts, 40, 7);
  checkUnique(t, c.records);
  t.equal(new Set(c.cursors).size, c.cursors.length, 'no cursor twice');
  t.strictSame(c.records, reference);
  t.notOk(c.records.some((r) => 'remote_data' in r || 'attachments' in r), '[] truto_exclude_fields applied on every page');

  const attachmentRef = await whole<Attachment>(t, app, ATTACHMENTS);
  const a = await walk<Attachment>(t, app, ATTACHMENTS, 'truto_exclude_fields%5B%5D=file_url', 'py', 7);
  checkPages(t, a.counts, attachmentRef.length, 7);
  checkUnique(t, a.records);
  t.strictSame(
    a.records,
    attachmentRef.map(({ file_url: _drop, ...rest }) => rest),
    'every attachment once, in order, without file_url',
  );
});

t.test('walks under filters: candidate_id, application_id, created_at[gte], job_id', async (t) => {
  const app = await testApp(t, { candidates: 40 });
  for (const style of ['ts', 'py'] as const) {
    const byCandidate = await walk<Attachment>(t, app, ATTACHMENTS, `candidate_id=${ADA}`, style, 4);
    checkPages(t, byCandidate.counts, 6, 4);
    t.strictSame(ids(byCandidate.records), ADA_ATTACHMENTS, `${style}: Ada's six attachments over two pages`);
    t.strictSame(byCandidate.records, await whole<Attachment>(t, app, ATTACHMENTS, `candidate_id=${ADA}`));

    const byApplication = await walk<Attachment>(t, app, ATTACHMENTS, `application_id=${ADA_APPLICATION}`, style, 1);
    checkPages(t, byApplication.counts, 2, 1);
    t.strictSame(ids(byApplication.records), ['9200001003', '9200002003'], `${style}: the application's two attachments, one a page`);

    const since = 'created_at%5Bgte%5D=2024-06-01T00%3A00%3A00.000Z';
    const recent = await whole<Candidate>(t, app, CANDIDATES, since);
    t.ok(recent.length > 7 && recent.length < 40, `created_at[gte] keeps some candidates (${recent.length})`);
    const byDate = await walk<Candidate>(t, app, CANDIDATES, since, style, 7);
    checkPages(t, byDate.counts, recent.length, 7);
    checkUnique(t, byDate.records);
    t.strictSame(byDate.records, recent, `${style}: the created_at[gte] walk is the filtered whole list`);

    const job = '4030002003';
    const applied = await whole<Candidate>(t, app, CANDIDATES, `job_id=${job}`);
    t.ok(applied.length > 3, `candidates who applied to ${job}: ${applied.length}`);
    const byJob = await walk<Candidate>(t, app, CANDIDATES, `job_id=${job}`, style, 3);
    checkPages(t, byJob.counts, applied.length, 3);
    t.strictSame(byJob.records, applied, `${style}: the job_id walk is the filtered whole list`);
  }
});

t.test('cursors are deterministic: two fresh apps with one configuration issue the same cursors and pages', async (t) => {
  const a = await testApp(t, { candidates: 20 });
  const b = await testApp(t, { candidates: 20 });
  for (const [path, query] of [
    [CANDIDATES, 'limit=6'],
    [ATTACHMENTS, 'limit=6'],
    [ATTACHMENTS, `limit=2&candidate_id=${ADA}`],
  ] as const) {
    let cursor = '';
    for (let page = 1; ; page++) {
      const q = `integrated_account_id=${GH}&${query}&next_cursor=${encodeURIComponent(cursor)}`;
      const [ra, rb] = await Promise.all([get(a, path, q), get(b, path, q)]);
      t.equal(ra.statusCode, 200);
      t.equal(rb.statusCode, 200);
      t.equal(ra.body, rb.body, `${path}?${query} page ${page}: byte-identical on both apps`);
      const body = ra.json() as Page<{ id: string }>;
      assertSchema(t, SCHEMAS[path]!, body);
      if (!body.next_cursor || page > 30) break;
      // Each app accepts the other's cursor: they share the configuration.
      cursor = (rb.json() as Page<unknown>).next_cursor!;
    }
  }
});

t.test('cursors: a tampered cursor is refused with 400', async (t) => {
  const app = await testApp(t, { candidates: 12 });
  const first = await attachments(t, app, 'limit=3');
  const cursor = first.next_cursor!;
  t.match(cursor, /^[A-Za-z0-9_-]+$/, 'a URL-safe cursor');
  const expected = await attachments(t, app, `limit=3&${cursorParam(cursor)}`);
  t.equal(expected.result_count, 3, 'the untouched cursor works');

  // Each character in turn, its lowest bit flipped: the last character of base64 also carries padding bits.
  const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const flipped = [...cursor].map((ch, i) => cursor.slice(0, i) + B64URL[B64URL.indexOf(ch) ^ 1]! + cursor.slice(i + 1));
  const forged = [
    ...flipped,
    cursor.slice(0, -1),
    cursor.slice(0, -4),
    cursor.slice(0, 10),
    `${cursor}A`,
    `${cursor}${cursor}`,
    Buffer.from('forged cursor').toString('base64url'),
    Buffer.from('3.2.AAAAAAAAAAAAAAAAAAAAAA').toString('base64url'),
    Buffer.from(`3.2.${Buffer.from(cursor, 'base64url').toString('latin1').split('.')[2]}`).toString('base64url'),
    Buffer.from('0.1.xxxxxxxxxxxxxxxxxxxxxx').toString('base64'),
    'not a cursor!',
    '{"after":3}',
    `${cursor}=`,
    '....',
    '0',
  ];
  t.equal(new Set(forged).size, forged.length, `${forged.length} distinct forgeries`);
  for (const bad of forged) {
    if (bad === cursor) continue;
    const res = await get(app, ATTACHMENTS, `integrated_account_id=${GH}&limit=3&${cursorParam(bad)}`);
    t.equal(res.statusCode, 400, `refused: ${bad}`);
    t.equal(res.headers['content-type'], JSON_CT);
    assertSchema(t, TrutoErrorSchema, res.json());
    t.strictSame(res.json(), INVALID_CURSOR, 'the exact error body');
  }
  t.strictSame(await attachments(t, app, `limit=3&${cursorParam(cursor)}`), expected, 'the real cursor still answers the same page');
});

t.test('cursors: refused with another account, another resource or other filters', async (t) => {
  const second = '5d1c3b2a-0000-4000-8000-00000000b0b2';
  const dir = t.testdir();
  const fixtures = join(dir, 'accounts.json');
  writeFileSync(
    fixtures,
    JSON.stringify({
      accounts: [
        { id: GH, integration: 'greenhouse', name: 'First', candidates: 12, pinned: { candidates: [{ id: ADA, first_name: 'Ada', last_name: 'Lovelace', applications: [{ status: 'active' }], attachments: [{ type: 'resume' }, { type: 'other' }, { type: 'other' }] }] } },
        { id: second, integration: 'greenhouse', name: 'Second', candidates: 12 },
      ],
    }),
  );
  const app = await testApp(t, { fixtures, candidates: 12 });

  // Another account.
  const mine = await candidates(t, app, 'limit=3');
  const theirs = await list<Candidate>(t, app, CANDIDATES, 'limit=3', 200, second);
  t.type(theirs.next_cursor, 'string', 'the second account pages too');
  t.not(theirs.next_cursor, mine.next_cursor, 'cursors differ between accounts');
  const crossed = await list(t, app, CANDIDATES, `limit=3&${cursorParam(mine.next_cursor!)}`, 400, second);
  t.strictSame(crossed, INVALID_CURSOR, 'a cursor of one account is refused on another');
  const back = await list(t, app, CANDIDATES, `limit=3&${cursorParam(theirs.next_cursor!)}`, 400);
  t.strictSame(back, INVALID_CURSOR, 'and the other way round');
  const own = await list<Candidate>(t, app, CANDIDATES, `limit=3&${cursorParam(theirs.next_cursor!)}`, 200, second);
  t.equal(own.result_count, 3, 'each cursor works on its own account');

  // Another resource.
  const files = await attachments(t, app, 'limit=3');
  t.strictSame(await attachments(t, app, `limit=3&${cursorParam(mine.next_cursor!)}`, 400), INVALID_CURSOR, 'candidates cursor on attachments');
  t.strictSame(await candidates(t, app, `limit=3&${cursorParam(files.next_cursor!)}`, 400), INVALID_CURSOR, 'attachments cursor on candidates');
});

t.test('cursors: refused when the filters change, accepted when only limit changes', async (t) => {
  const app = await testApp(t, { candidates: 40 });
  const refused = async (path: string, query: string, what: string) =>
    t.strictSame(await list(t, app, path, query, 400), INVALID_CURSOR, what);

  const ada = (await attachments(t, app, `candidate_id=${ADA}&limit=2`)).next_cursor!;
  await refused(ATTACHMENTS, `candidate_id=${ZOE}&limit=2&${cursorParam(ada)}`, 'candidate_id=A cursor with candidate_id=B');
  await refused(ATTACHMENTS, `limit=2&${cursorParam(ada)}`, 'candidate_id=A cursor without candidate_id');
  await refused(ATTACHMENTS, `candidate_id=${ADA}&application_id=${ADA_APPLICATION}&limit=2&${cursorParam(ada)}`, 'with application_id added');
  await refused(ATTACHMENTS, `candidate_id=${ADA}&remote_query%5Bx%5D=1&limit=2&${cursorParam(ada)}`, 'with remote_query added');
  const adaPage = await attachments(t, app, `candidate_id=${ADA}&limit=2&${cursorParam(ada)}`);
  t.strictSame(ids(adaPage.result), ADA_ATTACHMENTS.slice(2, 4), 'with its own filters it leads on');
  const ignored = await attachments(t, app, `candidate_id=${ADA}&job_id=4030001003&limit=2&${cursorParam(ada)}`);
  t.strictSame(ignored, adaPage, 'job_id, which greenhouse ignores on attachments, does not change the cursor scope');

  const all = (await candidates(t, app, 'limit=3')).next_cursor!;
  await refused(CANDIDATES, `limit=3&created_at%5Bgte%5D=2024-01-01T00%3A00%3A00Z&${cursorParam(all)}`, 'with created_at added');
  await refused(CANDIDATES, `limit=3&updated_at%5Blt%5D=2025-01-01T00%3A00%3A00Z&${cursorParam(all)}`, 'with updated_at added');
  await refused(CANDIDATES, `limit=3&job_id=4030001003&${cursorParam(all)}`, 'with job_id added');
  await refused(CANDIDATES, `limit=3&remote_query%5Bemail%5D=ada.lovelace%40example.com&${cursorParam(all)}`, 'with remote_query added');
  const job1 = (await candidates(t, app, 'job_id=4030001003&limit=3')).next_cursor!;
  await refused(CANDIDATES, `job_id=4030002003&limit=3&${cursorParam(job1)}`, 'job_id=A cursor with job_id=B');
  const dated = (await candidates(t, app, 'created_at%5Bgte%5D=2023-06-01T00%3A00%3A00Z&limit=3')).next_cursor!;
  await refused(CANDIDATES, `created_at%5Bgte%5D=2023-07-01T00%3A00%3A00Z&limit=3&${cursorParam(dated)}`, 'another created_at');
  await refused(CANDIDATES, `created_at%5Bgt%5D=2023-06-01T00%3A00%3A00Z&limit=3&${cursorParam(dated)}`, 'created_at[gte] became [gt]');
  const sameInstant = await candidates(t, app, `created_at%5Bgte%5D=2023-06-01T00%3A00%3A00.000Z&limit=3&${cursorParam(dated)}`);
  t.equal(sameInstant.result_count, 3, 'the same instant written with milliseconds is the same filter');

  // Only limit changes: the cursor leads on from the last record it covered.
  const reference = await whole<Candidate>(t, app, CANDIDATES, 'truto_exclude_fields=remote_data');
  const p1 = await candidates(t, app, 'limit=3&truto_exclude_fields=remote_data');
  const p2 = await candidates(t, app, `limit=5&truto_exclude_fields=remote_data&${cursorParam(p1.next_cursor!)}`);
  t.strictSame(p2.result, reference.slice(3, 8), 'limit 3 then limit 5: records 4 to 8');
  const p3 = await candidates(t, app, `limit=100&truto_exclude_fields=remote_data&${cursorParam(p2.next_cursor!)}`);
  t.strictSame(p3.result, reference.slice(8), 'then limit 100: the rest');
  t.equal(p3.next_cursor, null);
});

t.test('cursors: a cursor signed with another signing key is refused', async (t) => {
  const ours = await testApp(t, { candidates: 12 });
  const theirs = await testApp(t, { candidates: 12, signingKey: 'another-key-123' });
  const a = (await candidates(t, ours, 'limit=3')).next_cursor!;
  const b = (await candidates(t, theirs, 'limit=3')).next_cursor!;
  t.not(a, b, 'the key changes the cursor');
  t.strictSame(await candidates(t, theirs, `limit=3&${cursorParam(a)}`, 400), INVALID_CURSOR, 'default-key cursor on the other key');
  t.strictSame(await candidates(t, ours, `limit=3&${cursorParam(b)}`, 400), INVALID_CURSOR, 'other-key cursor on the default key');
  t.equal((await candidates(t, theirs, `limit=3&${cursorParam(b)}`)).result_count, 3, 'each app accepts its own');
});

t.test('filters: attachments by candidate_id and application_id; job_id ignored by greenhouse', async (t) => {
  const app = await testApp(t, { candidates: 40 });
  const ada = await attachments(t, app, `candidate_id=${ADA}`);
  t.equal(ada.result_count, 6, 'Ada has exactly 6 attachments');
  t.strictSame(ids(ada.result), ADA_ATTACHMENTS);
  t.ok(ada.result.every((a) => a.candidate?.id === ADA), 'every one is Ada\'s');
  t.equal(ada.next_cursor, null);

  const res = await get(app, `${CANDIDATES}/${ADA}`, `integrated_account_id=${GH}`);
  t.equal(res.statusCode, 200);
  const candidate = res.json() as Candidate;
  assertSchema(t, CandidateSchema, candidate);
  t.strictSame(ada.result.map(nested), candidate.attachments, 'the same records as on the candidate (where they carry no remote_data)');

  const application = await attachments(t, app, `application_id=${ADA_APPLICATION}`);
  t.equal(application.result_count, 2, 'application 9100001003 has exactly 2 attachments');
  t.strictSame(ids(application.result), ['9200001003', '9200002003']);
  t.ok(application.result.every((a) => a.application?.id === ADA_APPLICATION && a.candidate?.id === ADA));
  t.strictSame(application.result.map(nested), candidate.applications!.find((a) => a.id === ADA_APPLICATION)!.attachments);

  const both = await attachments(t, app, `candidate_id=${ZOE}&application_id=9100006003`);
  t.strictSame(ids(both.result), ['9200008003'], 'candidate_id and application_id together');

  for (const [query, what] of [
    ['', 'all attachments'],
    [`candidate_id=${ADA}`, "Ada's attachments"],
    ['limit=5', 'a first page'],
  ] as const) {
    const without = await get(app, ATTACHMENTS, `integrated_account_id=${GH}${query ? `&${query}` : ''}`);
    const withJob = await get(app, ATTACHMENTS, `integrated_account_id=${GH}${query ? `&${query}` : ''}&job_id=4030002003`);
    t.equal(withJob.statusCode, 200);
    assertSchema(t, SCHEMAS[ATTACHMENTS]!, withJob.json());
    t.equal(withJob.body, without.body, `job_id ignored on ${what}: the same body as without it`);
  }
  const job = candidate.applications![1]!.job!.id;
  t.equal(ada.result.filter((a) => a.job?.id === job).length, 1, `one of Ada's attachments belongs to job ${job}`);
  const adaJob = await attachments(t, app, `candidate_id=${ADA}&job_id=${job}`);
  t.strictSame(adaJob, ada, 'yet job_id keeps all six: greenhouse ignores it');
});

t.test('filters: candidates by job_id are those with an application to that job', async (t) => {
  const app = await testApp(t, { candidates: 40 });
  const all = await whole<Candidate>(t, app, CANDIDATES);
  const jobs = [...new Set(all.flatMap((c) => c.applications!.map((a) => a.job!.id)))].sort();
  t.ok(jobs.length >= 3, `${jobs.length} jobs have applicants`);
  for (const job of jobs) {
    const page = await candidates(t, app, `job_id=${job}&truto_ignore_limit=true`);
    const expected = all.filter((c) => c.applications!.some((a) => a.job?.id === job));
    t.ok(page.result.length > 0 && page.result.length < all.length, `job ${job}: some candidates, not all`);
    t.ok(page.result.every((c) => c.applications!.some((a) => a.job?.id === job)), `job ${job}: each has an application to it`);
    t.strictSame(ids(page.result), ids(expected), `job ${job}: exactly the candidates who applied`);
  }
  const none = await candidates(t, app, 'job_id=1');
  t.strictSame(none, { result: [], next_cursor: null, prev_cursor: null, result_count: 0 }, 'an unknown job has no candidates');
});

t.test('filters: candidates by created_at and updated_at ranges', async (t) => {
  const app = await testApp(t, { candidates: 40 });
  const all = await whole<Candidate>(t, app, CANDIDATES, 'truto_exclude_fields=remote_data,applications,attachments');
  const ms = (s: string | undefined) => Date.parse(s!);
  const ops = {
    gt: (a: number, b: number) => a > b,
    gte: (a: number, b: number) => a >= b,
    lt: (a: number, b: number) => a < b,
    lte: (a: number, b: number) => a <= b,
  };
  for (const field of ['created_at', 'updated_at'] as const) {
    // A bound that is some record's own instant, so gt/gte and lt/lte differ by that record.
    const bound = [...all].sort((a, b) => ms(a[field]) - ms(b[field]))[17]![field]!;
    for (const [op, holds] of Object.entries(ops)) {
      const page = await candidates(
        t,
        app,
        `${field}%5B${op}%5D=${encodeURIComponent(bound)}&truto_ignore_limit=true&truto_exclude_fields=remote_data,applications,attachments`,
      );
      const expected = all.filter((c) => holds(ms(c[field]), ms(bound)));
      t.ok(expected.length > 0 && expected.length < all.length, `${field}[${op}] keeps some, not all`);
      t.ok(page.result.every((c) => holds(ms(c[field]), ms(bound))), `${field}[${op}]=${bound}: every record's ${field} fits`);
      t.strictSame(ids(page.result), ids(expected), `${field}[${op}]: exactly the records that fit`);
    }
  }
  const from = '2024-01-01T00:00:00Z';
  const to = '2025-01-01T00:00:00Z';
  const range = await candidates(
    t,
    app,
    `created_at%5Bgte%5D=${encodeURIComponent(from)}&created_at%5Blt%5D=${encodeURIComponent(to)}&updated_at%5Bgt%5D=2024-09-01T00%3A00%3A00Z&truto_ignore_limit=true&truto_exclude_fields=remote_data,applications,attachments`,
  );
  const expected = all.filter(
    (c) => ms(c.created_at) >= ms(from) && ms(c.created_at) < ms(to) && ms(c.updated_at) > Date.parse('2024-09-01T00:00:00Z'),
  );
  t.ok(expected.length > 0, `a range of both dates keeps ${expected.length}`);
  t.strictSame(ids(range.result), ids(expected), 'created_at[gte]&created_at[lt]&updated_at[gt] together');
});

t.test('filters: remote_query[email] finds exactly Ada', async (t) => {
  const app = await testApp(t, { candidates: 40 });
  for (const email of ['ada.lovelace@example.com', 'ADA.Lovelace@Example.com']) {
    const page = await candidates(t, app, `remote_query%5Bemail%5D=${encodeURIComponent(email)}`);
    t.equal(page.result_count, 1, `${email}: one candidate`);
    t.strictSame(ids(page.result), [ADA]);
    t.strictSame(page.result[0]!.emails, [{ email: 'ada.lovelace@example.com', type: 'personal' }]);
    t.equal(page.next_cursor, null);
  }
  const nobody = await candidates(t, app, 'remote_query%5Bemail%5D=nobody%40example.com');
  t.strictSame(nobody, { result: [], next_cursor: null, prev_cursor: null, result_count: 0 }, 'an unknown email finds nobody');
  const partial = await candidates(t, app, 'remote_query%5Bemail%5D=lovelace%40example.com');
  t.equal(partial.result_count, 0, 'a part of an address is not an address');
});

t.test('remote_query dates are read like the unified date filters: strict ISO 8601, UTC when no zone is given', async (t) => {
  const app = await testApp(t, { candidates: 60 });
  const all = await whole<Candidate>(t, app, CANDIDATES);
  const middle = all[30]!.created_at!; // e.g. 2024-07-01T10:11:12.345Z
  const zoneless = middle.slice(0, -1);
  const viaUnified = ids(await whole<Candidate>(t, app, CANDIDATES, `created_at[gte]=${encodeURIComponent(middle)}`));
  const viaRemote = ids(await whole<Candidate>(t, app, CANDIDATES, `remote_query[created_after]=${encodeURIComponent(zoneless)}`));
  t.strictSame(viaUnified, ids(all.slice(30)), 'created_at[gte] keeps the later half');
  t.strictSame(viaRemote, viaUnified, 'a zoneless remote date is UTC, whatever the machine\'s time zone');
  const impossible = ids(await whole<Candidate>(t, app, CANDIDATES, 'remote_query[created_after]=2024-02-30'));
  t.strictSame(impossible, ids(all), 'an impossible remote date is ignored, as the remote API would, not rolled into March');
});
