import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import t from 'tap';
import { PACKAGE_ROOT } from '../src/config.js';
import { requireBuild } from './process.js';

/**
 * The package as a consumer gets it: `npm pack` (what `npm publish` uploads), unpacked into a project of its own
 * that imports `truto-ats-mock` by name and uses `createMock` from its test suite (node's own test runner here;
 * tap, vitest and jest call it the same way), and type-checks against the published declarations.
 *
 * The consumer project sits outside this repository, with what `npm install` would give it: the package, its
 * production dependencies (linked from this repository's node_modules, the lockfile's versions, without a second
 * install) and the consumer's own @types/node. None of this repository's dev dependencies is within its reach, so
 * the declarations are type-checked as a consumer's `tsc` sees them (`skipLibCheck: false`). The production
 * install itself is what test/docker-recipe.test.ts checks.
 */
t.test('npm pack → a consumer project → createMock from its test suite', async (t) => {
  requireBuild(t);
  const work = mkdtempSync(join(tmpdir(), 'truto-consumer-'));
  t.teardown(() => rmSync(work, { recursive: true, force: true }));

  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: PACKAGE_ROOT, encoding: 'utf8' }),
  ) as [{ filename: string; files: { path: string }[] }];
  const files = packed[0].files.map((f) => f.path);
  for (const needed of ['package.json', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/server.js', 'dist/scripts/seed.js', 'fixtures/accounts.json']) {
    t.ok(files.includes(needed), `the package holds ${needed}`);
  }
  t.notOk(files.some((f) => f.startsWith('src/') || f.startsWith('test/') || f.endsWith('.db')), 'no sources, tests or databases');

  const project = join(work, 'consumer');
  const installed = join(project, 'node_modules', 'truto-ats-mock');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(work, packed[0].filename), '-C', installed, '--strip-components=1']);
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  for (const dependency of [...Object.keys(manifest.dependencies), '@types/node']) {
    const link = join(project, 'node_modules', dependency);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(PACKAGE_ROOT, 'node_modules', dependency), link, 'dir');
  }
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  writeFileSync(
    join(project, 'mock.test.mjs'),
    `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMock } from 'truto-ats-mock';

test('the mock, in process', async (t) => {
  const mock = await createMock({ seed: 7, candidates: 25, latency: 1 });
  t.after(() => mock.close());
  assert.match(mock.url, /^http:\\/\\/127\\.0\\.0\\.1:\\d+$/);
  const headers = { Authorization: \`Bearer \${mock.token}\` };
  const account = mock.accounts[0].id;
  const ada = await (await fetch(\`\${mock.url}/unified/ats/candidates/9000001003?integrated_account_id=\${account}\`, { headers })).json();
  assert.equal(ada.name, 'Ada Lovelace');
  const list = await (await fetch(\`\${mock.url}/unified/ats/attachments?integrated_account_id=\${account}&candidate_id=9000001003\`, { headers })).json();
  const file = await fetch(list.result[0].file_url);
  assert.equal(file.status, 200);
  assert.equal(file.headers.get('content-type'), 'application/pdf');
  await mock.rules.add({ match: { path: '/unified/ats/candidates/*' }, action: { type: 'error', status: 503 }, scope: { times: 1 } });
  assert.equal((await fetch(\`\${mock.url}/unified/ats/candidates/9000001003?integrated_account_id=\${account}\`, { headers })).status, 503);
  assert.deepEqual((await mock.journal.find({ path: '/unified/ats/candidates/*' })).map((e) => e.status), [200, 503]);
  await mock.reset();
  assert.deepEqual(await mock.rules.list(), []);
  console.log(JSON.stringify({ accounts: mock.accounts, files: list.result.length }));
});
`,
  );
  const run = spawnSync(process.execPath, ['--test', '--test-reporter=tap', 'mock.test.mjs'], { cwd: project, encoding: 'utf8' });
  t.equal(run.status, 0, `the consumer's test passes:\n${run.stdout}${run.stderr}`);
  t.match(run.stdout, /^# pass 1$/m);
  t.match(run.stdout, /"accounts":\[\{"id":"62f44730-dd91-461e-bd6a-aedd9e0ad79d","integration":"greenhouse","name":"Acme Robotics \(Greenhouse\)","candidates":25\},\{"id":"3f8e2a71-5c4b-4d9e-a6f0-1b2c3d4e5f60","integration":"lever",.*\],"files":6/);

  // TypeScript consumers: the declarations resolve through "exports" and type the options and the result.
  writeFileSync(
    join(project, 'typed.ts'),
    `import { createMock, type JournalEntry, type MockOptions, type Rule, type RunningMock } from 'truto-ats-mock';
const options: MockOptions = { seed: 7, candidates: 10, latency: 250, corsOrigins: ['http://localhost:5173'] };
const mock: RunningMock = await createMock(options);
const url: string = mock.url;
const rule: Rule = await mock.rules.add({ match: { path: '/unified/ats/candidates/*' }, action: { type: 'rate_limit', retry_after: 1 } });
const sent: JournalEntry[] = await mock.journal.find({ method: 'GET' });
await mock.reset({ seed: 3 });
// @ts-expect-error a setting's type is checked
await createMock({ seed: 'seven' });
// @ts-expect-error an unknown option is refused
await createMock({ candidate: 10 });
await mock.close();
export { url, rule, sent };
`,
  );
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] }, files: ['typed.ts'] }),
  );
  const tsc = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], { encoding: 'utf8' });
  t.equal(tsc.status, 0, `the consumer type-checks, every declaration it reaches included: ${tsc.stdout}${tsc.stderr}`);

  const help = spawnSync(process.execPath, [join(installed, JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).bin['truto-ats-mock'] as string), '--help'], {
    encoding: 'utf8',
  });
  t.equal(help.status, 0, 'the bin runs');
  t.match(help.stdout, /^truto-ats-mock: a local stand-in/);
  const bin = join(installed, 'dist', 'src', 'server.js');
  const version = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
  t.equal(version.stdout, `${(JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { version: string }).version}\n`, '--version');
  t.notOk(files.some((f) => f.endsWith('.tsbuildinfo') || f.endsWith('.build-stamp')), 'no build bookkeeping in the package');
  t.match(readFileSync(join(installed, 'dist', 'src', 'server.js'), 'utf8'), /^#!\/usr\/bin\/env node\n/, 'the bin starts with its shebang');
});
