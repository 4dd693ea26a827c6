import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../config.js';
import { migrate } from './migrations.js';
import { RecordStore } from './records.js';
import { Renderings } from './renderings.js';
import { WriteLog } from './writes.js';

export interface AccountRow {
  /** The store's own small key for the account, used in every record row. */
  key: number;
  id: string;
  integration: string;
  name: string;
  candidates: number;
  /** The account's fixture settings: a sandbox refuses writes; variables such as `on_behalf_of_user_id`. */
  settings: AccountSettings;
}

export interface AccountSettings {
  sandbox?: boolean;
  variables?: Record<string, string>;
}

/** `meta.created_by` of every store this mock writes: the one proof that a file at `--db` may be replaced. */
const CREATOR = 'truto-ats-mock';

/**
 * The SQLite store. A file is reused as it is when it was seeded with the same fingerprint (seed, sizes,
 * fixtures, generator and schema version), read-only when it cannot be written (a baked file on a read-only mount);
 * otherwise it is seeded afresh into a file beside it that replaces it only once complete. A file that is not a
 * store of this mock is never replaced: opening refuses it.
 */
export class Store {
  readonly records: RecordStore;
  readonly writes: WriteLog;
  /** Unified records as rendered from this store's data, kept until it changes. */
  readonly renderings = new Renderings();
  /** True when this open seeded the data (false: an existing file matched the fingerprint). */
  readonly seeded: boolean;
  /** True when the file could not be written and was opened read-only (it is never written after seeding). */
  readonly readonly: boolean;

  private readonly selectAccounts: Database.Statement<[], Omit<AccountRow, 'settings'> & { settings: string | null }>;
  private readonly insertAccountRow: Database.Statement<[Omit<AccountRow, 'key' | 'settings'> & { settings: string | null }]>;

  private constructor(
    readonly db: Database.Database,
    seeded: boolean,
    readonly_ = false,
  ) {
    this.records = new RecordStore(db);
    this.writes = new WriteLog(db);
    this.seeded = seeded;
    this.readonly = readonly_;
    this.selectAccounts = db.prepare('SELECT key, id, integration, name, candidates, settings FROM accounts ORDER BY key');
    this.insertAccountRow = db.prepare(
      'INSERT INTO accounts (id, integration, name, candidates, settings) VALUES (@id, @integration, @name, @candidates, @settings)',
    );
  }

  /**
   * The store at `path` if it was seeded with this fingerprint; undefined when it must be (re)seeded. Throws a
   * `ConfigError` when `path` cannot hold a store or holds something that is not one of ours.
   */
  static reuse(path: string, fingerprint: string): Store | undefined {
    if (path === MEMORY) return undefined;
    const found = inspect(path);
    if (found?.fingerprint !== fingerprint) return undefined;
    const readonly = !writable(path);
    return new Store(configure(open(path, { readonly, fileMustExist: true })), false, readonly);
  }

  /**
   * A new store at `path`, filled by `seed` in one transaction. The seeder may await (rows arriving from a worker):
   * nothing else uses the connection until the store is returned. A file is seeded beside `path` and renamed over
   * it once complete, so an interrupted seed (a signal, kill -9, a full disk) leaves the previous file, or none.
   */
  static async create(path: string, fingerprint: string, seed: (store: Store) => Promise<void>): Promise<Store> {
    if (path === MEMORY) {
      const db = new Database(MEMORY);
      await Store.fill(db, fingerprint, seed);
      return new Store(configure(db), true);
    }
    const previous = inspect(path);
    const dir = dirname(resolve(path));
    if (!canWrite(dir)) {
      throw dbError(
        previous
          ? `${path} was seeded with other settings and ${dir} cannot be written, so it cannot be seeded again: ` +
              'start with the settings it was seeded with, or choose a --db in a writable directory'
          : `cannot create ${path}: ${dir} cannot be written; choose a --db in a writable directory, or seed the file ` +
              'beforehand (npm run seed) and serve it from there read-only',
      );
    }
    const temp = `${path}.seeding`;
    // The file of an interrupted seed: its name is ours.
    const cleanup = () => {
      for (const suffix of ['', '-journal']) rmSync(temp + suffix, { force: true });
    };
    cleanup();
    process.once('exit', cleanup);
    let db: Database.Database | undefined;
    try {
      db = open(temp, {});
      await Store.fill(db, fingerprint, seed);
      db.close();
      // What the previous store left beside it (a legacy WAL store's files) would be read as part of the new one.
      for (const suffix of ['-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
      renameSync(temp, path);
    } catch (err) {
      db?.close();
      cleanup();
      if ((err as { code?: string }).code === 'SQLITE_FULL') throw dbError(`the disk is full: ${path} could not be seeded; free some space or choose another --db`);
      throw err;
    } finally {
      process.off('exit', cleanup);
    }
    return new Store(configure(open(path, { fileMustExist: true })), true);
  }

  /** Schema, ownership, the seeded rows and the fingerprint, written in one go: a crash leaves no fingerprint. */
  private static async fill(db: Database.Database, fingerprint: string, seed: (store: Store) => Promise<void>): Promise<void> {
    // A fresh file is written in one go, beside its final name: its rollback journal can stay in memory (OFF, which
    // better-sqlite3's defensive mode refuses, silently left a journal file beside it).
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    // Set before the first table: raw records run to kilobytes, and larger pages hold them in fewer overflow pages.
    db.pragma('page_size = 16384');
    // While seeding only (configure() sets the serving size). Rows and most keys are appended in order, so few pages
    // are hot: 8 MB seeds as fast as 64 MB did, and the seed's peak memory is what the rest of it costs.
    db.pragma('cache_size = -8192');
    migrate(db);
    const setMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    setMeta.run('created_by', CREATOR);
    const store = new Store(db, true);
    db.exec('BEGIN');
    try {
      await seed(store);
      setMeta.run('fingerprint', fingerprint);
      db.exec('COMMIT');
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
    db.pragma('optimize');
  }

  accounts(): AccountRow[] {
    return this.selectAccounts.all().map((row) => ({ ...row, settings: row.settings === null ? {} : (JSON.parse(row.settings) as AccountSettings) }));
  }

  /** Adds an account and returns its key. */
  insertAccount(account: Omit<AccountRow, 'key'>): number {
    const settings = Object.keys(account.settings).length > 0 ? JSON.stringify(account.settings) : null;
    return Number(this.insertAccountRow.run({ ...account, settings }).lastInsertRowid);
  }

  /**
   * Runs a write atomically (a throw leaves nothing changed). Writes accumulate in one transaction that is never
   * committed: every read on this connection sees them, `undoWrites` drops them all at once, and the file keeps
   * its seeded data (a crash leaves a journal that SQLite rolls back on the next open).
   */
  write<T>(fn: () => T): T {
    if (this.readonly) throw new ReadonlyStoreError();
    if (!this.db.inTransaction) {
      // A changed record's keys are dropped by its seq: made on the first write rather than at seeding (which it would
      // slow), and kept in the file (it changes no data) so that a reset, which undoes the writes, keeps it.
      this.db.exec('CREATE INDEX IF NOT EXISTS record_keys_by_seq ON record_keys (account, kind, seq)');
      this.db.exec('BEGIN');
    }
    try {
      return this.db.transaction(fn)();
    } finally {
      // Whatever it changed (or undid, if it threw): every record rendered before it may be stale.
      this.renderings.invalidate();
    }
  }

  /** True when writes have been made since the store was opened or last undone. */
  get written(): boolean {
    return this.db.open && this.db.inTransaction;
  }

  /** Drops every write: back to the data as seeded. */
  undoWrites(): void {
    if (this.db.open && this.db.inTransaction) this.db.exec('ROLLBACK');
    this.renderings.invalidate();
  }

  /**
   * Lets the file be replaced under this connection, which keeps reading the data it has (the unlinked file) until
   * it closes. In WAL mode the connection shares its `-wal` and `-shm` files with the next store by name, and on
   * closing deletes them: it leaves WAL mode first. False when it cannot (a statement or another connection is
   * using the file): then the file must not be replaced before this store is closed.
   */
  releaseFile(): boolean {
    if (!this.db.open || this.db.memory) return true;
    this.undoWrites();
    try {
      return this.db.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
    } catch {
      return false;
    }
  }

  close(): void {
    this.renderings.close();
    if (this.db.open) this.db.close();
  }
}

const MEMORY = ':memory:';

/** A write on a store opened read-only (a baked file on a read-only mount). */
export class ReadonlyStoreError extends Error {
  constructor() {
    super('the database file is read-only');
  }
}

/**
 * What is at `path`: nothing that could be lost (undefined), or a store of ours with the fingerprint it was
 * seeded with (none if its seeding never finished). Anything else is refused, and left as it is.
 */
function inspect(path: string): { fingerprint: string | undefined } | undefined {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    const dir = dirname(resolve(path));
    if (!existsSync(dir)) throw dbError(`the directory ${dir} does not exist: create it, or choose another --db`);
    if (!statSync(dir).isDirectory()) throw dbError(`${dir} is not a directory: choose another --db`);
    return undefined;
  }
  if (stat.isDirectory()) throw dbError(`${path} is a directory: give the path of a file, such as ${join(path, 'truto-ats-mock.db')}`);
  if (stat.size === 0) return undefined;
  if (!canRead(path)) throw dbError(`${path} cannot be read (permission denied): fix its permissions, or choose another --db`);
  // Writes are never committed: a process that died with writes under way left a journal, which a read-write
  // connection rolls back on its first read (a read-only one cannot), restoring the data as seeded.
  if (existsSync(`${path}-journal`) && writable(path)) {
    const rw = open(path, { fileMustExist: true });
    try {
      rw.prepare('SELECT count(*) FROM sqlite_master').get();
    } finally {
      rw.close();
    }
  }
  const db = open(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    if (tables.length === 0) return undefined;
    // Stores written before `created_by` are known by their tables.
    const legacy = ['accounts', 'meta', 'record_keys', 'records'].every((t) => tables.includes(t));
    const meta = tables.includes('meta')
      ? new Map(db.prepare<[], { key: string; value: string }>('SELECT key, value FROM meta').all().map((r) => [r.key, r.value]))
      : new Map<string, string>();
    if (meta.get('created_by') !== CREATOR && !legacy) {
      throw notOurs(path, `a SQLite database with its own tables: ${tables.slice(0, 6).join(', ')}${tables.length > 6 ? ', …' : ''}`);
    }
    return { fingerprint: meta.get('fingerprint') };
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') throw notOurs(path, 'not a SQLite database');
    if (code === 'SQLITE_CORRUPT') throw notOurs(path, 'a damaged SQLite database');
    throw err;
  } finally {
    db.close();
  }
}

function notOurs(path: string, what: string): ConfigError {
  return dbError(`${path} is not a truto-ats-mock store (${what}); it is left as it is: choose another --db, or remove the file yourself`);
}

function dbError(detail: string): ConfigError {
  return new ConfigError(`invalid setting db (--db / TRUTO_MOCK_DB): ${detail}`);
}

function open(path: string, options: Database.Options): Database.Database {
  try {
    return new Database(path, options);
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') {
      throw dbError(`cannot ${options.fileMustExist ? 'open' : 'create'} ${path} (${(err as Error).message}): check the file and its directory, or choose another --db`);
    }
    throw err;
  }
}

function canRead(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A reused file is opened for writing only when it and its directory (for SQLite's journal) can be written. */
function writable(path: string): boolean {
  return canWrite(path) && canWrite(dirname(resolve(path)));
}

function configure(db: Database.Database): Database.Database {
  // No WAL: the file is never written after seeding, and a WAL file cannot be opened on a read-only mount.
  db.pragma('foreign_keys = ON');
  db.pragma('cache_size = -8000');
  return db;
}
