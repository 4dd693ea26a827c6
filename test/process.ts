import { spawn, spawnSync, type ChildProcessWithoutNullStreams, type SpawnSyncReturns } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Test } from 'tap';
import { PACKAGE_ROOT } from '../src/config.js';

/**
 * The built command, as `npx truto-ats-mock` runs it. `npm test` builds before tap runs; when running one test
 * file by hand, `npm run build` first.
 */
export const SERVER = join(PACKAGE_ROOT, 'dist', 'src', 'server.js');
export const SCRIPTS = join(PACKAGE_ROOT, 'dist', 'scripts');

export function requireBuild(t: Test): void {
  if (!existsSync(SERVER)) t.fail('dist/ is missing: npm test builds it; run `npm run build` before a single test file');
}

/** Runs a built script to its end. */
export function runNode(file: string, args: string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [file, ...args], { encoding: 'utf8', env: { ...cleanEnv(), ...env }, cwd: PACKAGE_ROOT });
}

export interface RunningServer {
  url: string;
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** Starts the built command on a free port and resolves once its banner says where it listens. */
export async function startServer(t: Test, args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  requireBuild(t);
  const child = spawn(process.execPath, [SERVER, '--port', '0', '--host', '127.0.0.1', ...args], {
    env: { ...cleanEnv(), ...env },
    cwd: PACKAGE_ROOT,
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  t.teardown(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const url = await new Promise<string>((resolve, reject) => {
    const look = () => {
      const match = /truto-ats-mock listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!.replace('localhost', '127.0.0.1'));
    };
    child.stdout.on('data', look);
    void exited.then((code) => reject(new Error(`the server exited (${code}) before listening: ${err}`)));
  });
  return { url, child, stdout: () => out, stderr: () => err, exited };
}

/** The environment without the settings' variables, so the machine's own PORT or LOG_LEVEL cannot leak in. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(PORT|HOST|LOG_LEVEL|LOG_FORMAT|TRUTO_MOCK_.*)$/.test(k)),
  );
}
