import { parentPort, workerData } from 'node:worker_threads';
import { BatchPacker } from './batch.js';
import { jobRecords } from './job.js';
import type { SeedMessage, SeedWork } from './seed.js';

/** Batches posted but not yet inserted: bounds the memory that a fast generator can pile up ahead of the inserts. */
const IN_FLIGHT = 2;

async function run(port: NonNullable<typeof parentPort>, { jobs, batch: size }: SeedWork): Promise<void> {
  let inFlight = 0;
  let wake: (() => void) | undefined;
  const packer = new BatchPacker();
  port.on('message', (returned: ArrayBuffer) => {
    packer.recycle(returned);
    inFlight--;
    wake?.();
  });
  const post = async (message: SeedMessage) => {
    port.postMessage(message, message?.[1] ? [message[1].lengths.buffer, message[1].bytes.buffer] : []);
    if (message === null || message[1] === null) return;
    inFlight++;
    while (inFlight >= IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
  };
  for (const [index, job] of jobs.entries()) {
    for (const record of jobRecords(job)) {
      packer.push(record);
      if (packer.count < size) continue;
      await post([index, packer.take()!]);
    }
    const rest = packer.take();
    if (rest) await post([index, rest]);
    await post([index, null]);
  }
  await post(null);
  port.unref();
}

if (parentPort) await run(parentPort, workerData as SeedWork);
