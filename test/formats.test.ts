import { Type, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { FastifyInstance } from 'fastify';
import t, { type Test } from 'tap';
import { GreenhouseAttachment, GreenhouseCandidate } from '../src/integrations/greenhouse/raw.js';
import type { Application } from '../src/model/application.js';
import type { Attachment } from '../src/model/attachment.js';
import { AttachmentSchema } from '../src/model/attachment.js';
import type { Candidate } from '../src/model/candidate.js';
import { CandidateSchema } from '../src/model/candidate.js';
import { TrutoErrorSchema } from '../src/model/error.js';
import { ListEnvelope } from '../src/model/list.js';
import { ADA, ADA_APPLICATION, GH, GRACE, JSON_CT, assertSchema, get, normalizedSchema, testApp } from './helpers.js';

const CANDIDATES = '/unified/ats/candidates';
const ATTACHMENTS = '/unified/ats/attachments';
const NDJSON_CT = 'text/plain; charset=utf-8';
const HARVEST = 'https://harvest.greenhouse.io/v1';
const ENVELOPE_KEYS = ['result', 'next_cursor', 'prev_cursor', 'result_count'];
const REQUEST_OPTIONS = { method: 'GET', headers: { Authorization: 'Basic <redacted>', Accept: 'application/json' } };
const RESPONSE_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '49' };

const Headers = Type.Record(Type.String(), Type.String());
const RequestOptions = Type.Object({ method: Type.Literal('GET'), headers: Headers }, { additionalProperties: false });
const DebugGet = (result: TSchema, raw: TSchema) =>
  Type.Object(
    {
      result,
      debug: Type.Object(
        { requestUrl: Type.String(), requestOptions: RequestOptions, data: raw, responseHeaders: Headers },
        { additionalProperties: false },
      ),
    },
    { additionalProperties: false },
  );
const DebugList = (item: TSchema, raw: TSchema) =>
  Type.Object(
    {
      ...ListEnvelope(item).properties,
      debug: Type.Object(
        {
          requestUrl: Type.String(),
          requestOptions: RequestOptions,
          data: Type.Array(raw),
          responseHeaders: Headers,
          nextCursor: Type.Union([Type.String(), Type.Null()]),
          isLooping: Type.Boolean(),
          isEmptyResult: Type.Boolean(),
          resultCount: Type.Integer({ minimum: 0 }),
        },
        { additionalProperties: false },
      ),
    },
    { additionalProperties: false },
  );

const S = {
  candidate: CandidateSchema,
  candidates: ListEnvelope(CandidateSchema),
  attachments: ListEnvelope(AttachmentSchema),
  rawCandidates: ListEnvelope(GreenhouseCandidate),
  rawAttachments: ListEnvelope(GreenhouseAttachment),
  normalizedCandidate: normalizedSchema(CandidateSchema),
  normalizedCandidates: ListEnvelope(normalizedSchema(CandidateSchema)),
  normalizedAttachments: ListEnvelope(normalizedSchema(AttachmentSchema)),
  debugCandidate: DebugGet(CandidateSchema, GreenhouseCandidate),
  debugCandidates: DebugList(CandidateSchema, GreenhouseCandidate),
  debugAttachments: DebugList(AttachmentSchema, GreenhouseAttachment),
} as const;

// Loose JSON views of answers: the schema check above each use is what vouches for their shape.
type Json = Record<string, any>;
interface Page<T = Json> {
  result: T[];
  next_cursor: string | null;
  prev_cursor: null;
  result_count: number;
}

/** GET on the greenhouse account: 200, JSON content type, body fits `schema`; returns the parsed body. */
async function call<T = Json>(t: Test, app: FastifyInstance, path: string, query: string, schema: TSchema): Promise<T> {
  const res = await get(app, path, `integrated_account_id=${GH}${query ? `&${query}` : ''}`);
  t.equal(res.statusCode, 200, `GET ${path}?${query}`);
  t.equal(res.headers['content-type'], JSON_CT, 'JSON content type');
  const body = res.json();
  assertSchema(t, schema, body, `${path}?${query}`);
  return body as T;
}

/** A `stream` answer: status, NDJSON content type, chunked, one JSON record a line, each fitting `schema`. */
async function stream(t: Test, app: FastifyInstance, path: string, query: string, schema: TSchema): Promise<Json[]> {
  const res = await get(app, path, `integrated_account_id=${GH}&truto_response_format=stream${query ? `&${query}` : ''}`);
  t.equal(res.statusCode, 200, `stream ${path}?${query}`);
  t.equal(res.headers['content-type'], NDJSON_CT, 'text/plain, so SDKs hand the NDJSON back unparsed');
  t.equal(res.headers['transfer-encoding'], 'chunked', 'sent chunked');
  t.ok(res.body.endsWith('\n'), 'every line ends with a newline');
  const lines = res.body.split('\n').slice(0, -1);
  const records = lines.map((line) => JSON.parse(line) as Json);
  const misfits = records.filter((r) => !Value.Check(schema, r));
  t.equal(misfits.length, 0, `every line fits its schema (${records.length} lines)`);
  if (misfits.length > 0) assertSchema(t, schema, misfits[0], 'first misfit line');
  t.notOk(lines.some((l) => l.trim() === '' || l.includes('\n')), 'no blank lines');
  return records;
}

/** `remote_data` at every depth, counted. */
function countKey(value: unknown, key: string): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countKey(v, key), 0);
  if (value === null || typeof value !== 'object') return 0;
  return Object.entries(value).reduce((n, [k, v]) => n + (k === key ? 1 : 0) + countKey(v, key), 0);
}

/** A copy without `remote_data` at any depth: what `truto_ignore_remote_data` should answer. */
function stripRemoteData(value: unknown): any {
  if (Array.isArray(value)) return value.map(stripRemoteData);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'remote_data').map(([k, v]) => [k, stripRemoteData(v)]));
}

/** A copy without the keys whose value is null, at every depth: a normalized record back to unified. */
function dropNulls(value: unknown): any {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, dropNulls(v)]));
}

/**
 * Where a normalized value's keys differ from its schema's properties (less `remote_data`), at every depth.
 * Returns the paths that differ and how many objects were compared.
 */
function keyMismatches(schema: TSchema, value: unknown, path = '$'): { bad: string[]; objects: number } {
  if (value === null) return { bad: [], objects: 0 };
  if (schema.type === 'array') {
    if (!Array.isArray(value)) return { bad: [`${path}: not an array`], objects: 0 };
    return merge(value.map((v, i) => keyMismatches(schema.items as TSchema, v, `${path}[${i}]`)));
  }
  if (schema.type === 'object' && schema.properties) {
    const props = Object.entries(schema.properties as Record<string, TSchema>).filter(([k]) => k !== 'remote_data');
    const keys = Object.keys(value as object);
    const wanted = props.map(([k]) => k);
    const own = keys.join(',') === wanted.join(',') ? [] : [`${path}: {${keys.join(',')}} is not {${wanted.join(',')}}`];
    const nested = merge(props.map(([k, sub]) => keyMismatches(sub, (value as Json)[k], `${path}.${k}`)));
    return { bad: [...own, ...nested.bad], objects: nested.objects + 1 };
  }
  return { bad: [], objects: 0 };
}

function merge(parts: { bad: string[]; objects: number }[]): { bad: string[]; objects: number } {
  return { bad: parts.flatMap((p) => p.bad), objects: parts.reduce((n, p) => n + p.objects, 0) };
}

// ---------------------------------------------------------------------------------------------------------------
// raw

t.test('raw: get answers the bare Harvest candidate', async (t) => {
  const app = await testApp(t, { candidates: 12 });
  const raw = await call(t, app, `${CANDIDATES}/${ADA}`, 'truto_response_format=raw', GreenhouseCandidate);
  t.equal(raw.id, Number(ADA), 'an integer id');
  t.equal(raw.first_name, 'Ada');
  t.equal(raw.last_name, 'Lovelace');
  t.strictSame(raw.email_addresses, [{ value: 'ada.lovelace@example.com', type: 'personal' }]);
  t.strictSame(raw.tags, ['Top Talent', 'Referral'], 'Harvest tags are plain strings');
  t.strictSame(raw.application_ids, [9100001003, 9100002003]);
  t.strictSame(raw.applications.map((a: Json) => a.id), [9100001003, 9100002003]);
  t.equal(raw.attachments.length, 6);
  t.notOk('result' in raw || 'remote_data' in raw || 'name' in raw, 'no wrapper, no unified field');

  const plain = await get(app, `${CANDIDATES}/${ADA}`, `integrated_account_id=${GH}&truto_response_format=raw`);
  for (const extra of [
    'truto_exclude_fields=first_name,applications.attachments,email_addresses',
    'truto_exclude_fields%5B0%5D=id&truto_exclude_fields%5B1%5D=remote_data',
    'truto_ignore_remote_data=true',
    'truto_ignore_remote_data=true&truto_exclude_fields%5B%5D=attachments',
  ]) {
    const res = await get(app, `${CANDIDATES}/${ADA}`, `integrated_account_id=${GH}&truto_response_format=raw&${extra}`);
    t.equal(res.statusCode, 200);
    assertSchema(t, GreenhouseCandidate, res.json());
    t.equal(res.body, plain.body, `raw is never altered: ${extra}`);
  }
});

t.test('raw: lists keep the envelope, with Harvest records in result', async (t) => {
  const app = await testApp(t, { candidates: 12 });
  const page = await call<Page>(t, app, CANDIDATES, 'truto_response_format=raw&limit=5', S.rawCandidates);
  t.strictSame(Object.keys(page), ENVELOPE_KEYS);
  t.equal(page.result_count, 5);
  t.type(page.next_cursor, 'string', 'SDK pagination still works');
  t.strictSame(page.result.map((c) => c.id), [9000001003, 9000002003, 9000003003, 9000004003, 17130005003], 'integer ids');

  // Walk the raw pages with the cursors they give: the same records as the whole raw list.
  const all = await call<Page>(t, app, CANDIDATES, 'truto_response_format=raw&truto_ignore_limit=true', S.rawCandidates);
  t.equal(all.result_count, 12);
  const walked: Json[] = [...page.result];
  for (let cursor = page.next_cursor; cursor; ) {
    const next = await call<Page>(t, app, CANDIDATES, `truto_response_format=raw&limit=5&next_cursor=${cursor}`, S.rawCandidates);
    walked.push(...next.result);
    cursor = next.next_cursor;
  }
  t.strictSame(walked, all.result, 'raw pages walk every Harvest record once');

  const files = await call<Page>(t, app, ATTACHMENTS, `truto_response_format=raw&candidate_id=${ADA}`, S.rawAttachments);
  t.equal(files.result_count, 6);
  t.ok(files.result.every((f) => Object.keys(f).join(',') === 'filename,url,type,created_at'), 'filename,url,type,created_at and nothing else');
  const unified = await call<Page<Attachment>>(t, app, ATTACHMENTS, `candidate_id=${ADA}`, S.attachments);
  t.strictSame(
    unified.result.map((a) => a.attachment_type),
    ['resume', 'cover_letter', 'other', 'resume', 'other', 'other'],
    "Ada's pinned attachment types, unified",
  );
  t.strictSame(
    files.result.map((f) => (f.type === 'resume' || f.type === 'cover_letter' ? f.type : 'other')),
    unified.result.map((a) => a.attachment_type),
    "raw keeps Harvest's own type words, which unified maps to resume | cover_letter | other",
  );
  t.ok(files.result.some((f) => !['resume', 'cover_letter', 'other'].includes(f.type as string)), 'a Harvest-only type shows in raw');

  for (const [path, query, schema] of [
    [CANDIDATES, 'limit=5', S.rawCandidates],
    [ATTACHMENTS, 'limit=5', S.rawAttachments],
  ] as const) {
    const plain = await get(app, path, `integrated_account_id=${GH}&truto_response_format=raw&${query}`);
    for (const extra of ['truto_exclude_fields=filename,first_name,id,url', 'truto_ignore_remote_data=true']) {
      const res = await get(app, path, `integrated_account_id=${GH}&truto_response_format=raw&${query}&${extra}`);
      t.equal(res.statusCode, 200);
      assertSchema(t, schema, res.json());
      t.equal(res.body, plain.body, `raw list never altered: ${path} ${extra}`);
    }
  }
});

// ---------------------------------------------------------------------------------------------------------------
// unified and remote_data

t.test('unified: remote_data is the raw record, on the top-level record only', async (t) => {
  const app = await testApp(t, { candidates: 12 });
  const raw = await call(t, app, `${CANDIDATES}/${ADA}`, 'truto_response_format=raw', GreenhouseCandidate);
  const explicit = await call<Candidate>(t, app, `${CANDIDATES}/${ADA}`, 'truto_response_format=unified', CandidateSchema);
  const unified = await call<Candidate>(t, app, `${CANDIDATES}/${ADA}`, '', CandidateSchema);
  t.strictSame(explicit, unified, 'unified is the default');
  assertSchema(t, GreenhouseCandidate, unified.remote_data, 'remote_data');
  t.strictSame(unified.remote_data, raw, 'remote_data is exactly the raw answer');
  // CONTRACT §6: nested applications and attachments carry none of their own (Ada's answer was three times the size).
  t.equal(countKey(unified, 'remote_data'), 1, 'one remote_data: the candidate\'s');
  t.equal(unified.applications!.length, 2, 'her applications are there');
  t.equal(unified.applications!.flatMap((a) => a.attachments ?? []).length, 3, 'with their attachments');
  t.equal(unified.attachments!.length, 6, 'and her attachments');
  t.ok(JSON.stringify(unified).length < 2 * JSON.stringify(raw).length, 'the answer is the raw record once, plus its mapping');
  const files = await call<Page>(t, app, ATTACHMENTS, 'limit=1', S.attachments);
  assertSchema(t, GreenhouseAttachment, files.result[0]!.remote_data, 'an attachment answered at the top keeps its remote_data');

  for (const [path, query, schema, rawSchema] of [
    [CANDIDATES, 'limit=6', S.candidates, S.rawCandidates],
    [ATTACHMENTS, 'limit=9', S.attachments, S.rawAttachments],
  ] as const) {
    const list = await call<Page>(t, app, path, query, schema);
    const rawList = await call<Page>(t, app, path, `${query}&truto_response_format=raw`, rawSchema);
    t.equal(list.result_count, rawList.result_count);
    t.equal(list.next_cursor, rawList.next_cursor, 'the same cursor whatever the format');
    t.strictSame(list.result.map((r) => r.remote_data), rawList.result, `${path}: each remote_data is the raw list's record`);
  }
});

t.test('unified: truto_ignore_remote_data drops remote_data', async (t) => {
  const app = await testApp(t, { candidates: 12 });
  const full = await call<Candidate>(t, app, `${CANDIDATES}/${ADA}`, '', CandidateSchema);
  t.equal(countKey(full, 'remote_data'), 1, 'with it: the candidate\'s, and no nested one');
  const bare = await call<Candidate>(t, app, `${CANDIDATES}/${ADA}`, 'truto_ignore_remote_data=true', CandidateSchema);
  t.equal(countKey(bare, 'remote_data'), 0, 'none left at any depth');
  t.strictSame(bare, stripRemoteData(full), 'everything else unchanged');
  t.equal((bare.applications as Application[])[0]!.attachments!.length, 2, 'nested records still there');

  const falsy = await call<Candidate>(t, app, `${CANDIDATES}/${ADA}`, 'truto_ignore_remote_data=false', CandidateSchema);
  t.strictSame(falsy, full, 'false keeps it');

  for (const [path, schema] of [
    [CANDIDATES, S.candidates],
    [ATTACHMENTS, S.attachments],
  ] as const) {
    const with_ = await call<Page>(t, app, path, 'limit=8', schema);
    const without = await call<Page>(t, app, path, 'limit=8&truto_ignore_remote_data=true', schema);
    t.ok(countKey(with_.result, 'remote_data') >= 8, `${path}: remote_data by default`);
    t.equal(countKey(without.result, 'remote_data'), 0, `${path}: none with truto_ignore_remote_data`);
    t.strictSame(without, stripRemoteData(with_), `${path}: otherwise the same page, same cursor`);
  }
});

// ---------------------------------------------------------------------------------------------------------------
// normalized

t.test('normalized: every key of the model at every depth, null where greenhouse has no value', async (t) => {
  const app = await testApp(t, { candidates: 12 });
  const unified = await call<Candidate>(t, app, `${CANDIDATES}/${ADA}`, '', CandidateSchema);
  const n = await call<Json>(t, app, `${CANDIDATES}/${ADA}`, 'truto_response_format=normalized', S.normalizedCandidate);
  const check = keyMismatches(CandidateSchema, n);
  t.strictSame(check.bad, [], 'the schema\'s keys, in its order, at every depth');
  t.ok(check.objects > 30, `${check.objects} objects compared`);
  t.equal(countKey(n, 'remote_data'), 0, 'no remote_data');
  t.strictSame(dropNulls(n), stripRemoteData(unified), 'the unified values, with nulls where unified leaves a field out');

  t.strictSame(n.phones, [{ number: '+1 948-911-2224', extension: null, type: 'mobile' }], 'phone extension: null');
  t.strictSame(n.tags, [{ id: null, name: 'Top Talent' }, { id: null, name: 'Referral' }], 'tag id: null');
  t.strictSame(n.urls, [], 'an empty list stays a list');
  t.ok(n.attachments.every((a: Json) => a.updated_at === null), 'attachment updated_at: null');
  t.ok(n.applications.every((a: Json) => a.attachments.every((f: Json) => f.updated_at === null)), 'nested attachment updated_at: null');
  t.ok(n.applications.every((a: Json) => a.credited_to.emails === null), 'application credited_to.emails: null');
  t.ok(n.applications.every((a: Json) => a.current_stage.created_at === null && a.current_stage.updated_at === null), 'stage dates: null');
  const [active, rejected] = n.applications as Json[];
  t.equal(active!.rejected_at, null, 'an active application: rejected_at null');
  t.equal(active!.reject_reason, null);
  t.type(rejected!.reject_reason, 'string', 'a rejected one: its reason');
  t.equal(rejected!.reject_reason, (unified.remote_data as Json).applications[1].rejection_reason.name, "Harvest's rejection_reason.name");

  const grace = await call<Json>(t, app, `${CANDIDATES}/${GRACE}`, 'truto_response_format=normalized', S.normalizedCandidate);
  t.strictSame(keyMismatches(CandidateSchema, grace).bad, []);
  t.strictSame(grace.attachments, [], 'no attachments: an empty list');
  t.strictSame(grace.tags, []);

  const excluded = await call<Json>(
    t,
    app,
    `${CANDIDATES}/${ADA}`,
    'truto_response_format=normalized&truto_exclude_fields=applications,phones.extension',
    normalizedSchema(CandidateSchema, true),
  );
  t.notOk('applications' in excluded, 'exclusions apply to normalized');
  t.strictSame(excluded.phones, [{ number: '+1 948-911-2224', type: 'mobile' }]);
});

t.test('normalized lists: every record with every key', async (t) => {
  const app = await testApp(t, { candidates: 12 });
  for (const [path, schema, nschema, item] of [
    [CANDIDATES, S.candidates, S.normalizedCandidates, CandidateSchema],
    [ATTACHMENTS, S.attachments, S.normalizedAttachments, AttachmentSchema],
  ] as const) {
    const unified = await call<Page>(t, app, path, 'limit=7', schema);
    const n = await call<Page>(t, app, path, 'limit=7&truto_response_format=normalized', nschema);
    t.strictSame(Object.keys(n), ENVELOPE_KEYS);
    t.equal(n.result_count, 7);
    t.equal(n.next_cursor, unified.next_cursor, 'the same cursor');
    const check = merge(n.result.map((r, i) => keyMismatches(item, r, `result[${i}]`)));
    t.strictSame(check.bad, [], `${path}: every key at every depth`);
    t.equal(countKey(n, 'remote_data'), 0, 'no remote_data');
    t.strictSame(n.result.map(dropNulls), stripRemoteData(unified.result), 'the unified values');
  }
  const files = await call<Page>(t, app, ATTACHMENTS, `truto_response_format=normalized&candidate_id=${ADA}`, S.normalizedAttachments);
  t.ok(files.result.every((a) => a.updated_at === null), 'attachment updated_at: null');
  t.strictSame(
    files.result.map((a) => a.application),
    [{ id: ADA_APPLICATION }, { id: ADA_APPLICATION }, { id: '9100002003' }, null, null, null],
    'an attachment on no application: application null',
  );
  const ada = await call<Candidate>(t, app, `${CANDIDATES}/${ADA}`, '', CandidateSchema);
  const [job1, job2] = ada.applications!.map((a) => a.job);
  t.strictSame(files.result.map((a) => a.job), [job1, job1, job2, null, null, null], 'and job null');
});

// ---------------------------------------------------------------------------------------------------------------
// stream

t.test('stream: a list is every matching record, one a line, limit and cursor ignored', async (t) => {
  const app = await testApp(t, { candidates: 12 });
  const all = await call<Page>(t, app, CANDIDATES, 'truto_ignore_limit=true', S.candidates);
  t.equal(all.result_count, 12);
  const lines = await stream(t, app, CANDIDATES, 'limit=2', CandidateSchema);
  t.equal(lines.length, 12, 'all 12, not a page of 2');
  t.strictSame(lines, all.result, 'the same records, in the same order');

  const first = await call<Page>(t, app, CANDIDATES, 'limit=2', S.candidates);
  const fromCursor = await stream(t, app, CANDIDATES, `limit=2&next_cursor=${first.next_cursor!}`, CandidateSchema);
  t.strictSame(fromCursor, all.result, 'a cursor does not move a stream\'s start');

  const shaped = await stream(t, app, CANDIDATES, 'truto_ignore_remote_data=true&truto_exclude_fields=applications.attachments,emails', CandidateSchema);
  t.equal(countKey(shaped, 'remote_data'), 0, 'truto_ignore_remote_data applies');
  t.notOk(shaped.some((c) => 'emails' in c || c.applications.some((a: Json) => 'attachments' in a)), 'truto_exclude_fields applies');
  t.strictSame(shaped.map((c) => c.id), all.result.map((c) => c.id));

  const files = await call<Page>(t, app, ATTACHMENTS, `candidate_id=${ADA}`, S.attachments);
  const fileLines = await stream(t, app, ATTACHMENTS, `candidate_id=${ADA}&limit=1`, AttachmentSchema);
  t.strictSame(fileLines, files.result, 'attachments: the filtered list, six lines');

  const allFiles = await call<Page>(t, app, ATTACHMENTS, 'truto_ignore_limit=true', S.attachments);
  t.strictSame(await stream(t, app, ATTACHMENTS, '', AttachmentSchema), allFiles.result, 'all attachments');

  const none = await get(app, ATTACHMENTS, `integrated_account_id=${GH}&truto_response_format=stream&candidate_id=${GRACE}`);
  t.equal(none.statusCode, 200);
  t.equal(none.headers['content-type'], NDJSON_CT);
  t.equal(none.body, '', 'no record, no line');
});

t.test('stream: more records than one store batch', async (t) => {
  const app = await testApp(t, { candidates: 600 });
  const q = 'truto_exclude_fields=remote_data,applications,attachments';
  const all = await call<Page<Candidate>>(t, app, CANDIDATES, `${q}&truto_ignore_limit=true`, S.candidates);
  t.equal(all.result_count, 600);
  const lines = await stream(t, app, CANDIDATES, q, CandidateSchema);
  t.equal(lines.length, 600);
  t.equal(new Set(lines.map((c) => c.id)).size, 600, 'no record twice');
  t.strictSame(lines, all.result);
});

t.test('stream: a get is one line', async (t) => {
  const app = await testApp(t, { candidates: 12 });
  const unified = await call<Candidate>(t, app, `${CANDIDATES}/${ADA}`, '', CandidateSchema);
  const lines = await stream(t, app, `${CANDIDATES}/${ADA}`, '', CandidateSchema);
  t.equal(lines.length, 1);
  t.strictSame(lines[0], unified, 'the unified candidate');
  const bare = await stream(t, app, `${CANDIDATES}/${ADA}`, 'truto_ignore_remote_data=true', CandidateSchema);
  t.strictSame(bare, [stripRemoteData(unified)]);
});

// ---------------------------------------------------------------------------------------------------------------
// debug

t.test('debug: a get shows the Harvest call and its raw answer', async (t) => {
  const app = await testApp(t, { candidates: 12 });
  const unified = await call<Candidate>(t, app, `${CANDIDATES}/${ADA}`, '', CandidateSchema);
  const raw = await call(t, app, `${CANDIDATES}/${ADA}`, 'truto_response_format=raw', GreenhouseCandidate);
  const debug = await call(t, app, `${CANDIDATES}/${ADA}`, 'truto_response_format=debug', S.debugCandidate);
  t.strictSame(debug, {
    result: unified,
    debug: { requestUrl: `${HARVEST}/candidates/${ADA}`, requestOptions: REQUEST_OPTIONS, data: raw, responseHeaders: RESPONSE_HEADERS },
  });

  const shaped = await call(t, app, `${CANDIDATES}/${ADA}`, 'truto_response_format=debug&truto_ignore_remote_data=true&truto_exclude_fields=tags', S.debugCandidate);
  const { tags: _tags, ...rest } = stripRemoteData(unified) as Json;
  t.strictSame(shaped.result, rest, 'exclusion and remote_data stripping apply to debug.result');
  t.strictSame(shaped.debug.data, raw, 'never to debug.data');
});

t.test('debug: a list adds the envelope, nextCursor, resultCount and the Harvest list URL', async (t) => {
  const app = await testApp(t, { candidates: 12 });
  const page1 = await call<Page>(t, app, CANDIDATES, 'limit=5', S.candidates);
  const raw1 = await call<Page>(t, app, CANDIDATES, 'limit=5&truto_response_format=raw', S.rawCandidates);
  const debug1 = await call<Json>(t, app, CANDIDATES, 'limit=5&truto_response_format=debug', S.debugCandidates);
  t.strictSame(debug1, {
    ...page1,
    debug: {
      requestUrl: `${HARVEST}/candidates?per_page=5&page=1`,
      requestOptions: REQUEST_OPTIONS,
      data: raw1.result,
      responseHeaders: { ...RESPONSE_HEADERS, link: `<${HARVEST}/candidates?per_page=5&page=2>; rel="next"` },
      nextCursor: page1.next_cursor,
      isLooping: false,
      isEmptyResult: false,
      resultCount: 5,
    },
  });

  const page3 = await call<Json>(t, app, CANDIDATES, `limit=5&truto_response_format=debug&next_cursor=${page1.next_cursor!}`, S.debugCandidates);
  t.equal(page3.debug.requestUrl, `${HARVEST}/candidates?per_page=5&page=2`, 'the second page asks for page=2');
  const last = await call<Json>(t, app, CANDIDATES, `limit=5&truto_response_format=debug&next_cursor=${page3.next_cursor as string}`, S.debugCandidates);
  t.equal(last.debug.requestUrl, `${HARVEST}/candidates?per_page=5&page=3`);
  t.equal(last.next_cursor, null);
  t.equal(last.debug.nextCursor, null);
  t.equal(last.debug.resultCount, 2);
  t.equal(last.result_count, 2);
  t.strictSame(last.debug.responseHeaders, RESPONSE_HEADERS, 'no Link header on the last page');

  const byEmail = await call<Json>(t, app, CANDIDATES, 'truto_response_format=debug&remote_query%5Bemail%5D=ada.lovelace%40example.com&remote_query%5Bskip_count%5D=true', S.debugCandidates);
  t.equal(
    byEmail.debug.requestUrl,
    `${HARVEST}/candidates?per_page=100&page=1&email=ada.lovelace%40example.com&skip_count=true`,
    'remote_query keys are recorded in requestUrl, understood or not',
  );
  t.strictSame(byEmail.result.map((c: Json) => c.id), [ADA]);
  t.equal(byEmail.debug.resultCount, 1);

  const byDate = await call<Json>(t, app, CANDIDATES, 'truto_response_format=debug&limit=3&job_id=4030001003&created_at%5Bgte%5D=2023-01-01T00%3A00%3A00Z', S.debugCandidates);
  t.equal(
    byDate.debug.requestUrl,
    `${HARVEST}/candidates?per_page=3&page=1&job_id=4030001003&created_after=2023-01-01T00%3A00%3A00.000Z`,
    'unified filters become Harvest parameters',
  );

  const files = await call<Json>(t, app, ATTACHMENTS, `truto_response_format=debug&candidate_id=${ADA}`, S.debugAttachments);
  const rawFiles = await call<Page>(t, app, ATTACHMENTS, `truto_response_format=raw&candidate_id=${ADA}`, S.rawAttachments);
  t.equal(files.debug.requestUrl, `${HARVEST}/candidates/${ADA}`, "attachments by candidate: Harvest's candidate");
  t.strictSame(files.debug.data, rawFiles.result);
  t.equal(files.debug.resultCount, 6);
  const appFiles = await call<Json>(t, app, ATTACHMENTS, `truto_response_format=debug&application_id=${ADA_APPLICATION}`, S.debugAttachments);
  t.equal(appFiles.debug.requestUrl, `${HARVEST}/applications/${ADA_APPLICATION}`, "by application: Harvest's application");

  const empty = await call<Json>(t, app, ATTACHMENTS, `truto_response_format=debug&candidate_id=${GRACE}`, S.debugAttachments);
  t.equal(empty.debug.isEmptyResult, true);
  t.equal(empty.debug.resultCount, 0);
  t.strictSame(empty.debug.data, []);

  const whole = await call<Json>(t, app, CANDIDATES, 'truto_response_format=debug&truto_ignore_limit=true', S.debugCandidates);
  const all = await call<Page>(t, app, CANDIDATES, 'truto_ignore_limit=true', S.candidates);
  t.strictSame({ ...whole, debug: undefined }, { ...all, debug: undefined }, 'truto_ignore_limit: the whole envelope');
  t.equal(whole.debug.nextCursor, null);
  t.equal(whole.debug.resultCount, 12);
  t.equal(whole.debug.data.length, 12);
  t.strictSame(whole.debug.data, all.result.map((c) => c.remote_data));
});

// ---------------------------------------------------------------------------------------------------------------
// truto_exclude_fields, truto_key_by, truto_ignore_limit

t.test('truto_exclude_fields: top-level and dotted paths, in every query spelling', async (t) => {
  const app = await testApp(t, { candidates: 12 });
  const unified = await call<Candidate>(t, app, `${CANDIDATES}/${ADA}`, '', CandidateSchema);

  const expected = structuredClone(unified) as Json;
  delete expected.emails;
  delete expected.remote_data;
  for (const a of expected.applications) delete a.attachments;
  const spellings = [
    'truto_exclude_fields=applications.attachments,emails,remote_data',
    'truto_exclude_fields%5B0%5D=applications.attachments&truto_exclude_fields%5B1%5D=emails&truto_exclude_fields%5B2%5D=remote_data',
    'truto_exclude_fields%5B%5D=applications.attachments&truto_exclude_fields%5B%5D=emails&truto_exclude_fields%5B%5D=remote_data',
    'truto_exclude_fields=applications.attachments&truto_exclude_fields=emails&truto_exclude_fields=remote_data',
  ];
  for (const q of spellings) {
    const body = await call<Json>(t, app, `${CANDIDATES}/${ADA}`, q, CandidateSchema);
    t.strictSame(body, expected, q);
  }
  t.equal(expected.attachments.length, 6, "the candidate's own attachments stay");
  t.equal(countKey(expected, 'remote_data'), 0, 'excluding remote_data leaves none: only the top record has one');

  const nested = await call<Json>(t, app, `${CANDIDATES}/${ADA}`, 'truto_exclude_fields=applications.current_stage.name,attachments.file_url,applications.credited_to.last_name,nope.nothing,absent', CandidateSchema);
  const expectedNested = structuredClone(unified) as Json;
  for (const a of expectedNested.applications) {
    delete a.current_stage.name;
    delete a.credited_to.last_name;
  }
  for (const f of expectedNested.attachments) delete f.file_url;
  t.strictSame(nested, expectedNested, 'dotted paths reach into arrays and objects; unknown paths change nothing');
  t.same(nested.remote_data, unified.remote_data, 'the top remote_data stays');

  for (const [path, schema, q, drop] of [
    [CANDIDATES, S.candidates, 'limit=4&truto_exclude_fields=applications.attachments,emails,remote_data', ['emails', 'remote_data']],
    [ATTACHMENTS, S.attachments, 'limit=4&truto_exclude_fields=remote_data,job,file_url', ['remote_data', 'job', 'file_url']],
  ] as const) {
    const full = await call<Page>(t, app, path, 'limit=4', schema);
    const body = await call<Page>(t, app, path, q, schema);
    const want = structuredClone(full) as Page;
    for (const r of want.result) {
      for (const k of drop) delete r[k];
      for (const a of (r.applications ?? []) as Json[]) delete a.attachments;
    }
    t.strictSame(body, want, `${path}: every record of the page, and the same cursor`);
  }
});

t.test('truto_key_by: result keyed by the field, every record, next_cursor null', async (t) => {
  const app = await testApp(t, { candidates: 12 });
  for (const [path, schema] of [
    [CANDIDATES, S.candidates],
    [ATTACHMENTS, S.attachments],
  ] as const) {
    const all = await call<Page>(t, app, path, 'truto_ignore_limit=true', schema);
    const expected = {
      result: Object.fromEntries(all.result.map((r) => [r.id, r])),
      next_cursor: null,
      prev_cursor: null,
      result_count: all.result_count,
    };
    for (const q of ['truto_key_by=id', 'truto_key_by=id&limit=2', 'truto_key_by=id&truto_ignore_limit=true', 'truto_key_by=id&truto_ignore_limit=true&limit=3']) {
      const body = await call<Json>(t, app, path, q, schema);
      t.strictSame(Object.keys(body), ENVELOPE_KEYS, `${path}?${q}: the envelope`);
      t.notOk(Array.isArray(body.result), 'result is an object');
      t.strictSame(Object.keys(body.result), all.result.map((r) => r.id), 'keyed by id, in list order');
      t.strictSame(body, expected, `${path}?${q}: every record under its id, next_cursor null`);
    }
  }
  const first = await call<Page>(t, app, ATTACHMENTS, 'limit=2', S.attachments);
  const keyed = await call<Json>(t, app, ATTACHMENTS, `truto_key_by=id&limit=2&next_cursor=${first.next_cursor!}`, S.attachments);
  t.equal(Object.keys(keyed.result)[0], first.result[0]!.id, 'a cursor does not move the start of a keyed list');

  const byAda = await call<Json>(t, app, ATTACHMENTS, `truto_key_by=id&candidate_id=${ADA}&truto_ignore_remote_data=true`, S.attachments);
  t.strictSame(Object.keys(byAda.result), ['9200001003', '9200002003', '9200003003', '9200004003', '9200005003', '9200006003']);
  t.equal(byAda.result_count, 6);
  t.equal(countKey(byAda, 'remote_data'), 0);
});

t.test('truto_ignore_limit: every record in one page, next_cursor null', async (t) => {
  const app = await testApp(t, { candidates: 30 });
  const q = 'truto_exclude_fields=remote_data';
  const walked: Json[] = [];
  for (let cursor = ''; ; ) {
    const page = await call<Page>(t, app, CANDIDATES, `${q}&limit=8&next_cursor=${cursor}`, S.candidates);
    walked.push(...page.result);
    if (!page.next_cursor) break;
    cursor = page.next_cursor;
  }
  t.equal(walked.length, 30);
  for (const extra of ['truto_ignore_limit=true', 'truto_ignore_limit=true&limit=2', 'truto_ignore_limit=true&limit=1000']) {
    const body = await call<Page>(t, app, CANDIDATES, `${q}&${extra}`, S.candidates);
    t.strictSame(body, { result: walked, next_cursor: null, prev_cursor: null, result_count: 30 }, extra);
  }
  const first = await call<Page>(t, app, CANDIDATES, `${q}&limit=8`, S.candidates);
  const withCursor = await call<Page>(t, app, CANDIDATES, `${q}&truto_ignore_limit=true&next_cursor=${first.next_cursor!}`, S.candidates);
  t.strictSame(withCursor.result, walked, 'with a cursor too: every record, from the first');
  const limited = await call<Page>(t, app, CANDIDATES, `${q}&truto_ignore_limit=false&limit=8`, S.candidates);
  t.strictSame(limited, first, 'false pages as usual');

  const files = await call<Page>(t, app, ATTACHMENTS, `truto_ignore_limit=true&application_id=${ADA_APPLICATION}`, S.attachments);
  t.strictSame(files.result.map((a) => a.id), ['9200001003', '9200002003']);
  t.equal(files.next_cursor, null);

  const bad = await get(app, CANDIDATES, `integrated_account_id=${GH}&truto_ignore_limit=yes`);
  t.equal(bad.statusCode, 400, 'a boolean is true or false');
  t.equal(bad.headers['content-type'], JSON_CT);
  assertSchema(t, TrutoErrorSchema, bad.json());
  t.strictSame(bad.json(), {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Invalid query parameter truto_ignore_limit: must be true or false',
  });
});
