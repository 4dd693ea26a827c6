import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fingerprint, type SeedOptions } from '../seed/fingerprint.js';
import { loadFixtures, type Fixtures } from '../seed/fixtures.js';
import type { SeedProgress } from '../seed/progress.js';
import { Store } from '../store/index.js';
import { Readers } from '../store/readers.js';
import type { Accounts } from '../truto/accounts.js';
import { GONE, type Visit } from './visit.js';

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
  /** False when the data asked for is the data served: then only the writes made since are undone. */
  reseeded: boolean;
  /** True when writes made since the start or the last reset were undone. */
  writesUndone: boolean;
  /** Milliseconds to wait for in-flight requests, reseed and swap. */
  ms: number;
}

/**
 * The data being served and its replacement (reset, fixtures reload). A replacement holds new requests at the door
 * while it seeds, swaps in one assignment and lets them in: none of them sees a half-seeded store. Requests already
 * in flight are not waited for: they finish on the store they started on, which stays open until the last of them
 * has left (Readers), however long a slow client takes to read a stream.
 */
export class Dataset {
  private readonly readers = new Readers();
  private gate: Promise<unknown> | undefined;
  private watcher: FSWatcher | undefined;
  private debounce: NodeJS.Timeout | undefined;
  private readonly initial: Generation;

  constructor(
    private readonly db: string,
    private readonly accounts: Accounts,
    private generation: Generation,
    private fixtures: { path: string; fixtures: Fixtures; text: string },
    private readonly afterSwap: () => void,
  ) {
    this.initial = { ...generation };
  }

  get current(): Generation {
    return { ...this.generation };
  }

  /** True while a replacement is queued or under way. */
  get replacing(): boolean {
    return this.gate !== undefined;
  }

  /**
   * A request that reads the store arrives: `admitted` runs at once, or after the replacement under way. `leave`
   * lets it go when it has ended, admitted yet or not.
   */
  admit(visit: Visit, admitted: () => void): void {
    if (this.gate !== undefined) {
      void this.gate.then(() => this.admit(visit, admitted));
      return;
    }
    if (visit.generation !== GONE) visit.generation = this.readers.enter();
    admitted();
  }

  /** The request has ended; calls after the first are ignored. */
  leave(visit: Visit): void {
    if (visit.generation >= 0) this.readers.leave(visit.generation);
    visit.generation = GONE;
  }

  /** Requests in flight, and replaced stores kept open for them. */
  get reading(): { requests: number; retiredStores: number } {
    return { requests: this.readers.reading, retiredStores: this.readers.retiredOpen };
  }

  /**
   * Reseeds with these options from the fixtures loaded last. Options not given are those the mock started with,
   * not those of the last reset: a reset states the settings in full, and a bare one returns to the start-up state.
   */
  reset(options: Partial<Generation> = {}): Promise<SwapResult> {
    const generation: Generation = {
      seed: options.seed ?? this.initial.seed,
      candidates: 'candidates' in options ? options.candidates : this.initial.candidates,
    };
    if (this.gate === undefined && generation.seed === this.generation.seed && generation.candidates === this.generation.candidates) {
      // The seeded data never changes; writes sit in one open transaction: dropping it is the whole reset.
      const started = performance.now();
      const store = this.accounts.store;
      const writesUndone = store.written;
      store.undoWrites();
      if (writesUndone) this.afterSwap();
      const ms = Math.round((performance.now() - started) * 10) / 10;
      return Promise.resolve({ ...generation, accounts: this.accounts.list().length, reseeded: false, writesUndone, ms });
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

  /** Stops watching and closes the replaced stores still open (the current one is closed by its owner). */
  close(): void {
    clearTimeout(this.debounce);
    this.watcher?.close();
    this.readers.closeAll();
  }

  private replace(generation: Generation, fixtures: Dataset['fixtures']): Promise<SwapResult> {
    const run = async (): Promise<SwapResult> => {
      const started = performance.now();
      const options = { seed: generation.seed, candidates: generation.candidates };
      const old = this.accounts.store;
      const writesUndone = old.written;
      // A file is replaced in place: the old connection lets go of its name and keeps reading its own data. When it
      // cannot, the requests reading it are waited for and it is closed before the file goes.
      if (!old.releaseFile()) {
        await this.readers.drained();
        old.close();
      }
      const store = await openStore(this.db, fixtures.fixtures, fixtures.text, options);
      this.accounts.swap(store);
      this.readers.retire(() => old.close());
      this.generation = generation;
      this.fixtures = fixtures;
      this.afterSwap();
      return { ...generation, accounts: this.accounts.list().length, reseeded: true, writesUndone, ms: Math.round((performance.now() - started) * 10) / 10 };
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

}
