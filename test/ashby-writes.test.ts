/**
 * Ashby's writes (CONTRACT §9): move-stage (`application.changeStage`) and activities create (`candidate.createNote`),
 * in every format, what later reads see, Truto's validation and Ashby's own refusals, Idempotency-Key, determinism
 * and reset.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import t, { type Test } from 'tap';
import { notFoundBody } from '../src/integrations/ashby/api.js';
import { statusIn } from '../src/integrations/ashby/commands/move-stage.js';
import { interviewPlanId, requestId, uuid } from '../src/integrations/ashby/ids.js';
import { AshbyApplication, AshbyError, AshbyInfo, AshbyListPage } from '../src/integrations/ashby/raw.js';
import { AshbyNote } from '../src/integrations/ashby/shapes/activities.js';
import { ActivitySchema } from '../src/model/activity.js';
import { ApplicationSchema } from '../src/model/application.js';
import type { TrutoErrorBody } from '../src/model/error.js';
import { ListEnvelope } from '../src/model/list.js';
import { iso, REFERENCE_TIME } from '../src/seed/reference-time.js';
import { assertSchema, AUTH, expectError, expectOk, get, JSON_CT, missingBodyFields, normalizedSchema, testApp } from './helpers.js';

type Json = Record<string, any>;
type App = FastifyInstance;

const ACCOUNT = 'a1d4c6e8-2b3f-4a5c-9d7e-8f0a1b2c3d4e';
const ACC = `integrated_account_id=${ACCOUNT}`;
const ADA = '5c2b9e1a-7d4f-4c3e-8a6b-000000000001';
const ADA_APP = '8e4d2c1b-6a5f-4b3e-9c7d-000000000001';
const GRACE_APP = '8e4d2c1b-6a5f-4b3e-9c7d-000000000003';
const APPLICATIONS = '/unified/ats/applications';
const ACTIVITIES = '/unified/ats/activities';
const HOST = 'https://api.ashbyhq.com';
const HEADERS = { Authorization: 'Basic <redacted>', Accept: 'application/json; version=1', 'Content-Type': 'application/json' };
const ADMIN = { authorization: 'Bearer truto-mock-admin' };

/** The logical clock after the n-th write since the last reset. */
const at = (n: number) => iso(REFERENCE_TIME + n * 1000);
const Wrapped = (schema: TSchema) => Type.Object({ result: schema }, { additionalProperties: false });

function post(app: App, path: string, payload: unknown, query = '', headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: `${path}?${ACC}${query}`, headers: { ...AUTH, ...headers }, payload: payload as object });
}
const move = (app: App, body: unknown, query = '', headers: Record<string, string> = {}) => post(app, `${APPLICATIONS}/move-stage`, body, query, headers);
const note = (app: App, body: unknown, query = '', headers: Record<string, string> = {}) => post(app, ACTIVITIES, body, query, headers);

const getJson = async (app: App, path: string, query = ''): Promise<Json> => (await get(app, path, `${ACC}${query}`)).json();
const stagesOf = async (app: App, jobId: string): Promise<Json[]> => (await getJson(app, '/unified/ats/job_interview_stages', `&job_id=${jobId}`)).result;
const notesOf = async (app: App, candidateId: string, format = ''): Promise<Json> =>
  getJson(app, ACTIVITIES, `&candidate_id=${candidateId}&limit=100${format ? `&truto_response_format=${format}` : ''}`);

/** Truto's remote error carrying Ashby's `success: false` answer. */
function remoteError(statusCode: number, error: string, body: Json): TrutoErrorBody {
  return {
    statusCode,
    error,
    message: body.errorInfo.message,
    truto_is_remote_error: true,
    raw_response: body,
    truto_error_insight: { remote_error: { description: "The error came from the integration's own API; raw_response holds its answer." } },
  };
}
const invalidInput = (message: string, of: string): Json => ({
  success: false,
  errors: ['invalid_input'],
  errorInfo: { code: 'invalid_input', message, requestId: requestId(`application.changeStage ${of}`) },
});

/** The application as unified after moving to `stage` at write `n`: its stage and dates, nothing else. */
function moved(before: Json, stage: Json, n: number): Json {
  return {
    ...before,
    current_stage: { id: stage.id, name: stage.name, job: before.job },
    updated_at: at(n),
    remote_data: { ...before.remote_data, updatedAt: at(n), currentInterviewStage: stage.remote_data },
  };
}

t.test('move-stage: each format answers the moved application, and every later read sees it', async (t) => {
  const app = await testApp(t);
  const before = await getJson(app, `${APPLICATIONS}/${ADA_APP}`);
  const stages = await stagesOf(app, before.job.id);
  const others = stages.filter((s) => s.id !== before.current_stage.id && s.remote_data.type === 'Active');
  t.ok(others.length >= 3, 'the job has three other active stages to move to');
  const [first, second, third] = others as [Json, Json, Json];

  // unified: 200 and { result }, the application after the move (write 1).
  const res1 = await move(app, { application_id: ADA_APP, stage_id: first.id });
  const unified = expectOk(t, res1, Wrapped(ApplicationSchema), 'unified move');
  t.strictSame(unified.result, moved(before, first, 1), 'unified: the stage, the write time, and nothing else changed');
  t.strictSame(await getJson(app, `${APPLICATIONS}/${ADA_APP}`), unified.result, 'a later get answers the same record');

  // raw: Ashby's own answer, `application.info`'s shape (write 2).
  const res2 = await move(app, { application_id: ADA_APP, stage_id: second.id }, '&truto_response_format=raw');
  const raw = expectOk(t, res2, AshbyInfo(AshbyApplication), 'raw move');
  t.strictSame(raw, { success: true, results: moved(before, second, 2).remote_data }, 'raw: { success, results } with the moved application');
  t.strictSame((await get(app, `${APPLICATIONS}/${ADA_APP}`, `${ACC}&truto_response_format=raw`)).json(), raw, 'raw get (application.info) agrees');

  // debug: the call Truto makes to Ashby, and Ashby's answer (write 3).
  const res3 = await move(app, { application_id: ADA_APP, stage_id: third.id, remote_data: { archiveEmail: null } }, '&truto_response_format=debug');
  const debug = expectOk(t, res3, Type.Object({ result: ApplicationSchema, debug: Type.Object({}) }), 'debug move');
  const sent = { applicationId: ADA_APP, interviewStageId: third.id, archiveEmail: null };
  t.strictSame(debug.result, moved(before, third, 3), 'debug: the result is the unified application');
  t.strictSame(
    debug.debug,
    {
      requestUrl: `${HOST}/application.changeStage`,
      requestOptions: { method: 'POST', headers: HEADERS, body: sent },
      data: { success: true, results: moved(before, third, 3).remote_data },
      responseHeaders: { 'content-type': 'application/json; charset=utf-8', 'x-ashby-request-id': requestId(`${HOST}/application.changeStage ${JSON.stringify(sent)}`) },
    },
    'debug: Ashby\'s call (remote_data passed through into its body) and answer',
  );

  // normalized: every field, null where Ashby has none, no remote_data (write 4).
  const res4 = await move(app, { application_id: ADA_APP, stage_id: first.id }, '&truto_response_format=normalized');
  const normalized = expectOk(t, res4, Wrapped(normalizedSchema(ApplicationSchema)), 'normalized move');
  t.strictSame(normalized.result.current_stage, { id: first.id, name: first.name, job: before.job, created_at: null, updated_at: null }, 'normalized: the new stage (every field of the nested stage)');
  t.equal(normalized.result.rejected_at, null, 'normalized: not rejected');
  t.equal(normalized.result.updated_at, at(4), 'normalized: the write time');

  // Lists: the updated_at filter finds exactly the moved application; the job's list and Ashby's list show its stage.
  const recent = await getJson(app, APPLICATIONS, `&updated_at[gte]=${at(1)}`);
  t.strictSame(recent.result.map((a: Json) => a.id), [ADA_APP], 'updated_at[gte] of the first write: only the moved application');
  t.strictSame(recent.result[0], moved(before, first, 4), 'listed as the get answers it');
  const ofJob = await getJson(app, APPLICATIONS, `&job_id=${before.job.id}&limit=100`);
  t.strictSame(ofJob.result.find((a: Json) => a.id === ADA_APP).current_stage.id, first.id, 'the job\'s applications show the new stage');
  const rawList = (await get(app, APPLICATIONS, `${ACC}&limit=100&truto_response_format=debug`)).json();
  assertSchema(t, AshbyListPage(AshbyApplication), rawList.debug.data, 'application.list page');
  t.strictSame(rawList.debug.data.results.find((a: Json) => a.id === ADA_APP).currentInterviewStage, first.remote_data, 'application.list item moved');
  const candidate = await getJson(app, `/unified/ats/candidates/${ADA}`);
  t.ok(candidate.applications.some((a: Json) => a.id === ADA_APP), 'the candidate still embeds the application (Ashby embeds ids only)');
});

t.test('move-stage: a cursor walk meets every application exactly once when a move lands between two pages', async (t) => {
  const app = await testApp(t);
  const first = (await get(app, APPLICATIONS, `${ACC}&limit=5`)).json();
  const all = (await getJson(app, APPLICATIONS, '&limit=100')).result as Json[];
  t.ok(all.length > 10 && all.length < 100, 'one page of 100 holds them all');
  const later = all[all.length - 1]!;
  const stage = (await stagesOf(app, later.job.id)).find((s) => s.id !== later.current_stage.id)!;
  expectOk(t, await move(app, { application_id: later.id, stage_id: stage.id }), Wrapped(ApplicationSchema), 'the move between pages');
  const seen: Json[] = [...first.result];
  for (let cursor = first.next_cursor; cursor; ) {
    const page = (await get(app, APPLICATIONS, `${ACC}&limit=5&next_cursor=${encodeURIComponent(cursor)}`)).json();
    seen.push(...page.result);
    cursor = page.next_cursor;
  }
  t.strictSame(seen.map((a) => a.id), all.map((a) => a.id), 'every application once, in the same order');
  t.strictSame(seen[seen.length - 1]!.current_stage.id, stage.id, 'the moved one is met with its new stage');
});

t.test('move-stage: Truto\'s validation and Ashby\'s refusals change nothing', async (t) => {
  const app = await testApp(t);
  const before = await getJson(app, `${APPLICATIONS}/${ADA_APP}`);
  const insight = (value: string[]) => missingBodyFields('ashby', value);
  expectError(t, await move(app, {}), insight(['application_id', 'stage_id']), 'no fields');
  expectError(t, await move(app, { application_id: ADA_APP }), insight(['stage_id']), 'no stage_id');
  expectError(t, await move(app, { application_id: ADA_APP, stage_id: 5 }), { statusCode: 400, error: 'Bad Request', message: 'Invalid body field stage_id: must be a string' }, 'a number for stage_id');

  const unknownApp = '00000000-0000-4000-8000-000000000000';
  const stage = (await stagesOf(app, before.job.id)).find((s) => s.id !== before.current_stage.id)!;
  const res = await move(app, { application_id: unknownApp, stage_id: stage.id });
  expectError(t, res, remoteError(404, 'Not Found', notFoundBody('application', unknownApp, 'application.changeStage')), 'an unknown application');
  assertSchema(t, AshbyError, res.json().raw_response, 'raw_response: Ashby\'s error shape');
  expectError(t, await move(app, { application_id: ADA_APP, stage_id: unknownApp }), remoteError(404, 'Not Found', notFoundBody('interview_stage', unknownApp, 'application.changeStage')), 'an unknown stage');

  // A stage of another job's interview plan.
  const grace = await getJson(app, `${APPLICATIONS}/${GRACE_APP}`);
  t.not(grace.job.id, before.job.id, 'Grace applied to another job');
  const foreign = (await stagesOf(app, grace.job.id))[0]!;
  const message = "The interview stage is not part of the application's interview plan";
  expectError(t, await move(app, { application_id: ADA_APP, stage_id: foreign.id }), remoteError(422, 'Unprocessable Entity', invalidInput(message, `${ADA_APP} ${foreign.id}`)), 'a stage of another job');

  t.strictSame(await getJson(app, `${APPLICATIONS}/${ADA_APP}`), before, 'the application is as seeded');
  const ok = expectOk(t, await move(app, { application_id: ADA_APP, stage_id: stage.id }), Wrapped(ApplicationSchema), 'then a good move');
  t.equal(ok.result.updated_at, at(1), 'refused writes took no number: the first good one is write 1');
});

t.test('move-stage: an Archived stage archives with a reason (remote_data.archiveReasonId), a Hired stage hires', async (t) => {
  t.equal(statusIn({ type: 'Archived' }), 'Archived');
  t.equal(statusIn({ type: 'Hired' }), 'Hired');
  t.equal(statusIn({ type: 'PreInterviewScreen' }), 'Active');
  t.equal(statusIn({ type: 'Offer' }), 'Active');

  // The seeded plans have neither kind of stage; an Ashby plan usually has both: add them to Ada's job's plan.
  const app = await testApp(t);
  const before = await getJson(app, `${APPLICATIONS}/${ADA_APP}`);
  const jobId = before.job.id as string;
  const account = app.mock.accounts.get(ACCOUNT);
  const extra = (type: string, order: number) => ({
    id: uuid('test', 'stage', type),
    title: type,
    type,
    interviewPlanId: interviewPlanId(jobId),
    orderInInterviewPlan: order,
    interviewStageGroupId: uuid('test', 'stageGroup', type),
  });
  const archived = extra('Archived', 7);
  const hired = extra('Hired', 8);
  app.mock.store.write(() => {
    for (const s of [archived, hired]) {
      app.mock.store.records.put(account.row.key, 'interview_stage', { id: s.id, refs: { job: jobId }, created_at: at(0), updated_at: at(0), raw: JSON.stringify(s) });
    }
  });
  const reasons = (await getJson(app, '/unified/ats/reject_reasons')).result as Json[];
  const reason = reasons[0]!;

  expectError(
    t,
    await move(app, { application_id: ADA_APP, stage_id: archived.id }),
    remoteError(422, 'Unprocessable Entity', invalidInput('archiveReasonId is required when moving to an Archived stage', ADA_APP)),
    'archiving without a reason',
  );
  const res = await move(app, { application_id: ADA_APP, stage_id: archived.id, remote_data: { archiveReasonId: reason.id } }, '&truto_response_format=raw');
  const raw = expectOk(t, res, AshbyInfo(AshbyApplication), 'archived').results;
  t.equal(raw.status, 'Archived', 'status Archived');
  t.equal(raw.archivedAt, at(1), 'archivedAt: the write time');
  t.strictSame(raw.archiveReason, { ...reason.remote_data, customFields: [] }, 'the archive reason, as an application embeds it');
  const unified = await getJson(app, `${APPLICATIONS}/${ADA_APP}`);
  t.equal(unified.rejected_at, at(1), 'unified: rejected at the write time');
  t.equal(unified.reject_reason, reason.name, 'unified: the reason\'s text');

  const hiredRaw = expectOk(t, await move(app, { application_id: ADA_APP, stage_id: hired.id }, '&truto_response_format=raw'), AshbyInfo(AshbyApplication), 'hired').results;
  t.strictSame([hiredRaw.status, hiredRaw.archivedAt, hiredRaw.archiveReason], ['Hired', null, null], 'hired: no longer archived');
});

t.test('activities create: a note in each format, listed last among the candidate\'s notes', async (t) => {
  const app = await testApp(t);
  const seed = app.mock.dataset.current.seed;
  const users = (await getJson(app, '/unified/ats/users', '&limit=100')).result as Json[];
  const admins = users.filter((u) => u.remote_data.globalRole === 'Organization Admin');
  t.equal(admins.length, 1, 'one organization admin, the API key\'s owner');
  const admin = admins[0]!.remote_data;
  const author = { id: admin.id, firstName: admin.firstName, lastName: admin.lastName, email: admin.email };
  const before = await notesOf(app, ADA);
  const GRACE = '5c2b9e1a-7d4f-4c3e-8a6b-000000000002';
  const graceBefore = await notesOf(app, GRACE);
  const rawNote = (n: number, content: string, isPrivate: boolean, createdAt = at(n)) => ({
    id: uuid(`${seed}:${ADA}`, 'writtenNote', n),
    createdAt,
    isPrivate,
    content,
    author,
  });
  const unifiedNote = (raw: Json): Json => ({
    id: raw.id,
    candidate: { id: ADA },
    actor: { id: admin.id, type: 'user' },
    activity_type: 'note',
    body: raw.content,
    visibility: raw.isPrivate ? 'private' : 'public',
    created_at: raw.createdAt,
    remote_data: raw,
  });

  // unified: 201 and the Activity (write 1).
  const res1 = await note(app, { candidate_id: ADA, body: 'Strong systems design.', visibility: 'private' });
  t.equal(res1.statusCode, 201, 'unified: 201');
  t.equal(res1.headers['content-type'], JSON_CT);
  assertSchema(t, ActivitySchema, res1.json(), 'unified note');
  t.strictSame(res1.json(), unifiedNote(rawNote(1, 'Strong systems design.', true)), 'unified: the note, by the admin, private');

  // raw: candidate.createNote's answer (write 2); no visibility: not private.
  const res2 = await note(app, { candidate_id: ADA, body: 'Call back Tuesday.' }, '&truto_response_format=raw');
  t.equal(res2.statusCode, 201, 'raw: 201');
  assertSchema(t, AshbyInfo(AshbyNote), res2.json(), 'raw note');
  t.strictSame(res2.json(), { success: true, results: rawNote(2, 'Call back Tuesday.', false) }, 'raw: { success, results: note }');

  // debug: the call (write 3), with the note's own date.
  const res3 = await note(app, { candidate_id: ADA, body: 'Met at the fair.', visibility: 'public', created_at: '2025-12-01T09:30:00Z' }, '&truto_response_format=debug');
  t.equal(res3.statusCode, 201, 'debug: 201');
  const sent = { candidateId: ADA, note: 'Met at the fair.', isPrivate: false, createdAt: '2025-12-01T09:30:00Z' };
  const third = rawNote(3, 'Met at the fair.', false, '2025-12-01T09:30:00.000Z');
  t.strictSame(
    res3.json(),
    {
      result: unifiedNote(third),
      debug: {
        requestUrl: `${HOST}/candidate.createNote`,
        requestOptions: { method: 'POST', headers: HEADERS, body: sent },
        data: { success: true, results: third },
        responseHeaders: { 'content-type': 'application/json; charset=utf-8', 'x-ashby-request-id': requestId(`${HOST}/candidate.createNote ${JSON.stringify(sent)}`) },
      },
    },
    'debug: candidate.createNote with isPrivate and createdAt',
  );

  // Reads: the three notes close the candidate's list, in the order written; Ashby's listNotes page too.
  const after = await notesOf(app, ADA);
  assertSchema(t, ListEnvelope(ActivitySchema), after, 'activities list');
  t.strictSame(after.result, [
    ...before.result,
    unifiedNote(rawNote(1, 'Strong systems design.', true)),
    unifiedNote(rawNote(2, 'Call back Tuesday.', false)),
    unifiedNote(third),
  ], 'listed after the seeded notes');
  const rawList = await notesOf(app, ADA, 'debug');
  t.strictSame(rawList.debug.data.results.slice(-1), [third], 'candidate.listNotes ends with it');
  t.strictSame(await notesOf(app, GRACE), graceBefore, 'another candidate\'s notes are untouched');
});

t.test('activities create: validation and Ashby\'s refusals', async (t) => {
  const app = await testApp(t);
  const insight = (value: string[]) => missingBodyFields('ashby', value);
  expectError(t, await note(app, {}), insight(['candidate_id', 'body']), 'no fields');
  expectError(t, await note(app, { candidate_id: ADA }), insight(['body']), 'no body');
  expectError(t, await note(app, { candidate_id: ADA, body: 7 }), { statusCode: 400, error: 'Bad Request', message: 'Invalid body field body: must be a string' }, 'a number for body');
  const badVisibility = await note(app, { candidate_id: ADA, body: 'x', visibility: 'secret' });
  t.equal(badVisibility.statusCode, 400, 'an unknown visibility: 400');
  t.match(badVisibility.json().message, /^Invalid body field visibility: /, 'naming the field');
  const unknown = '00000000-0000-4000-8000-000000000000';
  expectError(t, await note(app, { candidate_id: unknown, body: 'x' }), remoteError(404, 'Not Found', notFoundBody('candidate', unknown, 'candidate.createNote')), 'an unknown candidate');
  const badDate = await note(app, { candidate_id: ADA, body: 'x', created_at: 'yesterday' });
  expectError(
    t,
    badDate,
    remoteError(422, 'Unprocessable Entity', {
      success: false,
      errors: ['invalid_input'],
      errorInfo: { code: 'invalid_input', message: 'createdAt must be an ISO 8601 date', requestId: requestId(`candidate.createNote ${ADA}`) },
    }),
    'a created_at that is no date',
  );
  const res = await note(app, { candidate_id: ADA, body: 'after the refusals' });
  t.equal(res.json().created_at, at(1), 'refused writes took no number');
  const html = await note(app, { candidate_id: ADA, body: 'plain', remote_data: { note: { type: 'text/html', value: '<p>Rich</p>' } } }, '&truto_response_format=debug');
  t.strictSame(html.json().debug.requestOptions.body, { candidateId: ADA, note: { type: 'text/html', value: '<p>Rich</p>' } }, 'remote_data replaces the note with Ashby\'s {type, value} form');
  t.equal(html.json().result.body, '<p>Rich</p>', 'and the note holds its value');
});

t.test('Idempotency-Key: a replay answers the same bytes without a second effect', async (t) => {
  const app = await testApp(t);
  const before = await notesOf(app, ADA);
  const first = await note(app, { candidate_id: ADA, body: 'Once.' }, '', { 'idempotency-key': 'k-1' });
  const again = await note(app, { candidate_id: ADA, body: 'Once.' }, '', { 'idempotency-key': 'k-1' });
  t.equal(again.statusCode, 201, 'the replay: 201');
  t.equal(again.body, first.body, 'the replay: the same bytes');
  t.equal((await notesOf(app, ADA)).result.length, before.result.length + 1, 'one note, not two');
  expectError(
    t,
    await note(app, { candidate_id: ADA, body: 'Twice?' }, '', { 'idempotency-key': 'k-1' }),
    { statusCode: 422, error: 'Unprocessable Entity', message: 'Invalid header Idempotency-Key: it was already used for a different request; use a new key for a new request' },
    'the key with another body',
  );
  const stage = (await stagesOf(app, (await getJson(app, `${APPLICATIONS}/${ADA_APP}`)).job.id))[1]!;
  const m1 = await move(app, { application_id: ADA_APP, stage_id: stage.id }, '', { 'idempotency-key': 'k-2' });
  const m2 = await move(app, { application_id: ADA_APP, stage_id: stage.id }, '', { 'idempotency-key': 'k-2' });
  t.equal(m2.body, m1.body, 'a replayed move: the same bytes');
  t.equal(m1.json().result.updated_at, at(2), 'the move was write 2');
  const next = await note(app, { candidate_id: ADA, body: 'Next.' });
  t.equal(next.json().created_at, at(3), 'the replays took no number');
});

/** The same writes and reads, in order; every answer's status and bytes. */
async function session(t: Test): Promise<string[]> {
  const app = await testApp(t);
  const application = await getJson(app, `${APPLICATIONS}/${ADA_APP}`);
  const stage = (await stagesOf(app, application.job.id))[1]!;
  const answers = [
    await move(app, { application_id: ADA_APP, stage_id: stage.id }),
    await note(app, { candidate_id: ADA, body: 'Same every time.', visibility: 'private' }),
    await move(app, { application_id: GRACE_APP, stage_id: stage.id }),
    await note(app, { candidate_id: ADA, body: 'And again.' }, '&truto_response_format=debug'),
    await get(app, APPLICATIONS, `${ACC}&limit=100`),
    await get(app, ACTIVITIES, `${ACC}&candidate_id=${ADA}`),
  ];
  return answers.map((r) => `${r.statusCode} ${r.body}`);
}

t.test('determinism: two fresh apps, the same requests, the same bytes', async (t) => {
  const [a, b] = [await session(t), await session(t)];
  t.equal(a.length, 6);
  t.strictSame(a, b, 'byte-identical answers');
  t.match(a[2]!, /^422 /, 'a stage of another job is refused the same way each time');
});

t.test('reset: undoes every write', async (t) => {
  const app = await testApp(t);
  const application = await getJson(app, `${APPLICATIONS}/${ADA_APP}`);
  const notes = await notesOf(app, ADA);
  const stage = (await stagesOf(app, application.job.id)).find((s) => s.id !== application.current_stage.id)!;
  expectOk(t, await move(app, { application_id: ADA_APP, stage_id: stage.id }), Wrapped(ApplicationSchema), 'a move');
  t.equal((await note(app, { candidate_id: ADA, body: 'to be undone' })).statusCode, 201, 'a note');
  t.not((await getJson(app, `${APPLICATIONS}/${ADA_APP}`)).current_stage.id, application.current_stage.id, 'moved');
  const reset = await app.inject({ method: 'POST', url: '/_mock/reset', headers: ADMIN });
  t.equal(reset.statusCode, 200, 'reset');
  t.equal(reset.json().writes_undone, true, 'writes undone');
  t.strictSame(await getJson(app, `${APPLICATIONS}/${ADA_APP}`), application, 'the application as seeded');
  t.strictSame(await notesOf(app, ADA), notes, 'the notes as seeded');
  const again = await note(app, { candidate_id: ADA, body: 'first again' });
  t.equal(again.json().created_at, at(1), 'numbering starts over');
});
