import type { SeedRecord } from '../integrations/types.js';
import { keysOf, type EncodedRecord } from '../store/records.js';

/**
 * Records on their way from the generator to the inserts. Posted as record objects, they cost both threads a large
 * share of their time (the structured clone writes every property name of every object, and the receiving heap
 * holds every raw record as a string until it is inserted). Here the raw records are their UTF-8 bytes end to end
 * in one buffer that changes threads without a copy and that SQLite takes as it is; the small pieces (kind, id,
 * dates, refs, keys) are one string. Lengths, not separators: a fixture's text may hold any character.
 */
export interface SeedBatch {
  /** The small pieces, end to end. */
  text: string;
  /** Per record: kind, id, created_at, updated_at, refs (-1: none) and raw lengths, then its key count and keys' lengths. */
  lengths: Int32Array<ArrayBuffer>;
  /** The raw records' UTF-8 bytes. */
  bytes: Uint8Array<ArrayBuffer>;
  count: number;
}

export interface PackedRecord extends EncodedRecord {
  kind: string;
}

const encoder = new TextEncoder();

export class BatchPacker {
  private parts: string[] = [];
  private lengths: number[] = [];
  private bytes = new Uint8Array(1 << 20);
  private used = 0;
  /** Buffers of inserted batches, handed back to be filled again. */
  private spare: ArrayBuffer[] = [];
  count = 0;

  recycle(buffer: ArrayBuffer): void {
    this.spare.push(buffer);
  }

  push({ kind, record }: SeedRecord): void {
    let refs: string | null = null;
    for (const _ in record.refs) {
      refs = JSON.stringify(record.refs);
      break;
    }
    const keys = keysOf(record);
    this.piece(kind);
    this.piece(record.id);
    this.piece(record.created_at);
    this.piece(record.updated_at);
    if (refs === null) this.lengths.push(-1);
    else this.piece(refs);
    const { raw } = record;
    // UTF-8 takes at most three bytes for each UTF-16 unit.
    if (this.used + raw.length * 3 > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.used + raw.length * 3));
      grown.set(this.bytes.subarray(0, this.used));
      this.bytes = grown;
    }
    const { written } = encoder.encodeInto(raw, this.bytes.subarray(this.used));
    this.used += written;
    this.lengths.push(written);
    this.lengths.push(keys.length);
    for (const key of keys) this.piece(key);
    this.count++;
  }

  /** The records pushed since the last take, or undefined when there are none. Its buffers are the batch's own. */
  take(): SeedBatch | undefined {
    if (this.count === 0) return undefined;
    const batch = { text: this.parts.join(''), lengths: new Int32Array(this.lengths), bytes: this.bytes.subarray(0, this.used), count: this.count };
    this.parts = [];
    this.lengths = [];
    const spare = this.spare.pop();
    this.bytes = spare && spare.byteLength >= this.bytes.length ? new Uint8Array(spare) : new Uint8Array(this.bytes.length);
    this.used = 0;
    this.count = 0;
    return batch;
  }

  private piece(s: string): void {
    this.parts.push(s);
    this.lengths.push(s.length);
  }
}

/** The records of a batch, in the order they were pushed; each raw is a view of the batch's bytes. */
export function* unpack({ text, lengths, bytes, count }: SeedBatch): Generator<PackedRecord> {
  let at = 0;
  let l = 0;
  let byte = 0;
  const next = (): string => {
    const length = lengths[l++]!;
    const s = text.slice(at, at + length);
    at += length;
    return s;
  };
  for (let i = 0; i < count; i++) {
    const kind = next();
    const id = next();
    const created_at = next();
    const updated_at = next();
    const refs = lengths[l] === -1 ? (l++, null) : next();
    const size = lengths[l++]!;
    const raw = bytes.subarray(byte, byte + size);
    byte += size;
    const keys: string[] = [];
    for (let k = lengths[l++]!; k > 0; k--) keys.push(next());
    yield { kind, id, created_at, updated_at, refs, raw, keys };
  }
}
