import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { DEFAULT_FIXTURES } from '../src/config.js';
import { lever } from '../src/integrations/lever/index.js';
import { ids } from '../src/integrations/lever/ids.js';
import { splitName } from '../src/integrations/lever/mapping.js';
import {
  LeverAttachment,
  LeverError,
  LeverFile,
  LeverOpportunity,
  LeverPage,
  LeverResume,
  LeverSingle,
  type LeverApplication,
} from '../src/integrations/lever/raw.js';
import type { AccountReader, RenderContext } from '../src/integrations/types.js';
import { AttachmentSchema } from '../src/model/attachment.js';
import { CandidateSchema } from '../src/model/candidate.js';
import { ListEnvelope } from '../src/model/list.js';
import { loadFixtures } from '../src/seed/fixtures.js';
import { REFERENCE_TIME } from '../src/seed/reference-time.js';
import { buildWorld, type WorldCandidate } from '../src/seed/world.js';
import type { NewRecord, RecordRow } from '../src/store/records.js';
import { assertSchema, ATTACHMENTS, CANDIDATES, expectError, expectOk, get, JSON_CT, testApp } from './helpers.js';

/** The Lever account of the default fixtures and its pinned records. */
const ACCOUNT = '3f8e2a71-5c4b-4d9e-a6f0-1b2c3d4e5f60';
const fixture = loadFixtures(DEFAULT_FIXTURES).fixtures.accounts.find((a) => a.id === ACCOUNT)!;
const PINS = fixture.pinned!.candidates!;
const [ADA, GRACE, ALAN, ZOE] = PINS.map((p) => p.id) as [string, string, string, string];
const ACC = `integrated_account_id=${ACCOUNT}`;
const HEADERS = { Authorization: 'Basic <redacted>', Accept: 'application/json' };
const RESPONSE_HEADERS = { 'content-type': 'application/json; charset=utf-8' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const isoOf = (ms: number) => new Date(ms).toISOString();

/** An account's seed records, readable as the store would give them (seq in seed order). */
function seeded(seed: number, size: number, pinned = PINS) {
  const world = buildWorld(seed, ACCOUNT, size, pinned);
  const rows = new Map<string, RecordRow[]>();
  let seq = 0;
  for (const { kind, record } of lever.seed(world)) {
    const { keys: _keys, ...row } = record as NewRecord;
    const list = rows.get(kind) ?? [];
    list.push({ ...row, seq: ++seq });
    rows.set(kind, list);
  }
  const reader: AccountReader = {
    get: (kind, id) => rows.get(kind)?.find((r) => r.id === id),
    byParent: (kind, column, parents) => (rows.get(kind) ?? []).filter((r) => parents.includes(r[column]!)),
  };
  return { world, rows, reader };
}

const ctx: RenderContext = { fileUrl: (id, name) => `https://files.test/${id}/${name}` };

t.test('property: mapping the raw rendering of a generated world gives back every field lever declares', async (t) => {
  for (const seed of [1, 7, 42]) {
    const { world, rows, reader } = seeded(seed, 60);
    const candidates = new Map<string, WorldCandidate>();
    let n = 0;
    for (const c of world.candidates()) candidates.set(c.pinnedId ?? ids.opportunity(c.n), c), n++;
    const opps = rows.get('opportunity')!;
    t.equal(opps.length, n, `seed ${seed}: one opportunity per person`);
    const raws = lever.resources.candidates!.render(opps, reader, ctx);
    for (const item of raws) assertSchema(t, LeverOpportunity, item.raw, `seed ${seed} opportunity`);
    const mismatches: string[] = [];
    const check = (what: string, got: unknown, want: unknown) => {
      if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${what}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    };
    for (const raw of raws) {
      const u = lever.resources.candidates!.toUnified(raw);
      const c = candidates.get(u.id)!;
      check(`${u.id} name`, u.name, `${c.firstName} ${c.lastName}`);
      const [first, ...rest] = `${c.firstName} ${c.lastName}`.split(' ');
      check(`${u.id} first_name`, u.first_name, first);
      check(`${u.id} last_name`, u.last_name, rest.join(' '));
      check(`${u.id} is_private`, u.is_private, c.isPrivate);
      check(`${u.id} last_interaction_at`, u.last_interaction_at, isoOf(c.lastActivityAt));
      check(`${u.id} locations`, u.locations, c.addresses.map((a) => a.value));
      check(`${u.id} emails`, u.emails, c.emails.map((e) => ({ email: e.address })));
      check(`${u.id} phones`, u.phones, c.phones.map((p) => ({ number: p.extension ? `${p.number} x${p.extension}` : p.number, type: p.type })));
      check(`${u.id} urls`, u.urls, [...c.websites.map((w) => ({ url: w.url })), ...c.socials.map((url) => ({ url }))]);
      check(`${u.id} tags`, u.tags, c.tags.map((name) => ({ name })));
      check(`${u.id} created_at`, u.created_at, isoOf(c.createdAt));
      check(`${u.id} updated_at`, u.updated_at, isoOf(c.updatedAt));
      check(
        `${u.id} applications`,
        u.applications,
        c.applications.map((a) => ({
          id: a.pinnedId ?? ids.application(a.n),
          candidate: { id: u.id },
          job: { id: ids.posting(a.jobN) },
          applied_at: isoOf(a.appliedAt),
          ...(a.status === 'rejected' ? { rejected_at: isoOf(a.rejectedAt!) } : {}),
          created_at: isoOf(a.appliedAt),
        })),
      );
      // Every file of the person, resumes first (the /resumes call), then the rest (/files).
      const files = lever.resources.attachments!.render(reader.byParent('attachment', 'candidate_id', [u.id]), reader, ctx);
      const ordered = [...c.attachments.filter((f) => f.kind === 'resume'), ...c.attachments.filter((f) => f.kind !== 'resume')];
      check(
        `${u.id} attachments`,
        files.map((f) => {
          const { remote_data: _r, ...a } = lever.resources.attachments!.toUnified(f);
          return a;
        }),
        ordered.map((f) => {
          const id = f.pinnedId ?? (f.kind === 'resume' ? ids.resume(f.n) : ids.file(f.n));
          return {
            id,
            file_name: f.fileName,
            file_url: `https://files.test/${id}/${f.fileName}`,
            attachment_type: f.kind === 'resume' ? 'resume' : 'other',
            candidate: { id: u.id },
            created_at: isoOf(f.createdAt),
          };
        }),
      );
      for (const { raw: f } of files) assertSchema(t, 'file' in f ? LeverResume : LeverFile, f, 'resume or file');
    }
    t.strictSame(mismatches, [], `seed ${seed}: every declared field equals the world's value`);
  }
});

t.test('first_name and last_name: the first word of Lever\'s name, then the rest, as Truto splits it', async (t) => {
  t.strictSame(splitName('Ada Lovelace'), { first_name: 'Ada', last_name: 'Lovelace' });
  t.strictSame(splitName('Mary Ann  Smith-Jones'), { first_name: 'Mary', last_name: 'Ann Smith-Jones' }, 'the rest is the last name');
  t.strictSame(splitName('  Cher '), { first_name: 'Cher' }, 'one word: no last name');
  t.strictSame(splitName(''), {}, 'no name: neither');
});

t.test('ids are Lever UUIDs, unique per kind; dates are epoch milliseconds before the reference time', async (t) => {
  const { rows } = seeded(3, 400, []);
  for (const kind of ['opportunity', 'application', 'attachment', 'posting', 'user']) {
    const all = rows.get(kind)!.map((r) => r.id);
    t.equal(new Set(all).size, all.length, `${kind}: ids unique`);
    t.ok(all.every((id) => UUID.test(id)), `${kind}: v4 UUIDs`);
  }
  const stages = rows.get('stage')!.map((r) => r.id);
  t.ok(stages.includes('applicant-new'), "Lever's default applicant stage keeps its slug id");
  const opp = JSON.parse(rows.get('opportunity')![0]!.raw) as { createdAt: unknown; applications: unknown[] };
  t.ok(Number.isInteger(opp.createdAt) && (opp.createdAt as number) < REFERENCE_TIME, 'createdAt: integer ms');
  t.ok(opp.applications.every((a) => typeof a === 'string'), 'stored opportunities hold application ids, as Lever sends them unexpanded');
});

async function app(t: Parameters<typeof testApp>[0]): Promise<FastifyInstance> {
  return testApp(t, { candidates: 30 });
}

t.test('pinned records, by id', async (t) => {
  const a = await app(t);
  const ada = expectOk(t, await get(a, `${CANDIDATES}/${ADA}`, ACC), CandidateSchema, 'Ada');
  t.equal(ada.id, ADA);
  t.equal(ada.name, 'Ada Lovelace');
  t.strictSame([ada.first_name, ada.last_name], ['Ada', 'Lovelace'], 'first and last name, split from Lever\'s one name');
  t.strictSame(ada.emails[0], { email: 'ada.lovelace@example.com' });
  t.strictSame(ada.tags, [{ name: 'Top Talent' }, { name: 'Referral' }]);
  t.strictSame(ada.applications.map((x: { id: string }) => x.id), PINS[0]!.applications!.map((x) => x.id), 'her two applications');
  t.ok(ada.applications[1].rejected_at, 'the rejected one has rejected_at');
  t.notOk('rejected_at' in ada.applications[0], 'the active one has none');
  t.equal(ada.remote_data.headline.split(', ')[0], 'Analytical Engines Ltd', 'the headline starts with her company');

  const files = expectOk(t, await get(a, ATTACHMENTS, `${ACC}&candidate_id=${ADA}`), ListEnvelope(AttachmentSchema), 'Ada files');
  const pinnedFiles = PINS[0]!.attachments!;
  t.strictSame(
    files.result.map((f: { id: string; attachment_type: string }) => [f.id, f.attachment_type]),
    [...pinnedFiles.filter((f) => f.type === 'resume'), ...pinnedFiles.filter((f) => f.type !== 'resume')].map((f) => [f.id, f.type === 'resume' ? 'resume' : 'other']),
    'six files: her two resumes, then her four other files',
  );
  t.ok(files.result.every((f: { candidate: { id: string } }) => f.candidate.id === ADA), 'all on her opportunity');

  const grace = await get(a, ATTACHMENTS, `${ACC}&candidate_id=${GRACE}`);
  t.strictSame(grace.json().result, [], 'Grace has no files');

  const alan = expectOk(t, await get(a, `${CANDIDATES}/${ALAN}`, `${ACC}&truto_response_format=raw`), LeverSingle(LeverOpportunity), 'Alan raw');
  t.strictSame(alan.data.archived, { reason: ids.archiveReason(0), archivedAt: alan.data.applications[0].archived.archivedAt }, 'Alan: archived as Hired');
  const alanUnified = (await get(a, `${CANDIDATES}/${ALAN}`, ACC)).json();
  t.notOk('rejected_at' in alanUnified.applications[0], 'a hire is no rejection');

  const zoe = await get(a, `${CANDIDATES}/${ZOE}`, `${ACC}&truto_response_format=raw`);
  t.equal(zoe.json().data.name, "Zoë O'Brien-Núñez");
  const zoeUnified = (await get(a, `${CANDIDATES}/${ZOE}`, ACC)).json();
  t.strictSame([zoeUnified.first_name, zoeUnified.last_name], ['Zoë', "O'Brien-Núñez"], 'Zoë: first word, then the rest');
  t.ok(zoe.body.includes('Smith & Sons <Consulting>'), 'unicode, & and <> come through unescaped');
  t.equal(zoe.json().data.archived, null, 'Zoë still has live applications: not archived');
});

t.test('raw answers fit Lever’s own schemas, wrappers included', async (t) => {
  const a = await app(t);
  const single = await get(a, `${CANDIDATES}/${ADA}`, `${ACC}&truto_response_format=raw`);
  assertSchema(t, LeverSingle(LeverOpportunity), single.json(), 'GET /opportunities/:id');
  const unified = (await get(a, `${CANDIDATES}/${ADA}`, ACC)).json();
  t.strictSame(single.json(), { data: unified.remote_data }, 'raw is { data: remote_data }');

  const list = expectOk(t, await get(a, CANDIDATES, `${ACC}&limit=3&truto_response_format=debug`), ListEnvelope(CandidateSchema), 'list debug');
  assertSchema(t, LeverPage(LeverOpportunity), list.debug.data, 'GET /opportunities page');
  t.equal(list.debug.data.hasNext, true);
  t.match(list.debug.data.next, /^%5B1%2C\d+%2C%22[0-9a-f-]{36}%22%5D$/, 'next: the opaque URL-encoded token');
  const apps = list.debug.data.data.flatMap((o: { applications: LeverApplication[] }) => o.applications);
  t.ok(apps.length >= 3 && apps.every((x: LeverApplication) => typeof x === 'object'), 'applications come expanded');

  const files = await get(a, ATTACHMENTS, `${ACC}&candidate_id=${ADA}&truto_response_format=debug`);
  const page = files.json().debug.data;
  assertSchema(t, LeverPage(LeverAttachment), page, 'resumes and files page');
  t.strictSame(Object.keys(page), ['data', 'hasNext'], 'the last page has no next');
  t.equal(page.data.filter((f: object) => 'file' in f).length, 2, 'two resumes');
  for (const f of page.data) assertSchema(t, 'file' in f ? LeverResume : LeverFile, f, 'each its own shape');
  const raw = await get(a, ATTACHMENTS, `${ACC}&candidate_id=${ADA}&truto_response_format=raw`);
  t.strictSame(raw.json().result, page.data, 'raw list: the records as in the API page');
});

t.test('page size: 100 by default, clamped to 100', async (t) => {
  const a = await testApp(t, { candidates: 130 });
  for (const [q, n] of [['', 100], ['&limit=500', 100], ['&limit=7', 7]] as const) {
    const res = (await get(a, CANDIDATES, `${ACC}${q}&truto_response_format=debug`)).json();
    t.equal(res.result_count, n, `limit${q || ' (none)'}: ${n}`);
    t.equal(res.debug.requestUrl, `https://api.lever.co/v1/opportunities?limit=${n}&expand=applications`, 'Lever is asked for that many');
  }
});

t.test('debug: the calls Lever gets, its headers, and its offset token on the next page', async (t) => {
  const a = await app(t);
  const get1 = (await get(a, `${CANDIDATES}/${ADA}`, `${ACC}&truto_response_format=debug`)).json();
  t.strictSame(
    { url: get1.debug.requestUrl, options: get1.debug.requestOptions, headers: get1.debug.responseHeaders },
    { url: `https://api.lever.co/v1/opportunities/${ADA}?expand=applications`, options: { method: 'GET', headers: HEADERS }, headers: RESPONSE_HEADERS },
  );
  const p1 = (await get(a, CANDIDATES, `${ACC}&limit=2&truto_response_format=debug&created_at[gte]=2023-01-01T00:00:00Z`)).json();
  t.equal(
    p1.debug.requestUrl,
    `https://api.lever.co/v1/opportunities?limit=2&expand=applications&created_at_start=${Date.parse('2023-01-01T00:00:00Z')}`,
    'unified date filters become Lever’s ms parameters',
  );
  const p2 = (await get(a, CANDIDATES, `${ACC}&limit=2&truto_response_format=debug&created_at[gte]=2023-01-01T00:00:00Z&next_cursor=${encodeURIComponent(p1.next_cursor)}`)).json();
  t.equal(
    p2.debug.requestUrl,
    `https://api.lever.co/v1/opportunities?limit=2&offset=${p1.debug.data.next}&expand=applications&created_at_start=${Date.parse('2023-01-01T00:00:00Z')}`,
    'page 2 sends page 1’s next as offset',
  );
  const last = p1.debug.data.data[1];
  t.equal(p1.debug.data.next, encodeURIComponent(JSON.stringify([1, last.createdAt, last.id])));
  t.notSame(p2.result.map((r: { id: string }) => r.id), p1.result.map((r: { id: string }) => r.id), 'a different page');

  const expanded = (await get(a, CANDIDATES, `${ACC}&limit=1&remote_query[expand][]=stage&remote_query[expand][]=applications&remote_query[tag]=a&remote_query[limit]=9&truto_response_format=debug`)).json();
  t.equal(
    expanded.debug.requestUrl,
    'https://api.lever.co/v1/opportunities?limit=1&expand=applications&expand=stage&tag=a',
    'remote_query keys repeat as Lever reads them; its own limit and offset stay the mock’s',
  );
  const files = (await get(a, ATTACHMENTS, `${ACC}&candidate_id=${ADA}&limit=4&remote_query[foo]=bar&truto_response_format=debug`)).json();
  t.strictSame(
    { url: files.debug.requestUrl, options: files.debug.requestOptions, headers: files.debug.responseHeaders },
    { url: `https://api.lever.co/v1/opportunities/${ADA}/resumes?limit=4&foo=bar`, options: { method: 'GET', headers: HEADERS }, headers: RESPONSE_HEADERS },
  );
});

t.test('an unknown id: Lever’s own 404 body in raw_response', async (t) => {
  const a = await app(t);
  const id = '00000000-0000-4000-8000-000000000000';
  const body = { code: 'NotFoundError', message: "That opportunity doesn't exist on your account" };
  assertSchema(t, LeverError, body, 'Lever error shape');
  expectError(t, await get(a, `${CANDIDATES}/${id}`, ACC), {
    statusCode: 404,
    error: 'Not Found',
    message: body.message,
    truto_is_remote_error: true,
    raw_response: body,
    truto_error_insight: { remote_error: { description: "The error came from the integration's own API; raw_response holds its answer." } },
  });
  t.strictSame(lever.resources.attachments!.notFound('x').body, { code: 'NotFoundError', message: "That file doesn't exist on your account" });
});

t.test('attachments need candidate_id; other filters are ignored as Lever would', async (t) => {
  const a = await app(t);
  expectError(t, await get(a, ATTACHMENTS, ACC), {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Missing required query parameter: candidate_id',
    truto_error_insight: {
      missing_required_query_parameters: { description: 'The lever integration requires these query parameters for this request.', value: ['candidate_id'] },
    },
  });
  const base = (await get(a, ATTACHMENTS, `${ACC}&candidate_id=${ADA}`)).body;
  const appId = PINS[0]!.applications![1]!.id!;
  for (const extra of [`&application_id=${appId}`, '&job_id=nope', '&organization_id=org', '&expires_in=60']) {
    t.equal((await get(a, ATTACHMENTS, `${ACC}&candidate_id=${ADA}${extra}`)).body, base, `${extra.slice(1)}: ignored`);
  }
  const all = (await get(a, CANDIDATES, `${ACC}&limit=10`)).body;
  t.equal((await get(a, CANDIDATES, `${ACC}&limit=10&organization_id=org`)).body, all, 'organization_id ignored on candidates');
});

t.test('remote_query: the /opportunities filters that map to stored data', async (t) => {
  const a = await app(t);
  const every = (await get(a, CANDIDATES, `${ACC}&truto_ignore_limit=true&truto_response_format=raw`)).json().result as LeverOpportunity[];
  t.ok(every.length >= 30, 'the whole account');
  const ids = (rs: { id: string }[]) => rs.map((r) => r.id);
  const ask = async (q: string) => ids((await get(a, CANDIDATES, `${ACC}&truto_ignore_limit=true&${q}`)).json().result);
  const expectSome = async (q: string, want: LeverOpportunity[], what: string) => {
    t.ok(want.length > 0 && want.length < every.length, `${what}: a proper subset to test with`);
    t.strictSame(await ask(q), ids(want), what);
  };

  const zoe = every.find((o) => o.id === ZOE)!;
  await expectSome(`remote_query[email]=ZOE.OBRIEN@example.com`, [zoe], 'email, whatever its case');
  await expectSome(`remote_query[tag]=${encodeURIComponent('Needs Visa')}`, every.filter((o) => o.tags.includes('Needs Visa')), 'tag');
  await expectSome(`remote_query[stage_id]=applicant-new`, every.filter((o) => o.stage === 'applicant-new'), 'stage_id');
  await expectSome('remote_query[archived]=true', every.filter((o) => o.archived !== null), 'archived=true');
  await expectSome('remote_query[archived]=false', every.filter((o) => o.archived === null), 'archived=false');
  const posting = zoe.applications[0]!.posting!;
  await expectSome(`remote_query[posting_id]=${posting}`, every.filter((o) => o.applications.some((x) => x.posting === posting)), 'posting_id');
  await expectSome(`job_id=${posting}`, every.filter((o) => o.applications.some((x) => x.posting === posting)), 'unified job_id: the same posting filter');
  const mid = every[Math.floor(every.length / 2)]!;
  await expectSome(`remote_query[created_at_start]=${mid.createdAt}`, every.filter((o) => o.createdAt >= mid.createdAt), 'created_at_start (ms)');
  await expectSome(`remote_query[created_at_end]=${mid.createdAt}`, every.filter((o) => o.createdAt <= mid.createdAt), 'created_at_end (ms)');
  await expectSome(`remote_query[updated_at_start]=${mid.updatedAt}`, every.filter((o) => o.updatedAt >= mid.updatedAt), 'updated_at_start (ms)');
  await expectSome(`remote_query[updated_at_end]=${mid.updatedAt}`, every.filter((o) => o.updatedAt <= mid.updatedAt), 'updated_at_end (ms)');
  t.strictSame(await ask('remote_query[created_at_start]=2024-01-01'), ids(every), 'a date that is not epoch ms is ignored, as Lever ignores it');
  t.strictSame(await ask(`remote_query[expand]=stage&remote_query[origin]=applied&remote_query[contact_id]=${zoe.contact}`), ids(every), 'keys it cannot apply to stored data: recorded, not applied');
  t.strictSame(await ask(`remote_query[email]=nobody@example.com`), [], 'no match: empty');
});

t.test('a Lever file_url downloads its file, named as the resume or file names it', async (t) => {
  const a = await app(t);
  const files = (await get(a, ATTACHMENTS, `${ACC}&candidate_id=${ADA}&truto_response_format=raw`)).json().result as LeverAttachment[];
  t.equal(files.length, 6);
  for (const f of files) {
    const [url, name] = 'file' in f ? [f.file.downloadUrl, f.file.name] : [f.downloadUrl, f.name];
    const res = await a.inject({ url: url.replace(/^https?:\/\/[^/]+/, '') });
    t.equal(res.statusCode, 200, name);
    t.equal(res.headers['content-disposition'], `attachment; filename="${name}"; filename*=UTF-8''${name}`);
  }
});

t.test('determinism: the same seed gives the same bytes', async (t) => {
  const bodies = [];
  for (let i = 0; i < 2; i++) {
    const a = await testApp(t, { candidates: 20 });
    const list = await get(a, CANDIDATES, `${ACC}&truto_ignore_limit=true&truto_response_format=raw`);
    const files = await get(a, ATTACHMENTS, `${ACC}&candidate_id=${ADA}&truto_response_format=raw`);
    t.equal(list.headers['content-type'], JSON_CT);
    bodies.push(list.body + files.body);
  }
  t.equal(bodies[0], bodies[1]);
});
