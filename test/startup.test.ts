import Database from 'better-sqlite3';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { AUTH, GH } from './helpers.js';
import { freePort, runNode, SCRIPTS, SERVER, requireBuild, spawnServer, startServer, type As } from './process.js';

/**
 * The command as a process, around its start and its stop: what it says when it cannot start, what the port
 * answers while it seeds, and what a signal does at each moment.
 */
const tmp = mkdtempSync(join(tmpdir(), 'truto-mock-startup-'));
t.teardown(() => rmSync(tmp, { recursive: true, force: true }));

const DB = 'invalid setting db (--db / TRUTO_MOCK_DB): ';
const accountsFile = (accounts: object[]) => {
  const file = join(tmp, `fixtures-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ accounts }));
  return file;
};
const greenhouse = { id: 'gh-1', integration: 'greenhouse', name: 'Solo (Greenhouse)', candidates: 10 };

t.test('a start that cannot succeed says why and how to fix it, with exit code 2 and no stack trace', async (t) => {
  requireBuild(t);
  const notSqlite = join(tmp, 'random.db');
  const randomBytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  writeFileSync(notSqlite, randomBytes);
  const otherApp = join(tmp, 'other-app.db');
  const other = new Database(otherApp);
  other.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users (name) VALUES ('Alice')");
  other.close();
  const otherBytes = readFileSync(otherApp);
  const duplicates = accountsFile([
    { ...greenhouse, pinned: { candidates: [{ id: '7', first_name: 'A', last_name: 'B' }, { id: '7', first_name: 'C', last_name: 'D' }] } },
  ]);

  const cases: [string, string[], string][] = [
    ['a directory', ['--db', tmp], `${DB}${tmp} is a directory: give the path of a file, such as ${join(tmp, 'truto-ats-mock.db')}\n`],
    [
      'a missing directory',
      ['--db', join(tmp, 'nowhere', 'mock.db')],
      `${DB}the directory ${join(tmp, 'nowhere')} does not exist: create it, or choose another --db\n`,
    ],
    [
      'random bytes',
      ['--db', notSqlite],
      `${DB}${notSqlite} is not a truto-ats-mock store (not a SQLite database); it is left as it is: choose another --db, or remove the file yourself\n`,
    ],
    [
      'another application\'s database',
      ['--db', otherApp],
      `${DB}${otherApp} is not a truto-ats-mock store (a SQLite database with its own tables: users); it is left as it is: choose another --db, or remove the file yourself\n`,
    ],
    [
      'duplicate pinned ids',
      ['--db', ':memory:', '--fixtures', duplicates],
      'fixtures: account gh-1 pins two candidates with id "7"; give each pinned candidate an id of its own\n',
    ],
  ];
  for (const [what, args, message] of cases) {
    const run = runNode(SERVER, ['--port', '0', '--host', '127.0.0.1', '--log-level', 'silent', ...args]);
    t.equal(run.stderr, message, `${what}: the message`);
    t.equal(run.status, 2, `${what}: exit 2`);
  }
  t.ok(readFileSync(notSqlite).equals(randomBytes), 'the random file is left as it was');
  t.ok(readFileSync(otherApp).equals(otherBytes), 'the other database is left as it was');
});

// Permissions do not bind root: the read-only cases run the command as `nobody` when the tests run as root.
const root = process.getuid?.() === 0;
const as: As = root ? { uid: 65534, gid: 65534 } : {};

t.test('a read-only directory: a prepared store is served read-only; a missing or outdated one is a message', async (t) => {
  requireBuild(t);
  const dir = join(tmp, 'read-only');
  mkdirSync(dir);
  const db = join(dir, 'mock.db');
  const settings = ['--db', db, '--seed', '5', '--candidates', '12'];
  const seeded = runNode(join(SCRIPTS, 'seed.js'), settings);
  t.equal(seeded.status, 0, `prepared: ${seeded.stderr}`);
  chmodSync(db, 0o444);
  chmodSync(dir, 0o555);
  chmodSync(tmp, 0o755);
  t.teardown(() => chmodSync(dir, 0o755));

  const server = await startServer(t, [...settings, '--log-level', 'silent'], {}, as);
  t.match(server.stdout(), /store: .*mock\.db \(reused read-only in \d+ ms, seed 5\)/, 'opened read-only');
  const res = await fetch(`${server.url}/unified/ats/candidates?integrated_account_id=${GH}&limit=2`, { headers: AUTH });
  t.equal(res.status, 200, 'and served');
  const write = await fetch(`${server.url}/unified/ats/applications/move-stage?integrated_account_id=${GH}`, {
    method: 'POST',
    headers: { ...AUTH, 'content-type': 'application/json' },
    body: JSON.stringify({ application_id: '9100001003', stage_id: '5810005003', user_id: '4410001003' }),
  });
  t.equal(write.status, 503, 'a write cannot be taken by a read-only file');
  t.strictSame(await write.json(), {
    statusCode: 503,
    error: 'Service Unavailable',
    message: 'The mock serves a read-only database file, so it cannot take writes: give it a writable --db (or --db :memory:)',
  });
  server.child.kill('SIGTERM');
  t.equal(await server.exited, 0);

  const outdated = runNode(SERVER, ['--port', '0', '--host', '127.0.0.1', '--db', db, '--seed', '6', '--candidates', '12'], {}, as);
  t.equal(
    outdated.stderr,
    `${DB}${db} was seeded with other settings and ${dir} cannot be written, so it cannot be seeded again: ` +
      'start with the settings it was seeded with, or choose a --db in a writable directory\n',
  );
  t.equal(outdated.status, 2);
  const missing = join(dir, 'new.db');
  const create = runNode(SERVER, ['--port', '0', '--host', '127.0.0.1', '--db', missing], {}, as);
  t.equal(
    create.stderr,
    `${DB}cannot create ${missing}: ${dir} cannot be written; choose a --db in a writable directory, or seed the file ` +
      'beforehand (npm run seed) and serve it from there read-only\n',
  );
  t.equal(create.status, 2);
  t.strictSame(readdirSync(dir), ['mock.db'], 'nothing written beside it');

  // A file the command may not read is a permission to fix, not a port to change.
  const locked = join(tmp, 'locked');
  mkdirSync(locked);
  const secret = join(locked, 'mock.db');
  writeFileSync(secret, 'x');
  chmodSync(secret, 0o000);
  const unreadable = runNode(SERVER, ['--port', '0', '--host', '127.0.0.1', '--db', secret], {}, as);
  t.equal(unreadable.stderr, `${DB}${secret} cannot be read (permission denied): fix its permissions, or choose another --db\n`);
  t.equal(unreadable.status, 2);
});

t.test('while seeding, /health answers 503 with the progress at once, and the log says how far seeding has got', async (t) => {
  const port = await freePort();
  const fixtures = accountsFile([0, 1, 2].map((i) => ({ ...greenhouse, id: `gh-${i}`, candidates: 4999 })));
  // 4,999 an account: the largest size generated on the main thread before (seconds without an answer).
  const server = spawnServer(t, ['--port', String(port), '--db', ':memory:', '--fixtures', fixtures, '--log-format', 'json']);
  const seen: { ms: number; status: number; body: unknown }[] = [];
  for (;;) {
    const started = performance.now();
    const answer = await fetch(`http://127.0.0.1:${port}/health`).then(
      async (r) => ({ status: r.status, body: (await r.json()) as unknown }),
      () => undefined,
    );
    if (answer === undefined) {
      // Not listening yet.
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    seen.push({ ms: performance.now() - started, ...answer });
    if (answer.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seeding = seen.filter((s) => s.status === 503);
  t.ok(seeding.length >= 3, `several answers while seeding (${seeding.length})`);
  for (const s of seeding) {
    t.match(s.body, { status: 'seeding' }, 'the 503 says seeding');
  }
  const withProgress = seeding.map((s) => s.body as { progress?: Record<string, number> }).filter((b) => b.progress !== undefined);
  t.ok(withProgress.length > 0, 'with the progress once seeding has started');
  for (const { progress } of withProgress) {
    t.match(progress, { accounts: 3, candidates: 14_997, accounts_done: Number, candidates_done: Number, elapsed_ms: Number });
    t.ok(progress!.candidates_done! <= 14_997 && progress!.accounts_done! <= 3);
  }
  const done = withProgress.map((b) => b.progress!.candidates_done!);
  t.strictSame(done, [...done].sort((a, b) => a - b), 'progress only goes forward');
  // Generous: only a blocked event loop (seconds per account before the fix) takes this long.
  t.ok(Math.max(...seeding.map((s) => s.ms)) < 2_500, `every answer came quickly (slowest ${Math.round(Math.max(...seeding.map((s) => s.ms)))} ms)`);
  t.match(seen.at(-1)!.body, { status: 'ok', accounts: 3 });

  const logs = server.stdout().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string; progress?: object });
  const last = logs.find((l) => l.msg.startsWith('seeded: '));
  t.match(last, { msg: /^seeded: 3 accounts, 14997 candidates in \d+ ms$/, progress: { accounts_done: 3, candidates_done: 14_997 } });
  for (const line of logs.filter((l) => l.msg.startsWith('seeding: '))) {
    t.match(line.msg, /^seeding: \d\/3 accounts, \d+\/14997 candidates$/, 'a progress line');
  }
  server.child.kill('SIGTERM');
  t.equal(await server.exited, 0);
});

t.test('SIGTERM while seeding: a log line, exit 0, and no half-seeded file left behind', async (t) => {
  const port = await freePort();
  const db = join(tmp, 'interrupted.db');
  const fixtures = accountsFile([0, 1, 2].map((i) => ({ ...greenhouse, id: `gh-${i}`, candidates: 4000 })));
  const server = spawnServer(t, ['--port', String(port), '--db', db, '--fixtures', fixtures, '--log-format', 'json']);
  // Once /health shows progress, seeding is under way.
  for (;;) {
    const body = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.json() as Promise<{ progress?: unknown }>, () => undefined);
    if (body?.progress) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  server.child.kill('SIGTERM');
  t.equal(await server.exited, 0, 'exit 0');
  const logs = server.stdout().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  t.match(
    logs.find((l) => l.signal === 'SIGTERM'),
    {
      level: 40,
      msg: 'stopping while seeding: the unfinished store is not kept; the next start seeds it afresh',
      progress: { accounts: 3, candidates: 12_000 },
    },
  );
  t.equal(server.stderr(), '', 'no stack trace');
  t.notOk(existsSync(db), 'no store file');
  t.notOk(existsSync(`${db}.seeding`), 'no half-seeded file');
});

t.test('SIGTERM with a stream that outlasts the grace: the wait and the cut are logged, exit 0', async (t) => {
  const fixtures = accountsFile([{ ...greenhouse, id: GH, candidates: 20_000 }]);
  const server = await startServer(t, ['--db', ':memory:', '--fixtures', fixtures, '--log-format', 'json', '--log-level', 'info']);
  const url = new URL(`/unified/ats/candidates?integrated_account_id=${GH}&truto_response_format=stream`, server.url);
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    request(url, { headers: AUTH }, resolve).on('error', reject).end();
  });
  t.equal(res.statusCode, 200);
  // A client that stops reading: the answer cannot finish within the grace.
  await once(res, 'data');
  res.pause();
  res.on('error', () => undefined);
  res.socket.on('error', () => undefined);
  server.child.kill('SIGTERM');
  t.equal(await server.exited, 0, 'exit 0 after cutting it');
  const logs = server.stdout().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  t.match(logs.find((l) => l.signal === 'SIGTERM'), {
    msg: 'stopping: finishing 1 request(s) in flight (at most 10 s): GET /unified/ats/candidates',
    inFlight: ['GET /unified/ats/candidates'],
  });
  t.match(logs.find((l) => l.cut !== undefined), {
    level: 40,
    msg: 'stopping: cut 1 answer(s) still being written after 10 s (the client got a truncated answer): GET /unified/ats/candidates',
    cut: ['GET /unified/ats/candidates'],
  });
  t.equal(logs.at(-1)?.msg, 'stopped');
});
