import { parentPort, workerData } from 'node:worker_threads';
import { integrationNamed } from '../integrations/registry.js';
import type { SeedRecord } from '../integrations/types.js';
import { buildWorld, type PinnedCandidate } from './world.js';

export interface SeedJob {
  seed: number;
  accountId: string;
  size: number;
  pinned: PinnedCandidate[];
  integration: string;
}

const BATCH = 500;
/** Batches posted but not yet inserted: bounds the memory that a fast generator can pile up ahead of the inserts. */
const IN_FLIGHT = 2;

async function run(port: NonNullable<typeof parentPort>, job: SeedJob): Promise<void> {
  const integration = integrationNamed(job.integration)!;
  let inFlight = 0;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    inFlight--;
    wake?.();
  });
  let batch: SeedRecord[] = [];
  for (const record of integration.seed(buildWorld(job.seed, job.accountId, job.size, job.pinned))) {
    batch.push(record);
    if (batch.length < BATCH) continue;
    port.postMessage(batch);
    batch = [];
    inFlight++;
    while (inFlight >= IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
  }
  port.postMessage(batch);
  port.postMessage(null);
  port.unref();
}

if (parentPort) await run(parentPort, workerData as SeedJob);
