import { parentPort, workerData } from 'node:worker_threads';
import type { SeedRecord } from '../integrations/types.js';
import { jobRecords } from './job.js';
import type { SeedMessage, SeedWork } from './seed.js';

/** Batches posted but not yet inserted: bounds the memory that a fast generator can pile up ahead of the inserts. */
const IN_FLIGHT = 2;

async function run(port: NonNullable<typeof parentPort>, { jobs, batch: size }: SeedWork): Promise<void> {
  let inFlight = 0;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    inFlight--;
    wake?.();
  });
  const post = async (message: SeedMessage) => {
    port.postMessage(message);
    if (message === null || message[1] === null) return;
    inFlight++;
    while (inFlight >= IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
  };
  for (const [index, job] of jobs.entries()) {
    let batch: SeedRecord[] = [];
    for (const record of jobRecords(job)) {
      batch.push(record);
      if (batch.length < size) continue;
      await post([index, batch]);
      batch = [];
    }
    if (batch.length > 0) await post([index, batch]);
    await post([index, null]);
  }
  await post(null);
  port.unref();
}

if (parentPort) await run(parentPort, workerData as SeedWork);
