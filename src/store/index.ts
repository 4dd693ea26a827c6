import Database from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import { migrate } from './migrations.js';
import { RecordStore } from './records.js';

export interface AccountRow {
  /** The store's own small key for the account, used in every record row. */
  key: number;
  id: string;
  integration: string;
  name: string;
  candidates: number;
}

/**
 * The SQLite store. A file is reused as it is when it was seeded with the same fingerprint (seed, sizes,
 * fixtures, generator and schema version); otherwise it is replaced and seeded afresh.
 */
export class Store {
  readonly records: RecordStore;
  /** True when this open seeded the data (false: an existing file matched the fingerprint). */
  readonly seeded: boolean;

  private readonly selectAccounts: Database.Statement<[], AccountRow>;
  private readonly insertAccountRow: Database.Statement<[Omit<AccountRow, 'key'>]>;

  private constructor(
    readonly db: Database.Database,
    seeded: boolean,
  ) {
    this.records = new RecordStore(db);
    this.seeded = seeded;
    this.selectAccounts = db.prepare('SELECT key, id, integration, name, candidates FROM accounts ORDER BY key');
    this.insertAccountRow = db.prepare(
      'INSERT INTO accounts (id, integration, name, candidates) VALUES (@id, @integration, @name, @candidates)',
    );
  }

  /** The store at `path` if it was seeded with this fingerprint; undefined when it must be (re)seeded. */
  static reuse(path: string, fingerprint: string): Store | undefined {
    if (path === ':memory:' || !existsSync(path)) return undefined;
    const existing = tryOpenMatching(path, fingerprint);
    return existing ? new Store(configure(existing, false), false) : undefined;
  }

  /**
   * A new store at `path` (replacing whatever is there), filled by `seed` in one transaction. The seeder may await
   * (rows arriving from a worker): nothing else uses the connection until the store is returned.
   */
  static async create(path: string, fingerprint: string, seed: (store: Store) => Promise<void>): Promise<Store> {
    const memory = path === ':memory:';
    if (!memory) for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
    const db = new Database(path);
    // A fresh file is written in one go: no journal needed until it is complete, and a crash leaves no fingerprint.
    if (!memory) db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    migrate(db);
    const store = new Store(db, true);
    db.exec('BEGIN');
    try {
      await seed(store);
      db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('fingerprint', fingerprint);
      db.exec('COMMIT');
    } catch (err) {
      db.close();
      throw err;
    }
    db.pragma('optimize');
    configure(db, memory);
    return store;
  }

  accounts(): AccountRow[] {
    return this.selectAccounts.all();
  }

  /** Adds an account and returns its key. */
  insertAccount(account: Omit<AccountRow, 'key'>): number {
    return Number(this.insertAccountRow.run(account).lastInsertRowid);
  }

  /**
   * Lets the file be replaced under this connection, which keeps reading the data it has (the unlinked file) until
   * it closes. In WAL mode the connection shares its `-wal` and `-shm` files with the next store by name, and on
   * closing deletes them: it leaves WAL mode first. False when it cannot (a statement or another connection is
   * using the file): then the file must not be replaced before this store is closed.
   */
  releaseFile(): boolean {
    if (!this.db.open || this.db.memory) return true;
    try {
      return this.db.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
    } catch {
      return false;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function tryOpenMatching(path: string, fingerprint: string): Database.Database | undefined {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: true });
    const row = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'fingerprint'").get();
    if (row?.value === fingerprint) return db;
  } catch {
    // Not a database of ours, or an incomplete one: it is replaced.
  }
  db?.close();
  return undefined;
}

function configure(db: Database.Database, memory: boolean): Database.Database {
  if (!memory) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('cache_size = -8000');
  return db;
}
