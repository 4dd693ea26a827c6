/**
 * Figures, not a test: seeds 100,000 Greenhouse candidates (one account, the whole world) into a temp file and
 * prints the wall time, the file's size, the peak RSS of the seeding process (the worker thread included: it is the
 * same process) and the time a server takes to open the prepared file. Each run is a fresh process, so its peak is
 * its own; the machine is shared, so several runs and their median say more than one.
 *
 * npm run bench:seed                        3 runs
 * SEED_BENCH_RUNS=5 SEED_BENCH_CANDIDATES=20000 npm run bench:seed
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ACCOUNT = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';
const CANDIDATES = Number(process.env['SEED_BENCH_CANDIDATES'] ?? 100_000);
const RUNS = Number(process.env['SEED_BENCH_RUNS'] ?? 3);
const DEFAULT_FIXTURES = fileURLToPath(new URL('../../fixtures/accounts.json', import.meta.url));
const CHILD = '--child';

interface Figures {
  seedMs: number;
  fileMb: number;
  peakRssMb: number;
  /** CPU time of the seeding, every thread together: steadier than the wall time on a shared machine. */
  cpuS: number;
  reopenMs: number;
}

/** The kernel's high-water mark of this process's resident set: nothing between two samples is missed. */
function peakRssMb(): number {
  const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
  // Not Linux: the current RSS, a lower bound.
  return line ? Number(line.replace(/\D+/g, '')) / 1024 : process.memoryUsage().rss / 2 ** 20;
}

async function child(dir: string): Promise<void> {
  const { buildApp } = await import('../src/app.js');
  const db = join(dir, 'seed.db');
  const fixtures = join(dir, 'fixtures.json');
  const started = performance.now();
  const cpu = process.cpuUsage();
  const app = await buildApp({ db, fixtures, logLevel: 'silent', candidates: CANDIDATES });
  const seedMs = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  const peak = peakRssMb();
  if (!app.mock.store.seeded) throw new Error('the store was reused, not seeded');
  await app.close();
  const reopened = performance.now();
  const again = await buildApp({ db, fixtures, logLevel: 'silent', candidates: CANDIDATES });
  const reopenMs = performance.now() - reopened;
  if (again.mock.store.seeded) throw new Error('the prepared file was seeded again, not reused');
  await again.close();
  const figures: Figures = { seedMs, fileMb: statSync(db).size / 2 ** 20, peakRssMb: peak, cpuS: (user + system) / 1e6, reopenMs };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function line(label: string, f: Figures): string {
  return `${label.padEnd(8)} seed ${(f.seedMs / 1000).toFixed(2).padStart(6)} s   file ${f.fileMb.toFixed(0).padStart(5)} MB   ` +
    `peak RSS ${f.peakRssMb.toFixed(0).padStart(4)} MB   cpu ${f.cpuS.toFixed(1).padStart(5)} s   reopen ${f.reopenMs.toFixed(0).padStart(4)} ms`;
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'truto-seed-bench-'));
  try {
    const all = JSON.parse(readFileSync(DEFAULT_FIXTURES, 'utf8')) as { accounts: { id: string }[] };
    writeFileSync(join(dir, 'fixtures.json'), JSON.stringify({ accounts: all.accounts.filter((a) => a.id === ACCOUNT) }));
    console.log(`bench:seed: ${CANDIDATES.toLocaleString('en')} Greenhouse candidates, ${RUNS} run(s), each in a fresh process`);
    const runs: Figures[] = [];
    for (let i = 0; i < RUNS; i++) {
      rmSync(join(dir, 'seed.db'), { force: true });
      const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), CHILD, dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      if (run.status !== 0) throw new Error(`run ${i + 1} failed (exit ${run.status})`);
      const figures = JSON.parse(run.stdout.trim().split('\n').pop()!) as Figures;
      runs.push(figures);
      console.log(line(`run ${i + 1}`, figures));
    }
    const pick = (k: keyof Figures) => median(runs.map((r) => r[k]));
    console.log(line('median', { seedMs: pick('seedMs'), fileMb: pick('fileMb'), peakRssMb: pick('peakRssMb'), cpuS: pick('cpuS'), reopenMs: pick('reopenMs') }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === CHILD) await child(process.argv[3]!);
else main();
