import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { PACKAGE_ROOT } from '../src/config.js';
import { requireBuild, SERVER } from './process.js';

/**
 * The mock is served with Node flags that hold its memory down (the young generation's size, how far the old one
 * grows): `npm start` and the image's CMD give the same ones, and Node accepts them.
 */
const startScript = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
const nodeFlags = (words: string[]) => words.filter((w) => w.startsWith('--') && w !== '--enable-source-maps');

t.test('npm start and the Dockerfile CMD run the server with the same Node flags', async (t) => {
  const start = startScript.split(/\s+/);
  t.equal(start[0], 'node');
  t.equal(start[start.length - 1], 'dist/src/server.js');
  const cmdLine = readFileSync(join(PACKAGE_ROOT, 'Dockerfile'), 'utf8')
    .split('\n')
    .filter((l) => /^CMD \[/.test(l))
    .pop();
  t.ok(cmdLine, 'the Dockerfile has an exec-form CMD');
  const cmd = JSON.parse(cmdLine!.replace(/^CMD /, '')) as string[];
  t.equal(cmd[0], 'node');
  t.equal(cmd[cmd.length - 1], 'dist/src/server.js');
  t.strictSame(nodeFlags(cmd), nodeFlags(start), 'the same flags');
  t.strictSame(nodeFlags(start), ['--max-semi-space-size=4', '--heap-growing-percent=50']);
});

t.test('a server started with those flags serves', async (t) => {
  requireBuild(t);
  const child = spawn(process.execPath, [...nodeFlags(startScript.split(/\s+/)), SERVER, '--db', ':memory:', '--candidates', '5', '--port', '0', '--host', '127.0.0.1', '--log-level', 'warn'], {
    cwd: PACKAGE_ROOT,
  });
  t.teardown(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  let out = '';
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const match = /truto-ats-mock listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!.replace('localhost', '127.0.0.1'));
    });
    child.on('exit', (code) => reject(new Error(`exited ${code} before listening: ${err}`)));
  });
  const health = await fetch(`${url}/health`);
  t.equal(health.status, 200);
  t.strictSame(await health.json(), { status: 'ok', accounts: 6 });
  t.equal(err, '', 'Node printed nothing about its flags');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  t.equal(await exited, 0);
});
