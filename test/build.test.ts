import { execSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { PACKAGE_ROOT } from '../src/config.js';

/**
 * scripts/build.mjs (npm start, seed, prepare): compiles when a source changed and only then, so a restart does not
 * pay for tsc. Run on a project of two files that has this repository's build settings and compiler.
 */
t.test('compiles when the sources changed, and only then', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'truto-build-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'src'));
  mkdirSync(join(dir, 'scripts'));
  cpSync(join(PACKAGE_ROOT, 'scripts', 'build.mjs'), join(dir, 'scripts', 'build.mjs'));
  for (const file of ['tsconfig.json', 'tsconfig.build.json', 'package.json']) cpSync(join(PACKAGE_ROOT, file), join(dir, file));
  symlinkSync(join(PACKAGE_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'src', 'server.ts'), 'export const a: number = 1;\n');
  const build = () => spawnSync(process.execPath, [join(dir, 'scripts', 'build.mjs')], { cwd: dir, encoding: 'utf8' });
  const compiled = (run: ReturnType<typeof build>) => /^build: compiled in [\d.]+ s$/m.test(run.stdout);

  let run = build();
  t.equal(run.status, 0, run.stderr);
  t.ok(compiled(run) && existsSync(join(dir, 'dist', 'src', 'server.js')), 'a first build compiles');
  run = build();
  t.equal(run.stdout, '', 'nothing changed: no compile, no output');

  writeFileSync(join(dir, 'src', 'server.ts'), 'export const a: number = 2;\n');
  const later = new Date(Date.now() + 5000);
  utimesSync(join(dir, 'src', 'server.ts'), later, later);
  t.ok(compiled(build()), 'a source saved: compiled');
  t.match(readFileSync(join(dir, 'dist', 'src', 'server.js'), 'utf8'), 'a = 2');
  t.equal(build().stdout, '', 'and not again');

  writeFileSync(join(dir, 'src', 'other.ts'), 'export const b = 1;\n');
  utimesSync(join(dir, 'src', 'other.ts'), new Date(0), new Date(0));
  t.ok(compiled(build()), 'a file added (even with an old time): compiled');
  rmSync(join(dir, 'dist', 'src'), { recursive: true });
  t.ok(compiled(build()) && existsSync(join(dir, 'dist', 'src', 'server.js')), 'outputs deleted: compiled and written again');

  writeFileSync(join(dir, 'src', 'server.ts'), 'export const a: number = "x";\n');
  utimesSync(join(dir, 'src', 'server.ts'), new Date(Date.now() + 10_000), new Date(Date.now() + 10_000));
  run = build();
  t.not(run.status, 0, 'a type error fails the build');
  t.not(build().stdout, '', 'and it is tried again next time');
});

t.test("prepare: a build where the sources are, nothing before the Dockerfile's COPY of them", async (t) => {
  const { scripts } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const dir = mkdtempSync(join(tmpdir(), 'truto-prepare-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  // The Docker build stage at `RUN npm ci`: package.json and the lockfile, nothing else.
  t.doesNotThrow(() => execSync(scripts.prepare!, { cwd: dir, stdio: 'pipe' }), 'exits 0 with nothing to build');
  t.notOk(existsSync(join(dir, 'dist')), 'and builds nothing');
});
