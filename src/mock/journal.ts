import { Type, type Static } from '@sinclair/typebox';
import { globMatcher } from './glob.js';

export const JournalEntrySchema = Type.Object({
  id: Type.Integer({ minimum: 1, description: 'Sequence number since the mock started (or was reset)' }),
  at: Type.String({ format: 'date-time', description: 'When the request arrived (the clock: not data)' }),
  method: Type.String(),
  path: Type.String({ description: 'The path as sent, without the query string' }),
  query: Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]), {
    description: 'The query string as sent (keys as written, values decoded); a repeated key is a list',
  }),
  integrated_account_id: Type.Union([Type.String(), Type.Null()]),
  headers: Type.Record(Type.String(), Type.String(), { description: 'Request headers; Authorization redacted' }),
  status: Type.Union([Type.Integer(), Type.Null()], { description: 'Status answered; null while in flight or when no answer was sent' }),
  duration_ms: Type.Union([Type.Number(), Type.Null()]),
  warning: Type.Union([Type.String(), Type.Null()], {
    description: 'The x-truto-mock-warning the answer carried: query keys the route does not know, filters the integration ignores',
  }),
  fault: Type.Union([Type.String(), Type.Null()], {
    description: 'What shaped the answer: a rule id, "rate_limit", "header" or "error_rate"; null for a plain answer',
  }),
  body: Type.Optional(
    Type.Unknown({
      description:
        'A write\'s body as parsed (values of keys naming tokens, secrets or passwords redacted); an upload\'s file as { file_name, content_type, size }',
    }),
  ),
});
export type JournalEntry = Static<typeof JournalEntrySchema>;

export const JournalFilterSchema = Type.Object(
  {
    method: Type.Optional(Type.String({ description: 'Exact method, any case' })),
    path: Type.Optional(Type.String({ description: 'Exact path, or a pattern where * matches anything' })),
    integrated_account_id: Type.Optional(Type.String()),
    query: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'Query values the request must carry' })),
  },
  { additionalProperties: false },
);
export type JournalFilter = Static<typeof JournalFilterSchema>;

/** What the journal keeps of a request when it arrives. */
export interface Arrival {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  account: string | null;
}

/** A kept request as recorded on arrival: only references and numbers, its entry is written when read. */
export interface JournalRecord {
  id: number;
  at: number;
  arrival: Arrival;
  status: number | null;
  duration_ms: number | null;
  fault: string | null;
  warning: string | null;
  /** A write's body, redacted. */
  body?: unknown;
}

/**
 * What clients sent, newest last, in a ring of fixed capacity: the oldest entry is overwritten, so memory stays
 * flat however long the mock runs. Entries are recorded on arrival and completed when the answer is sent. Recording
 * keeps references only (it is on every request's path); the path, query, redacted headers and date are worked out
 * when the journal is read.
 */
export class Journal {
  private readonly ring: (JournalRecord | undefined)[];
  private next = 0;
  private seq = 0;

  constructor(
    readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {
    this.ring = new Array<JournalRecord | undefined>(capacity);
  }

  /** Records an arrival and returns its record, to be completed by the caller; undefined when the journal is off. */
  record(arrival: Arrival): JournalRecord | undefined {
    if (this.capacity === 0) return undefined;
    const record: JournalRecord = { id: ++this.seq, at: this.now(), arrival, status: null, duration_ms: null, fault: null, warning: null };
    this.ring[this.next] = record;
    this.next = (this.next + 1) % this.capacity;
    return record;
  }

  /** Entries matching `filter`, oldest first. */
  find(filter: JournalFilter = {}): JournalEntry[] {
    const match = entryMatcher(filter);
    const out: JournalEntry[] = [];
    for (let i = 0; i < this.capacity; i++) {
      const record = this.ring[(this.next + i) % this.capacity];
      if (!record) continue;
      const entry = entryOf(record);
      if (match(entry)) out.push(entry);
    }
    return out;
  }

  /** Entries currently kept. */
  get size(): number {
    return Math.min(this.seq, this.capacity);
  }

  /** Requests recorded since the start or the last clear, kept or not. */
  get total(): number {
    return this.seq;
  }

  clear(): number {
    const had = this.size;
    this.ring.fill(undefined);
    this.next = 0;
    this.seq = 0;
    return had;
  }
}

/** `a=1&a=2&b` as written in the URL: repeated keys become a list; nothing is reinterpreted (qs brackets stay). */
export function queryValues(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(text)) {
    const had = out[k];
    out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return out;
}

/** True when every wanted query value was sent (for a repeated key, among its values). */
export function queryMatches(sent: Record<string, string | string[]>, wanted: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(wanted)) {
    const got = sent[k];
    if (got === undefined || (Array.isArray(got) ? !got.includes(v) : got !== v)) return false;
  }
  return true;
}

function entryMatcher(filter: JournalFilter): (entry: JournalEntry) => boolean {
  const method = filter.method?.toUpperCase();
  const path = filter.path === undefined ? undefined : globMatcher(filter.path);
  return (e) =>
    (method === undefined || e.method === method) &&
    (path === undefined || path(e.path)) &&
    (filter.integrated_account_id === undefined || e.integrated_account_id === filter.integrated_account_id) &&
    (filter.query === undefined || queryMatches(e.query, filter.query));
}

function entryOf({ id, at, arrival, status, duration_ms, fault, warning, body }: JournalRecord): JournalEntry {
  const q = arrival.url.indexOf('?');
  return {
    id,
    at: new Date(at).toISOString(),
    method: arrival.method,
    path: q === -1 ? arrival.url : arrival.url.slice(0, q),
    query: q === -1 ? {} : queryValues(arrival.url.slice(q + 1)),
    integrated_account_id: arrival.account,
    headers: redact(arrival.headers),
    status,
    duration_ms,
    warning,
    fault,
    ...(body !== undefined ? { body } : {}),
  };
}

const SECRET_KEY = /token|secret|password|passwd|api[_-]?key|authorization|credential/i;

/** A body as the journal keeps it: a copy, with the values of keys that name secrets redacted at any depth. */
export function redactBody(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactBody);
  if (value === null || typeof value !== 'object') return value;
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? '[redacted]' : redactBody(v);
  return out;
}

const REDACTED = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-mock-admin-token']);

function redact(headers: Arrival['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    out[k] = REDACTED.has(k) ? redactedValue(Array.isArray(v) ? v.join(', ') : v) : Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** The scheme stays (a test may assert a client sent Bearer), the secret goes. */
function redactedValue(value: string): string {
  const scheme = /^(\S+)\s+\S/.exec(value);
  return scheme ? `${scheme[1]} [redacted]` : '[redacted]';
}
