import { integrationNamed } from '../integrations/registry.js';
import type { SeedRecord } from '../integrations/types.js';
import { buildWorld, type PinnedCandidate } from './world.js';

/** One account to generate: plain data, so it can be handed to a worker thread. */
export interface SeedJob {
  seed: number;
  accountId: string;
  size: number;
  pinned: PinnedCandidate[];
  integration: string;
}

/** The account's raw records, in the order they are stored (in-thread or in the worker). */
export function jobRecords(job: SeedJob): Iterable<SeedRecord> {
  return integrationNamed(job.integration)!.seed(buildWorld(job.seed, job.accountId, job.size, job.pinned));
}
