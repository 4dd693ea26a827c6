import type { FastifyInstance } from 'fastify';
import t, { type Test } from 'tap';
import { DEFAULT_FIXTURES } from '../src/config.js';
import { accountSalt, ids as idsFor } from '../src/integrations/fountain/ids.js';
import { fountain } from '../src/integrations/fountain/index.js';
import {
  FountainApplicant,
  FountainApplicantAnswer,
  FountainApplicantList,
  FountainError,
  FountainSecureDocument,
  FountainSecureDocumentList,
} from '../src/integrations/fountain/raw.js';
import type { AccountReader, RenderContext } from '../src/integrations/types.js';
import { AttachmentSchema, type Attachment } from '../src/model/attachment.js';
import { CandidateSchema, type Candidate } from '../src/model/candidate.js';
import { TrutoErrorSchema } from '../src/model/error.js';
import { ListEnvelope } from '../src/model/list.js';
import { loadFixtures } from '../src/seed/fixtures.js';
import { iso } from '../src/seed/reference-time.js';
import { buildWorld, type PinnedCandidate, type WorldCandidate } from '../src/seed/world.js';
import type { RecordRow } from '../src/store/records.js';
import { ATTACHMENTS, AUTH, CANDIDATES, JSON_CT, assertSchema, expectError, expectOk, get, testApp } from './helpers.js';

const FOUNTAIN = '16fd2706-8baf-433b-82eb-8c7fada847da';
const ACC = `integrated_account_id=${FOUNTAIN}`;
const API = 'https://api.fountain.com/v2';
const ADA = 'a991ca27-0000-4000-8000-000000000001';
const GRACE = 'a991ca27-0000-4000-8000-000000000002';
const ALAN = 'a991ca27-0000-4000-8000-000000000003';
const ZOE = 'a991ca27-0000-4000-8000-000000000004';
const ADA_DOCS = [1, 2, 3, 4, 5, 6].map((n) => `5ec0d0c5-0000-4000-8000-00000000000${n}`);
const HEADERS = { 'X-ACCESS-TOKEN': '<redacted>', Accept: 'application/json' };
const RESPONSE_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'max-age=0, private, must-revalidate' };
const PINNED = loadFixtures(DEFAULT_FIXTURES).fixtures.accounts.find((a) => a.id === FOUNTAIN)!.pinned!.candidates! as PinnedCandidate[];

/** The path and query of a file_url, for inject (the host part is the client's). */
const local = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');
const q = (key: string, value: string) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`;

// ---------------------------------------------------------------------------------------------------------------
// The property: every field Fountain declares comes back from its raw rendering equal to the world's value.

/** Stored rows of one seeded world, and a reader over them (what the store gives the integration). */
function seeded(seed: number, account: string, count: number) {
  const world = buildWorld(seed, account, count, PINNED);
  const byKind = new Map<string, Map<string, RecordRow>>();
  let seq = 0;
  for (const { kind, record } of fountain.seed(world)) {
    const { keys: _keys, ...row } = record;
    if (!byKind.has(kind)) byKind.set(kind, new Map());
    byKind.get(kind)!.set(row.id, { ...row, seq: ++seq });
  }
  const reader: AccountReader = {
    get: (kind, id) => byKind.get(kind)?.get(id),
    byParent: (kind, column, ids) => [...(byKind.get(kind)?.values() ?? [])].filter((r) => ids.includes(r[column]!)),
  };
  return { world, byKind, reader };
}

const CTX: RenderContext = { fileUrl: (id, name) => `http://mock.test/files/${id}/${name}?signature=s` };

/** What each declared candidate field must be, from the world alone. */
function expectedCandidate(c: WorldCandidate, world: ReturnType<typeof buildWorld>): Record<string, unknown> {
  const ids = idsFor(accountSalt(world));
  const id = c.pinnedId ?? ids.applicant(c.n);
  // The opening a person sits in is that of their latest application.
  const current = [...c.applications].sort((a, b) => b.appliedAt - a.appliedAt)[0]!;
  const job = ids.funnel(current.jobN);
  const stage =
    current.status === 'hired'
      ? { id: ids.hiredStage(current.jobN), name: 'Hired' }
      : current.status === 'rejected'
        ? { id: ids.rejectedStage(current.jobN), name: 'Rejected' }
        : { id: ids.stage(current.stageN), name: world.stages.get(current.stageN)!.stage.name };
  return {
    id,
    first_name: c.firstName,
    last_name: c.lastName,
    name: `${c.firstName} ${c.lastName}`,
    locations: c.addresses.map((a) => a.value),
    'emails.email': [c.emails[0]!.address],
    'phones.number': [c.phones[0]!.number],
    'tags.name': c.tags,
    created_at: iso(c.createdAt),
    updated_at: iso(c.updatedAt),
    'applications.id': [id],
    'applications.candidate.id': [id],
    'applications.job.id': [job],
    'applications.reject_reason': current.status === 'rejected' ? [world.rejectReasons[current.rejectReasonN! - 1]!.name] : [],
    'applications.current_stage.id': [stage.id],
    'applications.current_stage.name': [stage.name],
    'applications.current_stage.job.id': [job],
  };
}

function expectedAttachments(c: WorldCandidate, world: ReturnType<typeof buildWorld>): Record<string, unknown>[] {
  const ids = idsFor(accountSalt(world));
  return c.attachments.map((f) => {
    const id = f.pinnedId ?? ids.document(f.n);
    return {
      id,
      file_name: f.fileName,
      file_url: `http://mock.test/files/${id}/${f.fileName}?signature=s&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=86400&X-Amz-SignedHeaders=host`,
      'candidate.id': c.pinnedId ?? ids.applicant(c.n),
    };
  });
}

/** A dotted path's value; the values of every item when the path crosses an array. */
function pick(record: object, path: string): unknown {
  let values: unknown[] = [record];
  let many = false;
  for (const key of path.split('.')) {
    values = values.flatMap((v) => {
      const next = (v as Record<string, unknown>)[key];
      if (Array.isArray(next)) many = true;
      return next === undefined ? [] : Array.isArray(next) ? next : [next];
    });
  }
  return many ? values : values[0];
}

t.test('property: mapping the raw rendering of generated worlds gives back every field Fountain declares', async (t) => {
  const sample = expectedCandidate(buildWorld(1, 'x', 1, []).candidates().next().value!, buildWorld(1, 'x', 1, []));
  t.strictSame(Object.keys(sample).sort(), [...fountain.resources.candidates!.fields].sort(), 'the check covers exactly the declared candidate fields');
  t.strictSame(['id', 'file_name', 'file_url', 'candidate.id'].sort(), [...fountain.resources.attachments!.fields].sort(), 'and the attachment fields');

  const candidates = fountain.resources.candidates!;
  const attachments = fountain.resources.attachments!;
  let checked = 0;
  for (const [seed, account] of [[1, FOUNTAIN], [7, 'another-account'], [42, 'a-third-account']] as const) {
    const { world, byKind, reader } = seeded(seed, account, 60);
    const applicantRows = [...byKind.get('applicant')!.values()];
    const raws = candidates.render(applicantRows, reader, CTX);
    let i = 0;
    for (const c of world.candidates()) {
      const raw = raws[i++]!;
      assertSchema(t, FountainApplicant, raw.raw, `seed ${seed} applicant ${c.n} raw`);
      const unified = candidates.toUnified(raw);
      assertSchema(t, CandidateSchema, unified, `seed ${seed} applicant ${c.n} unified`);
      const want = expectedCandidate(c, world);
      t.strictSame(Object.fromEntries(Object.keys(want).map((f) => [f, pick(unified, f)])), want, `seed ${seed} candidate ${c.n}`);

      const docRows = reader.byParent('attachment', 'candidate_id', [unified.id]);
      const docs = attachments.render(docRows, reader, CTX);
      for (const d of docs) assertSchema(t, FountainSecureDocument, d.raw, 'secure document raw');
      const got = docs.map((d) => attachments.toUnified(d)).map((a) => Object.fromEntries(fountain.resources.attachments!.fields.map((f) => [f, pick(a, f)])));
      t.strictSame(got, expectedAttachments(c, world), `seed ${seed} candidate ${c.n} files`);
      checked++;
    }
  }
  t.equal(checked, 180);
});

t.test('raw times are Pacific with milliseconds and the offset of the day (PST in winter, PDT in summer)', async (t) => {
  const { pacific, utc } = await import('../src/integrations/fountain/time.js');
  t.equal(pacific(Date.parse('2025-01-15T20:00:00.123Z')), '2025-01-15T12:00:00.123-08:00');
  t.equal(pacific(Date.parse('2025-07-04T20:00:00.000Z')), '2025-07-04T13:00:00.000-07:00');
  // 2025: DST from 9 March 10:00 UTC to 2 November 09:00 UTC.
  t.equal(pacific(Date.parse('2025-03-09T09:59:59.999Z')), '2025-03-09T01:59:59.999-08:00');
  t.equal(pacific(Date.parse('2025-03-09T10:00:00.000Z')), '2025-03-09T03:00:00.000-07:00');
  t.equal(pacific(Date.parse('2025-11-02T08:59:59.999Z')), '2025-11-02T01:59:59.999-07:00');
  t.equal(pacific(Date.parse('2025-11-02T09:00:00.000Z')), '2025-11-02T01:00:00.000-08:00');
  t.equal(utc('2025-11-02T01:00:00.000-08:00'), '2025-11-02T09:00:00.000Z');
});

// ---------------------------------------------------------------------------------------------------------------
// Through the API.

async function rawAll(t: Test, app: FastifyInstance, query = ''): Promise<FountainApplicant[]> {
  const body = expectOk(t, await get(app, CANDIDATES, `${ACC}&truto_response_format=raw&truto_ignore_limit=true${query}`), ListEnvelope(FountainApplicant), 'whole raw list');
  return body.result;
}

async function idsOf(t: Test, app: FastifyInstance, query: string): Promise<string[]> {
  const body = expectOk(t, await get(app, CANDIDATES, `${ACC}&truto_ignore_limit=true&truto_exclude_fields=remote_data${query}`), ListEnvelope(CandidateSchema), query);
  return (body.result as Candidate[]).map((c) => c.id);
}

t.test('pinned applicants by id: raw is the bare applicant, unified fills what Fountain has', async (t) => {
  const app = await testApp(t);
  const raw = expectOk(t, await get(app, `${CANDIDATES}/${ADA}`, `${ACC}&truto_response_format=raw`), FountainApplicantAnswer, 'Ada raw');
  t.equal(raw.id, ADA);
  t.equal(raw.name, 'Ada Lovelace');
  t.equal(raw.email, 'ada.lovelace@example.com');
  t.strictSame(raw.data, { current_employer: 'Analytical Engines Ltd', current_job_title: 'Principal Software Engineer' });
  t.strictSame(raw.labels, [{ title: 'Top Talent', completed: false }, { title: 'Referral', completed: false }]);
  t.match(raw.created_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}-0[78]:00$/);

  const ada = expectOk(t, await get(app, `${CANDIDATES}/${ADA}`, ACC), CandidateSchema, 'Ada unified') as Candidate;
  t.strictSame(ada.remote_data, raw, 'remote_data is the raw applicant');
  t.strictSame(
    { ...ada, remote_data: undefined, applications: undefined, created_at: undefined, updated_at: undefined, phones: undefined, locations: undefined },
    { id: ADA, first_name: 'Ada', last_name: 'Lovelace', name: 'Ada Lovelace', emails: [{ email: 'ada.lovelace@example.com' }], tags: [{ name: 'Top Talent' }, { name: 'Referral' }], remote_data: undefined, applications: undefined, created_at: undefined, updated_at: undefined, phones: undefined, locations: undefined },
  );
  t.strictSame(ada.phones, [{ number: raw.phone_number }]);
  t.equal(ada.created_at, new Date(raw.created_at).toISOString());
  t.strictSame(ada.applications, [
    { id: ADA, candidate: { id: ADA }, job: { id: raw.funnel.id }, current_stage: { id: raw.stage.id, name: raw.stage.title, job: { id: raw.funnel.id } } },
  ]);

  const alan = expectOk(t, await get(app, `${CANDIDATES}/${ALAN}`, `${ACC}&truto_response_format=raw`), FountainApplicant, 'Alan raw');
  t.equal(alan.stage.title, 'Hired', 'Alan, hired, sits in the Hired stage');
  t.equal(alan.rejection_reason, null);
  const zoe = expectOk(t, await get(app, `${CANDIDATES}/${ZOE}`, `${ACC}&truto_response_format=raw`), FountainApplicant, 'Zoë raw');
  t.equal(zoe.name, "Zoë O'Brien-Núñez");
  t.equal(zoe.data.current_employer, 'Smith & Sons <Consulting>');
  const grace = expectOk(t, await get(app, `${CANDIDATES}/${GRACE}`, `${ACC}&truto_response_format=raw`), FountainApplicant, 'Grace raw');
  t.equal(grace.first_name, 'Grace');

  const files = expectOk(t, await get(app, ATTACHMENTS, `${ACC}&candidate_id=${ADA}`), ListEnvelope(AttachmentSchema), 'Ada files');
  t.strictSame((files.result as Attachment[]).map((f) => f.id), ADA_DOCS);
  t.strictSame((files.result as Attachment[]).map((f) => f.candidate), ADA_DOCS.map(() => ({ id: ADA })));
  const none = expectOk(t, await get(app, ATTACHMENTS, `${ACC}&candidate_id=${GRACE}`), ListEnvelope(AttachmentSchema), 'Grace files');
  t.strictSame(none.result, []);
  const alanFiles = expectOk(t, await get(app, ATTACHMENTS, `${ACC}&candidate_id=${ALAN}`), ListEnvelope(AttachmentSchema), 'Alan files');
  t.strictSame((alanFiles.result as Attachment[]).map((f) => [f.id, f.file_name]), [['5ec0d0c5-0000-4000-8000-000000000007', 'Alan_Turing_Resume.docx']]);
});

t.test('an unknown applicant: Fountain\'s 404 body in raw_response', async (t) => {
  const app = await testApp(t);
  const res = await get(app, `${CANDIDATES}/00000000-0000-4000-8000-000000000000`, ACC);
  expectError(t, res, {
    statusCode: 404,
    error: 'Not Found',
    message: 'Requested resource not found',
    truto_is_remote_error: true,
    raw_response: { message: 'Requested resource not found' },
    truto_error_insight: { remote_error: { description: "The error came from the integration's own API; raw_response holds its answer." } },
  });
  assertSchema(t, FountainError, res.json().raw_response, 'raw_response is Fountain\'s error shape');
});

t.test('attachments need candidate_id; job_id and application_id are ignored', async (t) => {
  const app = await testApp(t);
  expectError(t, await get(app, ATTACHMENTS, `${ACC}&job_id=x&application_id=y`), {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Missing required query parameter: candidate_id',
    truto_error_insight: {
      missing_required_query_parameters: { description: 'The fountain integration requires these query parameters for this request.', value: ['candidate_id'] },
    },
  });
  const plain = await get(app, ATTACHMENTS, `${ACC}&candidate_id=${ADA}`);
  const ignored = await get(app, ATTACHMENTS, `${ACC}&candidate_id=${ADA}&job_id=nope&application_id=nope&organization_id=nope`);
  t.equal(ignored.body, plain.body, 'the same answer, byte for byte');
});

t.test('candidates: job_id, organization_id and expires_in are ignored; created_at and updated_at filter', async (t) => {
  const app = await testApp(t);
  const all = await idsOf(t, app, '');
  t.strictSame(await idsOf(t, app, '&job_id=nope&organization_id=nope&expires_in=5'), all, 'unsupported filters change nothing');
  const raws = await rawAll(t, app);
  const bound = '2024-06-01T00:00:00.000Z';
  t.strictSame(await idsOf(t, app, `&${q('created_at[gte]', bound)}`), raws.filter((r) => Date.parse(r.created_at) >= Date.parse(bound)).map((r) => r.id));
  t.strictSame(await idsOf(t, app, `&${q('updated_at[lt]', bound)}`), raws.filter((r) => Date.parse(r.updated_at) < Date.parse(bound)).map((r) => r.id));
});

t.test('remote_query: funnel_id, stage_id, stage, labels, created_at and updated_at, as Fountain reads them', async (t) => {
  const app = await testApp(t, { candidates: 120 });
  const raws = await rawAll(t, app);
  const ada = raws.find((r) => r.id === ADA)!;
  const expect = async (query: string, keep: (r: FountainApplicant) => boolean, what: string) => {
    const want = raws.filter(keep).map((r) => r.id);
    t.ok(want.length > 0 && want.length < raws.length, `${what}: a proper subset (${want.length} of ${raws.length})`);
    t.strictSame(await idsOf(t, app, `&${query}`), want, what);
  };
  await expect(q('remote_query[funnel_id]', ada.funnel.id), (r) => r.funnel.id === ada.funnel.id, 'funnel_id');
  await expect(q('remote_query[stage_id]', ada.stage.id), (r) => r.stage.id === ada.stage.id, 'stage_id');
  await expect(q('remote_query[stage]', 'hired'), (r) => r.stage.title === 'Hired', 'stage=hired');
  await expect(q('remote_query[stage]', 'rejected'), (r) => r.stage.title === 'Rejected', 'stage=rejected');
  await expect(q('remote_query[labels]', 'Top Talent'), (r) => r.labels.some((l) => l.title === 'Top Talent'), 'labels');
  const day = new Date(ada.created_at).toISOString().slice(0, 10);
  await expect(q('remote_query[created_at]', day), (r) => new Date(r.created_at).toISOString().slice(0, 10) === day, 'created_at=<UTC day>');
  const from = '2024-01-01T00:00:00';
  const to = '2025-01-01T00:00:00';
  await expect(`${q('remote_query[created_at][gt]', from)}&${q('remote_query[created_at][lt]', to)}`, (r) => Date.parse(r.created_at) > Date.parse(`${from}Z`) && Date.parse(r.created_at) < Date.parse(`${to}Z`), 'created_at[gt]/[lt] (UTC)');
  await expect(q('remote_query[updated_at][gt]', to), (r) => Date.parse(r.updated_at) > Date.parse(`${to}Z`), 'updated_at[gt]');
  t.strictSame(await idsOf(t, app, `&${q('remote_query[funnel_id]', 'no-such-funnel')}`), [], 'an unknown funnel: nobody');
  t.strictSame(await idsOf(t, app, `&${q('remote_query[colour]', 'blue')}`), raws.map((r) => r.id), 'a key Fountain does not know: ignored');
});

t.test('page size: 20 by default, at most 100', async (t) => {
  const app = await testApp(t, { candidates: 130 });
  const first = expectOk(t, await get(app, CANDIDATES, ACC), ListEnvelope(CandidateSchema), 'default page');
  t.equal(first.result.length, 20);
  const big = expectOk(t, await get(app, CANDIDATES, `${ACC}&limit=500`), ListEnvelope(CandidateSchema), 'limit=500');
  t.equal(big.result.length, 100);
  const debug = (await get(app, CANDIDATES, `${ACC}&limit=500&truto_response_format=debug`)).json();
  t.equal(debug.debug.requestUrl, `${API}/applicants?per_page=100`);
});

t.test('debug: the calls Fountain would get, its wrappers and cursors', async (t) => {
  const app = await testApp(t);
  const one = await get(app, `${CANDIDATES}/${ADA}`, `${ACC}&truto_response_format=debug`);
  const oneBody = one.json();
  assertSchema(t, FountainApplicantAnswer, oneBody.debug.data, 'get debug.data: the bare applicant');
  t.strictSame({ ...oneBody.debug, data: undefined }, { requestUrl: `${API}/applicants/${ADA}`, requestOptions: { method: 'GET', headers: HEADERS }, data: undefined, responseHeaders: RESPONSE_HEADERS });

  const query = `${ACC}&limit=3&truto_response_format=debug&${q('remote_query[stage]', 'interview')}&${q('created_at[gte]', '2023-01-01T00:00:00Z')}`;
  const page1 = (await get(app, CANDIDATES, query)).json();
  assertSchema(t, FountainApplicantList, page1.debug.data, 'list debug.data: {applicants, pagination}');
  t.equal(page1.debug.requestUrl, `${API}/applicants?per_page=3&stage=interview&created_at%5Bgte%5D=2023-01-01T00%3A00%3A00.000Z`);
  t.strictSame(page1.debug.requestOptions, { method: 'GET', headers: HEADERS });
  t.strictSame(page1.debug.responseHeaders, RESPONSE_HEADERS);
  t.strictSame(page1.debug.data.applicants, page1.result.map((c: Candidate) => c.remote_data));
  const next = page1.debug.data.pagination.next_cursor as string;
  t.match(next, /^[A-Za-z0-9+/]+=*$/, 'an opaque base64 cursor');
  t.match(Buffer.from(next, 'base64').toString(), /^[A-Za-z0-9+/]+=*--[A-Za-z0-9+/]+=*$/, 'Rails-signed in look: payload--digest');

  const page2 = (await get(app, CANDIDATES, `${query}&next_cursor=${encodeURIComponent(page1.next_cursor)}`)).json();
  t.equal(page2.debug.requestUrl, `${API}/applicants?per_page=3&cursor=${encodeURIComponent(next)}&stage=interview&created_at%5Bgte%5D=2023-01-01T00%3A00%3A00.000Z`, 'page 2 asks with the cursor of page 1');
  t.notSame(page2.result.map((c: Candidate) => c.id), page1.result.map((c: Candidate) => c.id));

  const docs = (await get(app, ATTACHMENTS, `${ACC}&candidate_id=${ADA}&truto_response_format=debug&expires_in=120`)).json();
  assertSchema(t, FountainSecureDocumentList, docs.debug.data, 'attachments debug.data: {secure_documents}');
  t.equal(docs.debug.requestUrl, `${API}/applicants/${ADA}/secure_documents?ttl=120`, 'expires_in is Fountain\'s ttl');
  const plain = (await get(app, ATTACHMENTS, `${ACC}&candidate_id=${ADA}&truto_response_format=debug`)).json();
  t.equal(plain.debug.requestUrl, `${API}/applicants/${ADA}/secure_documents`);
  t.strictSame(plain.debug.responseHeaders, RESPONSE_HEADERS);
});

t.test('a secure document\'s URL: presigned in look, served by the mock, refused once expires_in has passed', async (t) => {
  const app = await testApp(t);
  const realNow = Date.now;
  t.teardown(() => {
    Date.now = realNow;
  });
  const before = Math.floor(realNow() / 1000);
  const body = expectOk(t, await get(app, ATTACHMENTS, `${ACC}&candidate_id=${ADA}&expires_in=60`), ListEnvelope(AttachmentSchema), 'expiring links');
  const after = Math.floor(realNow() / 1000);
  const file = (body.result as Attachment[])[0]!;
  t.equal(file.file_url, (file.remote_data as { public_url: string }).public_url, 'file_url is Fountain\'s public_url');
  const url = new URL(file.file_url!);
  t.equal(url.pathname, `/files/${FOUNTAIN}/${file.id}/${file.file_name}`);
  t.strictSame([...url.searchParams.keys()], ['expires', 'signature', 'X-Amz-Algorithm', 'X-Amz-Expires', 'X-Amz-SignedHeaders']);
  t.equal(url.searchParams.get('X-Amz-Expires'), '60');
  const expires = Number(url.searchParams.get('expires'));
  t.ok(expires >= before + 60 && expires <= after + 60, 'expires is now + expires_in');

  const ok = await app.inject({ url: local(file.file_url!) });
  t.equal(ok.statusCode, 200, 'served while fresh, presign parameters and all');
  t.equal(ok.headers['content-type'], file.file_name!.endsWith('.pdf') ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');

  // The clock moves past the expiry (no sleeping): the same link is now refused, as an expired presigned URL is.
  Date.now = () => (expires + 1) * 1000;
  const refused = await app.inject({ url: local(file.file_url!) });
  t.equal(refused.statusCode, 403);
  t.equal(refused.headers['content-type'], JSON_CT);
  assertSchema(t, TrutoErrorSchema, refused.json());
  t.strictSame(refused.json(), { statusCode: 403, error: 'Forbidden', message: 'This file URL has expired: list the attachments again for a fresh one' });
  // One second before, it still worked: the boundary is the expiry itself.
  Date.now = () => expires * 1000;
  t.equal((await app.inject({ url: local(file.file_url!) })).statusCode, 200, 'still valid at the expiry second');

  // A fresh list gives fresh links (expiring answers are never served from the cache).
  Date.now = () => (expires + 10) * 1000;
  const again = expectOk(t, await get(app, ATTACHMENTS, `${ACC}&candidate_id=${ADA}&expires_in=60`), ListEnvelope(AttachmentSchema), 'relisted');
  const fresh = (again.result as Attachment[])[0]!.file_url!;
  t.equal(Number(new URL(fresh).searchParams.get('expires')), expires + 70);
  t.equal((await app.inject({ url: local(fresh) })).statusCode, 200, 'the fresh link works');

  // Without expires_in the link does not expire (Fountain's nominal 24 hours shows in X-Amz-Expires).
  Date.now = realNow;
  const lasting = expectOk(t, await get(app, ATTACHMENTS, `${ACC}&candidate_id=${ADA}`), ListEnvelope(AttachmentSchema), 'lasting links');
  const lastingUrl = new URL((lasting.result as Attachment[])[0]!.file_url!);
  t.equal(lastingUrl.searchParams.get('expires'), null);
  t.equal(lastingUrl.searchParams.get('X-Amz-Expires'), '86400');
  Date.now = () => realNow() + 10 * 86_400_000;
  t.equal((await app.inject({ url: local(lastingUrl.href) })).statusCode, 200, 'still served ten days on');
  // A tampered expiry is a bad signature, not a longer life.
  const tampered = file.file_url!.replace(`expires=${expires}`, `expires=${expires + 86_400 * 20}`);
  t.equal((await app.inject({ url: local(tampered) })).statusCode, 403);
});

t.test('determinism: the same seed gives the same bytes; ids are v4-looking UUIDs, distinct per account', async (t) => {
  const a = await testApp(t);
  const b = await testApp(t);
  const query = `${ACC}&truto_response_format=raw&truto_ignore_limit=true`;
  const [ra, rb] = [await get(a, CANDIDATES, query, AUTH), await get(b, CANDIDATES, query, AUTH)];
  t.equal(ra.body, rb.body, 'identical raw lists');
  const docs = `${ACC}&candidate_id=${ADA}&truto_response_format=raw`;
  t.equal((await get(a, ATTACHMENTS, docs)).body, (await get(b, ATTACHMENTS, docs)).body, 'identical documents');
  const other = seeded(1, 'another-account', 10);
  const mine = seeded(1, FOUNTAIN, 10);
  const idsOfRows = (s: typeof mine) => [...s.byKind.get('applicant')!.keys()].slice(4);
  t.notSame(idsOfRows(other), idsOfRows(mine), 'another account, other ids');
  const all = new Set<string>();
  for (const kind of mine.byKind.values()) for (const id of kind.keys()) all.add(id);
  t.equal(all.size, [...mine.byKind.values()].reduce((n, m) => n + m.size, 0), 'no id stands for two records');
});

t.test('a walk with next_cursor meets every applicant once, in the whole list\'s order', async (t) => {
  const app = await testApp(t);
  const all = await idsOf(t, app, '');
  const walked: string[] = [];
  let cursor: string | null = null;
  do {
    const page = expectOk(t, await get(app, CANDIDATES, `${ACC}&limit=7${cursor ? `&next_cursor=${encodeURIComponent(cursor)}` : ''}`), ListEnvelope(CandidateSchema), 'page');
    walked.push(...(page.result as Candidate[]).map((c) => c.id));
    cursor = page.next_cursor;
  } while (cursor !== null);
  t.strictSame(walked, all);
});
