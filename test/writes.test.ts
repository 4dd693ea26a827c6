/**
 * Writes (CONTRACT §9), through Greenhouse's move-stage and reject: each format of the answer, every later read seeing
 * the change, Truto's validation, the vendor's refusals, Idempotency-Key, determinism, reset, sandbox accounts and the
 * journal. The per-integration write tests (lever-writes, ashby-writes, workable-writes) use the same machinery.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { GreenhouseApplication } from '../src/integrations/greenhouse/raw.js';
import { ApplicationSchema } from '../src/model/application.js';
import { CandidateSchema } from '../src/model/candidate.js';
import { ListEnvelope } from '../src/model/list.js';
import { ACC, ADA, ADA_APPLICATION, AUTH, GH, JSON_CT, assertSchema, expectError, expectOk, get, missingBodyFields, normalizedSchema, testApp, walkPages } from './helpers.js';

const MOVE = `/unified/ats/applications/move-stage?${ACC}`;
const REJECT = `/unified/ats/applications/reject?${ACC}`;
const APPLICATIONS = '/unified/ats/applications';
const ADMIN = { authorization: 'Bearer truto-mock-admin' };
/** Ada's first application is active at "Hiring Manager Screen" (5810003003) of job 4030001003. */
const STAGE = { applicationReview: '5810001003', onsite: '5810005003', offer: '5810006003' };
const USER = '4410001003';
/** The logical clock: the reference time plus one second per write. */
const at = (n: number) => new Date(Date.parse('2026-01-15T12:00:00.000Z') + n * 1000).toISOString();

const post = (app: FastifyInstance, url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, headers: { ...AUTH, ...headers }, payload: payload as object });

const application = async (app: FastifyInstance, id = ADA_APPLICATION, query = ACC) => (await get(app, `${APPLICATIONS}/${id}`, query)).json();

t.test('move-stage answers 200 and { result: the moved application }, and every later read sees the move', async (t) => {
  const app = await testApp(t);
  const before = await application(app);
  t.equal(before.current_stage.name, 'Hiring Manager Screen', 'the pinned story: Ada is at the hiring manager screen');

  const res = await post(app, MOVE, { application_id: ADA_APPLICATION, stage_id: STAGE.onsite, user_id: USER });
  const body = expectOk(t, res, Type.Object({ result: ApplicationSchema }, { additionalProperties: false }), 'the move');
  const expected = { ...before, current_stage: { id: STAGE.onsite, name: 'Onsite Interview', job: { id: '4030001003' } }, updated_at: at(1) };
  expected.remote_data = { ...before.remote_data, current_stage: { id: Number(STAGE.onsite), name: 'Onsite Interview' }, last_activity_at: at(1) };
  t.strictSame(body.result, expected, 'the application as it now reads: new stage, moved on by the logical clock');

  t.strictSame(await application(app), expected, 'a get sees it');
  const raw = (await get(app, `${APPLICATIONS}/${ADA_APPLICATION}`, `${ACC}&truto_response_format=raw`)).json();
  t.strictSame([raw.current_stage, raw.last_activity_at], [{ id: Number(STAGE.onsite), name: 'Onsite Interview' }, at(1)], 'raw: Harvest\'s own record changed');
  const listed = expectOk(t, await get(app, APPLICATIONS, `${ACC}&updated_at[gte]=${at(1)}`), ListEnvelope(ApplicationSchema), 'updated_at filter');
  t.strictSame(listed.result, [expected], 'updated_at[gte] the write\'s time finds exactly the moved application');
  const byJob = (await get(app, APPLICATIONS, `${ACC}&job_id=4030001003&truto_ignore_limit=true`)).json();
  t.strictSame(byJob.result.find((a: { id: string }) => a.id === ADA_APPLICATION), expected, 'the job filter lists it as moved');
  const candidate = expectOk(t, await get(app, `/unified/ats/candidates/${ADA}`, ACC), CandidateSchema, 'the candidate');
  t.strictSame(candidate.applications.find((a: { id: string }) => a.id === ADA_APPLICATION).current_stage, expected.current_stage, 'the candidate embeds the moved application');
  t.equal(candidate.updated_at, at(1), 'and the candidate\'s activity moved on with it');
  const candidates = (await get(app, '/unified/ats/candidates', `${ACC}&updated_at[gte]=${at(1)}`)).json();
  t.strictSame(candidates.result.map((c: { id: string }) => c.id), [ADA], 'the candidates updated_at filter finds Ada');
});

t.test('each format of a write: normalized, raw (Harvest\'s answer), debug (Harvest\'s call), stream', async (t) => {
  const app = await testApp(t);
  const normalized = await post(app, `${MOVE}&truto_response_format=normalized`, { application_id: ADA_APPLICATION, stage_id: STAGE.onsite, user_id: USER });
  const n = expectOk(t, normalized, Type.Object({ result: normalizedSchema(ApplicationSchema) }), 'normalized');
  t.notOk('remote_data' in n.result, 'normalized: no remote_data');
  t.equal(n.result.current_stage.name, 'Onsite Interview');

  const raw = await post(app, `${MOVE}&truto_response_format=raw`, { application_id: ADA_APPLICATION, stage_id: STAGE.offer, user_id: USER });
  t.equal(raw.statusCode, 200);
  t.equal(raw.headers['content-type'], JSON_CT);
  assertSchema(t, GreenhouseApplication, raw.json(), 'raw: Harvest\'s application');
  t.strictSame(raw.json(), (await get(app, `${APPLICATIONS}/${ADA_APPLICATION}`, `${ACC}&truto_response_format=raw`)).json(), 'raw: the record Harvest now serves');

  const debug = await post(app, `${MOVE}&truto_response_format=debug`, { application_id: ADA_APPLICATION, stage_id: STAGE.applicationReview, user_id: USER });
  const d = debug.json();
  t.strictSame(d.debug.requestUrl, `https://harvest.greenhouse.io/v1/applications/${ADA_APPLICATION}/move`, 'debug: Harvest\'s move endpoint');
  t.strictSame(
    d.debug.requestOptions,
    {
      method: 'POST',
      headers: { Authorization: 'Basic <redacted>', Accept: 'application/json', 'Content-Type': 'application/json', 'On-Behalf-Of': USER },
      body: { from_stage_id: Number(STAGE.offer), to_stage_id: Number(STAGE.applicationReview) },
    },
    'debug: the body Harvest takes, On Behalf Of the user',
  );
  t.strictSame(d.debug.data, (await get(app, `${APPLICATIONS}/${ADA_APPLICATION}`, `${ACC}&truto_response_format=raw`)).json(), 'debug.data: Harvest\'s answer');
  t.strictSame(d.result, await application(app), 'debug.result: the unified record');

  const stream = await post(app, `${MOVE}&truto_response_format=stream`, { application_id: ADA_APPLICATION, stage_id: STAGE.onsite, user_id: USER });
  t.equal(stream.headers['content-type'], 'text/plain; charset=utf-8');
  t.equal(stream.body, `${JSON.stringify(await application(app))}\n`, 'stream: one NDJSON line');
  const excluded = await post(app, `${MOVE}&truto_exclude_fields=remote_data&truto_exclude_fields=attachments`, { application_id: ADA_APPLICATION, stage_id: STAGE.offer, user_id: USER });
  t.strictSame(Object.keys(excluded.json().result).filter((k) => k === 'remote_data' || k === 'attachments'), [], 'exclusions apply to a write\'s answer');
});

t.test('reject: the reason, the time and the status, as Harvest records them; a rejected application cannot move', async (t) => {
  const app = await testApp(t);
  const reasons = (await get(app, '/unified/ats/reject_reasons', ACC)).json().result as { id: string; name: string }[];
  const reason = reasons[1]!;
  const res = await post(app, `${REJECT}&truto_response_format=debug`, { application_id: ADA_APPLICATION, reason_id: reason.id, user_id: USER });
  const body = expectOk(t, res, Type.Object({ result: ApplicationSchema, debug: Type.Any() }), 'the rejection');
  t.equal(body.result.rejected_at, at(1), 'rejected now, by the logical clock');
  t.equal(body.result.reject_reason, reason.name, 'for the reason given');
  t.strictSame(body.debug.requestOptions.body, { rejection_reason_id: Number(reason.id) }, 'Harvest\'s body names rejection_reason_id');
  t.equal(body.debug.requestUrl, `https://harvest.greenhouse.io/v1/applications/${ADA_APPLICATION}/reject`);
  const raw = (await get(app, `${APPLICATIONS}/${ADA_APPLICATION}`, `${ACC}&truto_response_format=raw`)).json();
  t.strictSame(
    [raw.status, raw.rejected_at, raw.rejection_reason.id, raw.rejection_details],
    ['rejected', at(1), Number(reason.id), { custom_fields: {}, keyed_custom_fields: {} }],
    'Harvest\'s record: status, rejected_at, rejection_reason and rejection_details',
  );
  const again = await post(app, MOVE, { application_id: ADA_APPLICATION, stage_id: STAGE.onsite, user_id: USER });
  expectError(t, again, remote(422, 'Validation error', { message: 'Validation error', errors: [{ message: 'Only applications in the active state can be changed; this one is rejected', field: 'application_id' }] }), 'moving a rejected application');
});

/** Truto's remote error around the integration's own answer. */
function remote(statusCode: number, message: string, raw: unknown) {
  return {
    statusCode,
    error: statusCode === 404 ? 'Not Found' : 'Unprocessable Entity',
    message,
    truto_is_remote_error: true,
    raw_response: raw,
    truto_error_insight: { remote_error: { description: 'The error came from the integration\'s own API; raw_response holds its answer.' } },
  };
}

t.test('validation as Truto does it: missing fields, wrong types, bad JSON, and the vendor\'s own refusals; nothing stored', async (t) => {
  const app = await testApp(t);
  const before = (await get(app, APPLICATIONS, `${ACC}&truto_ignore_limit=true`)).body;
  const missing = (names: string[]) => missingBodyFields('greenhouse', names);
  expectError(t, await post(app, MOVE, {}), missing(['application_id', 'stage_id', 'user_id']), 'an empty body');
  expectError(t, await app.inject({ method: 'POST', url: MOVE, headers: AUTH }), missing(['application_id', 'stage_id', 'user_id']), 'no body at all');
  expectError(t, await post(app, REJECT, { application_id: ADA_APPLICATION, user_id: USER }), missing(['reason_id']), 'reject without a reason');
  expectError(t, await post(app, MOVE, { application_id: ADA_APPLICATION, stage_id: 5, user_id: USER }), { statusCode: 400, error: 'Bad Request', message: 'Invalid body field stage_id: must be a string' }, 'a number for a string');
  expectError(t, await post(app, MOVE, { application_id: ADA_APPLICATION, stage_id: STAGE.onsite, user_id: USER, remote_data: [1] }), { statusCode: 400, error: 'Bad Request', message: 'Invalid body field remote_data: must be an object' }, 'remote_data not an object');
  const notAnObject = { statusCode: 400, error: 'Bad Request', message: 'Invalid body: it must be a JSON object, sent with Content-Type: application/json' };
  expectError(t, await post(app, MOVE, [1, 2]), notAnObject, 'a JSON array');
  expectError(t, await app.inject({ method: 'POST', url: MOVE, headers: { ...AUTH, 'content-type': 'text/plain' }, payload: 'x' }), notAnObject, 'plain text');
  const bad = await app.inject({ method: 'POST', url: MOVE, headers: { ...AUTH, 'content-type': 'application/json' }, payload: '{"application_id": ' });
  t.equal(bad.statusCode, 400, 'JSON that does not parse: 400');
  t.match(bad.json(), { statusCode: 400, error: 'Bad Request', message: /JSON/ }, 'naming JSON');
  expectError(t, await app.inject({ method: 'POST', url: MOVE, headers: { ...AUTH, 'content-type': 'application/xml' }, payload: '<x/>' }), { statusCode: 415, error: 'Unsupported Media Type', message: 'Unsupported Media Type: send the body as application/json' }, 'a body of another type');
  expectError(t, await post(app, '/unified/ats/applications/move-stage', { application_id: ADA_APPLICATION }), {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Missing required query parameter: integrated_account_id',
    truto_error_insight: { missing_required_query_parameters: { description: 'These query parameters are required for this request.', value: ['integrated_account_id'] } },
  }, 'no account');

  const notFound = remote(404, 'Resource not found', { message: 'Resource not found' });
  expectError(t, await post(app, MOVE, { application_id: '1', stage_id: STAGE.onsite, user_id: USER }), notFound, 'an unknown application: Harvest\'s 404');
  expectError(t, await post(app, MOVE, { application_id: ADA_APPLICATION, stage_id: STAGE.onsite, user_id: '42' }), notFound, 'an unknown On-Behalf-Of user: Harvest\'s 404');
  const otherJob = (await get(app, '/unified/ats/job_interview_stages', `${ACC}&truto_ignore_limit=true`)).json().result.find((s: { job: { id: string } }) => s.job.id !== '4030001003');
  expectError(t, await post(app, MOVE, { application_id: ADA_APPLICATION, stage_id: otherJob.id, user_id: USER }), remote(422, 'Validation error', { message: 'Validation error', errors: [{ message: 'The stage must be one of the stages of the application\'s job', field: 'to_stage_id' }] }), 'a stage of another job');
  expectError(t, await post(app, REJECT, { application_id: ADA_APPLICATION, reason_id: '1', user_id: USER }), remote(422, 'Validation error', { message: 'Validation error', errors: [{ message: 'Rejection reason not found', field: 'rejection_reason_id' }] }), 'an unknown reason');
  t.equal((await get(app, APPLICATIONS, `${ACC}&truto_ignore_limit=true`)).body, before, 'nothing stored by any refused write');

  const move = await post(app, MOVE, { application_id: ADA_APPLICATION, stage_id: STAGE.onsite, user_id: USER });
  t.equal(move.json().result.updated_at, at(1), 'refused writes take no number: the first write is write 1');
});

t.test('Idempotency-Key: the same request again gets the first answer without a second effect; another body is a 422', async (t) => {
  const app = await testApp(t);
  const body = { application_id: ADA_APPLICATION, stage_id: STAGE.onsite, user_id: USER };
  const first = await post(app, MOVE, body, { 'idempotency-key': 'k-1' });
  t.equal(first.statusCode, 200);
  t.equal(first.headers['idempotent-replayed'], undefined, 'the first is no replay');
  const second = await post(app, MOVE, body, { 'idempotency-key': 'k-1' });
  t.equal(second.statusCode, 200);
  t.equal(second.body, first.body, 'the same bytes');
  t.equal(second.headers['idempotent-replayed'], 'true', 'marked as a replay');
  const next = await post(app, MOVE, { ...body, stage_id: STAGE.offer }, { 'idempotency-key': 'k-2' });
  t.equal(next.json().result.updated_at, at(2), 'the replay made no write: the next is write 2');
  expectError(t, await post(app, MOVE, { ...body, stage_id: STAGE.applicationReview }, { 'idempotency-key': 'k-1' }), {
    statusCode: 422,
    error: 'Unprocessable Entity',
    message: 'Invalid header Idempotency-Key: it was already used for a different request; use a new key for a new request',
  }, 'the same key with another body');
  expectError(t, await post(app, MOVE, body, { 'idempotency-key': 'x'.repeat(256) }), { statusCode: 400, error: 'Bad Request', message: 'Invalid header Idempotency-Key: must be 1 to 255 characters' }, 'an over-long key');
  // A reset forgets the keys with the writes.
  await app.inject({ method: 'POST', url: '/_mock/reset', headers: ADMIN });
  const after = await post(app, MOVE, body, { 'idempotency-key': 'k-1' });
  t.equal(after.headers['idempotent-replayed'], undefined, 'after a reset the key is new again');
  t.equal(after.body, first.body, 'and the write gives the same bytes as the first time');
});

t.test('the same sequence of writes gives the same bytes on every run', async (t) => {
  const run = async () => {
    const app = await testApp(t);
    const reasons = (await get(app, '/unified/ats/reject_reasons', ACC)).json().result as { id: string }[];
    const out = [
      (await post(app, MOVE, { application_id: ADA_APPLICATION, stage_id: STAGE.onsite, user_id: USER })).body,
      (await post(app, `${MOVE}&truto_response_format=debug`, { application_id: ADA_APPLICATION, stage_id: STAGE.offer, user_id: USER })).body,
      (await post(app, REJECT, { application_id: ADA_APPLICATION, reason_id: reasons[0]!.id, user_id: USER })).body,
      (await get(app, APPLICATIONS, `${ACC}&truto_ignore_limit=true`)).body,
      (await get(app, `/unified/ats/candidates/${ADA}`, `${ACC}&truto_response_format=raw`)).body,
    ];
    await app.close();
    return out;
  };
  t.strictSame(await run(), await run());
});

t.test('a plain reset undoes every write, at once; answers cached before a write are never served after it', async (t) => {
  const app = await testApp(t);
  const pristine = (await get(app, APPLICATIONS, `${ACC}&truto_ignore_limit=true`)).body;
  const cachedGet = await get(app, `${APPLICATIONS}/${ADA_APPLICATION}`, ACC);
  t.equal((await get(app, `${APPLICATIONS}/${ADA_APPLICATION}`, ACC)).body, cachedGet.body, 'the get is answered again (from the cache)');
  await post(app, MOVE, { application_id: ADA_APPLICATION, stage_id: STAGE.onsite, user_id: USER });
  t.not((await get(app, `${APPLICATIONS}/${ADA_APPLICATION}`, ACC)).body, cachedGet.body, 'the cached answer from before the write is not served');
  const reset = await app.inject({ method: 'POST', url: '/_mock/reset', headers: ADMIN });
  t.equal(reset.statusCode, 200);
  t.match(reset.json(), { reseeded: false, writes_undone: true }, 'the seeded data kept, the writes undone');
  t.ok(reset.json().ms < 1000, `in well under a second (${reset.json().ms} ms)`);
  t.equal((await get(app, APPLICATIONS, `${ACC}&truto_ignore_limit=true`)).body, pristine, 'every record as seeded');
  t.equal((await get(app, `${APPLICATIONS}/${ADA_APPLICATION}`, ACC)).body, cachedGet.body, 'the get as before');
  const again = await app.inject({ method: 'POST', url: '/_mock/reset', headers: ADMIN });
  t.match(again.json(), { reseeded: false, writes_undone: false }, 'a reset with nothing written undoes nothing');
  // A reset to another seed drops the writes with the store they were made on.
  await post(app, MOVE, { application_id: ADA_APPLICATION, stage_id: STAGE.onsite, user_id: USER });
  const reseed = await app.inject({ method: 'POST', url: '/_mock/reset', headers: { ...ADMIN, 'content-type': 'application/json' }, payload: { seed: 1, candidates: 41 } });
  t.match(reseed.json(), { reseeded: true, writes_undone: true });
  t.equal((await application(app)).current_stage.name, 'Hiring Manager Screen', 'the new store has no write');
});

t.test('a cursor walk meets every record exactly once, also when writes land between its pages', async (t) => {
  const app = await testApp(t);
  const all = (await get(app, APPLICATIONS, `${ACC}&truto_ignore_limit=true`)).json().result as { id: string; rejected_at?: string; current_stage?: { job: { id: string } } }[];
  const seen: string[] = [];
  let cursor: string | null = null;
  let page = 0;
  do {
    const res: { result: { id: string }[]; next_cursor: string | null } = (await get(app, APPLICATIONS, `${ACC}&limit=7${cursor ? `&next_cursor=${encodeURIComponent(cursor)}` : ''}`)).json();
    seen.push(...res.result.map((a) => a.id));
    cursor = res.next_cursor;
    page++;
    if (page === 2) {
      // One behind the walk (Ada's), one ahead of it (the last application that can move): neither met twice nor lost.
      t.equal((await post(app, MOVE, { application_id: ADA_APPLICATION, stage_id: STAGE.onsite, user_id: USER })).statusCode, 200, 'moved one already walked');
      let moved: string | undefined;
      for (const a of [...all].reverse()) {
        if (a.rejected_at || !a.current_stage) continue;
        const stages = (await get(app, '/unified/ats/job_interview_stages', `${ACC}&job_id=${a.current_stage.job.id}`)).json().result as { id: string }[];
        const to = stages.find((st) => st.id !== (a.current_stage as unknown as { id: string }).id)!;
        if ((await post(app, MOVE, { application_id: a.id, stage_id: to.id, user_id: USER })).statusCode === 200) {
          moved = a.id;
          break;
        }
      }
      t.ok(all.findIndex((a) => a.id === moved) > 14, `moved one not walked yet (${moved})`);
    }
  } while (cursor);
  t.strictSame(seen, all.map((a) => a.id), 'every application once, in order');
  const walked = await walkPages(t, app, APPLICATIONS, ACC, ApplicationSchema, 9);
  t.equal(walked.records.length, all.length, 'a walk after the writes still has them all');
});

t.test('a sandbox account answers every write 405; its reads and downloads are as usual', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'truto-sandbox-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const fixtures = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'accounts.json'), 'utf8'));
  fixtures.accounts = [{ ...fixtures.accounts[0], sandbox: true }];
  const path = join(dir, 'accounts.json');
  writeFileSync(path, JSON.stringify(fixtures));
  const app = await testApp(t, { fixtures: path });
  expectError(t, await post(app, MOVE, { application_id: ADA_APPLICATION, stage_id: STAGE.onsite, user_id: USER }), {
    statusCode: 405,
    error: 'Method Not Allowed',
    message: `Integrated account "${GH}" is a sandbox account: writes are not allowed`,
  }, 'move-stage');
  expectError(t, await post(app, REJECT, {}), { statusCode: 405, error: 'Method Not Allowed', message: `Integrated account "${GH}" is a sandbox account: writes are not allowed` }, 'reject, before its fields are checked');
  t.equal((await get(app, `${APPLICATIONS}/${ADA_APPLICATION}`, ACC)).statusCode, 200, 'reads answer');
  const file = (await get(app, '/unified/ats/attachments', `${ACC}&candidate_id=${ADA}`)).json().result[0].file_url as string;
  const download = await post(app, `/unified/ats/attachments/download?${ACC}&file_url=${encodeURIComponent(file)}`, {});
  t.equal(download.statusCode, 200, 'a download changes nothing, and answers');
});

t.test('an account whose fixture sets on_behalf_of_user_id needs no user_id; the journal keeps each write\'s body, redacted', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'truto-obo-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const fixtures = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'accounts.json'), 'utf8'));
  fixtures.accounts = [{ ...fixtures.accounts[0], variables: { on_behalf_of_user_id: USER } }];
  const path = join(dir, 'accounts.json');
  writeFileSync(path, JSON.stringify(fixtures));
  const app = await testApp(t, { fixtures: path });
  const body = { application_id: ADA_APPLICATION, stage_id: STAGE.onsite, remote_data: { api_token: 'secret-1', note: 'kept' } };
  const res = await post(app, `${MOVE}&truto_response_format=debug`, body);
  t.equal(res.statusCode, 200, 'no user_id needed');
  t.equal(res.json().debug.requestOptions.headers['On-Behalf-Of'], USER, 'Harvest is called On Behalf Of the account\'s user');
  t.strictSame(res.json().debug.requestOptions.body, { from_stage_id: 5810003003, to_stage_id: Number(STAGE.onsite), api_token: 'secret-1', note: 'kept' }, 'remote_data passed to Harvest as it is');
  const journal = (await app.inject({ url: '/_mock/journal?method=POST', headers: ADMIN })).json();
  t.equal(journal.count, 1);
  t.strictSame(journal.entries[0].body, { application_id: ADA_APPLICATION, stage_id: STAGE.onsite, remote_data: { api_token: '[redacted]', note: 'kept' } }, 'the body as sent, its token redacted');
  t.equal(journal.entries[0].status, 200);
  const reads = (await app.inject({ url: '/_mock/journal?method=GET', headers: ADMIN })).json();
  t.ok(reads.entries.every((e: object) => !('body' in e)), 'reads carry no body');
});

t.test('an unknown query key on a write is answered with a warning, and refused before any effect with --strict', async (t) => {
  const app = await testApp(t);
  const res = await post(app, `${MOVE}&truto_response_fromat=raw`, { application_id: ADA_APPLICATION, stage_id: STAGE.onsite, user_id: USER });
  t.equal(res.statusCode, 200);
  t.equal(res.headers['x-truto-mock-warning'], 'unknown query parameter truto_response_fromat ignored; did you mean truto_response_format?');
  t.ok('result' in res.json(), 'the misspelt format is not applied');
  const strict = await testApp(t, { strict: true });
  expectError(t, await post(strict, `${MOVE}&limt=2`, { application_id: ADA_APPLICATION, stage_id: STAGE.onsite, user_id: USER }), {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Invalid query parameter limt: unknown parameter on this route',
  }, 'strict: a 400');
  t.equal((await application(strict)).current_stage.name, 'Hiring Manager Screen', 'and no write was made');
});

t.test('an upload whose multipart body does not parse is a 400 naming it, never a 500', async (t) => {
  const app = await testApp(t);
  const lever = app.mock.accounts.list().find((a) => a.integration.name === 'lever')!.row.id;
  const url = `/unified/ats/attachments?integrated_account_id=${lever}&candidate_id=x`;
  const headers = { ...AUTH, 'content-type': 'multipart/form-data; boundary=x' };
  expectError(t, await app.inject({ method: 'POST', url, headers, payload: 'garbage' }), {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Invalid multipart body: Unexpected end of multipart data',
  }, 'a body that is no form');
  expectError(t, await app.inject({ method: 'POST', url, headers: { ...AUTH, 'content-type': 'application/json' }, payload: '{}' }), {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Invalid body: an attachment is uploaded as multipart/form-data with a file part named "file"',
  }, 'JSON where a form is expected');
});
