/**
 * Figures, not a test: seeds a 100,000-candidate file, then drives the mock and a bare Fastify server that
 * returns the same bytes (scripts/bare-server.ts) with autocannon, and prints a table and the project's aims.
 * It never fails on timing; it exits non-zero only if something does not work at all.
 *
 * npm run bench                      10 s per run after a 2 s warm-up
 * BENCH_DURATION=3 npm run bench     a quick run (BENCH_WARMUP sets the warm-up, in seconds)
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CANDIDATES = 100_000;
const ACCOUNT = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';
const HEADERS = { authorization: 'Bearer truto-mock-token' };
const DEEP_PAGES = 1_000;
const CONNECTIONS = 10;
const DEPTH_ROUNDS = 4;
const DURATION = seconds('BENCH_DURATION', 10);
const WARMUP = seconds('BENCH_WARMUP', 2);
const SERVER = fileURLToPath(new URL('../src/server.js', import.meta.url));
const BARE = fileURLToPath(new URL('./bare-server.js', import.meta.url));
const DEFAULT_FIXTURES = fileURLToPath(new URL('../../fixtures/accounts.json', import.meta.url));
let fixtures = DEFAULT_FIXTURES;

interface Server {
  name: string;
  child: ChildProcess;
  base: string;
  stdout: () => string;
  /** From spawn until it first answered 200. */
  readyMs: number;
}

interface Row {
  request: string;
  server: string;
  rps: number;
  p50: number;
  p99: number;
  failed: number;
  rssMb: number;
  hwmMb: number;
}

const children = new Set<ChildProcess>();
let tempDir: string | undefined;

// finally does not run when the process is killed by a signal or exits abruptly: no orphan servers, no litter.
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

async function main(): Promise<void> {
  tempDir = mkdtempSync(join(tmpdir(), 'truto-ats-bench-'));
  const db = join(tempDir, 'bench.db');
  // The benchmark's figures are for one account of 100,000 candidates (Greenhouse), not one per integration.
  const all = JSON.parse(readFileSync(DEFAULT_FIXTURES, 'utf8')) as { accounts: { id: string }[] };
  fixtures = join(tempDir, 'fixtures.json');
  writeFileSync(fixtures, JSON.stringify({ accounts: all.accounts.filter((a) => a.id === ACCOUNT) }));
  console.log(`bench: ${CANDIDATES.toLocaleString('en')} candidates, ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s per run\n`);

  const seeding = await startMock(db);
  const seedHwmMb = memory(seeding.child).hwmMb;
  await stop(seeding.child);
  const dbMb = readdirSync(tempDir).filter((f) => f.startsWith('bench.db')).reduce((n, f) => n + statSync(join(tempDir!, f)).size, 0) / 2 ** 20;
  console.log(`seed:   ${(seeding.readyMs / 1000).toFixed(1)} s to first 200, db file ${dbMb.toFixed(1)} MB, peak RSS ${seedHwmMb.toFixed(0)} MB`);

  const mock = await startMock(db);
  const reused = /\breused\b/.test(mock.stdout());
  console.log(`reopen: ${(mock.readyMs / 1000).toFixed(2)} s to first 200${reused ? ' (reused the file)' : '  WARNING: the server did not say "reused": it seeded again'}`);

  // The same file served without the answer cache: what every first request costs, store and mapping included.
  const uncached = await startMock(db, 'mock, no cache', ['--cache-mb', '0']);

  const q = `integrated_account_id=${ACCOUNT}`;
  const firstPage = `/unified/ats/attachments?${q}&limit=100`;
  const walkStarted = performance.now();
  const cursor = await walk(mock.base, firstPage, DEEP_PAGES);
  console.log(`walk:   ${DEEP_PAGES} pages of 100 attachments in ${((performance.now() - walkStarted) / 1000).toFixed(1)} s\n`);

  const requests = [
    { name: 'get candidate', path: `/unified/ats/candidates/9000001003?${q}` },
    { name: 'attachments page 1', path: firstPage },
    { name: `attachments page ${DEEP_PAGES + 1}`, path: `${firstPage}&next_cursor=${cursor}` },
  ];
  const bodies: Record<string, { contentType: string; body: string }> = {};
  for (const r of requests) {
    const res = await get(mock.base + r.path);
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${r.name}: HTTP ${res.status} ${body.slice(0, 300)}`);
    bodies[r.path] = { contentType: res.headers.get('content-type') ?? 'application/json', body };
    console.log(`${r.name.padEnd(24)} 200, ${Buffer.byteLength(body).toLocaleString('en')} bytes`);
  }
  const bodiesFile = join(tempDir, 'bodies.json');
  writeFileSync(bodiesFile, JSON.stringify(bodies));

  const port = await freePort();
  const bare = await start('bare', [BARE, bodiesFile, String(port)], `http://127.0.0.1:${port}`, requests[0]!.path);
  for (const r of requests) {
    const same = (await (await get(bare.base + r.path)).text()) === bodies[r.path]!.body;
    if (!same) throw new Error(`the bare server did not answer ${r.name} with the mock's body`);
  }

  const rows: Row[] = [];
  for (const r of requests) {
    for (const server of [mock, uncached, bare]) {
      progress(`running ${r.name} on ${server.name}...`);
      const url = server.base + r.path;
      if (WARMUP > 0) await cannon(url, WARMUP);
      const result = await cannon(url, DURATION);
      rows.push({
        request: r.name,
        server: server.name,
        rps: result.requests.mean,
        p50: result.latency.p50,
        p99: result.latency.p99,
        failed: result.non2xx + result.errors + result.timeouts,
        ...memory(server.child),
      });
    }
  }
  progress('');
  printTable(rows);

  const row = (request: string, server: string) => rows.find((x) => x.request === request && x.server === server)!;
  const getRatio = row('get candidate', 'mock').rps / row('get candidate', 'bare').rps;
  const uncachedRatio = row('get candidate', uncached.name).rps / row('get candidate', 'bare').rps;
  // Depth is a property of the store: measured without the cache, which would answer both pages from memory, and
  // in alternating rounds, because throughput on a shared 2-core machine drifts within a run (the bare server's
  // two same-size pages differ too when run one after the other).
  const depth = { first: [] as number[], deep: [] as number[] };
  for (let round = 0; round < DEPTH_ROUNDS; round++) {
    const order = round % 2 === 0 ? (['first', 'deep'] as const) : (['deep', 'first'] as const);
    for (const which of order) {
      progress(`depth round ${round + 1}: ${which} page, no cache...`);
      const path = which === 'first' ? requests[1]!.path : requests[2]!.path;
      depth[which].push((await cannon(uncached.base + path, Math.max(1, DURATION / 2))).requests.mean);
    }
  }
  progress('');
  const first = { rps: median(depth.first), p50: row(requests[1]!.name, uncached.name).p50 };
  const deep = { rps: median(depth.deep), p50: row(requests[2]!.name, uncached.name).p50 };
  console.log(
    `\ndepth, no cache, ${DEPTH_ROUNDS} alternating rounds: first page ${depth.first.map((x) => x.toFixed(0)).join('/')} req/s, ` +
      `page ${DEEP_PAGES + 1} ${depth.deep.map((x) => x.toFixed(0)).join('/')} req/s`,
  );
  // autocannon records whole milliseconds, too coarse at ~1 ms; at a fixed number of connections mean latency
  // is connections / throughput (Little's law), so the ratio of requests/s is the ratio of mean latencies.
  const deepRatio = first.rps / deep.rps;
  const servingHwm = Math.max(...rows.filter((x) => x.server === 'mock').map((x) => x.hwmMb));
  console.log('\naims');
  aim('get candidate, mock/bare requests/s', `${(getRatio * 100).toFixed(0)}%`, '>= 70%', getRatio >= 0.7);
  console.log(`  (info)  get candidate without the cache, /bare      ${(uncachedRatio * 100).toFixed(0)}%`);
  aim(
    `deep page (${DEEP_PAGES + 1}) / first, no cache`,
    `${deepRatio.toFixed(2)}x (median req/s ${deep.rps.toFixed(0)} vs ${first.rps.toFixed(0)})`,
    '<= 1.2x',
    deepRatio <= 1.2,
  );
  aim('seed 100,000 candidates', `${(seeding.readyMs / 1000).toFixed(1)} s`, '< 20 s', seeding.readyMs < 20_000);
  aim('mock peak RSS while serving', `${servingHwm.toFixed(0)} MB`, '< 200 MB', servingHwm < 200);
  aim('mock peak RSS while seeding', `${seedHwmMb.toFixed(0)} MB`, '< 200 MB', seedHwmMb < 200);
}

function printTable(rows: Row[]): void {
  const header = ['request', 'server', 'req/s', 'p50 ms', 'p99 ms', 'failed', 'RSS MB', 'peak MB'];
  const cells = rows.map((r) => [
    r.request,
    r.server,
    r.rps.toFixed(0),
    String(r.p50),
    String(r.p99),
    String(r.failed),
    r.rssMb.toFixed(0),
    r.hwmMb.toFixed(0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((s, i) => (i < 2 ? s.padEnd(widths[i]!) : s.padStart(widths[i]!))).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${cells.map(line).join('\n')}`);
}

/** A line that overwrites itself on a terminal; nothing in a log, where it would only pile up. */
function progress(text: string): void {
  if (process.stdout.isTTY) process.stdout.write(`\r${text.padEnd(60)}\r`);
}

function aim(what: string, value: string, target: string, met: boolean): void {
  console.log(`  ${met ? 'met   ' : 'MISSED'}  ${what.padEnd(40)} ${value.padEnd(28)} aim ${target}`);
}

function cannon(url: string, duration: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration, headers: HEADERS });
}

/** Follows next_cursor through `pages` pages and returns the cursor to the page after them. */
async function walk(base: string, path: string, pages: number): Promise<string> {
  let cursor: string | null = null;
  for (let page = 1; page <= pages; page++) {
    const res = await get(base + path + (cursor ? `&next_cursor=${cursor}` : ''));
    if (res.status !== 200) throw new Error(`walking attachments, page ${page}: HTTP ${res.status} ${await res.text()}`);
    cursor = ((await res.json()) as { next_cursor: string | null }).next_cursor;
    if (!cursor) throw new Error(`walking attachments: the list ends at page ${page}, fewer than ${pages + 1} pages`);
  }
  return cursor!;
}

function startMock(db: string, name = 'mock', extra: string[] = []): Promise<Server> {
  return freePort().then((port) =>
    start(
      name,
      [SERVER, '--db', db, '--fixtures', fixtures, '--candidates', String(CANDIDATES), '--port', String(port), '--host', '127.0.0.1', '--log-level', 'warn', ...extra],
      `http://127.0.0.1:${port}`,
      '/health',
    ),
  );
}

/** Spawns a server and waits until `probe` answers 200 and it has said it is listening. */
async function start(name: string, args: string[], base: string, probe: string): Promise<Server> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  let stdout = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  let exited = false;
  child.once('exit', () => {
    exited = true;
    children.delete(child);
  });
  let readyMs: number | undefined;
  while (readyMs === undefined) {
    if (exited) throw new Error(`${name} server exited before answering (code ${child.exitCode}):\n${stdout}`);
    if (performance.now() - started > 180_000) throw new Error(`${name} server did not answer within 180 s`);
    const status = await get(base + probe).then((r) => r.status, () => 0);
    if (status === 200) readyMs = performance.now() - started;
    else await sleep(20);
  }
  // The banner (with "reused" or "seeded") is written right after listen; the pipe may lag the socket.
  while (!stdout.includes('listening on') && !exited) await sleep(10);
  return { name, child, base, stdout: () => stdout, readyMs };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

function memory(child: ChildProcess): { rssMb: number; hwmMb: number } {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

function get(url: string): Promise<Response> {
  return fetch(url, { headers: HEADERS, signal: AbortSignal.timeout(10_000) });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function seconds(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of seconds, got ${process.env[name]}`);
  return value;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

try {
  await main();
} catch (err) {
  console.error(`\nbench failed: ${(err as Error).stack ?? String(err)}`);
  process.exitCode = 1;
} finally {
  await Promise.all([...children].map(stop));
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
}
