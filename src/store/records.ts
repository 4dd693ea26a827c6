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
  search?: string | null;
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
  /** Lower-case substring of the record's search text (emails, names). */
  search?: string;
  createdAt?: DateRange;
  updatedAt?: DateRange;
}

type ParentColumn = 'candidate_id' | 'application_id';
type Driver = 'seq' | 'candidate' | 'application' | 'job' | 'appliedToJob' | 'ids';

const COLUMNS = 'seq, id, candidate_id, application_id, job_id, created_at, updated_at, raw';

// Residual conditions are bound as NULL when unused, so one statement per driver serves every combination.
const RESIDUAL = `
  AND (@search IS NULL OR instr(search, @search) > 0)
  AND (@c_gt IS NULL OR created_at > @c_gt) AND (@c_gte IS NULL OR created_at >= @c_gte)
  AND (@c_lt IS NULL OR created_at < @c_lt) AND (@c_lte IS NULL OR created_at <= @c_lte)
  AND (@u_gt IS NULL OR updated_at > @u_gt) AND (@u_gte IS NULL OR updated_at >= @u_gte)
  AND (@u_lt IS NULL OR updated_at < @u_lt) AND (@u_lte IS NULL OR updated_at <= @u_lte)
  AND (@candidate IS NULL OR candidate_id = @candidate)
  AND (@application IS NULL OR application_id = @application)
  AND (@job IS NULL OR job_id = @job)`;

// The driver picks the index that narrows the walk; keyset on seq keeps every page's cost flat with depth.
const DRIVERS: Record<Driver, string> = {
  seq: '',
  candidate: 'AND candidate_id = @candidate',
  application: 'AND application_id = @application',
  job: 'AND job_id = @job',
  appliedToJob: `AND id IN (SELECT candidate_id FROM records
      WHERE account = @account AND kind = 'application' AND job_id = @appliedToJob)`,
  ids: 'AND id IN (SELECT value FROM json_each(@ids))',
};

export class RecordStore {
  private readonly byId: Statement<[number, string, string], RecordRow>;
  private readonly byParentOne: Record<ParentColumn, Statement<[number, string, string], RecordRow>>;
  private readonly byParentMany: Record<ParentColumn, Statement<[number, string, string], RecordRow>>;
  private readonly pages: Record<Driver, Statement>;
  private readonly insertOne: Statement;
  private readonly countKind: Statement<[number, string], { n: number }>;

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
    this.pages = Object.fromEntries(
      (Object.keys(DRIVERS) as Driver[]).map((d) => [
        d,
        db.prepare(
          `SELECT ${COLUMNS} FROM records WHERE account = @account AND kind = @kind AND seq > @after
           ${DRIVERS[d]} ${RESIDUAL} ORDER BY seq LIMIT @limit`,
        ),
      ]),
    ) as Record<Driver, Statement>;
    this.insertOne = db.prepare(
      `INSERT INTO records (account, kind, seq, id, candidate_id, application_id, job_id, created_at, updated_at, search, raw)
       VALUES (@account, @kind, @seq, @id, @candidate_id, @application_id, @job_id, @created_at, @updated_at, @search, @raw)`,
    );
    this.countKind = db.prepare('SELECT count(*) AS n FROM records WHERE account = ? AND kind = ?');
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

  /** Up to `limit` records after `afterSeq`, in seq order. */
  page(account: number, kind: string, filter: RecordFilter, afterSeq: number, limit: number): RecordRow[] {
    const driver: Driver = filter.ids
      ? 'ids'
      : filter.candidateId !== undefined
        ? 'candidate'
        : filter.applicationId !== undefined
          ? 'application'
          : filter.appliedToJob !== undefined
            ? 'appliedToJob'
            : filter.jobId !== undefined
              ? 'job'
              : 'seq';
    const c = filter.createdAt ?? {};
    const u = filter.updatedAt ?? {};
    return this.pages[driver].all({
      account,
      kind,
      after: afterSeq,
      limit,
      candidate: filter.candidateId ?? null,
      application: filter.applicationId ?? null,
      job: filter.jobId ?? null,
      appliedToJob: filter.appliedToJob ?? null,
      ids: filter.ids ? JSON.stringify(filter.ids) : null,
      search: filter.search ?? null,
      c_gt: c.gt ?? null,
      c_gte: c.gte ?? null,
      c_lt: c.lt ?? null,
      c_lte: c.lte ?? null,
      u_gt: u.gt ?? null,
      u_gte: u.gte ?? null,
      u_lt: u.lt ?? null,
      u_lte: u.lte ?? null,
    }) as RecordRow[];
  }

  count(account: number, kind: string): number {
    return this.countKind.get(account, kind)!.n;
  }

  /** Appends records of one kind; call inside a transaction. Seq numbers follow the order given. */
  insert(account: number, kind: string, seq: number, record: NewRecord): void {
    this.insertOne.run({ account, kind, seq, search: null, ...record });
  }
}
