import { Worker } from 'node:worker_threads';
import { integrationNamed } from '../integrations/registry.js';
import type { AccountSettings, Store } from '../store/index.js';
import { FixturesError, type AccountFixture, type Fixtures } from './fixtures.js';
import type { SeedOptions } from './fingerprint.js';
import type { SeedJob } from './job.js';
import { BatchPacker, unpack, type PackedRecord, type SeedBatch } from './batch.js';
import { SeedProgress } from './progress.js';

/** Records a batch carries from the generator to the inserts: between two batches the event loop is free. */
const BATCH = 500;

/** What the worker is given: plain data. */
export interface SeedWork {
  jobs: SeedJob[];
  batch: number;
}

/** What the worker posts: a batch of an account's records, the end of an account (`null`), or the end of all. */
export type SeedMessage = [job: number, records: SeedBatch | null] | null;

/**
 * Where the records are generated. The built command always uses a worker. Run from the TypeScript sources (the
 * tests), a worker spends seconds loading the TypeScript loader, so a small seed is generated in this thread,
 * yielding between batches; test/seed.test.ts holds both to the same rows.
 */
export type Generator = 'worker' | 'in-thread';
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const SOURCES_WORKER_FROM = 5_000;

/**
 * The generator's heap. Left to itself, V8 grew its young generation to some 45 MB, all garbage (every record is made,
 * rendered and dropped at once), and let its old generation run well past what lives there: the world's users and
 * jobs, 14 to 22 MB at 30,000 to 100,000 candidates whatever the integration (the world stops growing at 125,000).
 * The old generation's cap is three times that, a margin rather than a target (reaching it would stop the seed);
 * run from the TypeScript sources, the worker also holds the TypeScript loader, and keeps V8's own limit.
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 8, ...(FROM_SOURCES ? {} : { maxOldGenerationSizeMb: 64 }) };

/**
 * Generation (faker vocabulary, JSON rendering) runs in a worker thread, whatever the size, while this thread
 * inserts batch by batch: between two batches the event loop is free, so the port answers (`503 seeding`, with
 * `progress`) and a signal is handled while seeding.
 */
export async function seedStore(
  store: Store,
  fixtures: Fixtures,
  options: SeedOptions,
  progress = new SeedProgress(),
  generator?: Generator,
): Promise<void> {
  refuseDuplicatePins(fixtures);
  const accounts = fixtures.accounts.map((account) => {
    const integration = integrationNamed(account.integration)!;
    const size = options.candidates ?? account.candidates;
    const key = store.insertAccount({ id: account.id, integration: integration.name, name: account.name, candidates: size, settings: settingsOf(account) });
    const job: SeedJob = { seed: options.seed, accountId: account.id, size, pinned: account.pinned?.candidates ?? [], integration: integration.name };
    return { key, job, candidateKind: integration.resources.candidates?.kind, seqs: new Map<string, number>(), candidates: 0 };
  });
  progress.accounts = accounts.length;
  progress.candidates = accounts.reduce((n, a) => n + a.job.size, 0);
  let before = 0;
  const where = generator ?? (FROM_SOURCES && progress.candidates < SOURCES_WORKER_FROM ? 'in-thread' : 'worker');
  await (where === 'worker' ? inWorker : inThread)(
    accounts.map((a) => a.job),
    (index, batch) => {
      const account = accounts[index]!;
      store.records.insertBatch(account.key, numbered(account, unpack(batch)));
      // An integration may store a candidate more than once (Breezy's lives under each position): never past the size.
      progress.candidatesDone = before + Math.min(account.candidates, account.job.size);
    },
    (index) => {
      before += accounts[index]!.job.size;
      progress.candidatesDone = before;
      progress.accountsDone++;
    },
  );
}

/** The records of a batch with their seq numbers (per kind, in the order given), counting the account's candidates. */
function* numbered(
  account: { seqs: Map<string, number>; candidateKind: string | undefined; candidates: number },
  records: Iterable<PackedRecord>,
): Iterable<{ kind: string; seq: number; record: PackedRecord }> {
  for (const record of records) {
    const { kind } = record;
    const seq = (account.seqs.get(kind) ?? 0) + 1;
    account.seqs.set(kind, seq);
    if (kind === account.candidateKind) account.candidates++;
    yield { kind, seq, record };
  }
}

/** Two pinned records with one id would fail deep in SQLite (`UNIQUE constraint failed`): say which, and where. */
function refuseDuplicatePins(fixtures: Fixtures): void {
  for (const account of fixtures.accounts) {
    const seen = new Map<string, Set<string>>();
    const check = (what: string, id: string | undefined) => {
      if (id === undefined) return;
      const ids = seen.get(what) ?? seen.set(what, new Set()).get(what)!;
      if (ids.has(id)) {
        throw new FixturesError(
          `fixtures: account ${account.id} pins two ${what}s with id ${JSON.stringify(id)}; give each pinned ${what} an id of its own`,
        );
      }
      ids.add(id);
    };
    for (const pin of account.pinned?.candidates ?? []) {
      check('candidate', pin.id);
      for (const application of pin.applications ?? []) check('application', application.id);
      for (const attachment of pin.attachments ?? []) check('attachment', attachment.id);
    }
  }
}

async function inThread(jobs: SeedJob[], insert: (job: number, batch: SeedBatch) => void, accountDone: (job: number) => void): Promise<void> {
  const { jobRecords } = await import('./job.js');
  for (const [index, job] of jobs.entries()) {
    const packer = new BatchPacker();
    for (const record of jobRecords(job)) {
      packer.push(record);
      if (packer.count < BATCH) continue;
      insert(index, packer.take()!);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const rest = packer.take();
    if (rest) insert(index, rest);
    accountDone(index);
  }
}

function inWorker(jobs: SeedJob[], insert: (job: number, batch: SeedBatch) => void, accountDone: (job: number) => void): Promise<void> {
  // Tests run the TypeScript sources; the built package runs the compiled worker next to this file.
  const file = import.meta.url.endsWith('.ts') ? './seed-worker.ts' : './seed-worker.js';
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(file, import.meta.url), { workerData: { jobs, batch: BATCH } satisfies SeedWork, resourceLimits: WORKER_HEAP });
    let done = false;
    worker.on('message', (message: SeedMessage) => {
      if (message === null) {
        done = true;
        return;
      }
      const [job, records] = message;
      try {
        if (records === null) {
          accountDone(job);
          return;
        }
        insert(job, records);
        // The inserted batch's bytes go back to be filled again: the generator allocates no buffer per batch.
        worker.postMessage(records.bytes.buffer, [records.bytes.buffer]);
      } catch (err) {
        void worker.terminate();
        reject(err as Error);
      }
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (done && code === 0 ? resolve() : reject(new Error(`seed worker stopped (exit code ${code})`))));
  });
}

/** What the account's fixture says besides its data: whether it is a sandbox, and its variables. */
function settingsOf(account: AccountFixture): AccountSettings {
  return {
    ...(account.sandbox ? { sandbox: true } : {}),
    ...(account.variables && Object.keys(account.variables).length > 0 ? { variables: account.variables } : {}),
  };
}
