import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fingerprint, type SeedOptions } from '../seed/fingerprint.js';
import { loadFixtures, type Fixtures } from '../seed/fixtures.js';
import type { SeedProgress } from '../seed/progress.js';
import { Store } from '../store/index.js';
import type { Accounts } from '../truto/accounts.js';

/**
 * The store at `db` for these fixtures and options: reused when its fingerprint matches, else seeded afresh (in a
 * worker: the event loop stays free), reporting how far it has got in `progress`.
 */
export async function openStore(db: string, fixtures: Fixtures, text: string, options: SeedOptions, progress?: SeedProgress): Promise<Store> {
  const print = fingerprint(options, text);
  // The seeder is loaded only when there is something to seed: a replica that reuses a baked file starts without it.
  const reused = Store.reuse(db, print);
  if (reused) return reused;
  const { seedStore } = await import('../seed/seed.js');
  return Store.create(db, print, (s) => seedStore(s, fixtures, options, progress));
}

export interface Generation {
  seed: number;
  candidates: number | undefined;
}

export interface SwapResult extends Generation {
  accounts: number;
  /** False when the data asked for is the data served: it never changes while the mock runs, so nothing is redone. */
  reseeded: boolean;
  /** Milliseconds to wait for in-flight requests, reseed and swap. */
  ms: number;
}

/** How long a reset waits for requests still reading the old store before it closes it anyway. */
const DRAIN_MS = 10_000;

/**
 * The data being served and its replacement (reset, fixtures reload). A replacement waits for the requests that
 * are reading the current store, holds new ones at the door while it seeds, swaps in one assignment and lets
 * them in: none of them sees a closed store or a half-seeded one.
 */
export class Dataset {
  private inFlight = 0;
  private idle: (() => void)[] = [];
  private gate: Promise<unknown> | undefined;
  private watcher: FSWatcher | undefined;
  private debounce: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: string,
    private readonly accounts: Accounts,
    private generation: Generation,
    private fixtures: { path: string; fixtures: Fixtures; text: string },
    private readonly afterSwap: () => void,
  ) {}

  get current(): Generation {
    return { ...this.generation };
  }

  /** True while a replacement is queued or under way. */
  get replacing(): boolean {
    return this.gate !== undefined;
  }

  /** A request that reads the store arrives: it goes in at once, or after the replacement under way. */
  enter(done: () => void): void {
    if (this.gate === undefined) {
      this.inFlight++;
      done();
      return;
    }
    void this.gate.then(() => this.enter(done));
  }

  leave(): void {
    this.inFlight--;
    if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
  }

  /** Reseeds with these options (default: the current ones) from the fixtures loaded last. */
  reset(options: Partial<Generation> = {}): Promise<SwapResult> {
    const generation: Generation = {
      seed: options.seed ?? this.generation.seed,
      candidates: 'candidates' in options ? options.candidates : this.generation.candidates,
    };
    if (this.gate === undefined && generation.seed === this.generation.seed && generation.candidates === this.generation.candidates) {
      return Promise.resolve({ ...generation, accounts: this.accounts.list().length, reseeded: false, ms: 0 });
    }
    return this.replace(generation, this.fixtures);
  }

  /** Reads the fixtures file again and serves it; a file that does not load leaves the data as it is (and throws). */
  async reload(): Promise<SwapResult | undefined> {
    const loaded = loadFixtures(this.fixtures.path);
    if (loaded.text === this.fixtures.text) return undefined;
    return this.replace(this.generation, { path: this.fixtures.path, ...loaded });
  }

  /** Reloads when the fixtures file changes (its folder is watched: editors replace files rather than write them). */
  watch(onReload: (result: SwapResult | undefined, error?: Error) => void): void {
    const name = basename(this.fixtures.path);
    this.watcher = watch(dirname(this.fixtures.path), (_event, file) => {
      if (file !== null && file !== name) return;
      clearTimeout(this.debounce);
      // Editors write in several steps: wait for the burst to end.
      this.debounce = setTimeout(() => {
        this.reload().then((r) => onReload(r), (err: Error) => onReload(undefined, err));
      }, 100);
    });
    this.watcher.on('error', (err) => onReload(undefined, err));
  }

  close(): void {
    clearTimeout(this.debounce);
    this.watcher?.close();
  }

  private replace(generation: Generation, fixtures: Dataset['fixtures']): Promise<SwapResult> {
    const run = async (): Promise<SwapResult> => {
      const started = performance.now();
      await this.drained();
      const options = { seed: generation.seed, candidates: generation.candidates };
      // A file is replaced in place, so its connection closes first; an in-memory store is swapped, then closed.
      if (this.db !== ':memory:') this.accounts.store.close();
      const store = await openStore(this.db, fixtures.fixtures, fixtures.text, options);
      this.accounts.swap(store).close();
      this.generation = generation;
      this.fixtures = fixtures;
      this.afterSwap();
      return { ...generation, accounts: this.accounts.list().length, reseeded: true, ms: Math.round((performance.now() - started) * 10) / 10 };
    };
    // One replacement at a time; requests wait for the last one queued.
    const next = (this.gate ?? Promise.resolve()).catch(() => undefined).then(run);
    const gate: Promise<void> = next.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      if (this.gate === gate) this.gate = undefined;
    });
    this.gate = gate;
    return next;
  }

  private drained(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, DRAIN_MS);
      timer.unref();
      this.idle.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
