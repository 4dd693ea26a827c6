import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { PACKAGE_ROOT } from '../src/config.js';
import { requireBuild } from './process.js';

/**
 * The package as a consumer gets it: `npm pack` (what `npm publish` uploads), unpacked into a project of its own
 * that imports `truto-ats-mock` by name and uses `createMock` from its test suite (node's own test runner here;
 * tap, vitest and jest call it the same way), and type-checks against the published declarations.
 *
 * The consumer project sits inside this repository so that the package's dependencies resolve from its
 * node_modules (the lockfile's versions) without a second install; the production install itself is what
 * test/docker-recipe.test.ts checks.
 */
t.test('npm pack → a consumer project → createMock from its test suite', async (t) => {
  requireBuild(t);
  const work = mkdtempSync(join(PACKAGE_ROOT, '.tmp-consumer-'));
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
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  writeFileSync(
    join(project, 'mock.test.mjs'),
    `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMock } from 'truto-ats-mock';

test('the mock, in process', async (t) => {
  const mock = await createMock({ seed: 7, candidates: 25 });
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
    `import { createMock, type RunningMock } from 'truto-ats-mock';
const mock: RunningMock = await createMock({ seed: 7, candidates: 10, corsOrigins: ['http://localhost:5173'] });
const url: string = mock.url;
// @ts-expect-error a setting's type is checked
await createMock({ seed: 'seven' });
await mock.close();
export { url };
`,
  );
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['typed.ts'] }),
  );
  const tsc = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], { encoding: 'utf8' });
  t.equal(tsc.status, 0, `the consumer type-checks: ${tsc.stdout}${tsc.stderr}`);

  const help = spawnSync(process.execPath, [join(installed, JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).bin['truto-ats-mock'] as string), '--help'], {
    encoding: 'utf8',
  });
  t.equal(help.status, 0, 'the bin runs');
  t.match(help.stdout, /^truto-ats-mock: a local stand-in/);
  t.match(readFileSync(join(installed, 'dist', 'src', 'server.js'), 'utf8'), /^#!\/usr\/bin\/env node\n/, 'the bin starts with its shebang');
});
