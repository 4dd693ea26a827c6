import { createHash } from 'node:crypto';
import { MIGRATIONS } from '../store/migrations.js';

/**
 * Bump when generation changes, so files seeded by an older generator are seeded afresh (a new migration does the
 * same through the schema version).
 */
export const GENERATOR_VERSION = 6;

export interface SeedOptions {
  seed: number;
  /** Candidates per account; each account's fixture size when absent. */
  candidates?: number | undefined;
}

export function fingerprint(options: SeedOptions, fixturesText: string): string {
  return createHash('sha256')
    .update(JSON.stringify({ v: GENERATOR_VERSION, schema: MIGRATIONS.length, seed: options.seed, candidates: options.candidates ?? null }))
    .update(fixturesText)
    .digest('hex');
}
