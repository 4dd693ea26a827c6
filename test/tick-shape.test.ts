import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import t from 'tap';
import { requireBuild, SCRIPTS } from './process.js';

const MODULE = pathToFileURL(join(SCRIPTS, '..', 'src', 'tick-shape.js')).href;

/**
 * How V8 adds each key of nextTick's record, after full collections made while no record was pending (what the
 * mock's start-up does), read from V8's own description of the function: one state per key.
 */
function nextTickStates(keep: boolean): string[] {
  const script = `
    ${keep ? `await import(${JSON.stringify(MODULE)});` : ''}
    %EnsureFeedbackVectorForFunction(process.nextTick);
    for (let i = 0; i < 8; i++) {
      for (let j = 0; j < 100; j++) process.nextTick(() => {});
      await new Promise((resolve) => setImmediate(resolve));
      gc();
    }
    process.nextTick(() => {});
    %DebugPrint(process.nextTick);
  `;
  // Without tap's NODE_OPTIONS (its TypeScript loader) and coverage: plain Node, as the command runs.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_OPTIONS' && k !== 'NODE_V8_COVERAGE'));
  // V8 writes the description through C's stdio: into a file, all of it arrives (a pipe was cut short, at times).
  const out = join(mkdtempSync(join(tmpdir(), 'tick-shape-')), 'out.txt');
  const fd = openSync(out, 'w');
  const run = spawnSync(process.execPath, ['--allow-natives-syntax', '--expose-gc', '--input-type=module', '-e', script], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', env });
  closeSync(fd);
  if (run.status !== 0) throw new Error(`the child failed: ${run.stderr}`);
  const printed = readFileSync(out, 'utf8');
  rmSync(dirname(out), { recursive: true });
  return [...printed.matchAll(/DefineKeyedOwnPropertyInLiteral (\w+)/g)].map((m) => m[1]!);
}

t.test('nextTick keeps building its records the fast way, however many full collections the start-up makes', async (t) => {
  requireBuild(t);
  t.strictSame(nextTickStates(true), ['MONOMORPHIC', 'MONOMORPHIC', 'MONOMORPHIC', 'MONOMORPHIC'], 'with one record kept');
  // What the module prevents, on this Node: the test would not tell anything if it did not happen without it.
  t.ok(nextTickStates(false).includes('MEGAMORPHIC'), 'without it, V8 gives up on the keys after the collections');
});

t.test('the command loads it before anything else', async (t) => {
  requireBuild(t);
  const server = readFileSync(join(SCRIPTS, '..', 'src', 'server.js'), 'utf8');
  t.equal(server.match(/^import .*$/m)?.[0], "import './tick-shape.js';");
});
