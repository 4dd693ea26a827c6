import { integrationNamed } from '../integrations/registry.js';
import type { Store } from '../store/index.js';
import type { Fixtures } from './fixtures.js';
import type { SeedOptions } from './fingerprint.js';
import { buildWorld } from './world.js';

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
