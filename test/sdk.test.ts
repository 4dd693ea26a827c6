import t, { type Test } from 'tap';
import { AttachmentSchema } from '../src/model/attachment.js';
import { CandidateSchema } from '../src/model/candidate.js';
import { ADA, CANDIDATES, GH, TOKEN, assertSchema, testApp } from './helpers.js';
import TrutoApi, { ApiClient, TrutoError } from './sdk.js';

/**
 * The mock through the official TypeScript SDK's request code (test/sdk.ts): the README's client example as written,
 * `truto_response_format=stream`, and a base URL with a trailing slash.
 */

const ADA_OPTIONS = { unified_model: 'ats', resource: 'candidates', integrated_account_id: GH };

async function listening(t: Test, candidates = 10) {
  const app = await testApp(t, { candidates });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base };
}

/** The lines of an NDJSON Blob, parsed. */
async function lines(blob: unknown): Promise<unknown[]> {
  if (!(blob instanceof Blob)) throw new Error(`not a Blob: ${typeof blob}`);
  const text = await blob.text();
  return text.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);
}

t.test('why stream is not labelled application/x-ndjson: the SDK parses any type naming json as one JSON text', async (t) => {
  const client = new ApiClient({ token: TOKEN });
  const body = '{"id":"1"}\n{"id":"2"}\n';
  await t.rejects(client.parseResponseBody(new Response(body, { headers: { 'content-type': 'application/x-ndjson' } })), SyntaxError);
  const blob = await client.parseResponseBody(new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } }));
  t.strictSame(await lines(blob), [{ id: '1' }, { id: '2' }], 'text/plain comes back as a Blob of lines');
});

t.test('README: the TypeScript example runs as written (list with for await, get)', async (t) => {
  const { app, base } = await listening(t);
  const truto = new TrutoApi({ token: 'truto-mock-token', baseUrl: base });
  const names: string[] = [];
  for await (const a of truto.unifiedApi.list({ unified_model: 'ats', resource: 'attachments', integrated_account_id: GH, limit: 4 })) {
    assertSchema(t, AttachmentSchema, a, 'an attachment');
    names.push(a.file_name);
  }
  const all = app.mock.store.records.page(app.mock.accounts.get(GH).row.key, 'attachment', {}, 0, 10_000);
  t.equal(names.length, all.length, 'every attachment of the account, across pages');
  const journal = (await (await fetch(`${base}/_mock/journal?path=/unified/ats/attachments`)).json()) as { entries: { query: Record<string, string> }[] };
  t.ok(journal.entries.length > 1, `${journal.entries.length} pages`);
  t.equal(journal.entries[0]!.query.next_cursor, '', 'the first page sends next_cursor= (empty)');

  const ada = await truto.unifiedApi.get('9000001003', ADA_OPTIONS);
  assertSchema(t, CandidateSchema, ada, 'Ada');
  t.equal(ada.first_name, 'Ada');
});

t.test('list(options, init, queue): first() sends no next_cursor; a queue runs every page', async (t) => {
  const { base } = await listening(t);
  const truto = new TrutoApi({ token: TOKEN, baseUrl: base });
  const options = { unified_model: 'ats', resource: 'candidates', integrated_account_id: GH, limit: 3 };
  const first = await truto.unifiedApi.list(options).first();
  t.equal(first.id, ADA, 'the first candidate');
  let queued = 0;
  const queue = { add: <T>(fn: () => Promise<T>) => (queued++, fn()) };
  const all = await truto.unifiedApi.list(options, { maxRetries: 1 }, queue).toArray();
  t.equal(all.length, 10, 'every candidate');
  t.equal(queued, 4, 'one queued call a page (10 records, 3 a page)');
  const journal = (await (await fetch(`${base}/_mock/journal?path=${CANDIDATES}`)).json()) as { entries: { query: Record<string, string> }[] };
  t.notOk('next_cursor' in journal.entries[0]!.query, 'first(): no next_cursor at all');
  t.equal(journal.entries[1]!.query.next_cursor, '', 'a walk: next_cursor= on its first page');
});

t.test('stream through the SDK: a Blob of NDJSON, for a get and for a whole list', async (t) => {
  const { base } = await listening(t, 12);
  const truto = new TrutoApi({ token: TOKEN, baseUrl: base });
  const unified = await truto.unifiedApi.get(ADA, ADA_OPTIONS);
  const one = await truto.unifiedApi.get(ADA, { ...ADA_OPTIONS, truto_response_format: 'stream' });
  t.strictSame(await lines(one), [unified], 'a get: the record on one line');

  // A stream is no page (no `result`), so the SDK's Cursor cannot walk it: its client's list call hands it back.
  const list = await truto.apiClient.list('unified/ats/candidates', { integrated_account_id: GH, truto_response_format: 'stream', limit: 2 });
  const records = await lines(list);
  t.equal(records.length, 12, 'every candidate, limit ignored');
  for (const r of records) assertSchema(t, CandidateSchema, r, 'a streamed candidate');
});

t.test('a base URL with a trailing slash: fault rules and journal filters on /unified/... still apply', async (t) => {
  const { base } = await listening(t);
  const rule = await fetch(`${base}/_mock/rules`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ match: { path: '/unified/ats/candidates/*' }, action: { type: 'error', status: 503 } }),
  });
  t.equal(rule.status, 201);
  const truto = new TrutoApi({ token: TOKEN, baseUrl: `${base}/` });
  const err = (await truto.unifiedApi.get(ADA, ADA_OPTIONS).catch((e: unknown) => e)) as TrutoError;
  t.ok(err instanceof TrutoError);
  t.equal(err.statusCode, 503, 'the rule fired');
  const journal = (await (await fetch(`${base}/_mock/journal?path=${CANDIDATES}/*`)).json()) as { count: number; entries: { path: string; status: number }[] };
  t.strictSame(journal.entries.map((e) => [e.path, e.status]), Array(3).fill([`${CANDIDATES}/${ADA}`, 503]), 'three requests in all, journaled under /unified/...');

  await fetch(`${base}/_mock/rules`, { method: 'DELETE' });
  const ada = await truto.unifiedApi.get(ADA, ADA_OPTIONS);
  t.equal(ada.id, ADA, 'answered once the rule is gone');
});

t.test('writes through the SDK: customMethod(move-stage) and its errors, as TrutoError with the body', async (t) => {
  const { base } = await listening(t);
  const truto = new TrutoApi({ token: 'truto-mock-token', baseUrl: base });
  const options = { unified_model: 'ats', resource: 'applications', integrated_account_id: GH };
  const moved = await truto.unifiedApi.customMethod('move-stage', { application_id: '9100001003', stage_id: '5810005003', user_id: '4410001003' }, options);
  t.equal(moved.result.current_stage.name, 'Onsite Interview', 'the { result } of the custom method');
  const again = await truto.unifiedApi.get('9100001003', options);
  t.strictSame(again, moved.result, 'a get through the SDK sees the same record');
  const refused = await truto.unifiedApi.customMethod('move-stage', { stage_id: '5810005003' }, options).catch((e: unknown) => e);
  t.ok(refused instanceof TrutoError, 'a refusal is a TrutoError');
  t.equal((refused as TrutoError).statusCode, 400);
  t.strictSame((refused as TrutoError).data, {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Missing required body fields: application_id, user_id',
    truto_error_insight: { missing_required_body_fields: { description: 'The greenhouse integration requires these body fields for this request.', value: ['application_id', 'user_id'] } },
  });
  const journal = (await (await fetch(`${base}/_mock/journal?method=POST`)).json()) as { entries: { headers: Record<string, string>; body: unknown }[] };
  t.equal(journal.entries[0]!.headers['content-type'], 'application/json', 'the SDK sent JSON');
  t.equal(journal.entries.length, 2, 'a 400 is not retried');
});

t.test('writes through the SDK on Lever: create a candidate, then upload a FormData file to it, as the SDK sends them', async (t) => {
  const { base } = await listening(t);
  const truto = new TrutoApi({ token: 'truto-mock-token', baseUrl: base });
  const lever = '3f8e2a71-5c4b-4d9e-a6f0-1b2c3d4e5f60';
  const jobs = await truto.unifiedApi.list({ unified_model: 'ats', resource: 'jobs', integrated_account_id: lever }).toArray();
  const created = await truto.unifiedApi.create(
    { first_name: 'Grace', last_name: 'Brewster', emails: [{ email: 'grace.brewster@example.org', type: 'personal' }], tags: ['Referral'] },
    { unified_model: 'ats', resource: 'candidates', integrated_account_id: lever, job_id: jobs[0].id, application_source: 'applicant' },
  );
  assertSchema(t, CandidateSchema, created, 'the created candidate');
  t.equal(created.first_name, 'Grace');
  t.strictSame(await truto.unifiedApi.get(created.id, { unified_model: 'ats', resource: 'candidates', integrated_account_id: lever }), created, 'a get finds it as created');

  const bytes = new Uint8Array([37, 80, 68, 70, 45, 1, 2, 3, 255]);
  const form = new FormData();
  form.append('candidate_id', created.id);
  form.append('file', new Blob([bytes], { type: 'application/pdf' }), 'cv.pdf');
  const file = await truto.unifiedApi.create(form, { unified_model: 'ats', resource: 'attachments', integrated_account_id: lever, truto_body_passthrough: true });
  assertSchema(t, AttachmentSchema, file, 'the uploaded attachment');
  const listed = await truto.unifiedApi.list({ unified_model: 'ats', resource: 'attachments', integrated_account_id: lever, candidate_id: created.id }).toArray();
  t.strictSame(listed.map((a: { id: string }) => a.id), [file.id], 'listed under the new candidate');
  const downloaded = new Uint8Array(await (await fetch(file.file_url)).arrayBuffer());
  t.strictSame([...downloaded], [...bytes], 'its file_url answers the bytes sent, byte for byte');
  const journal = (await (await fetch(`${base}/_mock/journal?method=POST`)).json()) as { entries: { headers: Record<string, string>; body: unknown }[] };
  t.match(journal.entries[1]!.headers['content-type'], /^multipart\/form-data; boundary=/, 'the FormData went as multipart');
  t.strictSame(journal.entries[1]!.body, { candidate_id: created.id, file: { file_name: 'cv.pdf', content_type: 'application/pdf', size: bytes.length } });
});
