import type { TSchema } from '@sinclair/typebox';
import t from 'tap';
import { DEFAULT_FIXTURES } from '../src/config.js';
import { ids, SPI } from '../src/integrations/workable/ids.js';
import { workable } from '../src/integrations/workable/index.js';
import { GET_ONLY_FIELDS } from '../src/integrations/workable/mapping.js';
import {
  WorkableCandidate,
  WorkableCandidateAnswer,
  WorkableCandidateListItem,
  WorkableCandidatesPage,
  WorkableError,
} from '../src/integrations/workable/raw.js';
import { workableSeed } from '../src/integrations/workable/seed.js';
import type { AccountReader, RenderContext } from '../src/integrations/types.js';
import { CandidateSchema } from '../src/model/candidate.js';
import { ListEnvelope } from '../src/model/list.js';
import { loadFixtures } from '../src/seed/fixtures.js';
import { buildWorld, type WorldCandidate } from '../src/seed/world.js';
import type { RecordRow } from '../src/store/records.js';
import { assertSchema, ATTACHMENTS, CANDIDATES, expectError, expectOk, get, testApp } from './helpers.js';

/** Workable: a candidate per job, hex ids, the list's summary beside the get's record, since_id paging. */
const WK = '886313e1-3b8a-4372-9b90-0c9aee199e5d';
const ACC = `integrated_account_id=${WK}`;
const PINNED = loadFixtures(DEFAULT_FIXTURES).fixtures.accounts.find((a) => a.id === WK)!.pinned!.candidates!;
const secs = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();
const LIST_KEYS = Object.keys(WorkableCandidateListItem.properties);
const RESPONSE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'x-rate-limit-limit': '10',
  'x-rate-limit-remaining': '9',
  'x-rate-limit-reset': '1768478410',
};
const OPTIONS = { method: 'GET', headers: { Authorization: 'Bearer <redacted>', Accept: 'application/json' } };

/** The seed's rows in memory, read as the store would read them. */
function memoryReader(world: ReturnType<typeof buildWorld>) {
  const rows = new Map<string, RecordRow[]>();
  let seq = 0;
  for (const { kind, record } of workableSeed(world)) {
    const { keys: _keys, ...row } = record;
    const list = rows.get(kind) ?? [];
    list.push({ seq: ++seq, ...row });
    rows.set(kind, list);
  }
  const reader: AccountReader = {
    get: (kind, id) => rows.get(kind)?.find((r) => r.id === id),
    byParent: (kind, column, ids) => (rows.get(kind) ?? []).filter((r) => ids.includes(r[column]!)),
  };
  return { rows, reader };
}

const ctx: RenderContext = { fileUrl: (id, name) => `http://files.test/${id}/${name}` };

/** What Workable's records say of one world application, unified: the list's fields, and the get's on top. */
function expected(world: ReturnType<typeof buildWorld>, c: WorldCandidate, index: number, full: boolean) {
  const a = c.applications[index]!;
  const id = (index === 0 ? c.pinnedId : undefined) ?? a.pinnedId ?? ids.candidate(a.n);
  const job = { id: ids.shortcode(a.jobN) };
  const files = c.attachments.filter((f) => f.applicationN === a.n || (index === 0 && f.applicationN === undefined));
  const updated = secs(Math.max(a.lastActivityAt, ...files.map((f) => f.createdAt)));
  const stage = a.status === 'hired' ? 'Hired' : world.stages.get(a.stageN)!.stage.name;
  const resume = files.find((f) => f.subtype === 'resume');
  const fileId = (f: { n: number; pinnedId?: string }) => f.pinnedId ?? ids.file(f.n);
  return {
    id,
    first_name: c.firstName,
    last_name: c.lastName,
    name: `${c.firstName} ${c.lastName}`,
    title: c.title,
    locations: c.addresses.slice(0, 1).map((x) => x.value),
    emails: [{ email: c.emails[0]!.address }],
    phones: [{ number: c.phones[0]!.number }],
    ...(full
      ? {
          urls: c.socials.map((url) => ({ url, type: 'linkedin' })),
          tags: c.tags.map((name) => ({ name })),
          attachments: resume
            ? [{ id: fileId(resume), file_url: `http://files.test/${fileId(resume)}/${resume.fileName}`, attachment_type: 'resume', candidate: { id }, application: { id }, job }]
            : [],
        }
      : {}),
    applications: [
      {
        id,
        candidate: { id },
        job,
        applied_at: secs(a.appliedAt),
        ...(full && a.rejectedAt !== undefined ? { rejected_at: secs(a.rejectedAt) } : {}),
        ...(a.rejectReasonN !== undefined ? { reject_reason: world.rejectReasons[a.rejectReasonN - 1]!.name } : {}),
        source: { name: world.sources[a.sourceN - 1]!.name },
        current_stage: { id: stage.toLowerCase().replace(/ /g, '-'), name: stage, job },
        created_at: secs(a.appliedAt),
        updated_at: updated,
      },
    ],
    created_at: secs(a.appliedAt),
    updated_at: updated,
  };
}

function leafPaths(value: unknown, prefix: string, out: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) leafPaths(item, prefix, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== 'remote_data') leafPaths(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) out.add(prefix);
  return out;
}

t.test('property: the raw rendering of a generated world maps back to every field Workable has', async (t) => {
  const res = workable.resources.candidates!;
  for (const seed of [1, 7, 2024]) {
    const world = buildWorld(seed, WK, 60, PINNED);
    const { rows, reader } = memoryReader(world);
    const byId = new Map(rows.get('candidate')!.map((r) => [r.id, r]));
    const listed = new Set<string>();
    const fetched = new Set<string>();
    let checked = 0;
    for (const c of world.candidates()) {
      for (const index of c.applications.keys()) {
        const want = expected(world, c, index, false);
        const row = byId.get(want.id)!;
        const item = res.render([row], reader, ctx)[0]!;
        assertSchema(t, WorkableCandidateListItem, item.raw, `${want.id} list item`);
        const { remote_data: _l, ...fromList } = res.toUnified(item);
        const full = res.renderOne!(row, reader, ctx);
        assertSchema(t, WorkableCandidate, full.raw, `${want.id} full record`);
        const { remote_data: _f, ...fromGet } = res.toUnified(full);
        if (
          !t.strictSame(fromList, want, `seed ${seed} ${want.id}: listed`) ||
          !t.strictSame(fromGet, expected(world, c, index, true), `seed ${seed} ${want.id}: fetched`)
        ) return;
        leafPaths(fromList, '', listed);
        leafPaths(fromGet, '', fetched);
        checked++;
      }
      for (const f of c.attachments) {
        const row = reader.get('attachment', f.pinnedId ?? ids.file(f.n))!;
        const { remote_data: _r, ...unified } = workable.resources.attachments!.toUnified(workable.resources.attachments!.render([row], reader, ctx)[0]!);
        const owner = row.candidate_id!;
        t.strictSame(unified, {
          id: row.id,
          file_name: f.fileName,
          file_url: `http://files.test/${row.id}/${f.fileName}`,
          attachment_type: f.kind,
          candidate: { id: owner },
          application: { id: owner },
          job: { id: JSON.parse(byId.get(owner)!.raw).job.shortcode },
        }, `seed ${seed} file ${row.id}`);
      }
    }
    t.ok(checked > 60, `seed ${seed}: ${checked} candidates checked`);
    t.strictSame([...listed].sort(), [...workable.resources.candidates!.fields].sort(), `seed ${seed}: a listed candidate fills exactly fields.candidates`);
    const getFields = [...workable.resources.candidates!.fields, ...GET_ONLY_FIELDS].sort();
    t.strictSame([...fetched].sort(), getFields, `seed ${seed}: a fetched one adds exactly GET_ONLY_FIELDS`);
  }
});

t.test('raw answers fit Workable\'s own schemas, wrappers included; list and get differ as Workable\'s do', async (t) => {
  const app = await testApp(t);
  const raw = expectOk(t, await get(app, `${CANDIDATES}/ada1ace`, `${ACC}&truto_response_format=raw`), WorkableCandidateAnswer, 'get raw');
  t.strictSame(Object.keys(raw), ['candidate'], 'get: { candidate: {…} }');
  t.equal(raw.candidate.id, 'ada1ace');
  const list = expectOk(t, await get(app, CANDIDATES, `${ACC}&limit=5&truto_response_format=raw`), ListEnvelope(WorkableCandidateListItem as TSchema), 'list raw');
  for (const item of list.result) t.strictSame(Object.keys(item), LIST_KEYS, `list item ${item.id}: the summary's keys, in order`);
  const debug = expectOk(t, await get(app, CANDIDATES, `${ACC}&limit=5&truto_response_format=debug`), ListEnvelope(CandidateSchema), 'list debug');
  assertSchema(t, WorkableCandidatesPage, debug.debug.data, 'debug.data: { candidates, paging }');
  t.strictSame(debug.debug.data.candidates, list.result, 'debug.data.candidates: the raw page');
  // Truto serves Workable's files by download only: no list of them.
  t.equal((await get(app, ATTACHMENTS, `${ACC}&candidate_id=ada1ace&truto_response_format=debug`)).statusCode, 404, 'no attachments list');
  // The get's record is the stored one with its résumé link; the list's holds the résumé's metadata instead.
  const one = (await get(app, CANDIDATES, `${ACC}&limit=1&truto_response_format=raw`)).json().result[0];
  t.strictSame(one.resume_metadata, { filename: 'Ada_Lovelace_Resume.docx', filetype: 'docx', created_at: one.resume_metadata.created_at, updated_at: one.resume_metadata.created_at });
  t.match(one.resume_metadata.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, 'whole seconds');
  t.match(raw.candidate.resume_url, /^http:\/\/localhost(:80)?\/files\/886313e1-3b8a-4372-9b90-0c9aee199e5d\/f11ea01\/Ada_Lovelace_Resume\.docx\?signature=/);
  const download = await app.inject({ method: 'GET', url: raw.candidate.resume_url.replace(/^http:\/\/[^/]+/, '') });
  t.equal(download.statusCode, 200, 'resume_url downloads');
});

t.test('page size: 50 by default, at most 100', async (t) => {
  const app = await testApp(t, { candidates: 90 });
  const page = (q: string) => get(app, CANDIDATES, `${ACC}${q}&truto_response_format=debug`).then((r) => r.json());
  const first = await page('');
  t.equal(first.result_count, 50);
  t.equal(first.debug.requestUrl, `${SPI}/candidates?limit=50`);
  const clamped = await page('&limit=500');
  t.equal(clamped.result_count, 100);
  t.equal(clamped.debug.requestUrl, `${SPI}/candidates?limit=100`);
});

t.test('unknown ids: Workable\'s own 404 body as raw_response', async (t) => {
  const app = await testApp(t);
  const body = {
    statusCode: 404,
    error: 'Not Found',
    message: 'Not found',
    truto_is_remote_error: true,
    raw_response: { error: 'Not found' },
    truto_error_insight: { remote_error: { description: "The error came from the integration's own API; raw_response holds its answer." } },
  };
  for (const id of ['fffffff', '9000001003', 'ADA1ACE']) {
    const res = await get(app, `${CANDIDATES}/${id}`, ACC);
    expectError(t, res, body, `candidate ${id}`);
    assertSchema(t, WorkableError, res.json().raw_response, 'raw_response: Workable\'s error shape');
  }
});

t.test('debug: the SPI call, its options and rate-limit headers; since_id pages from the cursor', async (t) => {
  const app = await testApp(t);
  const one = (await get(app, `${CANDIDATES}/20e0002`, `${ACC}&truto_response_format=debug`)).json();
  t.strictSame(
    { requestUrl: one.debug.requestUrl, requestOptions: one.debug.requestOptions, responseHeaders: one.debug.responseHeaders },
    { requestUrl: `${SPI}/candidates/20e0002`, requestOptions: OPTIONS, responseHeaders: RESPONSE_HEADERS },
  );
  const first = (await get(app, CANDIDATES, `${ACC}&limit=3&truto_response_format=debug`)).json();
  t.strictSame(first.result.map((c: { id: string }) => c.id), ['ada1ace', 'ada2ace', '9ace001']);
  t.equal(first.debug.requestUrl, `${SPI}/candidates?limit=3`);
  t.strictSame(first.debug.requestOptions, OPTIONS);
  t.strictSame(first.debug.responseHeaders, RESPONSE_HEADERS);
  t.strictSame(first.debug.data.paging, { next: `${SPI}/candidates?limit=3&since_id=9ace002` }, 'paging.next: since_id just above the last id');
  const second = (await get(app, CANDIDATES, `${ACC}&limit=3&next_cursor=${first.next_cursor}&truto_response_format=debug`)).json();
  t.equal(second.debug.requestUrl, `${SPI}/candidates?limit=3&since_id=9ace002`, 'the next page is asked with that since_id');
  t.strictSame(second.result.map((c: { id: string }) => c.id), ['a1a7001', '20e0001', '20e0002']);
  // One job: Workable's own path for it, the unified job_id being the shortcode.
  const shortcode = second.result[2].applications[0].job.id;
  const job = (await get(app, CANDIDATES, `${ACC}&job_id=${shortcode}&created_at[gte]=2020-01-01T00:00:00.5Z&truto_response_format=debug`)).json();
  t.equal(job.debug.requestUrl, `${SPI}/jobs/${shortcode}/candidates?limit=50&created_after=2020-01-01T00%3A00%3A00Z`);
  t.ok(job.result.length > 0 && job.result.every((c: { applications: { job: { id: string } }[] }) => c.applications[0]!.job.id === shortcode), 'only that job\'s candidates');
  // A whole list walks past every page without since_id.
  const all = (await get(app, CANDIDATES, `${ACC}&truto_ignore_limit=true&truto_response_format=debug`)).json();
  t.equal(all.debug.requestUrl, `${SPI}/candidates?limit=50`);
  t.equal(all.debug.data.length, all.result.length);
  // The last page has no paging.next.
  const last = (await get(app, CANDIDATES, `${ACC}&remote_query[email]=zoe.obrien@example.com&truto_response_format=debug`)).json();
  t.strictSame(last.debug.data, { candidates: last.result.map((c: { remote_data: unknown }) => c.remote_data) }, 'no paging on the last page');
  t.equal(last.next_cursor, null);
  // A since_id of the client's own is passed on; past the first page the cursor's replaces it.
  const own = (await get(app, CANDIDATES, `${ACC}&limit=2&remote_query[since_id]=270001b1&truto_response_format=debug`)).json();
  t.equal(own.debug.requestUrl, `${SPI}/candidates?limit=2&since_id=270001b1`);
  const next = (await get(app, CANDIDATES, `${ACC}&limit=2&remote_query[since_id]=270001b1&next_cursor=${own.next_cursor}&truto_response_format=debug`)).json();
  t.equal(next.debug.requestUrl, `${SPI}/candidates?limit=2&since_id=ada2acf`);
});

t.test('remote_query: shortcode, stage, email, created_after, updated_after', async (t) => {
  const app = await testApp(t);
  const ids = async (q: string) => (await get(app, CANDIDATES, `${ACC}&truto_ignore_limit=true&${q}`)).json().result.map((c: { id: string }) => c.id);
  const records = async (q: string) => (await get(app, CANDIDATES, `${ACC}&truto_ignore_limit=true&${q}`)).json().result;
  const all = await records('');
  t.strictSame(await ids('remote_query[email]=ADA.Lovelace@example.com'), ['ada1ace', 'ada2ace'], 'email, whatever its case');
  const hired = all.filter((c: { applications: { current_stage: { name: string } }[] }) => c.applications[0]!.current_stage.name === 'Hired').map((c: { id: string }) => c.id);
  t.ok(hired.includes('a1a7001'));
  t.strictSame(await ids('remote_query[stage]=hired'), hired, 'stage by slug');
  t.strictSame(await ids('remote_query[stage]=Hired&remote_query[email]=alan.turing@example.com'), ['a1a7001'], 'stage and email');
  t.strictSame(await ids('remote_query[stage]=hired&remote_query[email]=ada.lovelace@example.com'), [], 'stage and email, none');
  const shortcode = all[0].applications[0].job.id;
  t.strictSame(await ids(`remote_query[shortcode]=${shortcode}`), all.filter((c: { applications: { job: { id: string } }[] }) => c.applications[0]!.job.id === shortcode).map((c: { id: string }) => c.id), 'shortcode');
  const mid = all[Math.floor(all.length / 2)];
  t.strictSame(await ids(`remote_query[created_after]=${mid.created_at}`), all.filter((c: { created_at: string }) => c.created_at > mid.created_at).map((c: { id: string }) => c.id), 'created_after');
  t.strictSame(await ids(`remote_query[updated_after]=${mid.updated_at}`), all.filter((c: { updated_at: string }) => c.updated_at > mid.updated_at).map((c: { id: string }) => c.id), 'updated_after');
  const debug = (await get(app, CANDIDATES, `${ACC}&remote_query[stage]=hired&remote_query[email]=a%40b.c&truto_response_format=debug`)).json();
  t.equal(debug.debug.requestUrl, `${SPI}/candidates?limit=50&stage=hired&email=a%40b.c`, 'remote_query passed on as given');
});

t.test('pinned people, with Workable ids: a candidate per job', async (t) => {
  const app = await testApp(t);
  const one = async (id: string) => expectOk(t, await get(app, `${CANDIDATES}/${id}`, ACC), CandidateSchema, id);
  // The files stored for a candidate (Truto lists none of Workable's: they are reached by download only).
  const files = async (id: string) => app.mock.accounts.get(WK).reader.byParent('attachment', 'candidate_id', [id]).map((r) => r.id);
  const ada = await one('ada1ace');
  const ada2 = await one('ada2ace');
  t.equal(ada.name, 'Ada Lovelace');
  t.strictSame(ada.emails, [{ email: 'ada.lovelace@example.com' }]);
  t.strictSame(ada.tags, [{ name: 'Top Talent' }, { name: 'Referral' }]);
  t.equal(ada.remote_data.originating_candidate_id, null);
  t.equal(ada2.remote_data.originating_candidate_id, 'ada1ace', 'her second job points back to the first');
  t.equal(ada2.remote_data.disqualified, true);
  t.ok(ada2.applications[0].rejected_at && ada2.applications[0].reject_reason, 'rejected, with date and reason');
  t.strictSame(await files('ada1ace'), ['f11ea01', 'f11ea02', 'f11ea04', 'f11ea05', 'f11ea06'], 'files of her first job and her profile');
  t.strictSame(await files('ada2ace'), ['f11ea03']);
  const grace = await one('9ace001');
  t.strictSame(grace.attachments, []);
  t.equal(grace.remote_data.resume_url, null);
  t.strictSame(await files('9ace001'), []);
  const alan = await one('a1a7001');
  t.equal(alan.applications[0].current_stage.name, 'Hired');
  t.equal(alan.remote_data.stage_kind, 'hired');
  t.match(alan.remote_data.hired_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  t.strictSame(alan.attachments.map((a: { id: string }) => a.id), ['f11ec01']);
  for (const id of ['20e0001', '20e0002', '20e0003']) {
    const zoe = await one(id);
    t.equal(zoe.last_name, "O'Brien-Núñez");
    t.equal(zoe.remote_data.experience_entries[0].company, 'Smith & Sons <Consulting>', 'the company lives in her experience');
    t.equal(zoe.company, undefined, 'Workable has no company field');
  }
  t.strictSame(await files('20e0002'), ['f11ed01']);
  t.strictSame(await files('20e0003'), ['f11ed02']);
});

t.test('filters Workable does not have are ignored', async (t) => {
  const app = await testApp(t);
  const body = async (path: string, q: string) => (await get(app, path, `${ACC}&limit=7${q}`)).body;
  const candidates = await body(CANDIDATES, '');
  t.equal(await body(CANDIDATES, '&organization_id=x&candidate_id=ada1ace&application_id=y&expires_in=5'), candidates, 'candidates');
});

t.test('determinism: the same seed gives the same bytes', async (t) => {
  const a = await testApp(t, { seed: 5 });
  const b = await testApp(t, { seed: 5 });
  for (const [path, q] of [[CANDIDATES, '&limit=100&truto_response_format=raw'], [`${CANDIDATES}/a1a7001`, '&truto_response_format=debug'], [`${CANDIDATES}/ada1ace`, '']] as const) {
    const x = await get(a, path, `${ACC}${q}`);
    t.equal(x.statusCode, 200);
    t.equal(x.body, (await get(b, path, `${ACC}${q}`)).body, `${path}${q}`);
  }
  const world = () => [...workableSeed(buildWorld(3, WK, 30, PINNED))].map((r) => JSON.stringify(r)).join('\n');
  t.equal(world(), world(), 'the seed itself');
});
