import { parentPort, workerData } from 'node:worker_threads';
import type { SeedRecord } from '../integrations/types.js';
import { jobRecords, type SeedJob } from './job.js';

const BATCH = 500;
/** Batches posted but not yet inserted: bounds the memory that a fast generator can pile up ahead of the inserts. */
const IN_FLIGHT = 2;

async function run(port: NonNullable<typeof parentPort>, job: SeedJob): Promise<void> {
  let inFlight = 0;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    inFlight--;
    wake?.();
  });
  let batch: SeedRecord[] = [];
  for (const record of jobRecords(job)) {
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
