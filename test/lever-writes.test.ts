/**
 * Lever's writes as Truto serves them: move-stage (`PUT /opportunities/{id}/stage`), candidate create
 * (`POST /opportunities`), notes (`POST …/notes`) and file uploads (`POST …/files`, multipart as the TypeScript SDK
 * sends a FormData body), each in every format, the reads that see them, Truto's and Lever's refusals, replays,
 * determinism and reset.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import type { LightMyRequestResponse } from 'fastify';
import t, { type Test } from 'tap';
import { ids } from '../src/integrations/lever/ids.js';
import {
  LeverAttachment,
  LeverCreateOpportunityAnswer,
  LeverNoteAnswer,
  LeverOpportunity,
  LeverSingle,
  LeverWrittenOpportunity,
} from '../src/integrations/lever/raw.js';
import { ActivitySchema } from '../src/model/activity.js';
import { ApplicationSchema } from '../src/model/application.js';
import { AttachmentSchema } from '../src/model/attachment.js';
import { CandidateSchema } from '../src/model/candidate.js';
import type { TrutoErrorBody } from '../src/model/error.js';
import { REFERENCE_TIME, iso } from '../src/seed/reference-time.js';
import { AUTH, JSON_CT, assertSchema, expectError, get, missingBodyFields, normalizedSchema, testApp, unsupportedBody } from './helpers.js';

type App = Awaited<ReturnType<typeof testApp>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const ACCOUNT = '3f8e2a71-5c4b-4d9e-a6f0-1b2c3d4e5f60';
const ACC = `integrated_account_id=${ACCOUNT}`;
const ADA = '428af546-b79e-40b4-ae94-d64e5411b28c';
/** Ada's live application (her other one is rejected). */
const ADA_LIVE = '2f21b1cd-da6c-4bf2-8304-70ac19624b62';
const NOBODY = '00000000-0000-4000-8000-000000000000';
/** The account's super admin, whom a write without `user_id` is made as. */
const OWNER = ids.user(1);
const LEVER = 'https://api.lever.co/v1';
const at = (n: number) => REFERENCE_TIME + n * 1000;
const REMOTE = { remote_error: { description: "The error came from the integration's own API; raw_response holds its answer." } };
const remote = (statusCode: number, body: { code: string; message: string }): TrutoErrorBody => ({
  statusCode,
  error: statusCode === 404 ? 'Not Found' : 'Bad Request',
  message: body.message,
  truto_is_remote_error: true,
  raw_response: body,
  truto_error_insight: REMOTE,
});
const missingBody = (names: string[]) => missingBodyFields('lever', names);

const post = (app: App, path: string, query: string, payload: object, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: `/unified/ats/${path}?${ACC}${query}`, headers: { ...AUTH, ...headers }, payload });
const json = (res: LightMyRequestResponse): Json => res.json();

function expectStatus(t: Test, res: LightMyRequestResponse, status: number, schema: TSchema, what: string): Json {
  t.equal(res.statusCode, status, `${what}: ${status}`);
  t.equal(res.headers['content-type'], JSON_CT, `${what}: JSON`);
  const body = json(res);
  assertSchema(t, schema, body, what);
  return body;
}

/** Ada's opportunity as Lever's GET answers it now. */
async function rawAda(app: App): Promise<Json> {
  return json(await get(app, `/unified/ats/candidates/${ADA}`, `${ACC}&truto_response_format=raw`)).data;
}

async function stages(app: App): Promise<{ id: string; name: string }[]> {
  return json(await get(app, '/unified/ats/job_interview_stages', ACC)).result;
}

async function firstJob(app: App): Promise<string> {
  return json(await get(app, '/unified/ats/jobs', `${ACC}&limit=1`)).result[0].id;
}

/** The multipart body Truto's TypeScript SDK sends for a FormData body: what `fetch` would put on the wire. */
async function formData(fields: Record<string, string>, file?: { bytes: Uint8Array; name: string; type?: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new Blob([file.bytes], file.type ? { type: file.type } : {}), file.name);
  const request = new Request('http://x', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}

async function upload(app: App, query: string, fields: Record<string, string>, file?: { bytes: Uint8Array; name: string; type?: string }, headers: Record<string, string> = {}) {
  const { payload, contentType } = await formData(fields, file);
  return app.inject({
    method: 'POST',
    url: `/unified/ats/attachments?${ACC}&truto_body_passthrough=true${query}`,
    headers: { ...AUTH, 'content-type': contentType, ...headers },
    payload,
  });
}

/** Bytes no text encoding would keep: every byte value, twice. */
const BYTES = new Uint8Array(512).map((_, i) => (i * 7 + 3) % 256);

t.test('move-stage: the opportunity moves, Lever records it, every format answers', async (t) => {
  const app = await testApp(t);
  const pipeline = await stages(app);
  const before = await rawAda(app);
  t.not(before.stage, pipeline[2]!.id, 'Ada is not yet at the third stage');
  const to = pipeline[2]!;

  const res = await post(app, 'applications/move-stage', '', { candidate_id: ADA, stage_id: to.id });
  const { result } = expectStatus(t, res, 200, Type.Object({ result: ApplicationSchema }), 'unified answer');
  const { remote_data, ...rest } = result;
  t.strictSame(rest, {
    id: ADA_LIVE,
    candidate: { id: ADA },
    job: { id: remote_data.posting },
    applied_at: iso(remote_data.createdAt),
    created_at: iso(remote_data.createdAt),
    current_stage: { id: to.id, name: to.name },
    updated_at: iso(at(1)),
  }, 'her live application, at the new stage, moved at the first write\'s time');
  t.equal(remote_data.opportunityId, ADA, 'remote_data: the application Lever keeps');

  const after = await rawAda(app);
  t.equal(after.stage, to.id, 'raw: the opportunity\'s stage');
  t.strictSame(after.stageChanges, [...before.stageChanges, { toStageId: to.id, toStageIndex: 2, updatedAt: at(1), userId: OWNER }], 'stageChanges gains the move');
  t.strictSame([after.updatedAt, after.lastInteractionAt, after.lastAdvancedAt], [at(1), at(1), at(1)], 'its dates move');
  const { stage: _s, stageChanges: _c, updatedAt: _u, lastInteractionAt: _l, lastAdvancedAt: _a, ...unchanged } = after;
  const { stage: _s2, stageChanges: _c2, updatedAt: _u2, lastInteractionAt: _l2, lastAdvancedAt: _a2, ...was } = before;
  t.strictSame(unchanged, was, 'nothing else changes');
  const unified = json(await get(app, `/unified/ats/candidates/${ADA}`, ACC));
  t.equal(unified.updated_at, iso(at(1)), 'unified: the candidate\'s updated_at');
  t.strictSame(unified.remote_data, after, 'unified remote_data is the raw record');

  const byStage = json(await get(app, '/unified/ats/candidates', `${ACC}&truto_ignore_limit=true&remote_query[stage_id]=${to.id}`)).result;
  t.ok(byStage.some((c: Json) => c.id === ADA), 'remote_query[stage_id] of the new stage finds her');
  const byOld = json(await get(app, '/unified/ats/candidates', `${ACC}&truto_ignore_limit=true&remote_query[stage_id]=${before.stage}`)).result;
  t.notOk(byOld.some((c: Json) => c.id === ADA), 'the old stage no longer does');
  const recent = json(await get(app, '/unified/ats/candidates', `${ACC}&truto_ignore_limit=true&updated_at[gte]=${iso(at(1))}`)).result;
  t.strictSame(recent.map((c: Json) => c.id), [ADA], 'updated_at finds her, and only her');
});

t.test('move-stage in raw, debug and normalized; made as a user', async (t) => {
  const app = await testApp(t);
  const to = (await stages(app))[4]!;
  const users = json(await get(app, '/unified/ats/users', `${ACC}&limit=3`)).result;
  const user = users[2].id;

  const raw = expectStatus(t, await post(app, 'applications/move-stage', '&truto_response_format=raw', { candidate_id: ADA, stage_id: to.id, user_id: user }), 200, LeverSingle(LeverWrittenOpportunity), 'raw: Lever\'s answer');
  t.notOk('opportunityLocation' in raw.data, 'raw: no opportunityLocation, as Lever\'s writes answer');
  t.strictSame(raw.data.stageChanges.at(-1), { toStageId: to.id, toStageIndex: 4, updatedAt: at(1), userId: user }, 'raw: made as user_id');
  t.strictSame(raw.data.applications, ['2f21b1cd-da6c-4bf2-8304-70ac19624b62', '9a0fdebe-fe0e-4874-86a5-9b89bb3bc1b1'], 'raw: application ids, not expanded');
  const { opportunityLocation: _, applications: _a, ...read } = await rawAda(app);
  const { applications: _b, ...answered } = raw.data;
  t.strictSame(answered, read, 'raw: the opportunity as a later read has it');

  const debug = json(await post(app, 'applications/move-stage', '&truto_response_format=debug', { candidate_id: ADA, stage_id: to.id, remote_data: { note: 'x' } }));
  t.equal(debug.debug.requestUrl, `${LEVER}/opportunities/${ADA}/stage?perform_as=${OWNER}`, 'debug: Lever\'s PUT, made as the key\'s owner');
  t.equal(debug.debug.requestOptions.method, 'PUT');
  t.strictSame(debug.debug.requestOptions.body, { stage: to.id, note: 'x' }, 'debug: Lever\'s body, remote_data passed on');
  assertSchema(t, LeverSingle(LeverWrittenOpportunity), debug.debug.data, 'debug.data: Lever\'s answer');
  t.equal(debug.result.updated_at, iso(at(2)), 'debug: the result');

  const normalized = expectStatus(t, await post(app, 'applications/move-stage', '&truto_response_format=normalized', { candidate_id: ADA, stage_id: to.id }), 200, Type.Object({ result: normalizedSchema(ApplicationSchema) }), 'normalized');
  t.strictSame(normalized.result.current_stage, { id: to.id, name: to.name, job: null, created_at: null, updated_at: null });
  t.equal((await rawAda(app)).stageChanges.length, 4, 'three moves recorded after the seeded one');
});

t.test('move-stage: Truto\'s and Lever\'s refusals; reads stay unsupported', async (t) => {
  const app = await testApp(t);
  const to = (await stages(app))[1]!.id;
  expectError(t, await post(app, 'applications/move-stage', '', {}), missingBody(['candidate_id', 'stage_id']), 'nothing sent');
  expectError(t, await post(app, 'applications/move-stage', '', { application_id: ADA_LIVE, stage_id: to }), missingBody(['candidate_id']), 'Lever names the opportunity');
  expectError(t, await post(app, 'applications/move-stage', '', { candidate_id: ADA, stage_id: 5 }), {
    statusCode: 400, error: 'Bad Request', message: 'Invalid body field stage_id: must be a string',
  }, 'a number for stage_id');
  expectError(t, await post(app, 'applications/move-stage', '', { candidate_id: NOBODY, stage_id: to }),
    remote(404, { code: 'NotFoundError', message: "That opportunity doesn't exist on your account" }), 'an unknown opportunity');
  expectError(t, await post(app, 'applications/move-stage', '', { candidate_id: ADA, stage_id: 'lead-new' }),
    remote(400, { code: 'BadRequestError', message: 'stage: lead-new is not a stage on your account' }), 'a stage not in the pipeline');
  expectError(t, await post(app, 'applications/move-stage', '', { candidate_id: ADA, stage_id: to, user_id: NOBODY }),
    remote(400, { code: 'BadRequestError', message: `perform_as: ${NOBODY} is not a user on your account` }), 'an unknown user');
  t.equal((await rawAda(app)).stageChanges.length, 1, 'no refused write changed anything');

  expectError(t, await get(app, '/unified/ats/applications', ACC), unsupportedBody('lever', 'list', 'applications', ['move-stage']), 'list applications');
  expectError(t, await get(app, `/unified/ats/applications/${ADA_LIVE}`, ACC), unsupportedBody('lever', 'get', 'applications', ['move-stage']), 'get an application');
  expectError(t, await post(app, 'applications/reject', '', { application_id: ADA_LIVE }), unsupportedBody('lever', 'reject', 'applications', ['move-stage']), 'reject');
  expectError(t, await get(app, '/unified/ats/activities', `${ACC}&candidate_id=${ADA}`), unsupportedBody('lever', 'list', 'activities', ['create']), 'list activities');
});

t.test('candidate create: a new opportunity on the posting, seen by get, list and the job filter', async (t) => {
  const app = await testApp(t);
  const job = await firstJob(app);
  const pipeline = await stages(app);
  const tagsBefore = json(await get(app, '/unified/ats/tags', `${ACC}&truto_ignore_limit=true`)).result;
  const listBefore = json(await get(app, '/unified/ats/candidates', `${ACC}&truto_ignore_limit=true`)).result;
  const body = {
    first_name: 'Mary Ann',
    last_name: 'Smith',
    title: 'Staff Engineer',
    company: 'Initech',
    emails: [{ email: 'mary.smith@example.org', type: 'personal' }],
    phones: [{ number: '+1 555 0100', extension: '12', type: 'work' }, { number: '+1 555 0101', type: 'fax' }],
    links: ['https://example.org/mary'],
    tags: ['Referral', 'Brand New Tag'],
    locations: ['Lisbon, Portugal', 'Remote'],
  };

  const res = await post(app, 'candidates', `&job_id=${job}&application_source=applicant`, body);
  const created = expectStatus(t, res, 201, CandidateSchema, 'unified answer');
  const { remote_data: opp, applications, ...fields } = created;
  t.strictSame(fields, {
    id: opp.id,
    first_name: 'Mary',
    last_name: 'Ann Smith',
    name: 'Mary Ann Smith',
    is_private: false,
    last_interaction_at: iso(at(1)),
    locations: ['Lisbon, Portugal'],
    emails: [{ email: 'mary.smith@example.org' }],
    phones: [{ number: '+1 555 0100 x12', type: 'work' }, { number: '+1 555 0101', type: 'other' }],
    urls: [{ url: 'https://example.org/mary' }],
    tags: [{ name: 'Referral' }, { name: 'Brand New Tag' }],
    created_at: iso(at(1)),
    updated_at: iso(at(1)),
  }, 'the unified candidate (title and company are not read back: Lever\'s mapping fills neither)');
  t.match(opp.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a Lever UUID');
  assertSchema(t, LeverOpportunity, opp, 'remote_data: Lever\'s opportunity, as read');
  t.strictSame([opp.headline, opp.stage, opp.origin, opp.owner, opp.sourcedBy, opp.followers], ['Staff Engineer', pipeline[0]!.id, 'applied', OWNER, null, [OWNER]]);
  t.strictSame(opp.stageChanges, [{ toStageId: pipeline[0]!.id, toStageIndex: 0, updatedAt: at(1), userId: OWNER }], 'at the first stage');
  t.equal(applications.length, 1, 'one application');
  t.strictSame(applications[0], { id: opp.applications[0].id, candidate: { id: opp.id }, job: { id: job }, applied_at: iso(at(1)), created_at: iso(at(1)) });
  t.strictSame([opp.applications[0].type, opp.applications[0].company, opp.applications[0].email, opp.applications[0].user], ['posting', 'Initech', 'mary.smith@example.org', null], 'the company is the application\'s');

  t.strictSame(json(await get(app, `/unified/ats/candidates/${opp.id}`, ACC)), created, 'get: the record created');
  const listAfter = json(await get(app, '/unified/ats/candidates', `${ACC}&truto_ignore_limit=true`)).result;
  t.strictSame(listAfter, [...listBefore, created], 'list: the others, then it at the end');
  const byJob = json(await get(app, '/unified/ats/candidates', `${ACC}&truto_ignore_limit=true&job_id=${job}`)).result;
  t.strictSame(byJob.at(-1), created, 'job_id finds it');
  const byEmail = json(await get(app, '/unified/ats/candidates', `${ACC}&remote_query[email]=MARY.SMITH@example.org`)).result;
  t.strictSame(byEmail.map((c: Json) => c.id), [opp.id], 'remote_query[email] finds it');
  const byTag = json(await get(app, '/unified/ats/candidates', `${ACC}&truto_ignore_limit=true&remote_query[tag]=Brand New Tag`)).result;
  t.strictSame(byTag.map((c: Json) => c.id), [opp.id], 'remote_query[tag] finds it');

  const tagsAfter = json(await get(app, '/unified/ats/tags', `${ACC}&truto_ignore_limit=true`)).result;
  const count = (list: Json[], name: string) => list.find((x: Json) => x.name === name)?.remote_data.count;
  t.equal(count(tagsAfter, 'Referral'), count(tagsBefore, 'Referral') + 1, 'GET /tags counts it');
  t.strictSame(tagsAfter.at(-1).remote_data, { count: 1, text: 'Brand New Tag' }, 'a new tag is listed');
  t.equal(tagsAfter.length, tagsBefore.length + 1);
});

t.test('candidate create in raw and debug; a lead; Lever\'s dedupe', async (t) => {
  const app = await testApp(t);
  const job = await firstJob(app);
  const raw = expectStatus(t, await post(app, 'candidates', `&job_id=${job}&application_source=lead&truto_response_format=raw`, { first_name: 'Lee', emails: [{ email: 'lee@example.org' }] }), 201, LeverCreateOpportunityAnswer, 'raw: Lever\'s answer');
  t.equal(raw.deduped, false, 'a new person');
  t.notOk('opportunityLocation' in raw.data, 'no opportunityLocation');
  t.strictSame([raw.data.name, raw.data.origin, raw.data.sourcedBy, raw.data.location, raw.data.tags], ['Lee', 'sourced', OWNER, '', []], 'a lead is sourced by the user');
  const read = json(await get(app, `/unified/ats/candidates/${raw.data.id}`, `${ACC}&truto_response_format=raw`)).data;
  t.equal(read.applications[0].type, 'user', 'added by a user');
  t.equal(read.applications[0].user, OWNER);
  const { opportunityLocation: _, applications: _a, ...asRead } = read;
  const { applications: _b, ...asAnswered } = raw.data;
  t.strictSame(asAnswered, asRead, 'the answer is what a later read has');

  const ada = await rawAda(app);
  const debug = json(await post(app, 'candidates', `&job_id=${job}&truto_response_format=debug`, { first_name: 'Ada', last_name: 'Again', emails: [{ email: 'Ada.Lovelace@example.com' }], remote_data: { sources: ['Career Fair'] } }));
  t.equal(debug.debug.requestUrl, `${LEVER}/opportunities?perform_as=${OWNER}`, 'debug: Lever\'s POST');
  t.equal(debug.debug.requestOptions.method, 'POST');
  t.strictSame(debug.debug.requestOptions.body, {
    name: 'Ada Again', headline: '', phones: [], emails: ['Ada.Lovelace@example.com'], links: [], tags: [], sources: ['Career Fair'], origin: 'applied', postings: [job],
  }, 'debug: Lever\'s body, remote_data passed on');
  t.equal(debug.debug.data.deduped, true, 'an address already on the account: deduped');
  t.equal(debug.debug.data.data.contact, ada.contact, 'linked to that person\'s contact');
  t.strictSame(debug.debug.data.data.sources, ['Career Fair'], 'remote_data kept where Lever keeps it');
  t.not(debug.result.id, ADA, 'a new opportunity all the same');
});

t.test('candidate create: Truto\'s and Lever\'s refusals', async (t) => {
  const app = await testApp(t);
  const job = await firstJob(app);
  const before = (await get(app, '/unified/ats/candidates', `${ACC}&truto_ignore_limit=true`)).body;
  expectError(t, await post(app, 'candidates', '', { first_name: 'X' }), {
    statusCode: 400, error: 'Bad Request', message: 'Missing required query parameter: job_id',
    truto_error_insight: { missing_required_query_parameters: { description: 'The lever integration requires these query parameters for this request.', value: ['job_id'] } },
  }, 'no job_id');
  expectError(t, await post(app, 'candidates', `&job_id=${NOBODY}`, { first_name: 'X' }),
    remote(404, { code: 'NotFoundError', message: "That posting doesn't exist on your account" }), 'an unknown posting');
  expectError(t, await post(app, 'candidates', `&job_id=${job}`, { emails: [{ email: 'x@example.org' }] }),
    remote(400, { code: 'BadRequestError', message: 'name is required' }), 'no name');
  expectError(t, await post(app, 'candidates', `&job_id=${job}`, { first_name: 'X', tags: 'a' }), {
    statusCode: 400, error: 'Bad Request', message: 'Invalid body field tags: must be a list',
  }, 'tags not a list');
  expectError(t, await post(app, 'candidates', `&job_id=${job}&application_source=customer`, { first_name: 'X' }), {
    statusCode: 400, error: 'Bad Request', message: 'Invalid query parameter application_source: must be equal to constant',
  }, 'an application_source of neither kind');
  t.equal((await get(app, '/unified/ats/candidates', `${ACC}&truto_ignore_limit=true`)).body, before, 'nothing created');
});

t.test('activities create: a note on the opportunity, stored as Lever keeps it', async (t) => {
  const app = await testApp(t);
  const ada = await rawAda(app);
  const res = await post(app, 'activities', '', { candidate_id: ADA, body: 'Strong systems design.', visibility: 'private' });
  const note = expectStatus(t, res, 201, ActivitySchema, 'unified answer');
  const { remote_data, ...fields } = note;
  t.strictSame(fields, {
    id: remote_data.id, candidate: { id: ADA }, actor: { id: OWNER, type: 'user' }, activity_type: 'note', body: 'Strong systems design.',
    visibility: 'admin_only', created_at: iso(at(1)),
  }, 'the activity: a private note is Lever\'s secret note, read back as admin-only');
  t.strictSame(remote_data, {
    id: remote_data.id, text: 'Note',
    fields: [{ createdAt: at(1), score: null, stage: ada.stage, text: 'Comment', type: 'note', user: OWNER, value: 'Strong systems design.' }],
    user: OWNER, secret: true, completedAt: at(1), deletedAt: null, createdAt: at(1),
  }, 'remote_data: the note as Lever\'s GET has it');
  const account = app.mock.accounts.get(ACCOUNT);
  t.strictSame(account.reader.byKeys('note', [`candidate:${ADA}`]).map((r) => JSON.parse(r.raw)), [remote_data], 'stored under her opportunity');
  const after = await rawAda(app);
  t.strictSame([after.updatedAt, after.lastInteractionAt], [at(1), at(1)], 'her last interaction is now');

  const raw = expectStatus(t, await post(app, 'activities', '&truto_response_format=raw', { candidate_id: ADA, body: 'Public.', visibility: 'public', created_at: '2025-12-01T09:30:00.000Z' }), 201, LeverNoteAnswer, 'raw');
  t.equal(raw.data.noteId, raw.data.id, 'Lever\'s create adds noteId');
  t.strictSame([raw.data.secret, raw.data.createdAt, raw.data.fields[0].value], [false, Date.parse('2025-12-01T09:30:00.000Z'), 'Public.'], 'public, written when it says');
  const debug = json(await post(app, 'activities', '&truto_response_format=debug', { candidate_id: ADA, body: 'Hi', user_id: ids.user(2) }));
  t.equal(debug.debug.requestUrl, `${LEVER}/opportunities/${ADA}/notes?perform_as=${ids.user(2)}`);
  t.strictSame(debug.debug.requestOptions, { method: 'POST', headers: { Authorization: 'Basic <redacted>', Accept: 'application/json', 'Content-Type': 'application/json' }, body: { value: 'Hi', secret: false } });
  t.equal(debug.result.visibility, 'public');
  t.equal(account.reader.byKeys('note', [`candidate:${ADA}`]).length, 3, 'three notes kept');

  expectError(t, await post(app, 'activities', '', { body: 'x' }), missingBody(['candidate_id']), 'no candidate');
  expectError(t, await post(app, 'activities', '', { candidate_id: NOBODY, body: 'x' }),
    remote(404, { code: 'NotFoundError', message: "That opportunity doesn't exist on your account" }), 'an unknown opportunity');
  expectError(t, await post(app, 'activities', '', { candidate_id: ADA }), remote(400, { code: 'BadRequestError', message: 'value is required' }), 'no body');
  expectError(t, await post(app, 'activities', '', { candidate_id: ADA, body: 'x', created_at: 'yesterday' }),
    remote(400, { code: 'BadRequestError', message: 'createdAt is invalid' }), 'a date that is none');
  expectError(t, await post(app, 'activities', '', { candidate_id: ADA, body: 'x', visibility: 'team' }), {
    statusCode: 400, error: 'Bad Request', message: 'Invalid body field visibility: Expected kind \'StringEnum\'',
  }, 'a visibility Truto does not know');
});

t.test('attachments create: a FormData upload as the SDK sends it, listed, downloaded byte for byte', async (t) => {
  const app = await testApp(t);
  const listBefore = json(await get(app, '/unified/ats/attachments', `${ACC}&candidate_id=${ADA}&truto_ignore_limit=true`)).result;
  const res = await upload(app, '', { candidate_id: ADA }, { bytes: BYTES, name: 'portfolio.pdf', type: 'application/pdf' });
  const created = expectStatus(t, res, 201, AttachmentSchema, 'unified answer');
  const { remote_data, ...fields } = created;
  t.strictSame(fields, {
    id: remote_data.id, file_name: 'portfolio.pdf', file_url: remote_data.downloadUrl, attachment_type: 'other', candidate: { id: ADA }, created_at: iso(at(1)),
  });
  t.strictSame({ ...remote_data, downloadUrl: '' }, { id: remote_data.id, name: 'portfolio.pdf', ext: '.pdf', downloadUrl: '', uploadedAt: at(1), status: 'processed', size: BYTES.length }, 'Lever\'s file');
  assertSchema(t, LeverAttachment, remote_data, 'Lever\'s file shape');

  const listAfter = json(await get(app, '/unified/ats/attachments', `${ACC}&candidate_id=${ADA}&truto_ignore_limit=true`)).result;
  t.strictSame(listAfter, [...listBefore, created], 'listed after her other files');
  const url = new URL(created.file_url);
  const file = await app.inject({ url: `${url.pathname}${url.search}` });
  t.equal(file.statusCode, 200, 'its file_url answers');
  t.equal(file.headers['content-type'], 'application/pdf');
  t.ok(Buffer.from(BYTES).equals(file.rawPayload), 'the bytes uploaded, exactly');
  const download = await post(app, 'attachments/download', `&file_url=${encodeURIComponent(created.file_url)}`, {});
  t.equal(download.statusCode, 200, 'attachments/download answers');
  t.equal(download.headers['content-type'], 'application/pdf');
  t.equal(download.headers['content-disposition'], 'attachment; filename="portfolio.pdf"; filename*=UTF-8\'\'portfolio.pdf');
  t.ok(Buffer.from(BYTES).equals(download.rawPayload), 'attachments/download: the same bytes');
  t.equal((await rawAda(app)).updatedAt, at(1), 'her opportunity was updated');

  const rawRes = await upload(app, `&candidate_id=${ADA}&truto_response_format=raw`, {}, { bytes: new Uint8Array([0, 1]), name: 'notes' });
  t.equal(rawRes.headers['x-truto-mock-warning'], undefined, 'candidate_id in the query is a known parameter: no warning');
  const raw = expectStatus(t, rawRes, 201, LeverSingle(LeverAttachment), 'raw, the opportunity named in the query');
  t.strictSame([raw.data.name, raw.data.ext, raw.data.size], ['notes', '', 2]);
  const debug = json(await upload(app, '&truto_response_format=debug', { candidate_id: ADA, file_name: 'renamed.txt' }, { bytes: new TextEncoder().encode('hello'), name: 'orig.txt', type: 'text/plain' }));
  t.equal(debug.debug.requestUrl, `${LEVER}/opportunities/${ADA}/files?perform_as=${OWNER}`, 'debug: Lever\'s POST');
  t.strictSame(debug.debug.requestOptions.body, { file: { name: 'renamed.txt', content_type: 'text/plain', size: 5 } }, 'debug: the multipart parts, described');
  t.equal(debug.debug.requestOptions.headers['Content-Type'], 'multipart/form-data');
  t.equal(debug.result.file_name, 'renamed.txt', 'file_name renames the file');
  const renamed = await app.inject({ url: new URL(debug.result.file_url).pathname + new URL(debug.result.file_url).search });
  t.equal(renamed.body, 'hello', 'and serves it under that name');
  t.strictSame(json(await get(app, '/unified/ats/attachments', `${ACC}&candidate_id=${ADA}&truto_ignore_limit=true`)).result.slice(-3).map((a: Json) => a.file_name), ['portfolio.pdf', 'notes', 'renamed.txt']);
});

t.test('attachments create: Truto\'s and Lever\'s refusals', async (t) => {
  const app = await testApp(t);
  const file = { bytes: BYTES, name: 'a.pdf' };
  expectError(t, await upload(app, '', {}, file), missingBody(['candidate_id']), 'no opportunity');
  expectError(t, await upload(app, '', { candidate_id: ADA }), missingBody(['file']), 'no file');
  expectError(t, await upload(app, '', { candidate_id: NOBODY }, file), remote(404, { code: 'NotFoundError', message: "That opportunity doesn't exist on your account" }), 'an unknown opportunity');
  const json = await post(app, 'attachments', '', { candidate_id: ADA });
  expectError(t, json, { statusCode: 400, error: 'Bad Request', message: 'Invalid body: an attachment is uploaded as multipart/form-data with a file part named "file"' }, 'a JSON body');
  t.equal(app.mock.accounts.get(ACCOUNT).reader.byKeys('attachment', [`candidate:${ADA}`]).length, 6, 'nothing stored');
});

t.test('Idempotency-Key: a replay answers the first answer without a second effect', async (t) => {
  const app = await testApp(t);
  const to = (await stages(app))[3]!.id;
  const key = { 'idempotency-key': 'move-ada-1' };
  const first = await post(app, 'applications/move-stage', '', { candidate_id: ADA, stage_id: to }, key);
  const again = await post(app, 'applications/move-stage', '', { candidate_id: ADA, stage_id: to }, key);
  t.equal(again.statusCode, 200);
  t.equal(again.body, first.body, 'the same answer');
  t.equal(again.headers['idempotent-replayed'], 'true');
  t.equal((await rawAda(app)).stageChanges.length, 2, 'one move recorded');
  expectError(t, await post(app, 'applications/move-stage', '', { candidate_id: ADA, stage_id: (await stages(app))[1]!.id }, key), {
    statusCode: 422, error: 'Unprocessable Entity', message: 'Invalid header Idempotency-Key: it was already used for a different request; use a new key for a new request',
  }, 'the key for another request');

  const up = { 'idempotency-key': 'upload-1' };
  const u1 = await upload(app, '', { candidate_id: ADA }, { bytes: BYTES, name: 'a.pdf' }, up);
  const u2 = await upload(app, '', { candidate_id: ADA }, { bytes: BYTES, name: 'a.pdf' }, up);
  t.equal(u2.body, u1.body, 'an upload replayed');
  t.equal(app.mock.accounts.get(ACCOUNT).reader.byKeys('attachment', [`candidate:${ADA}`]).length, 7, 'stored once');
  expectError(t, await upload(app, '', { candidate_id: ADA }, { bytes: BYTES.slice(1), name: 'a.pdf' }, up), {
    statusCode: 422, error: 'Unprocessable Entity', message: 'Invalid header Idempotency-Key: it was already used for a different request; use a new key for a new request',
  }, 'other bytes under the same key');
});

/** One of each write, then the reads they changed. */
async function story(app: App): Promise<string[]> {
  const job = await firstJob(app);
  const to = (await stages(app))[2]!.id;
  const out: string[] = [];
  out.push((await post(app, 'applications/move-stage', '&truto_response_format=debug', { candidate_id: ADA, stage_id: to })).body);
  const created = await post(app, 'candidates', `&job_id=${job}`, { first_name: 'Det', last_name: 'Erminism', emails: [{ email: 'det@example.org' }], tags: ['T'] });
  out.push(created.body);
  out.push((await post(app, 'activities', '&truto_response_format=raw', { candidate_id: json(created).id, body: 'n' })).body);
  out.push((await upload(app, '', { candidate_id: ADA }, { bytes: BYTES, name: 'd.bin' })).body);
  out.push((await get(app, '/unified/ats/candidates', `${ACC}&truto_ignore_limit=true&truto_response_format=raw`)).body);
  out.push((await get(app, '/unified/ats/attachments', `${ACC}&candidate_id=${ADA}`)).body);
  out.push((await get(app, '/unified/ats/tags', `${ACC}&truto_ignore_limit=true`)).body);
  return out;
}

t.test('determinism: two fresh apps, the same writes, the same bytes', async (t) => {
  const a = await story(await testApp(t));
  const b = await story(await testApp(t));
  t.equal(a.length, b.length);
  for (const [i, body] of a.entries()) t.equal(body, b[i], `answer ${i}: identical`);
});

t.test('reset undoes every write', async (t) => {
  const app = await testApp(t);
  const pristine = [
    (await get(app, '/unified/ats/candidates', `${ACC}&truto_ignore_limit=true&truto_response_format=raw`)).body,
    (await get(app, '/unified/ats/attachments', `${ACC}&candidate_id=${ADA}`)).body,
    (await get(app, '/unified/ats/tags', `${ACC}&truto_ignore_limit=true`)).body,
  ];
  const written = await story(app);
  const createdId = (JSON.parse(written[1]!) as { id: string }).id;
  const reset = await app.inject({ method: 'POST', url: '/_mock/reset', headers: { authorization: 'Bearer truto-mock-admin' } });
  t.equal(reset.statusCode, 200, 'reset');
  t.strictSame([
    (await get(app, '/unified/ats/candidates', `${ACC}&truto_ignore_limit=true&truto_response_format=raw`)).body,
    (await get(app, '/unified/ats/attachments', `${ACC}&candidate_id=${ADA}`)).body,
    (await get(app, '/unified/ats/tags', `${ACC}&truto_ignore_limit=true`)).body,
  ], pristine, 'candidates, files and tags as seeded');
  t.equal((await get(app, `/unified/ats/candidates/${createdId}`, ACC)).statusCode, 404, 'the created candidate is gone');
  t.equal(app.mock.accounts.get(ACCOUNT).reader.byKeys('note', [`candidate:${createdId}`]).length, 0, 'its note too');
  t.strictSame(await story(app), written, 'the same writes again give the same answers (numbering restarts)');
});

t.test('a cursor walk with writes landing between its pages yields every record once, the new one last', async (t) => {
  const app = await testApp(t);
  const job = await firstJob(app);
  const to = (await stages(app))[5]!.id;
  const before: string[] = json(await get(app, '/unified/ats/candidates', `${ACC}&truto_ignore_limit=true`)).result.map((c: Json) => c.id);
  const seen: string[] = [];
  let cursor: string | null = null;
  let created: string | undefined;
  do {
    const page = json(await get(app, '/unified/ats/candidates', `${ACC}&limit=15${cursor ? `&next_cursor=${encodeURIComponent(cursor)}` : ''}`));
    seen.push(...page.result.map((c: Json) => c.id));
    cursor = page.next_cursor;
    if (created === undefined) {
      created = json(await post(app, 'candidates', `&job_id=${job}`, { first_name: 'Mid', last_name: 'Walk' })).id;
      // Ada moves too: a changed record keeps its place.
      await post(app, 'applications/move-stage', '', { candidate_id: ADA, stage_id: to });
    }
  } while (cursor);
  t.strictSame(seen, [...before, created], 'every record once, in order, then the one created mid-walk');
});

t.test('every write in normalized and stream; the journal keeps what was sent', async (t) => {
  const app = await testApp(t);
  const job = await firstJob(app);
  let FORMAT = '';
  const cases: [string, string, () => Promise<LightMyRequestResponse>, TSchema, number][] = [
    ['move-stage', 'result', async () => post(app, 'applications/move-stage', FORMAT, { candidate_id: ADA, stage_id: (await stages(app))[1]!.id }), ApplicationSchema, 200],
    ['candidate', '', async () => post(app, 'candidates', `&job_id=${job}${FORMAT}`, { first_name: 'N', emails: [{ email: 'n@example.org' }] }), CandidateSchema, 201],
    ['note', '', async () => post(app, 'activities', FORMAT, { candidate_id: ADA, body: 'b' }), ActivitySchema, 201],
    ['file', '', async () => upload(app, FORMAT, { candidate_id: ADA }, { bytes: BYTES, name: 'n.pdf' }), AttachmentSchema, 201],
  ];
  for (const [what, wrap, send, schema, status] of cases) {
    FORMAT = '&truto_response_format=normalized';
    const normalized = json(await send());
    assertSchema(t, normalizedSchema(schema), wrap ? normalized[wrap] : normalized, `${what} normalized`);
    FORMAT = '&truto_response_format=stream';
    const stream = await send();
    t.equal(stream.statusCode, status, `${what} stream: ${status}`);
    t.equal(stream.headers['content-type'], 'text/plain; charset=utf-8', `${what} stream: NDJSON`);
    const lines = stream.body.trimEnd().split('\n');
    t.equal(lines.length, 1, `${what} stream: one line`);
    assertSchema(t, schema, JSON.parse(lines[0]!), `${what} stream line`);
  }
  const journal = json(await app.inject({ url: '/_mock/journal?method=POST' })).entries;
  t.strictSame(journal.map((e: Json) => e.path), [
    '/unified/ats/applications/move-stage', '/unified/ats/applications/move-stage', '/unified/ats/candidates', '/unified/ats/candidates',
    '/unified/ats/activities', '/unified/ats/activities', '/unified/ats/attachments', '/unified/ats/attachments',
  ], 'every write journaled');
  t.strictSame(journal[4].body, { candidate_id: ADA, body: 'b' }, 'a write\'s body');
  t.strictSame(journal[6].body, { candidate_id: ADA, file: { file_name: 'n.pdf', content_type: 'application/octet-stream', size: BYTES.length } }, 'an upload\'s, its file described');
});
