import type { Database, Statement } from 'better-sqlite3';

/** A write as kept for its Idempotency-Key: what was asked, and what was answered. */
export interface KeptWrite {
  request: string;
  status: number;
  content_type: string;
  answer: string;
}

export interface KeptFile {
  file_name: string;
  content_type: string;
  bytes: Buffer;
}

/** The `writes` and `files` tables: per-account write numbers, answers kept for replays, uploaded bytes. */
export class WriteLog {
  private readonly count: Statement<[number], number>;
  private readonly byKey: Statement<[number, string], KeptWrite>;
  private readonly add: Statement<[number, number, string | null, string, number, string, string]>;
  private readonly fileById: Statement<[number, string], KeptFile>;
  private readonly addFile: Statement<[number, string, string, string, Buffer]>;

  constructor(db: Database) {
    this.count = db.prepare<[number], number>('SELECT count(*) FROM writes WHERE account = ?').pluck();
    this.byKey = db.prepare('SELECT request, status, content_type, answer FROM writes WHERE account = ? AND idempotency_key = ?');
    this.add = db.prepare('INSERT INTO writes (account, n, idempotency_key, request, status, content_type, answer) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.fileById = db.prepare('SELECT file_name, content_type, bytes FROM files WHERE account = ? AND id = ?');
    this.addFile = db.prepare('INSERT OR REPLACE INTO files (account, id, file_name, content_type, bytes) VALUES (?, ?, ?, ?, ?)');
  }

  /** Writes made in this account since the last reset. */
  made(account: number): number {
    return this.count.get(account) ?? 0;
  }

  find(account: number, idempotencyKey: string): KeptWrite | undefined {
    return this.byKey.get(account, idempotencyKey);
  }

  keep(account: number, n: number, idempotencyKey: string | undefined, write: KeptWrite): void {
    this.add.run(account, n, idempotencyKey ?? null, write.request, write.status, write.content_type, write.answer);
  }

  file(account: number, id: string): KeptFile | undefined {
    return this.fileById.get(account, id);
  }

  keepFile(account: number, id: string, file: KeptFile): void {
    this.addFile.run(account, id, file.file_name, file.content_type, file.bytes);
  }
}
