import { spawn, spawnSync, type ChildProcessWithoutNullStreams, type SpawnSyncReturns } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
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

/** Who a process runs as: tests that need a permission to be refused run as another user than root. */
export interface As {
  uid?: number;
  gid?: number;
}

/** Runs a built script to its end. */
export function runNode(file: string, args: string[], env: NodeJS.ProcessEnv = {}, as: As = {}): SpawnSyncReturns<string> {
  const [command, ...rest] = commandLine(as, [file, ...args]);
  return spawnSync(command!, rest, { encoding: 'utf8', env: { ...cleanEnv(), ...env }, cwd: PACKAGE_ROOT, ...as });
}

/** A port that was free a moment ago, for a process whose port must be known before its banner. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

export interface RunningServer {
  url: string;
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

export type SpawnedServer = Omit<RunningServer, 'url'>;

/** Starts the built command (on a free port unless `args` name one) and resolves once its banner says where it listens. */
export async function startServer(t: Test, args: string[], env: NodeJS.ProcessEnv = {}, as: As = {}): Promise<RunningServer> {
  const spawned = spawnServer(t, args, env, as);
  const { child, exited, stderr } = spawned;
  const url = await new Promise<string>((resolve, reject) => {
    const look = () => {
      const match = /truto-ats-mock listening on (http:\/\/\S+)/.exec(spawned.stdout());
      if (match) resolve(match[1]!.replace('localhost', '127.0.0.1'));
    };
    look();
    child.stdout.on('data', look);
    void exited.then((code) => reject(new Error(`the server exited (${code}) before listening: ${stderr()}`)));
  });
  return { url, ...spawned };
}

/** Starts the built command without waiting for it: for what happens before it listens (seeding, failures). */
export function spawnServer(t: Test, args: string[], env: NodeJS.ProcessEnv = {}, as: As = {}): SpawnedServer {
  requireBuild(t);
  const [command, ...rest] = commandLine(as, [SERVER, '--port', '0', '--host', '127.0.0.1', ...args]);
  const child = spawn(command!, rest, {
    env: { ...cleanEnv(), ...env },
    cwd: PACKAGE_ROOT,
    ...as,
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  t.teardown(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  return { child, stdout: () => out, stderr: () => err, exited };
}

/**
 * `node` and its arguments. As another user, without tap's process instrumentation, which writes into the test
 * runner's own folder and is added to every child's NODE_OPTIONS, whatever its environment says.
 */
function commandLine(as: As, args: string[]): string[] {
  const other = as.uid !== undefined && as.uid !== process.getuid?.();
  return other ? ['/usr/bin/env', '-u', 'NODE_OPTIONS', process.execPath, ...args] : [process.execPath, ...args];
}

/** The environment without the settings' variables, so the machine's own PORT or LOG_LEVEL cannot leak in. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(PORT|HOST|LOG_LEVEL|LOG_FORMAT|TRUTO_MOCK_.*)$/.test(k)),
  );
}
