/**
 * Workable's write (CONTRACT §9): move-stage (`POST /spi/v3/candidates/{id}/move`), in every format, what later reads
 * see (the candidate, its application, lists and filters, its activities), Truto's validation and Workable's own
 * refusals, Idempotency-Key, determinism and reset.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import t, { type Test } from 'tap';
import { WorkableCandidate, WorkableCandidatesPage, WorkableError } from '../src/integrations/workable/raw.js';
import { WorkableActivity } from '../src/integrations/workable/shapes/activities.js';
import { REFERENCE_TIME, iso } from '../src/seed/reference-time.js';
import { ActivitySchema } from '../src/model/activity.js';
import { ApplicationSchema } from '../src/model/application.js';
import type { TrutoErrorBody } from '../src/model/error.js';
import { ListEnvelope } from '../src/model/list.js';
import { assertSchema, AUTH, expectError, expectOk, get, missingBodyFields, normalizedSchema, testApp } from './helpers.js';

type Json = Record<string, any>;
type App = FastifyInstance;

const ACCOUNT = '886313e1-3b8a-4372-9b90-0c9aee199e5d';
const ACC = `integrated_account_id=${ACCOUNT}`;
const ADA = 'ada1ace';
const GRACE = '9ace001';
const APPLICATIONS = '/unified/ats/applications';
const CANDIDATES = '/unified/ats/candidates';
const ACTIVITIES = '/unified/ats/activities';
const SPI = 'https://starkstudios.workable.com/spi/v3';
const RATE = { 'x-rate-limit-limit': '10', 'x-rate-limit-remaining': '9', 'x-rate-limit-reset': String(REFERENCE_TIME / 1000 + 10) };
const ADMIN = { authorization: 'Bearer truto-mock-admin' };

/** The logical clock after the n-th write: the unified form, and Workable's candidate form (whole seconds). */
const at = (n: number) => iso(REFERENCE_TIME + n * 1000);
const wat = (n: number) => `${at(n).slice(0, 19)}Z`;
/** A written activity's id: Workable's hex ids, above every seeded one. */
const activityId = (n: number) => (0xa000_0000 + n).toString(16);
const Wrapped = (schema: TSchema) => Type.Object({ result: schema }, { additionalProperties: false });

function move(app: App, payload: unknown, query = '', headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: `${APPLICATIONS}/move-stage?${ACC}${query}`, headers: { ...AUTH, ...headers }, payload: payload as object });
}
const getJson = async (app: App, path: string, query = ''): Promise<Json> => (await get(app, path, `${ACC}${query}`)).json();

/** What a move needs: Ada's application, its job's pipeline (unified stages) and an active member. */
async function world(app: App): Promise<{ before: Json; pipeline: Json[]; member: Json }> {
  const before = await getJson(app, `${APPLICATIONS}/${ADA}`);
  const pipeline = (await getJson(app, '/unified/ats/job_interview_stages', `&job_id=${before.job.id}`)).result as Json[];
  const member = ((await getJson(app, '/unified/ats/users', '&limit=100')).result as Json[]).find((u) => !u.disabled)!.remote_data;
  return { before, pipeline, member };
}

const stageRef = (s: Json) => ({ id: s.remote_data.id, identifier: s.remote_data.identifier, name: s.remote_data.name, slug: s.remote_data.slug });

/** The application as unified after moving to `stage` at write `n`, with what else the stage's kind sets. */
function moved(before: Json, stage: Json, n: number, extra: Json = {}): Json {
  return {
    ...before,
    current_stage: { id: stage.id, name: stage.name, job: before.job },
    updated_at: at(n),
    remote_data: { ...before.remote_data, stage: stage.name, stage_kind: stage.remote_data.kind, updated_at: wat(n), ...extra },
  };
}

t.test('move-stage: each format, then every later read sees the move', async (t) => {
  const app = await testApp(t);
  const { before, pipeline, member } = await world(app);
  const bySlug = (slug: string) => pipeline.find((s) => s.id === slug)!;
  const from = bySlug(before.current_stage.id);
  t.ok(from, 'Ada is in a stage of her job\'s pipeline');
  const interview = pipeline.find((s) => s.remote_data.kind === 'interview' && s.id !== from.id)!;
  const offer = bySlug('offer');
  const hired = bySlug('hired');
  t.ok(interview && offer && hired, 'the pipeline has interview, offer and hired stages');

  // unified: 200 and { result }: the application after the move (write 1).
  const seeded = await getJson(app, ACTIVITIES, `&candidate_id=${ADA}&limit=100`);
  const res1 = await move(app, { application_id: ADA, stage_id: interview.id, user_id: member.id });
  const unified = expectOk(t, res1, Wrapped(ApplicationSchema), 'unified move');
  t.strictSame(unified.result, moved(before, interview, 1), 'unified: the stage, stage kind and update time changed, nothing else');
  t.strictSame(await getJson(app, `${APPLICATIONS}/${ADA}`), unified.result, 'a later get answers the same record');

  // raw: Workable answers 200 with an empty text/plain body (write 2).
  const res2 = await move(app, { application_id: ADA, stage_id: offer.id, user_id: member.id }, '&truto_response_format=raw');
  t.equal(res2.statusCode, 200, 'raw: 200');
  t.equal(res2.headers['content-type'], 'text/plain; charset=utf-8', 'raw: text/plain');
  t.equal(res2.body, '', 'raw: an empty body');
  const afterOffer = moved(before, offer, 2, { moved_to_offer_at: wat(2) });
  t.strictSame(await getJson(app, `${APPLICATIONS}/${ADA}`), afterOffer, 'reaching Offer sets moved_to_offer_at');

  // debug: Workable's call, its empty answer as null (write 3).
  const res3 = await move(app, { application_id: ADA, stage_id: hired.id, user_id: member.id, remote_data: { fill_reserved_requisition: false } }, '&truto_response_format=debug');
  const debug = expectOk(t, res3, Type.Object({ result: ApplicationSchema, debug: Type.Object({}) }), 'debug move');
  const afterHired = moved(before, hired, 3, { moved_to_offer_at: wat(2), hired_at: wat(3) });
  t.strictSame(debug.result, afterHired, 'debug: the hired application (moved_to_offer_at kept, hired_at set)');
  t.strictSame(
    debug.debug,
    {
      requestUrl: `${SPI}/candidates/${ADA}/move`,
      requestOptions: {
        method: 'POST',
        headers: { Authorization: 'Bearer <redacted>', Accept: 'application/json', 'Content-Type': 'application/json' },
        body: { member_id: member.id, target_stage: 'hired', fill_reserved_requisition: false },
      },
      data: null,
      responseHeaders: { ...RATE, 'content-type': 'text/plain; charset=utf-8' },
    },
    'debug: the move call (remote_data passed through) and no answer body',
  );

  // normalized (write 4): back to the interview stage.
  const res4 = await move(app, { application_id: ADA, stage_id: interview.id, user_id: member.id }, '&truto_response_format=normalized');
  const normalized = expectOk(t, res4, Wrapped(normalizedSchema(ApplicationSchema)), 'normalized move');
  t.strictSame(normalized.result.current_stage, { id: interview.id, name: interview.name, job: before.job, created_at: null, updated_at: null }, 'normalized: the stage');
  t.equal(normalized.result.updated_at, at(4), 'normalized: the write time');
  const now = moved(before, interview, 4, { moved_to_offer_at: wat(2), hired_at: wat(3) });

  // The candidate (its one application is itself) and Workable's own get.
  const candidate = await getJson(app, `${CANDIDATES}/${ADA}`);
  const { remote_data: _, ...nested } = now;
  t.strictSame(candidate.applications, [nested], 'the candidate embeds the moved application');
  t.equal(candidate.updated_at, at(4), 'the candidate was updated by the move');
  const raw = (await get(app, `${CANDIDATES}/${ADA}`, `${ACC}&truto_response_format=raw`)).json();
  assertSchema(t, Type.Object({ candidate: WorkableCandidate }), raw, 'GET /candidates/{id}');
  t.strictSame(raw.candidate, now.remote_data, 'Workable\'s get: the moved candidate');

  // Lists and filters: updated_at finds exactly Ada; Workable's stage filter follows the move.
  for (const path of [APPLICATIONS, CANDIDATES]) {
    const recent = await getJson(app, path, `&updated_at[gte]=${at(1)}`);
    t.strictSame(recent.result.map((r: Json) => r.id), [ADA], `${path}: updated_at[gte] the first write finds only Ada`);
  }
  const inStage = await getJson(app, CANDIDATES, `&remote_query[stage]=${interview.id}&limit=100`);
  t.ok(inStage.result.some((c: Json) => c.id === ADA), 'remote_query[stage] of the new stage finds her');
  const inOld = await getJson(app, CANDIDATES, `&remote_query[stage]=${from.id}&limit=100`);
  t.notOk(inOld.result.some((c: Json) => c.id === ADA), 'remote_query[stage] of the old stage does not');
  const page = (await get(app, APPLICATIONS, `${ACC}&job_id=${before.job.id}&limit=100&truto_response_format=debug`)).json();
  assertSchema(t, WorkableCandidatesPage, page.debug.data, 'GET /candidates page');
  const summary = page.debug.data.candidates.find((c: Json) => c.id === ADA);
  t.strictSame([summary.stage, summary.stage_kind, summary.updated_at, summary.hired_at], [interview.name, 'interview', wat(4), wat(3)], 'the list\'s summary');

  // Activities: each move is one, action = the target slug, after the seeded ones.
  const activities = (await getJson(app, ACTIVITIES, `&candidate_id=${ADA}&limit=100`)) as Json;
  assertSchema(t, ListEnvelope(ActivitySchema), activities, 'activities list');
  const moves = activities.result.slice(-4);
  const expectedRaw = [
    [1, from, interview],
    [2, interview, offer],
    [3, offer, hired],
    [4, hired, interview],
  ].map(([n, a, b]) => ({
    id: activityId(n as number),
    action: (b as Json).id,
    stage_name: (a as Json).name,
    action_stage: stageRef(a as Json),
    target_stage: stageRef(b as Json),
    created_at: at(n as number),
    updated_at: at(n as number),
    member: { id: member.id, name: member.name, type: 'Member' },
    body: null,
  }));
  for (const r of expectedRaw) assertSchema(t, WorkableActivity, r, `activity ${r.id}`);
  t.strictSame(
    moves,
    expectedRaw.map((r) => ({ id: r.id, candidate: { id: ADA }, actor: { id: member.id, type: 'user' }, created_at: r.created_at, updated_at: r.updated_at, remote_data: r })),
    'four move activities close the list (no activity type, body or visibility: a move is neither a note nor an email)',
  );
  t.strictSame(activities.result.slice(0, -4), seeded.result, 'the seeded activities before them, unchanged');
});

t.test('move-stage: Truto\'s validation and Workable\'s refusals change nothing', async (t) => {
  const app = await testApp(t);
  const { before, pipeline, member } = await world(app);
  const activities = await getJson(app, ACTIVITIES, `&candidate_id=${ADA}&limit=100`);
  const insight = (value: string[]) => missingBodyFields('workable', value);
  expectError(t, await move(app, {}), insight(['application_id', 'stage_id', 'user_id']), 'no fields');
  expectError(t, await move(app, { application_id: ADA, stage_id: 'offer' }), insight(['user_id']), 'no user_id (Workable moves as a member)');
  expectError(t, await move(app, { application_id: ADA, stage_id: 'offer', user_id: 5 }), { statusCode: 400, error: 'Bad Request', message: 'Invalid body field user_id: must be a string' }, 'a number for user_id');

  const remote = (statusCode: number, error: string, body: { error: string }): TrutoErrorBody => ({
    statusCode,
    error,
    message: body.error,
    truto_is_remote_error: true,
    raw_response: body,
    truto_error_insight: { remote_error: { description: "The error came from the integration's own API; raw_response holds its answer." } },
  });
  const unknown = await move(app, { application_id: 'fffffff', stage_id: 'offer', user_id: member.id });
  expectError(t, unknown, remote(404, 'Not Found', { error: 'Not found' }), 'an unknown candidate');
  assertSchema(t, WorkableError, unknown.json().raw_response, 'raw_response: Workable\'s error shape');
  expectError(t, await move(app, { application_id: ADA, stage_id: 'offer', user_id: 'abcdef' }), remote(422, 'Unprocessable Entity', { error: 'Member not found' }), 'an unknown member');
  expectError(
    t,
    await move(app, { application_id: ADA, stage_id: 'shortlisted', user_id: member.id }),
    remote(422, 'Unprocessable Entity', { error: "Stage shortlisted not found in the job's pipeline" }),
    'a stage the job\'s pipeline lacks',
  );
  t.notOk(pipeline.some((s) => s.id === 'shortlisted'), '(the pipeline has no shortlisted stage)');

  t.strictSame(await getJson(app, `${APPLICATIONS}/${ADA}`), before, 'the application is as seeded');
  t.strictSame(await getJson(app, ACTIVITIES, `&candidate_id=${ADA}&limit=100`), activities, 'no activity recorded');
  const ok = expectOk(t, await move(app, { application_id: ADA, stage_id: 'offer', user_id: member.id }), Wrapped(ApplicationSchema), 'then a good move');
  t.equal(ok.result.updated_at, at(1), 'refused writes took no number: the first good one is write 1');
});

t.test('Idempotency-Key: a replayed move answers the same (empty raw) answer without a second effect', async (t) => {
  const app = await testApp(t);
  const { member } = await world(app);
  const body = { application_id: ADA, stage_id: 'offer', user_id: member.id };
  const first = await move(app, body, '&truto_response_format=raw', { 'idempotency-key': 'w-1' });
  const again = await move(app, body, '&truto_response_format=raw', { 'idempotency-key': 'w-1' });
  t.strictSame([again.statusCode, again.headers['content-type'], again.body], [first.statusCode, first.headers['content-type'], ''], 'the replay: 200, text/plain, empty');
  const activities = (await getJson(app, ACTIVITIES, `&candidate_id=${ADA}&limit=100`)).result as Json[];
  t.equal(activities.filter((a) => a.id.startsWith('a000000')).length, 1, 'one move activity, not two');
  expectError(
    t,
    await move(app, { ...body, stage_id: 'hired' }, '&truto_response_format=raw', { 'idempotency-key': 'w-1' }),
    { statusCode: 422, error: 'Unprocessable Entity', message: 'Invalid header Idempotency-Key: it was already used for a different request; use a new key for a new request' },
    'the key with another body',
  );
  const next = expectOk(t, await move(app, { ...body, stage_id: 'hired' }), Wrapped(ApplicationSchema), 'the next move');
  t.equal(next.result.updated_at, at(2), 'the replay took no number');
});

/** The same writes and reads, in order; every answer's status and bytes. */
async function session(t: Test): Promise<string[]> {
  const app = await testApp(t);
  const { member } = await world(app);
  const answers = [
    await move(app, { application_id: ADA, stage_id: 'offer', user_id: member.id }),
    await move(app, { application_id: GRACE, stage_id: 'hired', user_id: member.id }, '&truto_response_format=debug'),
    await move(app, { application_id: ADA, stage_id: 'nowhere', user_id: member.id }),
    await get(app, APPLICATIONS, `${ACC}&limit=100`),
    await get(app, ACTIVITIES, `${ACC}&candidate_id=${ADA}&truto_response_format=raw`),
  ];
  return answers.map((r) => `${r.statusCode} ${r.body}`);
}

t.test('determinism: two fresh apps, the same requests, the same bytes', async (t) => {
  const [a, b] = [await session(t), await session(t)];
  t.equal(a.length, 5);
  t.strictSame(a, b, 'byte-identical answers');
  t.match(a[2]!, /^422 /, 'an unknown stage is refused the same way each time');
});

t.test('reset: undoes every write', async (t) => {
  const app = await testApp(t);
  const { before, member } = await world(app);
  const candidate = await getJson(app, `${CANDIDATES}/${ADA}`);
  const activities = await getJson(app, ACTIVITIES, `&candidate_id=${ADA}&limit=100`);
  expectOk(t, await move(app, { application_id: ADA, stage_id: 'hired', user_id: member.id }), Wrapped(ApplicationSchema), 'a move');
  t.equal((await getJson(app, `${APPLICATIONS}/${ADA}`)).current_stage.id, 'hired', 'moved');
  const reset = await app.inject({ method: 'POST', url: '/_mock/reset', headers: ADMIN });
  t.equal(reset.statusCode, 200, 'reset');
  t.equal(reset.json().writes_undone, true, 'writes undone');
  t.strictSame(await getJson(app, `${APPLICATIONS}/${ADA}`), before, 'the application as seeded');
  t.strictSame(await getJson(app, `${CANDIDATES}/${ADA}`), candidate, 'the candidate as seeded');
  t.strictSame(await getJson(app, ACTIVITIES, `&candidate_id=${ADA}&limit=100`), activities, 'the activities as seeded');
  const again = expectOk(t, await move(app, { application_id: ADA, stage_id: 'offer', user_id: member.id }), Wrapped(ApplicationSchema), 'a move after the reset');
  t.equal(again.result.updated_at, at(1), 'numbering starts over');
});
