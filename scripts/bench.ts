/**
 * Figures, not a test. Seeds a Greenhouse store, then drives the mock (with its answer cache and without) and a bare
 * Fastify server replaying the very bytes the mock answered (scripts/bare-server.ts) with autocannon over loopback,
 * in interleaved rounds, and prints a table of medians and the project's aims. Every workload walks thousands of
 * distinct URLs (never one repeated URL): gets of distinct candidates, candidate-filtered attachment lists, distinct
 * list pages; then a page 1,000 deep against the first, and a write-heavy mix (Greenhouse move-stage and reads).
 * It never fails on timing; it exits non-zero only if something does not work at all.
 *
 * npm run bench                                          100,000 candidates, 3 rounds of 10 s
 * npm run bench -- --candidates 20000 --duration 3 --rounds 1   a quick run
 * Options: --candidates N, --ids N (distinct candidates, 2,000), --connections N (32), --duration S, --rounds N
 */
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: flags } = parseArgs({
  options: {
    candidates: { type: 'string', default: '100000' },
    ids: { type: 'string', default: '2000' },
    connections: { type: 'string', default: '32' },
    duration: { type: 'string', default: process.env.BENCH_DURATION ?? '10' },
    rounds: { type: 'string', default: '3' },
  },
});
const CANDIDATES = count('candidates');
const IDS = count('ids');
const CONNECTIONS = count('connections');
const DURATION = count('duration');
const ROUNDS = count('rounds');
const ACCOUNT = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';
const AUTH = { authorization: 'Bearer truto-mock-token' };
// Every server is asked through the same name, so the mock's file links (which follow the host) are the same bytes
// whichever port answered, and the bare server replays exactly them.
const HOST = 'mock.bench:4010';
const HEADERS = { ...AUTH, host: HOST };
const DEEP_PAGES = 1_000;
const PAGES = 200;
const WRITE_APPS = 200;
const SERVER = fileURLToPath(new URL('../src/server.js', import.meta.url));
// The mock runs with the Node flags `npm start` gives it (how its heap grows), read from package.json.
const START = (JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { scripts: { start: string } }).scripts.start;
const NODE_FLAGS = START.split(/\s+/).filter((word) => word.startsWith('--') && word !== '--enable-source-maps');
const BARE = fileURLToPath(new URL('./bare-server.js', import.meta.url));
const DEFAULT_FIXTURES = fileURLToPath(new URL('../../fixtures/accounts.json', import.meta.url));

interface Server {
  name: string;
  child: ChildProcess;
  base: string;
  stdout: () => string;
  /** From spawn until it first answered 200. */
  readyMs: number;
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  failed: number;
  /** Highest RSS sampled while it ran, MB. */
  rssMb: number;
}

interface Workload {
  name: string;
  paths: string[];
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
  // One Greenhouse account of CANDIDATES candidates, not one per integration.
  const all = JSON.parse(readFileSync(DEFAULT_FIXTURES, 'utf8')) as { accounts: { id: string }[] };
  const fixtures = join(tempDir, 'fixtures.json');
  writeFileSync(fixtures, JSON.stringify({ accounts: all.accounts.filter((a) => a.id === ACCOUNT) }));
  console.log(
    `bench: Greenhouse, ${CANDIDATES.toLocaleString('en')} candidates, ${IDS.toLocaleString('en')} distinct ids, ` +
      `${CONNECTIONS} connections, ${ROUNDS} interleaved round(s) of ${DURATION} s, loopback, node ${process.version}\n` +
      `mock:  node ${[...NODE_FLAGS, 'dist/src/server.js'].join(' ')} --log-level warn (as npm start, without a log line a request)\n`,
  );

  const startMock = (name: string, extra: string[] = []) =>
    freePort().then((port) =>
      start(
        name,
        [...NODE_FLAGS, SERVER, '--db', db, '--fixtures', fixtures, '--candidates', String(CANDIDATES), '--port', String(port), '--host', '127.0.0.1', '--log-level', 'warn', ...extra],
        `http://127.0.0.1:${port}`,
        '/health',
      ),
    );
  const seeding = await startMock('seeding');
  const seedHwmMb = memory(seeding.child).hwmMb;
  await stop(seeding.child);
  const dbMb = readdirSync(tempDir).filter((f) => f.startsWith('bench.db')).reduce((n, f) => n + statSync(join(tempDir!, f)).size, 0) / 2 ** 20;
  console.log(`seed:    ${(seeding.readyMs / 1000).toFixed(1)} s to first 200, db file ${dbMb.toFixed(0)} MB, peak RSS ${seedHwmMb.toFixed(0)} MB`);

  const mock = await startMock('mock');
  console.log(`reopen:  ${(mock.readyMs / 1000).toFixed(2)} s to first 200${/\breused\b/.test(mock.stdout()) ? ' (reused the file)' : '  WARNING: it seeded again'}`);
  const uncached = await startMock('mock, no answer cache', ['--cache-mb', '0']);
  const startRss = memory(mock.child).rssMb;

  const q = `integrated_account_id=${ACCOUNT}`;
  const ids = candidateIds(db, IDS);
  const pagePaths: string[] = [];
  const firstPage = `/unified/ats/attachments?${q}&limit=100`;
  const walkStarted = performance.now();
  const deep = await walk(uncached.base, firstPage, DEEP_PAGES, (path, i) => i < PAGES && pagePaths.push(path));
  const walkS = (performance.now() - walkStarted) / 1000;
  const workloads: Workload[] = [
    { name: 'get candidate', paths: ids.map((id) => `/unified/ats/candidates/${id}?${q}`) },
    { name: 'attachments ?candidate_id', paths: ids.map((id) => `/unified/ats/attachments?${q}&candidate_id=${id}`) },
    { name: `attachments pages (limit 100)`, paths: pagePaths },
  ];
  const depth: Workload[] = [
    { name: 'attachments page 1', paths: [firstPage] },
    { name: `attachments page ${deep.page}`, paths: [deep.path] },
  ];

  // What a first read costs: every candidate rendered from its raw records, once, before anything is kept.
  const cold = await cannon(uncached, workloads[0]!.paths, { amount: IDS });
  console.log(`walk:    ${deep.page - 1} pages of 100 attachments in ${walkS.toFixed(1)} s (each page read once, rendered)`);
  console.log(`first read of ${IDS.toLocaleString('en')} distinct candidates (nothing kept yet): ${cold.rps.toFixed(0)} req/s, p50 ${cold.p50} ms, p99 ${cold.p99} ms`);

  // The bytes the bare server replays, as the mock answered them.
  const bodies: Record<string, { contentType: string; body: string }> = {};
  let bytes = 0;
  for (const w of [...workloads, ...depth]) {
    for (const path of w.paths) {
      const res = await get(uncached.base + path);
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${w.name}: HTTP ${res.status} ${body.slice(0, 300)}`);
      bodies[path] = { contentType: res.headers.get('content-type') ?? 'application/json', body };
      bytes += Buffer.byteLength(body);
    }
  }
  const bodiesFile = join(tempDir, 'bodies.json');
  writeFileSync(bodiesFile, JSON.stringify(bodies));
  const port = await freePort();
  const bare = await start('bare', [BARE, bodiesFile, String(port)], `http://127.0.0.1:${port}`, workloads[0]!.paths[0]!);
  for (const path of [workloads[0]!.paths[0]!, pagePaths[1]!]) {
    for (const server of [mock, bare]) {
      if ((await (await get(server.base + path)).text()) !== bodies[path]!.body) throw new Error(`${server.name} did not answer ${path} with the bytes kept`);
    }
  }
  console.log(`bodies:  ${Object.keys(bodies).length.toLocaleString('en')} distinct answers, ${(bytes / 2 ** 20).toFixed(1)} MB, replayed by the bare server\n`);

  const servers = [mock, uncached, bare];
  const runs = new Map<string, Run[]>();
  const record = (w: string, s: string, run: Run) => runs.set(`${w}|${s}`, [...(runs.get(`${w}|${s}`) ?? []), run]);
  for (const w of [...workloads, ...depth]) for (const s of servers) await cannon(s, w.paths, { duration: 1 }); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const w of [...workloads, ...depth]) {
      // Alternating order: throughput on a shared machine drifts within a run.
      const order = round % 2 === 0 ? servers : [...servers].reverse();
      for (const s of order) {
        progress(`round ${round + 1}/${ROUNDS}: ${w.name} on ${s.name}...`);
        record(w.name, s.name, await cannon(s, w.paths, { duration: DURATION }));
      }
    }
  }

  // Writes: each move-stage starts a new data epoch, so the reads after it render again.
  progress('write-heavy mix...');
  const mix = await writeMix(uncached, ids, q);
  progress('');

  const med = (w: string, s: string) => {
    const list = runs.get(`${w}|${s}`)!;
    return { rps: median(list.map((r) => r.rps)), p50: median(list.map((r) => r.p50)), p99: median(list.map((r) => r.p99)), failed: list.reduce((n, r) => n + r.failed, 0), rssMb: Math.max(...list.map((r) => r.rssMb)) };
  };
  // The ratio in a round is the mock against the bare server in that same round; the median of those is the figure.
  const ratio = (w: string, s: string) => median(runs.get(`${w}|${s}`)!.map((r, i) => r.rps / runs.get(`${w}|${bare.name}`)![i]!.rps));
  const rows: string[][] = [];
  for (const w of [...workloads, ...depth]) {
    for (const s of servers) {
      const m = med(w.name, s.name);
      rows.push([w.name, s.name, m.rps.toFixed(0), s === bare ? '' : `${ratio(w.name, s.name).toFixed(2)}x`, String(m.p50), String(m.p99), String(m.failed), m.rssMb.toFixed(0)]);
    }
  }
  rows.push([`write mix (1 move-stage : 3 reads)`, uncached.name, mix.rps.toFixed(0), '', String(mix.p50), String(mix.p99), String(mix.failed), mix.rssMb.toFixed(0)]);
  printTable(['request', 'server', 'req/s', 'vs bare', 'p50 ms', 'p99 ms', 'failed', 'RSS MB'], rows);

  const servingPeak = Math.max(...[...runs.entries()].filter(([k]) => !k.endsWith(`|${bare.name}`)).flatMap(([, v]) => v.map((r) => r.rssMb)), mix.rssMb);
  const hwm = Math.max(memory(mock.child).hwmMb, memory(uncached.child).hwmMb);
  const firstDepth = med(depth[0]!.name, uncached.name).rps;
  const deepDepth = med(depth[1]!.name, uncached.name).rps;
  console.log(`\nratios are medians of per-round ratios to the bare server in the same round; RSS at start ${startRss.toFixed(0)} MB`);
  console.log('\naims');
  for (const w of workloads) {
    for (const s of [mock, uncached]) {
      const r = ratio(w.name, s.name);
      aim(`${w.name}, ${s.name} / bare`, `${r.toFixed(2)}x`, '>= 0.5x (0.8x)', r >= 0.5);
    }
  }
  aim(`page ${deep.page} / page 1 (no answer cache)`, `${(firstDepth / deepDepth).toFixed(2)}x time`, '<= 1.2x', firstDepth / deepDepth <= 1.2);
  aim('seed', `${(seeding.readyMs / 1000).toFixed(1)} s`, '< 20 s (100,000)', seeding.readyMs < 20_000);
  aim('peak RSS while seeding', `${seedHwmMb.toFixed(0)} MB`, '< 200 MB', seedHwmMb < 200);
  aim('RSS while serving, sampled under load', `${servingPeak.toFixed(0)} MB (peak ${hwm.toFixed(0)})`, '< 200 MB', servingPeak < 200);
}

/** `count` candidate ids spread evenly over the store, read from the file (the mock is not asked). */
function candidateIds(db: string, count: number): string[] {
  const file = new Database(db, { readonly: true });
  try {
    const all = file
      .prepare<[string], string>("SELECT r.id FROM records r JOIN accounts a ON a.key = r.account WHERE a.id = ? AND r.kind = 'candidate' ORDER BY r.seq")
      .pluck()
      .all(ACCOUNT);
    if (all.length < count) throw new Error(`the store has ${all.length} candidates, fewer than --ids ${count}`);
    const step = all.length / count;
    return Array.from({ length: count }, (_, i) => all[Math.floor(i * step)]!);
  } finally {
    file.close();
  }
}

/**
 * Greenhouse move-stage, each application moved back and forth between two stages of its job, one write for
 * three reads (distinct candidates); the mock is reset afterwards.
 */
async function writeMix(server: Server, ids: string[], q: string): Promise<Run> {
  const apps = (await (await get(`${server.base}/unified/ats/applications?${q}&limit=${WRITE_APPS}`)).json()) as {
    result: { id: string; job: { id: string } | null; current_stage: { id: string } | null }[];
  };
  const user = ((await (await get(`${server.base}/unified/ats/users?${q}&limit=1`)).json()) as { result: { id: string }[] }).result[0]!.id;
  const moves: { app: string; stages: [string, string] }[] = [];
  for (const app of apps.result) {
    if (!app.job || !app.current_stage) continue;
    const stages = ((await (await get(`${server.base}/unified/ats/job_interview_stages?${q}&job_id=${app.job.id}`)).json()) as { result: { id: string }[] }).result;
    const other = stages.find((s) => s.id !== app.current_stage!.id);
    if (!other) continue;
    // Only an application that moves (Greenhouse refuses rejected and hired ones): it is left on `other`, and the
    // mix moves it back first.
    const moved = await post(`${server.base}/unified/ats/applications/move-stage?${q}`, { application_id: app.id, stage_id: other.id, user_id: user });
    if (moved === 200) moves.push({ app: app.id, stages: [app.current_stage.id, other.id] });
  }
  if (moves.length === 0) throw new Error('the write mix found no application that can be moved');
  let n = 0;
  let read = 0;
  const body = (i: number) => {
    const m = moves[i % moves.length]!;
    const to = m.stages[Math.floor(i / moves.length) % 2]!;
    return JSON.stringify({ application_id: m.app, stage_id: to, user_id: user });
  };
  const run = await cannon(server, [], {
    duration: DURATION,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({ ...req, path: `/unified/ats/applications/move-stage?${q}`, headers: { ...req.headers, 'content-type': 'application/json' }, body: body(n++) }),
      },
      ...[0, 1, 2].map(() => ({ method: 'GET' as const, setupRequest: (req: autocannon.Request) => ({ ...req, path: `/unified/ats/candidates/${ids[read++ % ids.length]}?${q}` }) })),
    ],
  });
  const reset = await fetch(`${server.base}/_mock/reset`, { method: 'POST' });
  if (reset.status !== 200) throw new Error(`reset after the write mix: HTTP ${reset.status}`);
  return run;
}

function printTable(header: string[], cells: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((s, i) => (i < 2 ? s.padEnd(widths[i]!) : s.padStart(widths[i]!))).join('  ');
  console.log(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${cells.map(line).join('\n')}`);
}

/** A line that overwrites itself on a terminal; nothing in a log, where it would only pile up. */
function progress(text: string): void {
  if (process.stdout.isTTY) process.stdout.write(`\r${text.padEnd(70)}\r`);
}

function aim(what: string, value: string, target: string, met: boolean): void {
  console.log(`  ${met ? 'met   ' : 'MISSED'}  ${what.padEnd(56)} ${value.padEnd(22)} aim ${target}`);
}

/** Drives `paths` in turn over keep-alive connections; RSS is sampled while it runs. */
async function cannon(server: Server, paths: string[], options: { duration?: number; amount?: number; requests?: autocannon.Request[] }): Promise<Run> {
  let i = 0;
  let rssMb = 0;
  const sample = setInterval(() => (rssMb = Math.max(rssMb, memory(server.child).rssMb)), 200);
  try {
    const result = await autocannon({
      url: server.base,
      connections: CONNECTIONS,
      headers: HEADERS,
      ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.duration ?? DURATION }),
      requests: options.requests ?? [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
    });
    rssMb = Math.max(rssMb, memory(server.child).rssMb);
    return { rps: result.requests.mean, p50: result.latency.p50, p99: result.latency.p99, failed: result.non2xx + result.errors + result.timeouts, rssMb };
  } finally {
    clearInterval(sample);
  }
}

/**
 * Follows next_cursor through up to `pages` pages and returns the path of the page after the last one walked (a
 * smaller store may have fewer pages: then the last page there is) and its number.
 */
async function walk(base: string, path: string, pages: number, visit: (path: string, index: number) => void): Promise<{ path: string; page: number }> {
  let url = path;
  for (let page = 1; page <= pages; page++) {
    visit(url, page - 1);
    const res = await get(base + url);
    if (res.status !== 200) throw new Error(`walking attachments, page ${page}: HTTP ${res.status} ${await res.text()}`);
    const cursor = ((await res.json()) as { next_cursor: string | null }).next_cursor;
    if (!cursor) return { path: url, page };
    url = `${path}&next_cursor=${cursor}`;
  }
  return { path: url, page: pages + 1 };
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
    if (performance.now() - started > 600_000) throw new Error(`${name} server did not answer within 600 s`);
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
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    // Not Linux (no /proc): no figure rather than no benchmark.
    return { rssMb: NaN, hwmMb: NaN };
  }
}

async function post(url: string, body: unknown): Promise<number> {
  const res = await fetch(url, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await res.arrayBuffer();
  return res.status;
}

/** A GET sent with HEADERS, Host included (fetch would replace the Host header with the URL's). */
function get(url: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: HEADERS, agent, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers.set(k, v);
        resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers }));
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url}: no answer within 30 s`)));
    req.on('error', reject);
    req.end();
  });
}
const agent = new Agent({ keepAlive: true });

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function count(name: keyof typeof flags): number {
  const value = Number(flags[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number above 0, got ${flags[name]}`);
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
  agent.destroy();
  await Promise.all([...children].map(stop));
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
}
