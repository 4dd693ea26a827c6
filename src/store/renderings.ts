import Database from 'better-sqlite3';

/** Rendered text kept on disk before it is all dropped and rendered again: a bound on the temporary file. */
export const RENDERINGS_MAX_BYTES = 1024 * 1024 * 1024;
/**
 * SQLite's page cache for the renderings: what they may hold in memory (the rest is in the OS's file cache). Room for
 * what a test suite or a frontend reads over and over (2,000 candidates of 6 KB, read under load with no read of the
 * file; list pages are held apart, `answer`): a read from the file's pages in the OS cache (2 MB, measured) cost a
 * get-candidate a tenth of its throughput under load.
 */
const CACHE_KB = 16 * 1024;
/** A kept answer this long or longer (a list page) is held as bytes, once read again: see `answer`. */
export const HELD_MIN_CHARS = 16 * 1024;
/** What the held answers may take: 375 pages of 100 attachments. */
const HELD_MAX_BYTES = 24 * 1024 * 1024;
/** What one held answer costs beyond its key and bytes: the Map entry, the Buffer object, its backing store header. */
const HELD_OVERHEAD = 160;

/**
 * Serialized unified records, each rendered once from the store and kept, so that answering it again is one indexed
 * read instead of reading and composing its raw records (a Greenhouse candidate is its row, its applications and
 * its attachments) and serializing the result.
 *
 * Kept in a private temporary SQLite file on its own connection: the memory it takes is SQLite's page cache (CACHE_KB)
 * and the large answers held as bytes (`maxHeldBytes`), both bounded however many records are kept, and the file
 * (deleted when the process ends, whatever the way) is bounded by `maxBytes`. Its own connection keeps it out of the
 * store's never-committed write transaction: an error here (a full disk) cannot roll back a client's writes, and only
 * disables the renderings.
 *
 * Every key carries the epoch of the data it was rendered from; any write (and a reset) starts a new epoch, so no
 * rendering made before a change is ever read after it (and the held bytes are let go). Renderings of past epochs stay
 * in the file until the bound drops them all.
 */
export class Renderings {
  private db: Database.Database | undefined;
  private read: Database.Statement<[number, string], string> | undefined;
  private keep: Database.Statement<[number, string, string]> | undefined;
  private epoch = 0;
  private kept = 0;
  private uncommitted = 0;
  private broken = false;
  /** Large answers of this epoch, as their UTF-8. */
  private readonly held = new Map<string, Buffer>();
  private heldTotal = 0;

  constructor(
    readonly maxBytes: number = RENDERINGS_MAX_BYTES,
    readonly maxHeldBytes: number = HELD_MAX_BYTES,
    private readonly cacheKb: number = CACHE_KB,
  ) {}

  /** The data changed: nothing rendered before now is read again. */
  invalidate(): void {
    this.epoch++;
    this.drop();
  }

  /** What the answers held as bytes take, counted as key, bytes and overhead each. */
  get heldBytes(): number {
    return this.heldTotal;
  }

  /** What the kept renderings take, counted as the key and text lengths (UTF-16 units) of each set since the last drop. */
  get bytes(): number {
    return this.kept;
  }

  get enabled(): boolean {
    return this.maxBytes > 0 && !this.broken;
  }

  /**
   * The text kept for `key`. Always a string, even for a list page: read as bytes, every page would be a Buffer of its
   * own outside the JavaScript heap, and a run of them made the collector work harder than decoding them does
   * (measured with the heap held small, `npm start`'s flags: 220-250 µs of CPU a 64 KB page as bytes, 150 as text).
   */
  get(key: string): string | undefined {
    if (!this.enabled || this.kept === 0) return undefined;
    try {
      return this.statements().read.get(this.epoch, key);
    } catch {
      this.broken = true;
      return undefined;
    }
  }

  /**
   * A whole answer kept for `key` (a record's get, a list page): its text, or, for a large one read before, its bytes.
   *
   * A 64 KB page read as text is copied out of SQLite's pages, decoded into a string in the young generation and
   * encoded again to be written: a third of a page's CPU (measured). Held as bytes, it is written as it is. A Buffer
   * is made when the answer is read again, not when it is rendered: a walk through a thousand pages, each read once,
   * holds none of them, and what is asked for again fills the room. Full, the rest is read as text, as before: no
   * eviction, so a cycle through more pages than fit costs no more than it did (as for the answer cache). A new epoch
   * empties it.
   */
  answer(key: string): string | Buffer | undefined {
    if (this.held.size > 0) {
      const bytes = this.held.get(key);
      if (bytes !== undefined) return bytes;
    }
    const text = this.get(key);
    if (text === undefined || text.length < HELD_MIN_CHARS) return text;
    const length = Buffer.byteLength(text);
    const cost = key.length + length + HELD_OVERHEAD;
    if (this.heldTotal + cost > this.maxHeldBytes) return text;
    // A Buffer of its own, outside the shared pool, so that no slab outlives it.
    const bytes = Buffer.allocUnsafeSlow(length);
    bytes.write(text);
    this.held.set(key, bytes);
    this.heldTotal += cost;
    return bytes;
  }

  set(key: string, text: string): void {
    if (!this.enabled || text.length > this.maxBytes / 64) return;
    try {
      const { keep } = this.statements();
      // Counted in UTF-16 units: close enough to the bytes written, and never below them by more than a factor of 3.
      if (this.kept + text.length + key.length > this.maxBytes) this.clear();
      keep.run(this.epoch, key, text);
      this.kept += text.length + key.length;
      this.uncommitted += text.length + key.length;
      // Committed before what is kept uncommitted could take a quarter of the page cache: a page dirtied in the open
      // transaction stays pinned in the cache, so with one transaction for ever the cache filled with the first
      // renderings and every later one was read back from the file (1.4 reads a list page, measured). Committed, its
      // pages are clean, and the cache keeps what was used last.
      if (this.uncommitted > this.cacheKb * 256) {
        this.db!.exec('COMMIT; BEGIN');
        this.uncommitted = 0;
      }
    } catch {
      this.broken = true;
    }
  }

  /** Drops every rendering. */
  clear(): void {
    if (this.db && this.kept > 0) this.db.exec('DELETE FROM rendered');
    this.kept = 0;
    this.drop();
  }

  close(): void {
    this.drop();
    this.db?.close();
    this.db = undefined;
    this.read = undefined;
    this.keep = undefined;
    this.broken = true;
  }

  private drop(): void {
    this.held.clear();
    this.heldTotal = 0;
  }

  private statements() {
    if (!this.db) {
      // An empty name: SQLite's private temporary file, removed when the connection closes or the process dies.
      const db = new Database('');
      db.pragma('page_size = 16384');
      db.pragma(`cache_size = -${this.cacheKb}`);
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      // The epoch a column of its own: a key is bound as it is, not copied into a longer one on every read.
      db.exec('CREATE TABLE rendered (epoch INTEGER NOT NULL, key TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (epoch, key))');
      // Kept in transactions of many renderings (see `set`): a rendering kept in autocommit wrote its pages to the
      // file at once (about 95 µs of a first read's 200). Nothing here has to outlive the process, and this connection
      // is the only reader.
      db.exec('BEGIN');
      this.read = db.prepare<[number, string], string>('SELECT body FROM rendered WHERE epoch = ? AND key = ?').pluck();
      this.keep = db.prepare<[number, string, string]>('INSERT OR REPLACE INTO rendered (epoch, key, body) VALUES (?, ?, ?)');
      this.db = db;
    }
    return { read: this.read!, keep: this.keep! };
  }
}
