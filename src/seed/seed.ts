import { createHash } from 'node:crypto';
import { integrationNamed } from '../integrations/registry.js';
import type { Store } from '../store/index.js';
import type { Fixtures } from './fixtures.js';
import { buildWorld } from './world.js';

/** Bump when generation changes, so files seeded by an older generator are seeded afresh. */
export const GENERATOR_VERSION = 1;

export interface SeedOptions {
  seed: number;
  /** Candidates per account; each account's fixture size when absent. */
  candidates?: number | undefined;
}

export function fingerprint(options: SeedOptions, fixturesText: string): string {
  return createHash('sha256')
    .update(JSON.stringify({ v: GENERATOR_VERSION, seed: options.seed, candidates: options.candidates ?? null }))
    .update(fixturesText)
    .digest('hex');
}

export function seedStore(store: Store, fixtures: Fixtures, options: SeedOptions): void {
  for (const account of fixtures.accounts) {
    const integration = integrationNamed(account.integration)!;
    const size = options.candidates ?? account.candidates;
    const key = store.insertAccount({ id: account.id, integration: integration.name, name: account.name, candidates: size });
    const world = buildWorld(options.seed, account.id, size, account.pinned?.candidates ?? []);
    const seqs = new Map<string, number>();
    for (const { kind, record } of integration.seed(world)) {
      const seq = (seqs.get(kind) ?? 0) + 1;
      seqs.set(kind, seq);
      store.records.insert(key, kind, seq, record);
    }
  }
}
