/**
 * Writes live in the running process (CONTRACT §9): a restart on the same database file serves the data as seeded,
 * whether the process ended cleanly or was killed in the middle of its writes, and the file is reused, not reseeded.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { buildApp } from '../src/app.js';
import { ACC, ADA_APPLICATION, AUTH, GH, get } from './helpers.js';
import { startServer } from './process.js';

const MOVE = { application_id: ADA_APPLICATION, stage_id: '5810005003', user_id: '4410001003' };
const settings = { logLevel: 'silent' as const, candidates: 20, seed: 4 };

const dirOf = (t: Test) => {
  const dir = mkdtempSync(join(tmpdir(), 'truto-writes-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

t.test('a clean restart after writes serves the file as seeded, reused', async (t) => {
  const db = join(dirOf(t), 'mock.db');
  const first = await buildApp({ db, ...settings });
  const pristine = (await get(first, '/unified/ats/applications', `${ACC}&truto_ignore_limit=true`)).body;
  const res = await first.inject({ method: 'POST', url: `/unified/ats/applications/move-stage?${ACC}`, headers: AUTH, payload: MOVE });
  t.equal(res.statusCode, 200, 'written');
  t.not((await get(first, '/unified/ats/applications', `${ACC}&truto_ignore_limit=true`)).body, pristine, 'and seen');
  await first.close();
  t.notOk(existsSync(`${db}-journal`), 'closing rolled the writes back: no journal left');

  const second = await buildApp({ db, ...settings });
  t.teardown(() => second.close());
  t.equal(second.mock.store.seeded, false, 'the file is reused, not reseeded');
  t.equal((await get(second, '/unified/ats/applications', `${ACC}&truto_ignore_limit=true`)).body, pristine, 'every record as seeded');
});

t.test('a process killed after its writes leaves a file that the next start serves as seeded', async (t) => {
  const db = join(dirOf(t), 'mock.db');
  const args = ['--db', db, '--candidates', '20', '--seed', '4', '--log-level', 'silent'];
  const server = await startServer(t, args);
  const path = `/unified/ats/applications/${ADA_APPLICATION}?integrated_account_id=${GH}`;
  const url = server.url + path;
  const pristine = await (await fetch(url, { headers: AUTH })).text();
  for (const stage_id of ['5810001003', '5810002003']) {
    const res = await fetch(`${server.url}/unified/ats/applications/move-stage?integrated_account_id=${GH}`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ ...MOVE, stage_id }),
    });
    t.equal(res.status, 200, `moved to ${stage_id}: ${res.status === 200 ? '' : await res.text()}`);
  }
  t.not(await (await fetch(url, { headers: AUTH })).text(), pristine, 'the server serves its writes');
  server.child.kill('SIGKILL');
  await server.exited;
  // Its writes never reached the file: they sat in the page cache and the (unsynced) journal SQLite ignores.
  t.ok(existsSync(`${db}-journal`), 'the killed process left its journal');

  const again = await startServer(t, args);
  t.match(again.stdout(), /reused/, 'the next start reuses the file');
  t.equal(await (await fetch(again.url + path, { headers: AUTH })).text(), pristine.replaceAll(server.url, again.url), 'and serves the application as seeded');
  again.child.kill('SIGTERM');
  t.equal(await again.exited, 0);
});

t.test('writes that spilled into the file before a crash are rolled back by the next open, which reuses the file', async (t) => {
  const db = join(dirOf(t), 'mock.db');
  const first = await buildApp({ db, ...settings });
  const pristine = (await get(first, '/unified/ats/candidates', `${ACC}&truto_ignore_limit=true&truto_response_format=raw`)).body;
  await first.close();
  // A process that changes every record with a tiny page cache (so SQLite writes changed pages into the file,
  // having synced their originals to the journal), then dies without a word.
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(db)});
    db.pragma('cache_size = 2');
    db.exec('BEGIN');
    db.prepare("UPDATE records SET raw = '{}'").run();
    process.kill(process.pid, 'SIGKILL');`;
  const { spawnSync } = await import('node:child_process');
  const run = spawnSync(process.execPath, ['-e', script], { cwd: join(import.meta.dirname, '..') });
  t.equal(run.signal, 'SIGKILL', 'the writer died mid-transaction');
  t.ok(existsSync(`${db}-journal`), 'leaving a hot journal');

  const second = await buildApp({ db, ...settings });
  t.teardown(() => second.close());
  t.equal(second.mock.store.seeded, false, 'the file is reused');
  t.equal((await get(second, '/unified/ats/candidates', `${ACC}&truto_ignore_limit=true&truto_response_format=raw`)).body, pristine, 'with every record as seeded');
});

t.test('two servers on one file: the second cannot take writes while the first holds them, and says so', async (t) => {
  const db = join(dirOf(t), 'mock.db');
  const first = await buildApp({ db, ...settings });
  t.teardown(() => first.close());
  const second = await buildApp({ db, ...settings });
  t.teardown(() => second.close());
  t.equal(second.mock.store.seeded, false, 'the second reuses the file');
  const move = (app: typeof first) => app.inject({ method: 'POST', url: `/unified/ats/applications/move-stage?${ACC}`, headers: AUTH, payload: MOVE });
  t.equal((await move(first)).statusCode, 200, 'the first writes');
  const refused = await move(second);
  t.equal(refused.statusCode, 503);
  t.equal(refused.headers['retry-after'], '1');
  t.strictSame(refused.json(), {
    statusCode: 503,
    error: 'Service Unavailable',
    message: 'Another process is writing to this mock\'s database file, so it cannot take writes: start each replica on its own copy of the file',
  });
  t.equal((await get(second, `/unified/ats/applications/${ADA_APPLICATION}`, ACC)).statusCode, 200, 'and still reads');
});
