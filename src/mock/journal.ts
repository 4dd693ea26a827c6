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

/** What is rare on a request, kept as objects: a fault, a warning, a write's body, an arrival too big for its slot. */
interface Rare {
  fault?: string;
  warning?: string;
  body?: unknown;
  arrival?: Arrival;
}

/** Bytes a request's arrival may take in the ring; a larger one (a browser's cookies) is kept as it came. */
const SLOT = 2048;
/** Slots allocated together, as the ring fills: a journal of a million entries takes memory only once used. */
const BLOCK = 256;
/** Status 0: not answered (yet). */
const NO_STATUS = 0;

/**
 * What clients sent, newest last, in a ring of fixed capacity: the oldest entry is overwritten, so memory stays
 * flat however long the mock runs. Entries are recorded on arrival and completed when the answer is sent.
 *
 * An arrival is copied into bytes, not kept as the request's own objects: a thousand requests' headers and URLs held
 * for a while outlive the young generation, and copying and promoting them cost the collector about 3 µs a request,
 * a tenth of a small answer's time under load. Header values and URLs come from the HTTP parser one byte a
 * character (latin1), so a byte each keeps them exactly; anything else (an account decoded from `%xx`, a big
 * request) keeps its arrival as it came. The path, query, redacted headers and date are worked out when read.
 */
export class Journal {
  private readonly ids: Float64Array;
  private readonly times: Float64Array;
  private readonly statuses: Uint16Array;
  private readonly durations: Float64Array;
  private readonly rare: (Rare | undefined)[];
  private readonly blocks: Buffer[] = [];
  /**
   * Ids as recorded never start again, so a request in flight across a clear cannot complete an entry recorded after
   * it; the ids shown count from the last clear (`cleared`).
   */
  private seq = 0;
  private cleared = 0;

  constructor(
    readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {
    this.ids = new Float64Array(capacity);
    this.times = new Float64Array(capacity);
    this.statuses = new Uint16Array(capacity);
    this.durations = new Float64Array(capacity);
    this.rare = new Array<Rare | undefined>(capacity);
  }

  /** Records an arrival; returns its id, to complete the entry with; 0 when the journal is off. */
  record(arrival: Arrival): number {
    if (this.capacity === 0) return 0;
    const id = ++this.seq;
    const slot = this.slotFor(id);
    this.ids[slot] = id;
    this.times[slot] = this.now();
    this.statuses[slot] = NO_STATUS;
    this.durations[slot] = NaN;
    this.rare[slot] = encode(this.block(slot), (slot % BLOCK) * SLOT, arrival) ? undefined : { arrival };
    return id;
  }

  /** The request `id` was answered with `status` (null: it ended without an answer). */
  complete(id: number, status: number | null, durationMs: number, warning: string | undefined): void {
    const slot = this.slotOf(id);
    if (slot === -1) return;
    this.statuses[slot] = status ?? NO_STATUS;
    this.durations[slot] = durationMs;
    if (warning !== undefined) this.rareOf(slot).warning = warning;
  }

  /** What shaped the answer to `id`: a rule id, "rate_limit"… */
  mark(id: number, fault: string): void {
    const slot = this.slotOf(id);
    if (slot !== -1) this.rareOf(slot).fault = fault;
  }

  /** A write's body, as it is to be shown. */
  note(id: number, body: unknown): void {
    const slot = this.slotOf(id);
    if (slot !== -1) this.rareOf(slot).body = body;
  }

  /** Entries matching `filter`, oldest first. */
  find(filter: JournalFilter = {}): JournalEntry[] {
    const match = entryMatcher(filter);
    const out: JournalEntry[] = [];
    // The oldest kept entry is in the slot the next one will take.
    const oldest = this.total % this.capacity;
    for (let i = 0; i < this.capacity; i++) {
      const slot = (oldest + i) % this.capacity;
      if (this.ids[slot] === 0) continue;
      const entry = this.entryAt(slot);
      if (match(entry)) out.push(entry);
    }
    return out;
  }

  /** Entries currently kept. */
  get size(): number {
    return Math.min(this.total, this.capacity);
  }

  /** Requests recorded since the start or the last clear, kept or not. */
  get total(): number {
    return this.seq - this.cleared;
  }

  clear(): number {
    const had = this.size;
    this.ids.fill(0);
    this.rare.fill(undefined);
    this.cleared = this.seq;
    return had;
  }

  private block(slot: number): Buffer {
    const b = Math.floor(slot / BLOCK);
    return (this.blocks[b] ??= Buffer.allocUnsafe(Math.min(BLOCK, this.capacity - b * BLOCK) * SLOT));
  }

  /** The slot still holding `id`, or -1 once the ring has moved past it. */
  private slotOf(id: number): number {
    if (id <= this.cleared || id <= this.seq - this.capacity || id > this.seq) return -1;
    const slot = this.slotFor(id);
    return this.ids[slot] === id ? slot : -1;
  }

  /** Where entry `id` goes: the ring starts again from its first slot at a clear. */
  private slotFor(id: number): number {
    return (id - this.cleared - 1) % this.capacity;
  }

  private rareOf(slot: number): Rare {
    return (this.rare[slot] ??= {});
  }

  private entryAt(slot: number): JournalEntry {
    const rare = this.rare[slot];
    const arrival = rare?.arrival ?? decode(this.block(slot), (slot % BLOCK) * SLOT);
    const q = arrival.url.indexOf('?');
    const status = this.statuses[slot]!;
    const duration = this.durations[slot]!;
    return {
      id: this.ids[slot]! - this.cleared,
      at: new Date(this.times[slot]!).toISOString(),
      method: arrival.method,
      path: q === -1 ? arrival.url : arrival.url.slice(0, q),
      query: q === -1 ? {} : queryValues(arrival.url.slice(q + 1)),
      integrated_account_id: arrival.account,
      headers: redact(arrival.headers),
      status: status === NO_STATUS ? null : status,
      duration_ms: Number.isNaN(duration) ? null : duration,
      warning: rare?.warning ?? null,
      fault: rare?.fault ?? null,
      ...(rare?.body !== undefined ? { body: rare.body } : {}),
    };
  }
}

/*
 * A slot: the number of strings (u16), then each string as its length (u16) and its bytes, one a character: method,
 * url, account (length 0xffff for none), then each header's name and value.
 */
const NONE = 0xffff;

/** Writes `arrival` into `buf` at `at`; false (and nothing to read back) when it does not fit or is not latin1. */
function encode(buf: Buffer, at: number, arrival: Arrival): boolean {
  const end = at + SLOT;
  let p = put(buf, at + 2, end, arrival.method);
  if (p !== -1) p = put(buf, p, end, arrival.url);
  if (p === -1 || p + 2 > end) return false;
  let count = 2;
  if (arrival.account === null) {
    buf[p] = buf[p + 1] = 0xff;
    p += 2;
  } else {
    p = put(buf, p, end, arrival.account);
  }
  count++;
  const headers = arrival.headers;
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    if (p !== -1) p = put(buf, p, end, name);
    if (p !== -1) p = put(buf, p, end, typeof value === 'string' ? value : value.join(', '));
    count += 2;
  }
  if (p === -1) return false;
  buf[at] = count & 0xff;
  buf[at + 1] = count >>> 8;
  return true;
}

/** Writes `text` at `p` as its length and its bytes; returns where the next string goes, -1 if it cannot. */
function put(buf: Buffer, p: number, end: number, text: string): number {
  const n = text.length;
  if (n >= NONE || p + 2 + n > end) return -1;
  buf[p] = n & 0xff;
  buf[p + 1] = n >>> 8;
  const from = p + 2;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) return -1;
    buf[from + i] = c;
  }
  return from + n;
}

function decode(buf: Buffer, at: number): Arrival {
  let p = at + 2;
  const count = buf[at]! | (buf[at + 1]! << 8);
  const take = (): string | null => {
    const n = buf[p]! | (buf[p + 1]! << 8);
    p += 2;
    if (n === NONE) return null;
    p += n;
    return buf.toString('latin1', p - n, p);
  };
  const method = take()!;
  const url = take()!;
  const account = take();
  const headers: Record<string, string> = {};
  for (let i = 3; i < count; i += 2) {
    const name = take()!;
    headers[name] = take()!;
  }
  return { method, url, account, headers };
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
