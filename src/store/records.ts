import type { Database, Statement } from 'better-sqlite3';

/** A stored record: the integration's raw JSON plus the keys lifted out of it for filtering. */
export interface RecordRow {
  seq: number;
  id: string;
  candidate_id: string | null;
  application_id: string | null;
  job_id: string | null;
  created_at: string;
  updated_at: string;
  raw: string;
}

export interface NewRecord extends Omit<RecordRow, 'seq'> {
  /** Exact-match lookup keys, such as `email:ada@example.com`. */
  keys?: readonly string[];
}

export interface DateRange {
  gt?: string;
  gte?: string;
  lt?: string;
  lte?: string;
}

/** What a list asks of the store. Dates are ISO 8601 UTC with milliseconds, as stored. */
export interface RecordFilter {
  candidateId?: string;
  applicationId?: string;
  jobId?: string;
  /** Candidates who have an application (kind `application`) to this job. */
  appliedToJob?: string;
  ids?: readonly string[];
  /** One of the record's lookup keys (NewRecord.keys). */
  key?: string;
  createdAt?: DateRange;
  updatedAt?: DateRange;
}

type ParentColumn = 'candidate_id' | 'application_id';

const COLUMNS = 'seq, id, candidate_id, application_id, job_id, created_at, updated_at, raw';

/**
 * The conditions a list may carry, as fixed SQL fragments. A page statement is made of the fragments its filter
 * uses, prepared the first time that combination is asked for and reused after; no SQL is ever built from
 * request text. With only the conditions in use, SQLite's planner picks the index that narrows the walk.
 */
const CONDITIONS = {
  ids: 'id IN (SELECT value FROM json_each(@ids))',
  candidate: 'candidate_id = @candidate',
  application: 'application_id = @application',
  appliedToJob: `id IN (SELECT candidate_id FROM records
      WHERE account = @account AND kind = 'application' AND job_id = @appliedToJob)`,
  job: 'job_id = @job',
  key: 'seq IN (SELECT seq FROM record_keys WHERE account = @account AND kind = @kind AND key = @key)',
  c_gt: 'created_at > @c_gt',
  c_gte: 'created_at >= @c_gte',
  c_lt: 'created_at < @c_lt',
  c_lte: 'created_at <= @c_lte',
  u_gt: 'updated_at > @u_gt',
  u_gte: 'updated_at >= @u_gte',
  u_lt: 'updated_at < @u_lt',
  u_lte: 'updated_at <= @u_lte',
} as const;
type Condition = keyof typeof CONDITIONS;

function bindings(filter: RecordFilter): Partial<Record<Condition, string>> {
  const c = filter.createdAt ?? {};
  const u = filter.updatedAt ?? {};
  const all: Record<Condition, string | undefined> = {
    ids: filter.ids ? JSON.stringify(filter.ids) : undefined,
    candidate: filter.candidateId,
    application: filter.applicationId,
    appliedToJob: filter.appliedToJob,
    job: filter.jobId,
    key: filter.key,
    c_gt: c.gt,
    c_gte: c.gte,
    c_lt: c.lt,
    c_lte: c.lte,
    u_gt: u.gt,
    u_gte: u.gte,
    u_lt: u.lt,
    u_lte: u.lte,
  };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
}

export class RecordStore {
  private readonly byId: Statement<[number, string, string], RecordRow>;
  private readonly byParentOne: Record<ParentColumn, Statement<[number, string, string], RecordRow>>;
  private readonly byParentMany: Record<ParentColumn, Statement<[number, string, string], RecordRow>>;
  private readonly pages = new Map<string, Statement>();
  private readonly insertOne: Statement;
  private readonly insertKey: Statement<[number, string, string, number]>;

  constructor(private readonly db: Database) {
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM records WHERE account = ? AND kind = ? AND id = ?`);
    const parent = (col: ParentColumn, many: boolean) =>
      db.prepare<[number, string, string], RecordRow>(
        `SELECT ${COLUMNS} FROM records WHERE account = ? AND kind = ? AND ${col} ${
          many ? 'IN (SELECT value FROM json_each(?))' : '= ?'
        } ORDER BY seq`,
      );
    this.byParentOne = { candidate_id: parent('candidate_id', false), application_id: parent('application_id', false) };
    this.byParentMany = { candidate_id: parent('candidate_id', true), application_id: parent('application_id', true) };
    this.insertOne = db.prepare(
      `INSERT INTO records (account, kind, seq, id, candidate_id, application_id, job_id, created_at, updated_at, raw)
       VALUES (@account, @kind, @seq, @id, @candidate_id, @application_id, @job_id, @created_at, @updated_at, @raw)`,
    );
    // OR IGNORE: a record may list the same key twice (two spellings of one email).
    this.insertKey = db.prepare('INSERT OR IGNORE INTO record_keys (account, kind, key, seq) VALUES (?, ?, ?, ?)');
  }

  get(account: number, kind: string, id: string): RecordRow | undefined {
    return this.byId.get(account, kind, id);
  }

  /** Records of `kind` whose parent column is one of `ids`, in seq order. */
  byParent(account: number, kind: string, column: ParentColumn, ids: readonly string[]): RecordRow[] {
    if (ids.length === 0) return [];
    if (ids.length === 1) return this.byParentOne[column].all(account, kind, ids[0]!);
    return this.byParentMany[column].all(account, kind, JSON.stringify(ids));
  }

  /** Up to `limit` records after `afterSeq`, in seq order; keyset, so a deep page costs what the first costs. */
  page(account: number, kind: string, filter: RecordFilter, afterSeq: number, limit: number): RecordRow[] {
    const bound = bindings(filter);
    const used = Object.keys(bound) as Condition[];
    const shape = used.join(',');
    let statement = this.pages.get(shape);
    if (!statement) {
      const where = used.map((c) => `AND ${CONDITIONS[c]}`).join(' ');
      statement = this.db.prepare(
        `SELECT ${COLUMNS} FROM records WHERE account = @account AND kind = @kind AND seq > @after ${where} ORDER BY seq LIMIT @limit`,
      );
      this.pages.set(shape, statement);
    }
    return statement.all({ account, kind, after: afterSeq, limit, ...bound }) as RecordRow[];
  }

  /** Appends records of one kind; call inside a transaction. Seq numbers follow the order given. */
  insert(account: number, kind: string, seq: number, record: NewRecord): void {
    const { keys, ...row } = record;
    this.insertOne.run({ account, kind, seq, ...row });
    for (const key of keys ?? []) this.insertKey.run(account, kind, key, seq);
  }
}
