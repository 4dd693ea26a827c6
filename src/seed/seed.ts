import { Worker } from 'node:worker_threads';
import { integrationNamed } from '../integrations/registry.js';
import type { SeedRecord } from '../integrations/types.js';
import type { Store } from '../store/index.js';
import type { Fixtures } from './fixtures.js';
import type { SeedOptions } from './fingerprint.js';
import type { SeedJob } from './job.js';

/** Below this many candidates an account is generated in-thread: a worker's start-up would cost more than it saves. */
const WORKER_THRESHOLD = 5_000;

export async function seedStore(
  store: Store,
  fixtures: Fixtures,
  options: SeedOptions,
  workerThreshold = WORKER_THRESHOLD,
): Promise<void> {
  for (const account of fixtures.accounts) {
    const integration = integrationNamed(account.integration)!;
    const size = options.candidates ?? account.candidates;
    const key = store.insertAccount({ id: account.id, integration: integration.name, name: account.name, candidates: size });
    const seqs = new Map<string, number>();
    const insert = (records: Iterable<SeedRecord>) => {
      for (const { kind, record } of records) {
        const seq = (seqs.get(kind) ?? 0) + 1;
        seqs.set(kind, seq);
        store.records.insert(key, kind, seq, record);
      }
    };
    const job: SeedJob = { seed: options.seed, accountId: account.id, size, pinned: account.pinned?.candidates ?? [], integration: integration.name };
    if (size < workerThreshold) {
      // Loaded here, not at the top: when a worker generates, faker's vocabulary stays out of this thread's heap.
      const { jobRecords } = await import('./job.js');
      insert(jobRecords(job));
    } else {
      await inWorker(job, insert);
    }
  }
}

/**
 * Generation (faker vocabulary, JSON rendering) in a worker thread while this thread inserts: the two halves take
 * about as long as each other, so 100,000 candidates seed in about two thirds of the time (11–16 s, not 15–23 s).
 */
function inWorker(job: SeedJob, insert: (batch: SeedRecord[]) => void): Promise<void> {
  // Tests run the TypeScript sources; the built package runs the compiled worker next to this file.
  const file = import.meta.url.endsWith('.ts') ? './seed-worker.ts' : './seed-worker.js';
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(file, import.meta.url), { workerData: job });
    let done = false;
    worker.on('message', (batch: SeedRecord[] | null) => {
      if (batch === null) {
        done = true;
        return;
      }
      try {
        insert(batch);
        worker.postMessage('ack');
      } catch (err) {
        void worker.terminate();
        reject(err as Error);
      }
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (done && code === 0 ? resolve() : reject(new Error(`seed worker stopped (exit code ${code})`))));
  });
}
