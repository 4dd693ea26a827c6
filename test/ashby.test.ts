import { Type, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { FastifyInstance } from 'fastify';
import t, { type Test } from 'tap';
import { DEFAULT_FIXTURES } from '../src/config.js';
import { requestId, saltOf, uuid } from '../src/integrations/ashby/ids.js';
import { ashby } from '../src/integrations/ashby/index.js';
import {
  AshbyApplication,
  AshbyAttachment,
  AshbyCandidate,
  AshbyError,
  AshbyInfo,
  AshbyListPage,
  AshbySearchAnswer,
} from '../src/integrations/ashby/raw.js';
import { contactType, phoneValue, resumeFiles, socialLinks } from '../src/integrations/ashby/seed.js';
import type { AccountReader, RenderContext } from '../src/integrations/types.js';
import { AttachmentSchema } from '../src/model/attachment.js';
import { CandidateSchema } from '../src/model/candidate.js';
import { ListEnvelope } from '../src/model/list.js';
import { iso } from '../src/seed/reference-time.js';
import { loadFixtures } from '../src/seed/fixtures.js';
import { buildWorld, type World, type WorldCandidate } from '../src/seed/world.js';
import type { RecordRow } from '../src/store/records.js';
import { assertSchema, ATTACHMENTS, CANDIDATES, expectError, expectOk, get, testApp } from './helpers.js';

const ACCOUNT = 'a1d4c6e8-2b3f-4a5c-9d7e-8f0a1b2c3d4e';
const ACC = `integrated_account_id=${ACCOUNT}`;
const FIXTURE = loadFixtures(DEFAULT_FIXTURES).fixtures.accounts.find((a) => a.id === ACCOUNT)!;
const PINNED = FIXTURE.pinned?.candidates ?? [];
const [ADA, GRACE, ALAN, ZOE] = PINNED.map((p) => p.id) as [string, string, string, string];
const HOST = 'https://api.ashbyhq.com';
const REQUEST_OPTIONS_HEADERS = { Authorization: 'Basic <redacted>', Accept: 'application/json; version=1', 'Content-Type': 'application/json' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

type Json = Record<string, any>;

// ---------------------------------------------------------------------------------------------------------------
// Property test: world → Ashby raw (seed + render) → unified gives back every field Ashby fills.

/** The store, in memory: what `render` may read. */
function memoryReader(rows: Map<string, RecordRow[]>): AccountReader {
  return {
    get: (kind, id) => rows.get(kind)?.find((r) => r.id === id),
    byParent: (kind, column, ids) => (rows.get(kind) ?? []).filter((r) => ids.includes(r[column] ?? '')),
  };
}

function seedRows(world: World): Map<string, RecordRow[]> {
  const rows = new Map<string, RecordRow[]>();
  let seq = 0;
  for (const { kind, record } of ashby.seed(world)) {
    const { keys: _keys, ...row } = record;
    const list = rows.get(kind) ?? [];
    list.push({ seq: ++seq, ...row });
    rows.set(kind, list);
  }
  return rows;
}

const CTX: RenderContext = { fileUrl: (id, name) => `https://files.test/${id}/${name}` };

/** What Ashby's mapping must give for a world candidate: the world's values, in Ashby's words where it has its own. */
function expectedCandidate(world: World, c: WorldCandidate): Json {
  const salt = saltOf(world);
  return {
    id: c.pinnedId ?? uuid(salt, 'candidate', c.n),
    name: `${c.firstName} ${c.lastName}`,
    company: c.company,
    title: c.title,
    locations: c.addresses.slice(0, 1).map((a) => a.value),
    emails: c.emails.map((e) => ({ email: e.address, type: contactType(e.type) })),
    phones: c.phones.map((p) => ({ number: phoneValue(p), type: contactType(p.type) })),
    urls: socialLinks(c).map((l) => ({ url: l.url, type: l.type })),
    tags: c.tags.map((name) => ({ id: uuid(salt, 'tag', name), name })),
    applications: c.applications.map((a) => ({ id: a.pinnedId ?? uuid(salt, 'application', a.n) })),
    created_at: iso(c.createdAt),
    updated_at: iso(c.updatedAt),
  };
}

function expectedAttachments(world: World, c: WorldCandidate): Json[] {
  const salt = saltOf(world);
  const resumes = resumeFiles(c);
  const candidateId = c.pinnedId ?? uuid(salt, 'candidate', c.n);
  return c.attachments.map((f) => {
    const id = f.pinnedId ?? uuid(salt, 'file', f.n);
    const isResume = f === resumes.candidate || (f.applicationN !== undefined && resumes.byApplication.get(f.applicationN) === f);
    return {
      id,
      file_name: f.fileName,
      file_url: `https://files.test/${id}/${f.fileName}`,
      attachment_type: isResume ? 'resume' : 'other',
      candidate: { id: candidateId },
    };
  });
}

function withoutRemoteData(record: object): Json {
  const { remote_data: _r, ...rest } = record as Json;
  return rest;
}

/** Leaf paths of a unified value (array items folded). */
function leafPaths(value: unknown, prefix: string, out: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) leafPaths(item, prefix, out);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) leafPaths(v, prefix ? `${prefix}.${k}` : k, out);
  else if (prefix) out.add(prefix);
  return out;
}

t.test('property: mapping the raw rendering of generated worlds gives back every field Ashby declares', async (t) => {
  const covered = { candidates: new Set<string>(), attachments: new Set<string>() };
  for (const seed of [1, 7, 20260115]) {
    const world = buildWorld(seed, `${ACCOUNT}:${seed}`, 80, PINNED);
    const rows = seedRows(world);
    const reader = memoryReader(rows);
    const candidateRows = rows.get('candidate')!;
    const raws = ashby.resources.candidates!.render(candidateRows, reader, CTX);
    const worldCandidates = [...world.candidates()];
    t.equal(raws.length, worldCandidates.length, `seed ${seed}: one Ashby candidate per world candidate`);
    let misfits = 0;
    for (const [i, c] of worldCandidates.entries()) {
      const raw = raws[i]!;
      if (!t.strictSame(withoutRemoteData(ashby.resources.candidates!.toUnified(raw)), expectedCandidate(world, c), `seed ${seed} candidate ${c.n}`)) break;
      leafPaths(expectedCandidate(world, c), '', covered.candidates);

      const fileRows = reader.byParent('attachment', 'candidate_id', [(raw.raw as Json).id]);
      const files = ashby.resources.attachments!.render(fileRows, reader, CTX);
      const unified = files.map((f) => withoutRemoteData(ashby.resources.attachments!.toUnified(f)));
      if (!t.strictSame(unified, expectedAttachments(world, c), `seed ${seed} candidate ${c.n}: its files`)) break;
      for (const u of unified) leafPaths(u, '', covered.attachments);
      // The handles candidate.info lists are the files the attachments resource answers.
      t.strictSame((raw.raw as Json).fileHandles, files.map(({ raw: f }) => ({ id: (f as Json).id, name: (f as Json).name, handle: (f as Json).handle })));
      for (const { raw: f } of files) if (!Value.Check(AshbyAttachment, f)) {
          assertSchema(t, AshbyAttachment, f, 'attachment');
          misfits++;
        }
      if (!Value.Check(AshbyCandidate, raw.raw)) {
        assertSchema(t, AshbyCandidate, raw.raw, `seed ${seed} candidate ${c.n}`);
        misfits++;
      }
    }
    const texts = [...rows.get('candidate')!, ...rows.get('application')!].map((r) => r.raw);
    t.ok(texts.every((text) => text === JSON.stringify(JSON.parse(text))), `seed ${seed}: stored JSON is exactly JSON.stringify's`);
    for (const row of rows.get('application')!) {
      const app = JSON.parse(row.raw) as Json;
      if (!Value.Check(AshbyApplication, app)) assertSchema(t, AshbyApplication, app, `application ${row.id}`);
      t.equal(row.job_id, app.job.id, 'application row: job_id is its job');
      t.equal(row.candidate_id, app.candidate.id, 'application row: candidate_id is its candidate');
    }
    // Attachment rows carry the application and job of the world file, so the store's filters can use them.
    const salt = saltOf(world);
    for (const c of worldCandidates) {
      for (const f of c.attachments) {
        const row = reader.get('attachment', f.pinnedId ?? uuid(salt, 'file', f.n))!;
        const app = c.applications.find((a) => a.n === f.applicationN);
        t.strictSame(
          [row.candidate_id, row.application_id, row.job_id],
          [c.pinnedId ?? uuid(salt, 'candidate', c.n), app ? (app.pinnedId ?? uuid(salt, 'application', app.n)) : null, app ? uuid(salt, 'job', app.jobN) : null],
        );
      }
    }
    t.equal(misfits, 0, `seed ${seed}: every raw record fits Ashby's schema`);
  }
  t.strictSame([...covered.candidates].sort(), [...ashby.resources.candidates!.fields].sort(), 'the checked candidate fields are exactly the declared ones');
  t.strictSame([...covered.attachments].sort(), [...ashby.resources.attachments!.fields].sort(), 'the checked attachment fields are exactly the declared ones');
});

t.test('ids: UUIDs, deterministic, distinct per kind and per account', async (t) => {
  const a = buildWorld(1, 'one', 5, []);
  const b = buildWorld(1, 'two', 5, []);
  t.match(uuid(saltOf(a), 'candidate', 1), UUID);
  t.equal(uuid(saltOf(a), 'candidate', 1), uuid(saltOf(buildWorld(1, 'one', 5, [])), 'candidate', 1), 'same world, same id');
  t.not(uuid(saltOf(a), 'candidate', 1), uuid(saltOf(a), 'application', 1), 'kinds never share an id');
  t.not(uuid(saltOf(a), 'candidate', 1), uuid(saltOf(b), 'candidate', 1), 'accounts never share an id');
  const many = new Set(Array.from({ length: 5000 }, (_, i) => uuid('salt', 'file', i)));
  t.equal(many.size, 5000, 'no collisions among 5,000 ids');
  t.match(requestId('x'), ULID, 'request ids look like ULIDs');
});

// ---------------------------------------------------------------------------------------------------------------
// Through the API

const Headers = Type.Record(Type.String(), Type.String());
const RequestOptions = Type.Object(
  { method: Type.Literal('POST'), headers: Headers, body: Type.Record(Type.String(), Type.Unknown()) },
  { additionalProperties: false },
);
const DebugList = (item: TSchema, data: TSchema) =>
  Type.Object(
    {
      ...ListEnvelope(item).properties,
      debug: Type.Object(
        {
          requestUrl: Type.String(),
          requestOptions: RequestOptions,
          data,
          responseHeaders: Headers,
          nextCursor: Type.Union([Type.String(), Type.Null()]),
          isLooping: Type.Boolean(),
          isEmptyResult: Type.Boolean(),
          resultCount: Type.Integer(),
        },
        { additionalProperties: false },
      ),
    },
    { additionalProperties: false },
  );
const DebugGet = Type.Object(
  {
    result: CandidateSchema,
    debug: Type.Object(
      { requestUrl: Type.String(), requestOptions: RequestOptions, data: AshbyInfo(AshbyCandidate), responseHeaders: Headers },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

async function ok<T = Json>(t: Test, app: FastifyInstance, path: string, query: string, schema: TSchema): Promise<T> {
  return expectOk(t, await get(app, path, `${ACC}${query ? `&${query}` : ''}`), schema, `${path}?${query}`) as T;
}

const ids = (page: Json) => (page.result as Json[]).map((r) => r.id as string);

t.test('pinned records: the four people, with Ashby UUIDs', async (t) => {
  const app = await testApp(t, { candidates: 12 });
  t.ok(PINNED.every((p) => UUID.test(p.id)), 'pinned ids are Ashby-style UUIDs');
  const ada = await ok(t, app, `${CANDIDATES}/${ADA}`, '', CandidateSchema);
  t.equal(ada.name, 'Ada Lovelace');
  t.strictSame(ada.emails, [{ email: 'ada.lovelace@example.com', type: 'Personal' }]);
  t.strictSame(ada.tags.map((x: Json) => x.name), ['Top Talent', 'Referral']);
  t.strictSame(ada.applications, [{ id: '8e4d2c1b-6a5f-4b3e-9c7d-000000000001' }, { id: '8e4d2c1b-6a5f-4b3e-9c7d-000000000002' }]);
  t.equal(ada.first_name, undefined, 'Ashby has one name: no first/last split');
  const grace = await ok(t, app, `${CANDIDATES}/${GRACE}`, '', CandidateSchema);
  t.strictSame([grace.name, grace.company], ['Grace Hopper', 'Eckert-Mauchly Computer Corp']);
  t.notOk('resumeFileHandle' in grace.remote_data, 'no resume: resumeFileHandle left out, as Ashby does');
  t.strictSame(grace.remote_data.fileHandles, []);
  const alan = await ok(t, app, `${CANDIDATES}/${ALAN}`, '', CandidateSchema);
  t.equal(alan.remote_data.resumeFileHandle.id, '3a7f5e2d-1c9b-4d8a-b6e5-000000000007');
  const zoe = await ok(t, app, `${CANDIDATES}/${ZOE}`, 'truto_response_format=raw', AshbyInfo(AshbyCandidate));
  t.strictSame([zoe.results.name, zoe.results.company], ["Zoë O'Brien-Núñez", 'Smith & Sons <Consulting>'], 'unicode and markup survive');
  t.equal(zoe.results.applicationIds.length, 3);

  const files = await ok<{ result: Json[] }>(t, app, ATTACHMENTS, `candidate_id=${ADA}`, ListEnvelope(AttachmentSchema));
  t.strictSame(
    files.result.map((f) => [f.id, f.attachment_type]),
    [
      ['3a7f5e2d-1c9b-4d8a-b6e5-000000000001', 'resume'],
      ['3a7f5e2d-1c9b-4d8a-b6e5-000000000002', 'other'],
      ['3a7f5e2d-1c9b-4d8a-b6e5-000000000003', 'other'],
      ['3a7f5e2d-1c9b-4d8a-b6e5-000000000004', 'resume'],
      ['3a7f5e2d-1c9b-4d8a-b6e5-000000000005', 'other'],
      ['3a7f5e2d-1c9b-4d8a-b6e5-000000000006', 'other'],
    ],
    "Ada's six files: the two resumes a resumeFileHandle names (the profile's and her first application's)",
  );
  const download = await app.inject({ method: 'GET', url: new URL(files.result[0]!.file_url).pathname + new URL(files.result[0]!.file_url).search });
  t.equal(download.statusCode, 200, 'the file_url downloads');
  const none = await ok<{ result: Json[] }>(t, app, ATTACHMENTS, `candidate_id=${GRACE}`, ListEnvelope(AttachmentSchema));
  t.strictSame(none.result, [], 'Grace has no files');
});

t.test('raw: candidate.info wrapper for a get, candidate.list records in a list', async (t) => {
  const app = await testApp(t, { candidates: 12 });
  const raw = await ok(t, app, `${CANDIDATES}/${ADA}`, 'truto_response_format=raw', AshbyInfo(AshbyCandidate));
  const unified = await ok(t, app, `${CANDIDATES}/${ADA}`, '', CandidateSchema);
  t.strictSame(raw, { success: true, results: unified.remote_data }, '{ success, results } around remote_data');
  t.strictSame(Object.keys(raw.results), [
    'id', 'createdAt', 'updatedAt', 'name', 'primaryEmailAddress', 'emailAddresses', 'primaryPhoneNumber', 'phoneNumbers',
    'socialLinks', 'tags', 'position', 'company', 'school', 'applicationIds', 'resumeFileHandle', 'fileHandles',
    'customFields', 'profileUrl', 'source', 'creditedToUser', 'timezone', 'primaryLocation', 'fraudStatus',
  ], "Ashby's key order");
  t.equal(raw.results.profileUrl, `https://app.ashbyhq.com/candidate-searches/new/right-side/candidates/${ADA}`);
  t.equal(Buffer.from(raw.results.resumeFileHandle.handle, 'base64').toString(), `{"handle":{"id":"${raw.results.resumeFileHandle.id}"}}`, 'handles are base64 JSON');

  const list = await ok<{ result: Json[] }>(t, app, CANDIDATES, 'truto_response_format=raw&limit=5', ListEnvelope(AshbyCandidate));
  t.strictSame(ids(list).slice(0, 4), [ADA, GRACE, ALAN, ZOE]);
  t.ok(ids(list).every((id) => UUID.test(id)), 'UUID ids');
  const files = await ok<{ result: Json[] }>(t, app, ATTACHMENTS, `candidate_id=${ADA}&truto_response_format=raw`, ListEnvelope(AshbyAttachment));
  t.strictSame(files.result.map((f) => f.id), raw.results.fileHandles.map((h: Json) => h.id), "attachments: the candidate's handles, each with file.info's url");
});

t.test('debug: candidate.info / candidate.list / candidate.search POSTs, with the bodies Ashby takes', async (t) => {
  const app = await testApp(t, { candidates: 12 });
  const single = await ok(t, app, `${CANDIDATES}/${ADA}`, 'truto_response_format=debug', DebugGet);
  t.strictSame(single.debug.requestUrl, `${HOST}/candidate.info`);
  t.strictSame(single.debug.requestOptions, { method: 'POST', headers: REQUEST_OPTIONS_HEADERS, body: { id: ADA } });
  t.strictSame(single.debug.responseHeaders, {
    'content-type': 'application/json; charset=utf-8',
    'x-ashby-request-id': requestId(`${HOST}/candidate.info ${JSON.stringify({ id: ADA })}`),
  });
  t.match(single.debug.responseHeaders['x-ashby-request-id'], ULID);

  const schema = DebugList(CandidateSchema, AshbyListPage(AshbyCandidate));
  const p1 = await ok(t, app, CANDIDATES, 'limit=5&truto_response_format=debug', schema);
  t.strictSame(p1.debug.requestUrl, `${HOST}/candidate.list`);
  t.strictSame(p1.debug.requestOptions.body, { limit: 5 }, 'page 1: no cursor');
  t.equal(p1.debug.data.moreDataAvailable, true);
  t.type(p1.debug.data.nextCursor, 'string', 'nextCursor while more data is available');
  t.notOk('syncToken' in p1.debug.data, 'no syncToken before the last page');
  t.strictSame(p1.debug.data.results.map((r: Json) => r.id), ids(p1));
  const p2 = await ok(t, app, CANDIDATES, `limit=5&truto_response_format=debug&next_cursor=${p1.next_cursor}`, schema);
  t.strictSame(p2.debug.requestOptions.body, { limit: 5, cursor: p1.debug.data.nextCursor }, "page 2 is asked for with page 1's nextCursor");
  const p3 = await ok(t, app, CANDIDATES, `limit=5&truto_response_format=debug&next_cursor=${p2.next_cursor}`, schema);
  t.equal(p3.result.length, 2);
  t.equal(p3.debug.data.moreDataAvailable, false);
  t.notOk('nextCursor' in p3.debug.data, 'no nextCursor on the last page');
  t.type(p3.debug.data.syncToken, 'string', 'the last page hands out a syncToken');
  t.equal(p3.next_cursor, null);

  const dated = await ok(t, app, CANDIDATES, 'created_at[gte]=2024-01-01T00:00:00Z&truto_response_format=debug', schema);
  t.strictSame(dated.debug.requestOptions.body, { limit: 100, createdAfter: Date.parse('2024-01-01T00:00:00Z') }, 'created_at → createdAfter (epoch ms)');

  const search = await ok(t, app, CANDIDATES, 'remote_query[email]=Ada.Lovelace@Example.com&truto_response_format=debug', DebugList(CandidateSchema, AshbySearchAnswer(AshbyCandidate)));
  t.strictSame(search.debug.requestUrl, `${HOST}/candidate.search`);
  t.strictSame(search.debug.requestOptions.body, { email: 'Ada.Lovelace@Example.com' });
  t.strictSame(search.debug.data, { success: true, results: [search.result[0]!.remote_data] }, 'candidate.search answers { success, results } (no paging keys)');

  const files = await ok(t, app, ATTACHMENTS, `candidate_id=${ADA}&truto_response_format=debug`, DebugList(AttachmentSchema, Type.Array(AshbyAttachment)));
  t.strictSame(files.debug.requestUrl, `${HOST}/candidate.info`);
  t.strictSame(files.debug.requestOptions.body, { id: ADA }, 'attachments: read off candidate.info');
});

t.test('page size: default 100, at most 100', async (t) => {
  const app = await testApp(t, { candidates: 130 });
  const first = await ok<{ result: Json[]; next_cursor: string }>(t, app, CANDIDATES, 'truto_ignore_remote_data=true', ListEnvelope(CandidateSchema));
  t.equal(first.result.length, 100, 'default 100');
  t.type(first.next_cursor, 'string');
  const clamped = await ok<{ result: Json[] }>(t, app, CANDIDATES, 'limit=500&truto_ignore_remote_data=true', ListEnvelope(CandidateSchema));
  t.equal(clamped.result.length, 100, 'limit=500 is clamped to 100');
  const rest = await ok<{ result: Json[]; next_cursor: null }>(t, app, CANDIDATES, `truto_ignore_remote_data=true&next_cursor=${first.next_cursor}`, ListEnvelope(CandidateSchema));
  t.equal(rest.result.length, 30);
  t.equal(rest.next_cursor, null);
});

t.test('remote errors: an unknown id is Ashby\'s success:false answer, reported as a 404', async (t) => {
  const app = await testApp(t, { candidates: 12 });
  for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
    const res = await get(app, `${CANDIDATES}/${encodeURIComponent(id)}`, ACC);
    const body = {
      success: false,
      errors: ['candidate_not_found'],
      errorInfo: { code: 'candidate_not_found', message: 'Candidate not found', requestId: requestId(`candidate.info ${id}`) },
    };
    assertSchema(t, AshbyError, body, "expected body fits Ashby's error schema");
    expectError(t, res, {
      statusCode: 404,
      error: 'Not Found',
      message: 'Candidate not found',
      truto_is_remote_error: true,
      raw_response: body,
      truto_error_insight: { remote_error: { description: "The error came from the integration's own API; raw_response holds its answer." } },
    }, `unknown id ${id}`);
    // Attachments are read off candidate.info: an unknown candidate fails the same way.
    const files = await get(app, ATTACHMENTS, `${ACC}&candidate_id=${encodeURIComponent(id)}`);
    t.equal(files.statusCode, 404, `attachments of unknown candidate ${id}: 404`);
    t.equal(files.body, res.body, `attachments of unknown candidate ${id}: candidate.info's answer`);
  }
});

t.test('filters: candidate_id required for attachments; filters Ashby lacks are ignored', async (t) => {
  const app = await testApp(t, { candidates: 12 });
  expectError(t, await get(app, ATTACHMENTS, ACC), {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Missing required query parameter: candidate_id',
    truto_error_insight: {
      missing_required_query_parameters: {
        description: 'The ashby integration requires these query parameters for this request.',
        value: ['candidate_id'],
      },
    },
  }, 'attachments without candidate_id');
  const all = await get(app, ATTACHMENTS, `${ACC}&candidate_id=${ADA}`);
  for (const ignored of ['application_id=8e4d2c1b-6a5f-4b3e-9c7d-000000000002', 'job_id=x', 'organization_id=x', 'expires_in=1']) {
    const res = await get(app, ATTACHMENTS, `${ACC}&candidate_id=${ADA}&${ignored}`);
    t.equal(res.body, all.body, `attachments: ${ignored} is ignored`);
  }
  const candidates = await get(app, CANDIDATES, `${ACC}&limit=5`);
  for (const ignored of ['job_id=x', 'organization_id=x', 'candidate_id=x']) {
    const res = await get(app, CANDIDATES, `${ACC}&limit=5&${ignored}`);
    t.equal(res.statusCode, 200);
    t.strictSame(ids(res.json() as { result: Json[] }), ids(candidates.json() as { result: Json[] }), `candidates: ${ignored} is ignored`);
  }
});

t.test('remote_query: email and name (candidate.search), createdAfter (candidate.list)', async (t) => {
  const app = await testApp(t, { candidates: 30 });
  const byEmail = await ok<{ result: Json[] }>(t, app, CANDIDATES, 'remote_query[email]=ADA.LOVELACE@example.com', ListEnvelope(CandidateSchema));
  t.strictSame(ids(byEmail), [ADA], 'email, whatever its case');
  const byName = await ok<{ result: Json[] }>(t, app, CANDIDATES, `remote_query[name]=${encodeURIComponent("zoë o'brien-núñez")}`, ListEnvelope(CandidateSchema));
  t.strictSame(ids(byName), [ZOE], 'name, whatever its case');
  const both = await ok<{ result: Json[] }>(t, app, CANDIDATES, 'remote_query[email]=grace.hopper@example.com&remote_query[name]=Ada%20Lovelace', ListEnvelope(CandidateSchema));
  t.strictSame(ids(both), [GRACE], 'email wins over name');
  const nobody = await ok<{ result: Json[] }>(t, app, CANDIDATES, 'remote_query[email]=nobody@example.com', ListEnvelope(CandidateSchema));
  t.strictSame(nobody.result, []);

  const all = await ok<{ result: Json[] }>(t, app, CANDIDATES, 'truto_ignore_remote_data=true', ListEnvelope(CandidateSchema));
  const pivot = all.result[10]!.created_at as string;
  const after = await ok<{ result: Json[] }>(t, app, CANDIDATES, `remote_query[createdAfter]=${Date.parse(pivot)}&truto_ignore_remote_data=true`, ListEnvelope(CandidateSchema));
  t.strictSame(ids(after), all.result.filter((c) => c.created_at > pivot).map((c) => c.id), 'createdAfter: strictly after, epoch ms');
  t.ok(after.result.length > 0 && after.result.length < all.result.length);
  const unified = await ok<{ result: Json[] }>(t, app, CANDIDATES, `created_at[gt]=${pivot}&truto_ignore_remote_data=true`, ListEnvelope(CandidateSchema));
  t.strictSame(ids(unified), ids(after), 'the same as created_at[gt]');
  const junk = await ok<{ result: Json[] }>(t, app, CANDIDATES, 'remote_query[createdAfter]=yesterday&truto_ignore_remote_data=true', ListEnvelope(CandidateSchema));
  t.strictSame(ids(junk), ids(all), 'a createdAfter that is not epoch ms is ignored');
  const debug = await ok(t, app, CANDIDATES, `remote_query[createdAfter]=${Date.parse(pivot)}&truto_response_format=debug&limit=1`, DebugList(CandidateSchema, AshbyListPage(AshbyCandidate)));
  t.strictSame(debug.debug.requestOptions.body, { limit: 1, createdAfter: String(Date.parse(pivot)) }, 'remote_query is passed through in the body');
});

t.test('determinism: the same seed gives the same bytes', async (t) => {
  const a = await testApp(t, { candidates: 20 });
  const b = await testApp(t, { candidates: 20 });
  for (const [path, query] of [
    [CANDIDATES, 'truto_response_format=raw&truto_ignore_limit=true'],
    [ATTACHMENTS, `candidate_id=${ADA}&truto_response_format=raw`],
  ] as const) {
    const [ra, rb] = [await get(a, path, `${ACC}&${query}`), await get(b, path, `${ACC}&${query}`)];
    t.equal(ra.statusCode, 200);
    t.equal(ra.body, rb.body, `${path}: identical bytes`);
  }
});
