import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { DEFAULT_FIXTURES } from '../src/config.js';
import { breezyIds, companyOf, sourceId, stageId } from '../src/integrations/breezy/ids.js';
import { breezy } from '../src/integrations/breezy/index.js';
import {
  BreezyCandidate,
  BreezyCandidateList,
  BreezyError,
  BreezyFile,
  BreezyFileList,
  type BreezyFile as BreezyFileT,
  type BreezyCandidate as BreezyCandidateT,
} from '../src/integrations/breezy/raw.js';
import { breezySeed, saltOf } from '../src/integrations/breezy/seed.js';
import type { AccountReader, RenderContext } from '../src/integrations/types.js';
import type { Attachment } from '../src/model/attachment.js';
import { AttachmentSchema } from '../src/model/attachment.js';
import { CandidateSchema, type Candidate } from '../src/model/candidate.js';
import { ListEnvelope } from '../src/model/list.js';
import { loadFixtures } from '../src/seed/fixtures.js';
import { iso } from '../src/seed/reference-time.js';
import { buildWorld, type World, type WorldAttachment } from '../src/seed/world.js';
import type { RecordRow } from '../src/store/records.js';
import { assertSchema, AUTH, expectError, expectOk, get, JSON_CT, testApp } from './helpers.js';

const BZ = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const ACC = `integrated_account_id=${BZ}`;
const CANDIDATES = '/unified/ats/candidates';
const ATTACHMENTS = '/unified/ats/attachments';
const API = 'https://api.breezy.hr/v3';
const REQUEST_OPTIONS = { method: 'GET', headers: { Authorization: '<redacted>', 'Content-Type': 'application/json' } };
const RESPONSE_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '99' };
const PINNED = loadFixtures(DEFAULT_FIXTURES).fixtures.accounts.find((a) => a.id === BZ)!.pinned!.candidates!;
const [ADA, ADA_2] = ['5e1ada000a01', '5e1ada000a02'];
const [GRACE, ALAN, ZOE] = ['5e96ace00b01', '5ea1a0000c01', '5e20e0000d01'];

// Loose JSON views of answers: the schema check beside each use is what vouches for their shape.
type Json = Record<string, any>;

const Debug = (result: TSchema, data: TSchema, list: boolean) =>
  Type.Object({
    ...(list ? ListEnvelope(result).properties : { result }),
    debug: Type.Object({
      requestUrl: Type.String(),
      requestOptions: Type.Object({ method: Type.Literal('GET'), headers: Type.Record(Type.String(), Type.String()) }),
      data,
      responseHeaders: Type.Record(Type.String(), Type.String()),
      ...(list ? { nextCursor: Type.Union([Type.String(), Type.Null()]), isLooping: Type.Boolean(), isEmptyResult: Type.Boolean(), resultCount: Type.Integer() } : {}),
    }, { additionalProperties: false }),
  }, { additionalProperties: false });

const REMOTE_ERROR_INSIGHT = { remote_error: { description: "The error came from the integration's own API; raw_response holds its answer." } };
const CANDIDATE_404 = {
  statusCode: 404,
  error: 'Not Found',
  message: 'candidate not found',
  truto_is_remote_error: true,
  raw_response: { error: { type: 'candidateNotFound', message: 'candidate not found' } },
  truto_error_insight: REMOTE_ERROR_INSIGHT,
};

/** The position a stored Breezy candidate lives under. */
function positionOf(app: FastifyInstance, id: string): string {
  return app.mock.accounts.get(BZ).reader.get('candidate', id)!.job_id!;
}

/** Every stored row of a kind, by the store's own paging. */
function rowsOf(app: FastifyInstance, kind: string, filter = {}): RecordRow[] {
  const account = app.mock.accounts.get(BZ);
  return app.mock.store.records.page(account.row.key, kind, filter, 0, 100_000);
}

/** A seeded world held in memory, read the way the store reads it. */
function memoryReader(world: World): { reader: AccountReader; rows: Map<string, RecordRow[]> } {
  const rows = new Map<string, RecordRow[]>();
  for (const { kind, record } of breezySeed(world)) {
    const list = rows.get(kind) ?? [];
    const { keys: _keys, ...row } = record;
    list.push({ seq: list.length + 1, ...row });
    rows.set(kind, list);
  }
  const reader: AccountReader = {
    get: (kind, id) => rows.get(kind)?.find((r) => r.id === id),
    byParent: (kind, column, ids) => (rows.get(kind) ?? []).filter((r) => ids.includes(r[column] ?? '')),
  };
  return { reader, rows };
}

const CTX: RenderContext = { fileUrl: (id, name) => `https://files.test/${id}/${name}` };

/** What the unified attachment of a world file must be, under its Breezy record. */
function expectedFile(id: string, f: WorldAttachment, isResume: boolean, owner: string, position: string): Omit<Attachment, 'remote_data'> {
  return {
    id,
    file_name: f.fileName,
    file_url: `https://files.test/${id}/${f.fileName}`,
    attachment_type: isResume ? 'resume' : 'other',
    candidate: { id: owner },
    job: { id: position },
  };
}

function strip<T extends { remote_data?: unknown }>(record: T): Omit<T, 'remote_data'> {
  const { remote_data: _r, ...rest } = record;
  return rest;
}

t.test('property: mapping the raw rendering of generated worlds gives back every field Breezy supports', async (t) => {
  for (const seed of [1, 7, 42]) {
    const world = buildWorld(seed, BZ, 50, PINNED);
    const ids = breezyIds(saltOf(world));
    const { reader, rows } = memoryReader(world);
    const res = breezy.resources;
    let records = 0;
    for (const c of world.candidates()) {
      for (const [i, a] of c.applications.entries()) {
        const id = a.pinnedId ?? (i === 0 && c.pinnedId ? c.pinnedId : ids.candidate(a.n));
        const row = reader.get('candidate', id);
        if (!t.ok(row, `seed ${seed}: candidate ${c.n} application ${i} is stored as ${id}`)) continue;
        const position = ids.position(a.jobN);
        t.equal(row!.job_id, position, `seed ${seed}: ${id} lives under its position`);
        const item = res.candidates!.render([row!], reader, CTX)[0]!;
        assertSchema(t, BreezyCandidate, item.raw, `seed ${seed}: raw ${id}`);
        const unified = res.candidates!.toUnified(item) as Candidate;
        t.strictSame(unified.remote_data, item.raw, `seed ${seed}: remote_data is the raw record`);

        const files = c.attachments.filter((f) => (f.applicationN === undefined ? i === 0 : f.applicationN === a.n));
        const resume = files.find((f) => f.kind === 'resume');
        const ordered = resume ? [resume, ...files.filter((f) => f !== resume)] : files;
        const fileId = (f: WorldAttachment) => f.pinnedId ?? ids.file(f.n);
        const { stage } = world.stages.get(a.stageN)!;
        const source = world.sources[a.sourceN - 1]!;
        const reason = a.rejectReasonN === undefined ? undefined : world.rejectReasons[a.rejectReasonN - 1]!;
        const expected: Omit<Candidate, 'remote_data'> = {
          id,
          name: `${c.firstName} ${c.lastName}`,
          company: c.company,
          title: c.title,
          locations: c.addresses.slice(0, 1).map((x) => x.value),
          emails: [{ email: c.emails[0]!.address }],
          phones: [{ number: c.phones[0]!.number }],
          urls: c.socials.map((url) => ({ url, type: 'linkedin' })),
          tags: c.tags.map((name) => ({ name })),
          applications: [
            {
              id,
              candidate: { id },
              job: { id: position },
              applied_at: iso(a.appliedAt),
              ...(a.rejectedAt !== undefined ? { rejected_at: iso(a.rejectedAt) } : {}),
              ...(reason ? { reject_reason: reason.name } : {}),
              source: { id: sourceId(source.name), name: source.name },
              current_stage: { id: stageId(stage.position, stage.n), name: stage.name, job: { id: position } },
              created_at: iso(a.appliedAt),
              updated_at: iso(a.lastActivityAt),
            },
          ],
          attachments: resume ? [expectedFile(fileId(resume), resume, true, id, position)] : [],
          created_at: iso(a.appliedAt),
          updated_at: iso(a.lastActivityAt),
        };
        t.strictSame(strip(unified), expected, `seed ${seed}: ${id} maps back to the world (no remote_data below the top)`);

        // The documents list of this record: the resume first, then the rest, each back to its world file.
        const fileRows = (rows.get('attachment') ?? []).filter((r) => r.candidate_id === id);
        const mapped = res.attachments!.render(fileRows, reader, CTX).map((f) => {
          assertSchema(t, BreezyFile, f.raw, `seed ${seed}: raw file of ${id}`);
          return strip(res.attachments!.toUnified(f) as Attachment);
        });
        t.strictSame(mapped, ordered.map((f) => expectedFile(fileId(f), f, f === resume, id, position)), `seed ${seed}: files of ${id}`);
        records++;
      }
    }
    t.equal(rows.get('candidate')!.length, records, `seed ${seed}: one candidate record per application, nothing else`);
  }
});

t.test('determinism: the same seed gives the same records, byte for byte', async (t) => {
  const text = () => JSON.stringify([...breezySeed(buildWorld(3, BZ, 60, PINNED))]);
  t.equal(text(), text());
  const a = await testApp(t);
  const b = await testApp(t);
  const job = positionOf(a, ADA);
  const url = `${ACC}&job_id=${job}&truto_response_format=debug`;
  t.equal((await get(a, CANDIDATES, url)).body, (await get(b, CANDIDATES, url)).body, 'two processes answer the same list');
});

t.test('raw answers are Breezy\'s own: a bare candidate object, bare arrays for lists', async (t) => {
  const app = await testApp(t);
  const job = positionOf(app, ADA);
  const q = `${ACC}&job_id=${job}`;

  const unified = expectOk(t, await get(app, `${CANDIDATES}/${ADA}`, q), CandidateSchema, 'get');
  const raw = expectOk(t, await get(app, `${CANDIDATES}/${ADA}`, `${q}&truto_response_format=raw`), BreezyCandidate, 'get raw');
  t.strictSame(raw, unified.remote_data, 'a get answers the record itself, no wrapper');

  const list = expectOk(t, await get(app, CANDIDATES, `${q}&truto_response_format=raw`), ListEnvelope(BreezyCandidate), 'list raw');
  assertSchema(t, BreezyCandidateList, list.result, 'list raw result');
  t.ok(list.result.some((r: Json) => r._id === ADA), 'the position lists Ada');
  const debug = expectOk(t, await get(app, CANDIDATES, `${q}&truto_response_format=debug`), Debug(CandidateSchema, BreezyCandidateList, true), 'list debug');
  t.strictSame(debug.debug.data, list.result, 'debug.data is the bare array Breezy answers');

  const fq = `${q}&candidate_id=${ADA}`;
  const files = expectOk(t, await get(app, ATTACHMENTS, `${fq}&truto_response_format=raw`), ListEnvelope(BreezyFile), 'files raw');
  assertSchema(t, BreezyFileList, files.result, 'files raw result');
  const fdebug = expectOk(t, await get(app, ATTACHMENTS, `${fq}&truto_response_format=debug`), Debug(AttachmentSchema, BreezyFileList, true), 'files debug');
  t.strictSame(fdebug.debug.data, files.result, 'files debug.data');
});

t.test('pinned records by id, each under its own position', async (t) => {
  const app = await testApp(t);
  const one = async (id: string) => expectOk(t, await get(app, `${CANDIDATES}/${id}`, `${ACC}&job_id=${positionOf(app, id)}`), CandidateSchema, id) as Json;

  const ada = await one(ADA);
  const ada2 = await one(ADA_2);
  for (const a of [ada, ada2]) {
    t.equal(a.name, 'Ada Lovelace');
    t.strictSame(a.emails, [{ email: 'ada.lovelace@example.com' }]);
    t.equal(a.company, 'Analytical Engines Ltd');
    t.equal(a.title, 'Principal Software Engineer');
    t.strictSame(a.tags, [{ name: 'Top Talent' }, { name: 'Referral' }]);
    t.equal(a.remote_data.meta_id, ada.remote_data.meta_id, 'one person: one meta_id across her records');
  }
  t.not(ada.applications[0].job.id, ada2.applications[0].job.id, 'Ada\'s two records are in two positions');
  t.equal(ada.applications[0].rejected_at, undefined, 'her first application is active');
  t.type(ada2.applications[0].rejected_at, 'string', 'her second was rejected (disposition_date)');
  t.type(ada2.applications[0].reject_reason, 'string', 'with a disposition reason');

  const files = async (id: string) =>
    (expectOk(t, await get(app, ATTACHMENTS, `${ACC}&candidate_id=${id}&job_id=${positionOf(app, id)}`), ListEnvelope(AttachmentSchema), `files ${id}`) as Json).result
      .map((f: Json) => [f.id, f.attachment_type]);
  t.strictSame(await files(ADA), [['5f1ada000f01', 'resume'], ['5f1ada000f02', 'other'], ['5f1ada000f04', 'other'], ['5f1ada000f05', 'other'], ['5f1ada000f06', 'other']],
    'Ada\'s first record: her resume, then the files of that application and of her profile');
  t.strictSame(await files(ADA_2), [['5f1ada000f03', 'other']], 'Ada\'s second record: the file sent with it');
  t.strictSame(ada.attachments.map((f: Json) => f.id), ['5f1ada000f01'], 'the candidate carries its resume');
  t.strictSame(ada2.attachments, [], 'a record without a resume carries none');

  const grace = await one(GRACE);
  t.equal(grace.name, 'Grace Hopper');
  t.strictSame(grace.tags, []);
  t.strictSame(await files(GRACE), [], 'Grace has no files');

  const alan = await one(ALAN);
  const account = app.mock.accounts.get(BZ);
  const position = JSON.parse(account.reader.get('position', positionOf(app, ALAN))!.raw) as Json;
  t.equal(alan.company, 'Bletchley Park');
  t.equal(typeof position.name, 'string', 'his position is stored');
  t.strictSame(await files(ALAN), [['5fa1a0000f01', 'resume']]);

  const zoe = await one(ZOE);
  t.equal(zoe.name, 'Zoë O\'Brien-Núñez');
  t.equal(zoe.remote_data.initial, 'Z');
  t.equal(zoe.company, 'Smith & Sons <Consulting>');
  t.equal(zoe.remote_data.work_history[0].company_name, 'Smith & Sons <Consulting>');
  t.type((await one('5e20e0000d02')).id, 'string', 'Zoë\'s second record');
  t.strictSame(await files('5e20e0000d02'), [['5f20e0000f01', 'resume']]);
  t.strictSame(await files('5e20e0000d03'), [['5f20e0000f02', 'other']]);
});

t.test('remote errors: Breezy\'s own body for a candidate it does not find under that company and position', async (t) => {
  const app = await testApp(t);
  const job = positionOf(app, ADA);
  const company = companyOf(job);
  expectError(t, await get(app, `${CANDIDATES}/000000000000`, `${ACC}&job_id=${job}`), CANDIDATE_404, 'unknown id');
  assertSchema(t, BreezyError, CANDIDATE_404.raw_response, 'the raw 404 body');
  expectError(t, await get(app, `${CANDIDATES}/${ADA}`, `${ACC}&job_id=${positionOf(app, ADA_2)}`), CANDIDATE_404, 'Ada under a position she is not in');
  expectError(t, await get(app, `${CANDIDATES}/${ADA}`, `${ACC}&job_id=${job}&organization_id=ffffffffffff`), CANDIDATE_404, 'Ada under another company');

  const right = await get(app, `${CANDIDATES}/${ADA}`, `${ACC}&job_id=${job}&organization_id=${company}`);
  t.equal(right.body, (await get(app, `${CANDIDATES}/${ADA}`, `${ACC}&job_id=${job}`)).body, 'her own company: the same answer');
  t.equal(JSON.parse(app.mock.accounts.get(BZ).reader.get('company', company)!.raw)._id, company, 'that is the stored company');

  const empty = { result: [], next_cursor: null, prev_cursor: null, result_count: 0 };
  t.strictSame(expectOk(t, await get(app, CANDIDATES, `${ACC}&job_id=${job}&organization_id=ffffffffffff`), ListEnvelope(CandidateSchema), 'list, other company'), empty);
  // A candidate's documents are read under the candidate's path: not found there, the documents call is a 404 too.
  expectError(t, await get(app, ATTACHMENTS, `${ACC}&job_id=${job}&candidate_id=${ADA}&organization_id=ffffffffffff`), CANDIDATE_404, 'files, other company');
  expectError(t, await get(app, ATTACHMENTS, `${ACC}&job_id=${positionOf(app, ADA_2)}&candidate_id=${ADA}`), CANDIDATE_404, 'files, other position');
  const own = expectOk(t, await get(app, CANDIDATES, `${ACC}&job_id=${job}&organization_id=${company}`), ListEnvelope(CandidateSchema), 'list, own company');
  t.ok(own.result.length > 0, 'its own company lists the position\'s candidates');
});

t.test('required filters: job_id for candidates, candidate_id and job_id for attachments', async (t) => {
  const app = await testApp(t);
  const missing = (names: string[]) => ({
    statusCode: 400,
    error: 'Bad Request',
    message: `Missing required query parameter${names.length > 1 ? 's' : ''}: ${names.join(', ')}`,
    truto_error_insight: { missing_required_query_parameters: { description: 'The breezy integration requires these query parameters for this request.', value: names } },
  });
  expectError(t, await get(app, `${CANDIDATES}/${ADA}`, `${ACC}&organization_id=x`), missing(['job_id']), 'get');
  expectError(t, await get(app, CANDIDATES, ACC), missing(['job_id']), 'list');
  expectError(t, await get(app, ATTACHMENTS, `${ACC}&job_id=${positionOf(app, ADA)}`), missing(['candidate_id']), 'attachments without candidate_id');
  expectError(t, await get(app, ATTACHMENTS, `${ACC}&candidate_id=${ADA}`), missing(['job_id']), 'attachments without job_id');
});

t.test('filters Breezy does not support are ignored', async (t) => {
  const app = await testApp(t);
  const job = positionOf(app, ADA);
  const files = `${ACC}&job_id=${job}&candidate_id=${ADA}`;
  const base = (await get(app, ATTACHMENTS, files)).body;
  for (const extra of ['application_id=123', 'expires_in=1', 'created_at[gt]=2099-01-01T00:00:00Z', 'updated_at[lt]=2000-01-01T00:00:00Z']) {
    t.equal((await get(app, ATTACHMENTS, `${files}&${extra}`)).body, base, `attachments: ${extra} ignored`);
  }
  const list = `${ACC}&job_id=${job}`;
  const all = (await get(app, CANDIDATES, list)).body;
  for (const extra of ['candidate_id=123', 'application_id=123', 'expires_in=1']) {
    t.equal((await get(app, CANDIDATES, `${list}&${extra}`)).body, all, `candidates: ${extra} ignored`);
  }
  // The unified date filters do apply to candidate lists (every integration), on creation_date / updated_date.
  const after = expectOk(t, await get(app, CANDIDATES, `${list}&created_at[gte]=${encodeURIComponent(JSON.parse(all).result[1].created_at)}`), ListEnvelope(CandidateSchema), 'created_at');
  t.ok(after.result.every((c: Json) => c.created_at >= JSON.parse(all).result[1].created_at), 'created_at[gte] keeps the later records');
});

t.test('page size: 50 by default and at most, pages numbered in the Breezy URL', async (t) => {
  const app = await testApp(t, { candidates: 400 });
  const positions = rowsOf(app, 'position').map((p) => ({ id: p.id, count: rowsOf(app, 'candidate', { jobId: p.id }).length }));
  const busiest = positions.reduce((a, b) => (b.count > a.count ? b : a));
  t.ok(busiest.count > 50, `a position with more than a page of candidates (${busiest.count})`);
  const company = companyOf(busiest.id);
  const base = `${API}/company/${company}/position/${busiest.id}/candidates`;

  const first = expectOk(t, await get(app, CANDIDATES, `${ACC}&job_id=${busiest.id}&truto_response_format=debug`), Debug(CandidateSchema, BreezyCandidateList, true), 'default');
  t.equal(first.result_count, 50, 'default page: 50');
  t.equal(first.debug.requestUrl, `${base}?page_size=50&page=1`);
  t.strictSame(first.debug.requestOptions, REQUEST_OPTIONS);
  t.strictSame(first.debug.responseHeaders, RESPONSE_HEADERS);
  t.type(first.next_cursor, 'string', 'more to come');

  const clamped = expectOk(t, await get(app, CANDIDATES, `${ACC}&job_id=${busiest.id}&limit=500&truto_response_format=debug`), Debug(CandidateSchema, BreezyCandidateList, true), 'clamped');
  t.equal(clamped.result_count, 50, 'limit=500 is clamped to 50');
  t.equal(clamped.debug.requestUrl, `${base}?page_size=50&page=1`);

  const small = expectOk(t, await get(app, CANDIDATES, `${ACC}&job_id=${busiest.id}&limit=7&remote_query[sort]=updated&truto_response_format=debug`), Debug(CandidateSchema, BreezyCandidateList, true), 'small');
  t.equal(small.debug.requestUrl, `${base}?page_size=7&page=1&sort=updated`, 'remote_query goes along as Breezy\'s own query');
  const next = expectOk(t, await get(app, CANDIDATES, `${ACC}&job_id=${busiest.id}&limit=7&remote_query[sort]=updated&truto_response_format=debug&next_cursor=${small.next_cursor}`), Debug(CandidateSchema, BreezyCandidateList, true), 'page 2');
  t.equal(next.debug.requestUrl, `${base}?page_size=7&page=2&sort=updated`, 'the next page asks for page=2');

  // Walking every page gives each of the position's candidates once.
  const seen: string[] = [];
  for (let cursor: string | null = ''; cursor !== null; ) {
    const page: Json = expectOk(t, await get(app, CANDIDATES, `${ACC}&job_id=${busiest.id}${cursor ? `&next_cursor=${cursor}` : ''}`), ListEnvelope(CandidateSchema), 'walk');
    seen.push(...page.result.map((c: Json) => c.id));
    cursor = page.next_cursor;
  }
  t.equal(new Set(seen).size, busiest.count, 'every candidate once');
  t.equal(seen.length, busiest.count);
});

t.test('debug: the calls Breezy would get for a candidate and for its documents', async (t) => {
  const app = await testApp(t);
  const job = positionOf(app, ADA);
  const company = companyOf(job);
  const res = await get(app, `${CANDIDATES}/${ADA}`, `${ACC}&job_id=${job}&truto_response_format=debug`);
  t.equal(res.headers['content-type'], JSON_CT);
  const one = expectOk(t, res, Debug(CandidateSchema, BreezyCandidate, false), 'get debug');
  t.strictSame(one.debug, {
    requestUrl: `${API}/company/${company}/position/${job}/candidate/${ADA}`,
    requestOptions: REQUEST_OPTIONS,
    data: one.result.remote_data,
    responseHeaders: RESPONSE_HEADERS,
  });
  const other = await get(app, `${CANDIDATES}/${ADA}`, `${ACC}&job_id=${job}&organization_id=${company}&truto_response_format=debug`);
  t.equal(other.json().debug.requestUrl, `${API}/company/${company}/position/${job}/candidate/${ADA}`, 'organization_id is the company in the path');

  const files = expectOk(t, await get(app, ATTACHMENTS, `${ACC}&job_id=${job}&candidate_id=${ADA}&truto_response_format=debug`), Debug(AttachmentSchema, BreezyFileList, true), 'files debug');
  t.strictSame(files.debug, {
    requestUrl: `${API}/company/${company}/position/${job}/candidate/${ADA}/documents`,
    requestOptions: REQUEST_OPTIONS,
    data: files.result.map((f: Json) => f.remote_data),
    responseHeaders: RESPONSE_HEADERS,
    nextCursor: null,
    isLooping: false,
    isEmptyResult: false,
    resultCount: 5,
  });
  // The resume's file link serves the file, named as Breezy named it.
  const resume = files.result[0] as Json;
  const download = await app.inject({ method: 'GET', url: new URL(resume.file_url).pathname + new URL(resume.file_url).search, headers: AUTH });
  t.equal(download.statusCode, 200, 'the resume downloads');
  t.equal((resume.remote_data as BreezyFileT & { pdf_url: string }).pdf_url, resume.file_url, 'pdf_url links the same file');
  t.ok(((one.result.remote_data as BreezyCandidateT).resume?.url ?? '').startsWith('http'), 'the candidate\'s resume has a link');
});
