import type { TObject } from '@sinclair/typebox';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { buildApp } from '../src/app.js';
import { DEFAULT_FIXTURES, PACKAGE_ROOT } from '../src/config.js';
import { FixturesError, FixturesSchema, loadFixtures } from '../src/seed/fixtures.js';
import { AUTH } from './helpers.js';
import { runNode, SERVER, requireBuild } from './process.js';

/** The fixtures file is checked strictly (a field it does not know is refused, by name) and documented in full. */

const tmp = mkdtempSync(join(tmpdir(), 'truto-fixtures-'));
t.teardown(() => rmSync(tmp, { recursive: true, force: true }));

type Json = { accounts: Record<string, unknown>[] };
const defaults = () => JSON.parse(readFileSync(DEFAULT_FIXTURES, 'utf8')) as Json;
const pinnedAda = (data: Json) => ((data.accounts[0]!.pinned as { candidates: Record<string, unknown>[] }).candidates[0]!);

function written(name: string, data: unknown): string {
  const path = join(tmp, name);
  writeFileSync(path, JSON.stringify(data, null, 2));
  return path;
}

const CANDIDATE_FIELDS = 'id, first_name, last_name, email, company, title, tags, applications, attachments';

t.test('an unknown field is refused with its name, its path and the fields allowed there', async (t) => {
  const phone = defaults();
  pinnedAda(phone).phone = '+44 20 7946 0000';
  const phonePath = written('phone.json', phone);
  t.throws(() => loadFixtures(phonePath), new FixturesError(
    `fixtures ${phonePath}: unknown field "phone" at /accounts/0/pinned/candidates/0/phone; the fields there are ${CANDIDATE_FIELDS} (docs/fixtures.md)`,
  ));

  const fileName = defaults();
  (pinnedAda(fileName).attachments as Record<string, unknown>[])[1]!.file_name = 'My_CV.pdf';
  const fileNamePath = written('file-name.json', fileName);
  t.throws(() => loadFixtures(fileNamePath), new FixturesError(
    `fixtures ${fileNamePath}: unknown field "file_name" at /accounts/0/pinned/candidates/0/attachments/1/file_name; the fields there are id, type, application (docs/fixtures.md)`,
  ));

  const typo = defaults();
  typo.accounts[2]!.candidate = 10;
  const typoPath = written('typo.json', typo);
  t.throws(() => loadFixtures(typoPath), new FixturesError(
    `fixtures ${typoPath}: unknown field "candidate" at /accounts/2/candidate (did you mean "candidates"?); the fields there are id, integration, name, candidates, pinned, sandbox, variables (docs/fixtures.md)`,
  ));

  const top = written('top.json', { ...defaults(), version: 2 });
  t.throws(() => loadFixtures(top), { message: `fixtures ${top}: unknown field "version" at /version; the fields there are accounts (docs/fixtures.md)` });
});

t.test('at start-up: exit 2 with the message; on reload: refused, the data served unchanged', async (t) => {
  requireBuild(t);
  const bad = defaults();
  pinnedAda(bad).phone = '+44 20 7946 0000';
  const path = written('start.json', bad);
  const run = runNode(SERVER, ['--db', ':memory:', '--fixtures', path, '--port', '0']);
  t.equal(run.status, 2, 'exit 2');
  t.equal(run.stderr, `fixtures ${path}: unknown field "phone" at /accounts/0/pinned/candidates/0/phone; the fields there are ${CANDIDATE_FIELDS} (docs/fixtures.md)\n`);

  const served = written('served.json', defaults());
  const app = await buildApp({ db: ':memory:', logLevel: 'silent', candidates: 10, fixtures: served });
  t.teardown(() => app.close());
  written('served.json', bad);
  await t.rejects(app.mock.dataset.reload(), { message: /unknown field "phone" at \/accounts\/0\/pinned\/candidates\/0\/phone/ });
  const ada = await app.inject({ url: '/unified/ats/candidates/9000001003?integrated_account_id=62f44730-dd91-461e-bd6a-aedd9e0ad79d', headers: AUTH });
  t.equal(ada.statusCode, 200, 'the data served stays as it was');
});

const docs = readFileSync(join(PACKAGE_ROOT, 'docs', 'fixtures.md'), 'utf8');

t.test('docs/fixtures.md names every field of the schema', async (t) => {
  const account = FixturesSchema.properties.accounts.items;
  const candidate = (account.properties.pinned as unknown as TObject).properties.candidates as unknown as { items: TObject };
  const pin = candidate.items;
  const objects: [string, TObject][] = [
    ['the file', FixturesSchema],
    ['an account', account],
    ['a pinned candidate', pin],
    ['an application', (pin.properties.applications as unknown as { items: TObject }).items],
    ['an attachment', (pin.properties.attachments as unknown as { items: TObject }).items],
  ];
  for (const [what, schema] of objects) {
    t.equal(schema.additionalProperties, false, `${what}: closed`);
    for (const field of Object.keys(schema.properties)) t.match(docs, `\`${field}\``, `${what}: \`${field}\` is documented`);
  }
});

t.test("docs/fixtures.md's example is served: a candidate with two applications and a résumé", async (t) => {
  const example = /## Example[^\n]*\n\n```json\n([\s\S]*?)\n```/.exec(docs)?.[1];
  t.ok(example, 'the example is there');
  const path = written('example.json', JSON.parse(example!));
  const app = await buildApp({ db: ':memory:', logLevel: 'silent', fixtures: path });
  t.teardown(() => app.close());
  const account = 'integrated_account_id=0b7a5c1e-1111-4c2d-8e3f-000000000001';
  const res = await app.inject({ url: `/unified/ats/candidates/7000001003?${account}`, headers: AUTH });
  t.equal(res.statusCode, 200);
  const katherine = res.json() as { first_name: string; last_name: string; applications: { id: string }[]; emails: { email: string }[] };
  t.equal(`${katherine.first_name} ${katherine.last_name}`, 'Katherine Johnson');
  t.strictSame(katherine.applications.map((a) => a.id), ['7100001003', '7100002003']);
  t.equal(katherine.emails[0]!.email, 'katherine.johnson@example.com');
  const files = await app.inject({ url: `/unified/ats/attachments?${account}&candidate_id=7000001003`, headers: AUTH });
  const result = (files.json() as { result: unknown[] }).result;
  t.equal(result.length, 1, 'one file');
  t.match(result[0], { id: '7200001003', attachment_type: 'resume', file_name: 'Katherine_Johnson_Resume.pdf', application: { id: '7100001003' } });
  const all = await app.inject({ url: `/unified/ats/candidates?${account}&limit=100`, headers: AUTH });
  t.equal((all.json() as { result_count: number }).result_count, 50, 'its 50 candidates, the pinned one among them');
});
