import type { Database } from 'better-sqlite3';

/**
 * Numbered schema changes, tracked by `PRAGMA user_version`. Append only: a shipped migration never changes.
 * `records` holds every integration's raw records as its API would return them, with the records each belongs to
 * (`refs`); `record_keys` holds the lookup keys lists and reads narrow by: every ref as `<ref>:<id>`, and the
 * exact-match keys an integration lifts out of a record (`email:…`), several per record if need be.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE accounts (
    key INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    integration TEXT NOT NULL,
    name TEXT NOT NULL,
    candidates INTEGER NOT NULL
  );
  CREATE TABLE records (
    account INTEGER NOT NULL REFERENCES accounts (key),
    kind TEXT NOT NULL,
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    candidate_id TEXT,
    application_id TEXT,
    job_id TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    raw TEXT NOT NULL,
    UNIQUE (account, kind, seq)
  );
  CREATE UNIQUE INDEX records_by_id ON records (account, kind, id);
  CREATE INDEX records_by_candidate ON records (account, kind, candidate_id, seq) WHERE candidate_id IS NOT NULL;
  CREATE INDEX records_by_application ON records (account, kind, application_id, seq) WHERE application_id IS NOT NULL;
  CREATE INDEX records_by_job ON records (account, kind, job_id, seq) WHERE job_id IS NOT NULL;
  CREATE TABLE record_keys (
    account INTEGER NOT NULL,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (account, kind, key, seq)
  ) WITHOUT ROWID;
  `,
  // Relations become refs: a record names the records it belongs to (`{ candidate, application, job }`, as its
  // integration calls them) in one JSON column, and each ref is a lookup key `<ref>:<id>` beside `email:…`, so a
  // relation and an exact-match filter are one index. The stored rows are the seed's, so nothing is carried over.
  `
  DROP TABLE record_keys;
  DROP TABLE records;
  CREATE TABLE records (
    account INTEGER NOT NULL REFERENCES accounts (key),
    kind TEXT NOT NULL,
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    refs TEXT,
    raw TEXT NOT NULL,
    UNIQUE (account, kind, seq)
  );
  CREATE UNIQUE INDEX records_by_id ON records (account, kind, id);
  CREATE TABLE record_keys (
    account INTEGER NOT NULL,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (account, kind, key, seq)
  ) WITHOUT ROWID;
  `,
  // Writes (CONTRACT §9). They live in one transaction the serving connection keeps open and never commits, so a
  // reset is a rollback and the file on disk stays as seeded: `writes` numbers them per account (ids and the logical
  // clock derive from it) and keeps each answer for Idempotency-Key replays; `files` keeps uploaded bytes; an
  // account's `settings` are its fixture's (sandbox, variables).
  `
  CREATE TABLE writes (
    account INTEGER NOT NULL,
    n INTEGER NOT NULL,
    idempotency_key TEXT,
    request TEXT NOT NULL,
    status INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    answer TEXT NOT NULL,
    PRIMARY KEY (account, n)
  );
  CREATE UNIQUE INDEX writes_by_key ON writes (account, idempotency_key) WHERE idempotency_key IS NOT NULL;
  CREATE TABLE files (
    account INTEGER NOT NULL,
    id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    bytes BLOB NOT NULL,
    PRIMARY KEY (account, id)
  );
  ALTER TABLE accounts ADD COLUMN settings TEXT;
  `,
];

export function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema version ${current} is newer than this mock (${MIGRATIONS.length}); use a newer mock or another file`);
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
