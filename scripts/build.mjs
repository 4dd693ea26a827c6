#!/usr/bin/env node
// Compiles src/ and scripts/ into dist/ unless dist/ is already built from these very sources: `npm start`,
// `npm run seed` and `prepare` (a git install, `npm ci`) run it, so a restart does not pay for a full `tsc`.
// Plain JavaScript, not TypeScript: it is what makes the compiler's output exist.
//
// dist/ is stale when the newest modification time of the sources and build settings, or their list (a file
// added, deleted or renamed), differs from what dist/.build-stamp recorded at the last compile. The compile itself
// is incremental (tsconfig.build.json keeps its .tsbuildinfo inside dist/, so deleting dist/ also forgets it).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.build-stamp');

function sources(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const inputs = [
  ...sources(join(root, 'src')),
  ...sources(join(root, 'scripts')),
  ...['package.json', 'tsconfig.json', 'tsconfig.build.json'].map((f) => join(root, f)),
].sort();
// Taken before compiling: a file saved during the compile makes the next run compile again.
const state = JSON.stringify({ newest: Math.max(...inputs.map((f) => statSync(f).mtimeMs)), files: inputs.map((f) => relative(root, f)) });

const fresh = existsSync(stamp) && existsSync(join(root, 'dist', 'src', 'server.js')) && readFileSync(stamp, 'utf8') === state;
if (fresh && !process.argv.includes('--force')) process.exit(0);

// An incremental compile trusts its .tsbuildinfo: with outputs deleted beside it, it would not write them again.
if (!existsSync(join(root, 'dist', 'src', 'server.js'))) rmSync(join(root, 'dist', 'tsconfig.build.tsbuildinfo'), { force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const started = Date.now();
const run = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
writeFileSync(stamp, state);
console.log(`build: compiled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
