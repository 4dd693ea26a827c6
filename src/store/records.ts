import type { Database, Statement } from 'better-sqlite3';

/**
 * The records a record belongs to, by kind, as its integration names them: `{ candidate: '…', job: '…' }` (Breezy's
 * `job` is the candidate's position). Each is also the lookup key `<ref>:<id>` (see `refKey`).
 */
export type Refs = Readonly<Record<string, string>>;

/** A stored record: the integration's raw JSON, its refs, and the dates lists filter by. */
export interface RecordRow {
  seq: number;
  id: string;
  created_at: string;
  updated_at: string;
  refs: Refs;
  raw: string;
}

export interface NewRecord {
  id: string;
  created_at: string;
  updated_at: string;
  refs?: Refs;
  /** Exact-match lookup keys besides its refs, such as `email:ada@example.com`. */
  keys?: readonly string[];
  raw: string;
}

/** A record as stored: refs as their JSON (null: none), and every lookup key it is indexed by (`keysOf`). */
export interface EncodedRecord {
  id: string;
  created_at: string;
  updated_at: string;
  refs: string | null;
  /** The JSON, or its UTF-8 bytes (stored as the same text). */
  raw: string | Uint8Array;
  keys: readonly string[];
}

export interface DateRange {
  gt?: string;
  gte?: string;
  lt?: string;
  lte?: string;
}

/**
 * A date inside the raw record, for an API that filters by a date of its own (Harvest's interview start): read at
 * the first of its JSON paths that is present (`$.start.date_time`, else `$.start.date`), compared as a UTC instant
 * (a bare day is its midnight, an offset is applied). A record without it does not match.
 */
export interface RecordDate {
  paths: readonly [string] | readonly [string, string];
  range: DateRange;
}

/** How many record dates one list may carry. */
export const RECORD_DATES = 2;

/** What a list asks of the store. Dates are ISO 8601 UTC with milliseconds, as stored. */
export interface RecordFilter {
  /** Lookup keys (refs as `refKey`, or NewRecord.keys): a record must have every one. */
  keys?: readonly string[];
  ids?: readonly string[];
  createdAt?: DateRange;
  updatedAt?: DateRange;
  /** At most RECORD_DATES. */
  recordDates?: readonly RecordDate[];
}

/** The lookup key a ref is indexed by: a list of a candidate's files asks for `candidate:<id>`. */
export const refKey = (ref: string, id: string): string => `${ref}:${id}`;

/** Every lookup key the store indexes a record by: its refs, then its own keys. */
export function keysOf(record: Pick<NewRecord, 'refs' | 'keys'>): string[] {
  const out: string[] = [];
  for (const name in record.refs) out.push(refKey(name, record.refs[name]!));
  if (record.keys) out.push(...record.keys);
  return out;
}

const NO_REFS: Refs = Object.freeze({});

/** A record's key rows, flat, as the key inserts bind them. */
const keyParams = (account: number, kind: string, seq: number, keys: readonly string[]): unknown[] =>
  keys.flatMap((key) => [account, kind, key, seq]);
const KEYS_PER_CALL = 8;
/**
 * Keys a seeded batch inserts per call, whatever record they belong to: one call per record cost the seed's thread
 * about 15% more CPU than calls of this many rows (measured at 50,000 candidates, interleaved runs).
 */
const SEED_KEYS_PER_CALL = 128;

interface StoredRow extends Omit<RecordRow, 'refs'> {
  refs: string | null;
}

const toRow = (row: StoredRow): RecordRow => ({ ...row, refs: row.refs === null ? NO_REFS : (JSON.parse(row.refs) as Refs) });

const COLUMNS = 'r.seq, r.id, r.created_at, r.updated_at, r.refs, r.raw';

/** Record date `n`, as the stored dates are written; its JSON paths are bound like any value. */
const recordDate = (n: number) => `strftime('%Y-%m-%dT%H:%M:%fZ', coalesce(json_extract(r.raw, @d${n}_p), json_extract(r.raw, @d${n}_q)))`;

/**
 * The conditions a list may carry besides its keys, as fixed SQL fragments. A page statement is made of the
 * fragments its filter uses (and of as many key lookups as it has keys), prepared the first time that shape is
 * asked for and reused after; no SQL is ever built from request text.
 */
const CONDITIONS = {
  ids: 'r.id IN (SELECT value FROM json_each(@ids))',
  c_gt: 'r.created_at > @c_gt',
  c_gte: 'r.created_at >= @c_gte',
  c_lt: 'r.created_at < @c_lt',
  c_lte: 'r.created_at <= @c_lte',
  u_gt: 'r.updated_at > @u_gt',
  u_gte: 'r.updated_at >= @u_gte',
  u_lt: 'r.updated_at < @u_lt',
  u_lte: 'r.updated_at <= @u_lte',
  d1_gt: `${recordDate(1)} > @d1_gt`,
  d1_gte: `${recordDate(1)} >= @d1_gte`,
  d1_lt: `${recordDate(1)} < @d1_lt`,
  d1_lte: `${recordDate(1)} <= @d1_lte`,
  d2_gt: `${recordDate(2)} > @d2_gt`,
  d2_gte: `${recordDate(2)} >= @d2_gte`,
  d2_lt: `${recordDate(2)} < @d2_lt`,
  d2_lte: `${recordDate(2)} <= @d2_lte`,
} as const;
type Condition = keyof typeof CONDITIONS;

/** The bound values of a filter's conditions, and the JSON paths of the record dates they read. */
function bindings(filter: RecordFilter): Record<string, string> {
  const c = filter.createdAt ?? {};
  const u = filter.updatedAt ?? {};
  const dates = filter.recordDates ?? [];
  if (dates.length > RECORD_DATES) throw new Error(`a list takes at most ${RECORD_DATES} record dates (got ${dates.length})`);
  const [d1 = {}, d2 = {}] = dates.map((d) => d.range);
  const paths: Record<string, string> = {};
  dates.forEach((d, i) => {
    if (Object.values(d.range).every((v) => v === undefined)) return;
    paths[`d${i + 1}_p`] = d.paths[0];
    paths[`d${i + 1}_q`] = d.paths[1] ?? d.paths[0];
  });
  const all: Record<Condition, string | undefined> = {
    ids: filter.ids ? JSON.stringify(filter.ids) : undefined,
    c_gt: c.gt,
    c_gte: c.gte,
    c_lt: c.lt,
    c_lte: c.lte,
    u_gt: u.gt,
    u_gte: u.gte,
    u_lt: u.lt,
    u_lte: u.lte,
    d1_gt: d1.gt,
    d1_gte: d1.gte,
    d1_lt: d1.lt,
    d1_lte: d1.lte,
    d2_gt: d2.gt,
    d2_gte: d2.gte,
    d2_lt: d2.lt,
    d2_lte: d2.lte,
  };
  const set = Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined);
  return { ...Object.fromEntries(set), ...paths };
}

/**
 * A page's SQL for `keyCount` keys and these conditions. With keys, the walk is the first key's range of
 * `record_keys` (its primary key is (account, kind, key, seq), so `seq > @after ORDER BY seq` seeks and reads in
 * order) and each row is fetched by (account, kind, seq); further keys are point lookups on the same primary key.
 * CROSS JOIN keeps SQLite from turning the walk around. Without keys, `records` is walked by (account, kind, seq).
 */
function pageSql(keyCount: number, used: readonly Condition[]): string {
  const where = used.map((c) => ` AND ${CONDITIONS[c]}`).join('');
  if (keyCount === 0) {
    return `SELECT ${COLUMNS} FROM records r WHERE r.account = @account AND r.kind = @kind AND r.seq > @after${where} ORDER BY r.seq LIMIT @limit`;
  }
  let more = '';
  for (let i = 1; i < keyCount; i++) {
    more += ` AND EXISTS (SELECT 1 FROM record_keys k${i} WHERE k${i}.account = @account AND k${i}.kind = @kind AND k${i}.key = @k${i} AND k${i}.seq = k.seq)`;
  }
  return `SELECT ${COLUMNS} FROM record_keys k CROSS JOIN records r ON r.account = k.account AND r.kind = k.kind AND r.seq = k.seq
    WHERE k.account = @account AND k.kind = @kind AND k.key = @k0 AND k.seq > @after${more}${where} ORDER BY k.seq LIMIT @limit`;
}

export class RecordStore {
  private readonly byId: Statement<[number, string, string], StoredRow>;
  private readonly byKeyOne: Statement<{ account: number; kind: string; key: string }, StoredRow>;
  private readonly byKeyMany: Statement<{ account: number; kind: string; keys: string }, StoredRow>;
  private readonly pages = new Map<string, Statement<Record<string, unknown>, StoredRow>>();
  private readonly insertOne: Statement<[number, string, number, string, string, string, string | null, string]>;
  private readonly seqOf: Statement<[number, string, string], number>;
  private readonly lastSeq: Statement<[number, string], number | null>;
  private readonly updateOne: Statement<[string, string, string | null, string, number, string, number]>;
  private readonly dropKeys: Statement<[number, string, number]>;
  private readonly insertOneBytes: Statement<[number, string, number, string, string, string, string | null, Uint8Array]>;
  /** Inserts of 1..KEYS_PER_CALL keys in one call: a record's keys cost one call, not one each. */
  private readonly insertKeys: Statement<unknown[]>[] = [];
  private readonly insertSeedKeys: Statement<unknown[]>;

  constructor(private readonly db: Database) {
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM records r WHERE r.account = ? AND r.kind = ? AND r.id = ?`);
    this.byKeyOne = db.prepare(
      `SELECT ${COLUMNS} FROM record_keys k CROSS JOIN records r ON r.account = k.account AND r.kind = k.kind AND r.seq = k.seq
       WHERE k.account = @account AND k.kind = @kind AND k.key = @key ORDER BY k.seq`,
    );
    // A record holding two of the keys is one row: the keys pick seqs, the seqs pick records.
    this.byKeyMany = db.prepare(
      `SELECT ${COLUMNS} FROM records r WHERE r.account = @account AND r.kind = @kind AND r.seq IN (
         SELECT k.seq FROM record_keys k WHERE k.account = @account AND k.kind = @kind AND k.key IN (SELECT value FROM json_each(@keys))
       ) ORDER BY r.seq`,
    );
    this.insertOne = db.prepare(
      'INSERT INTO records (account, kind, seq, id, created_at, updated_at, refs, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.seqOf = db.prepare<[number, string, string], number>('SELECT seq FROM records WHERE account = ? AND kind = ? AND id = ?').pluck();
    this.lastSeq = db.prepare<[number, string], number | null>('SELECT max(seq) FROM records WHERE account = ? AND kind = ?').pluck();
    this.updateOne = db.prepare('UPDATE records SET created_at = ?, updated_at = ?, refs = ?, raw = ? WHERE account = ? AND kind = ? AND seq = ?');
    this.dropKeys = db.prepare('DELETE FROM record_keys WHERE account = ? AND kind = ? AND seq = ?');
    // Bytes bound as they are would be stored as a BLOB: the CAST makes them the text they encode, without decoding them.
    this.insertOneBytes = db.prepare(
      'INSERT INTO records (account, kind, seq, id, created_at, updated_at, refs, raw) VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT))',
    );
    // OR IGNORE: a record may list the same key twice (two spellings of one email).
    const keyInsert = (rows: number) =>
      db.prepare<unknown[]>(`INSERT OR IGNORE INTO record_keys (account, kind, key, seq) VALUES ${Array(rows).fill('(?, ?, ?, ?)').join(', ')}`);
    for (let n = 1; n <= KEYS_PER_CALL; n++) this.insertKeys.push(keyInsert(n));
    this.insertSeedKeys = keyInsert(SEED_KEYS_PER_CALL);
  }

  get(account: number, kind: string, id: string): RecordRow | undefined {
    const row = this.byId.get(account, kind, id);
    return row && toRow(row);
  }

  /** Records of `kind` having any of these lookup keys (`candidate:<id>`…), in seq order. */
  byKeys(account: number, kind: string, keys: readonly string[]): RecordRow[] {
    if (keys.length === 0) return [];
    const rows = keys.length === 1
      ? this.byKeyOne.all({ account, kind, key: keys[0]! })
      : this.byKeyMany.all({ account, kind, keys: JSON.stringify(keys) });
    return rows.map(toRow);
  }

  /** Up to `limit` records after `afterSeq`, in seq order; keyset, so a deep page costs what the first costs. */
  page(account: number, kind: string, filter: RecordFilter, afterSeq: number, limit: number): RecordRow[] {
    const { statement, params } = this.pageStatement(account, kind, filter, afterSeq, limit);
    return statement.all(params).map(toRow);
  }

  /** SQLite's plan for a page (`EXPLAIN QUERY PLAN` details, in order): how a filter walks, for tests. */
  plan(account: number, kind: string, filter: RecordFilter): string[] {
    const { statement, params } = this.pageStatement(account, kind, filter, 0, 1);
    const rows = this.db.prepare(`EXPLAIN QUERY PLAN ${statement.source}`).all(params) as { detail: string }[];
    return rows.map((r) => r.detail);
  }

  private pageStatement(account: number, kind: string, filter: RecordFilter, after: number, limit: number) {
    const bound = bindings(filter);
    const used = Object.keys(bound).filter((k): k is Condition => Object.hasOwn(CONDITIONS, k));
    const keys = filter.keys ?? [];
    const shape = `${keys.length}:${used.join(',')}`;
    let statement = this.pages.get(shape);
    if (!statement) {
      statement = this.db.prepare(pageSql(keys.length, used));
      this.pages.set(shape, statement);
    }
    const params: Record<string, unknown> = { account, kind, after, limit, ...bound };
    keys.forEach((key, i) => (params[`k${i}`] = key));
    return { statement, params };
  }

  /**
   * A write's record: replaces the record of `kind` with its id (same seq, so a cursor walk meets it once), or
   * appends it after every record of its kind. Call inside a transaction.
   */
  put(account: number, kind: string, record: NewRecord): RecordRow {
    const refs = record.refs && Object.keys(record.refs).length > 0 ? record.refs : undefined;
    let seq = this.seqOf.get(account, kind, record.id);
    if (seq === undefined) {
      seq = (this.lastSeq.get(account, kind) ?? 0) + 1;
      this.insert(account, kind, seq, record);
    } else {
      this.updateOne.run(record.created_at, record.updated_at, refs ? JSON.stringify(refs) : null, record.raw, account, kind, seq);
      this.dropKeys.run(account, kind, seq);
      this.runKeys(keyParams(account, kind, seq, keysOf(record)));
    }
    return { seq, id: record.id, created_at: record.created_at, updated_at: record.updated_at, refs: refs ?? NO_REFS, raw: record.raw };
  }

  /** Appends records of one kind; call inside a transaction. Seq numbers follow the order given. */
  insert(account: number, kind: string, seq: number, record: NewRecord): void {
    let refs: string | null = null;
    for (const _ in record.refs) {
      refs = JSON.stringify(record.refs);
      break;
    }
    this.insertRow(account, kind, seq, { ...record, refs });
    this.runKeys(keyParams(account, kind, seq, keysOf(record)));
  }

  /**
   * `insert` for a batch of records of one account, in order (the seed's), their refs as JSON and their keys all
   * listed (`keysOf`): the records' keys are inserted together, SEED_KEYS_PER_CALL rows a call.
   */
  insertBatch(account: number, records: Iterable<{ kind: string; seq: number; record: EncodedRecord }>): void {
    let params: unknown[] = [];
    for (const { kind, seq, record } of records) {
      this.insertRow(account, kind, seq, record);
      for (const key of record.keys) {
        params.push(account, kind, key, seq);
        if (params.length < SEED_KEYS_PER_CALL * 4) continue;
        this.insertSeedKeys.run(params);
        params = [];
      }
    }
    this.runKeys(params);
  }

  private insertRow(account: number, kind: string, seq: number, record: Omit<EncodedRecord, 'keys'>): void {
    const { raw } = record;
    if (typeof raw === 'string') this.insertOne.run(account, kind, seq, record.id, record.created_at, record.updated_at, record.refs, raw);
    else this.insertOneBytes.run(account, kind, seq, record.id, record.created_at, record.updated_at, record.refs, raw);
  }

  /** Inserts key rows (`keyParams`), KEYS_PER_CALL a call. */
  private runKeys(params: readonly unknown[]): void {
    for (let at = 0; at < params.length; at += KEYS_PER_CALL * 4) {
      const chunk = params.slice(at, at + KEYS_PER_CALL * 4);
      this.insertKeys[chunk.length / 4 - 1]!.run(chunk);
    }
  }
}
