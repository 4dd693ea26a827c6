/** What one kept answer costs beyond its key and body: the Map entry, the Buffer object and its backing store's header. */
const ENTRY_OVERHEAD = 160;

/**
 * Serialized answers by request, in front of everything else: a repeated request is answered with the bytes
 * already written, without touching the store (plain records are kept rendered there too, Store.renderings: this
 * saves the rest). Every answer is a pure function of the request (URL and the host it came through) until the data
 * changes; a write or a reset clears it.
 *
 * Filled until its bound and then kept as it is, rather than least-recently-used: a workload cycling through more
 * answers than fit (2,000 candidates) made an LRU evict every answer just before it was asked for again, so every
 * request paid for a copy and an eviction and none was answered from memory. Full, a miss costs one Map lookup, so
 * the cache is never slower than none. Bounded in bytes counted as held: key, body (a Buffer of its own, outside the
 * shared pool, so no slab outlives it) and the per-entry overhead. 0 turns it off.
 */
export class AnswerCache {
  private readonly entries = new Map<string, Buffer>();
  private held = 0;

  constructor(private readonly maxBytes: number) {}

  get bytes(): number {
    return this.held;
  }

  get(key: string): Buffer | undefined {
    // Off, the key is not even hashed.
    if (this.maxBytes === 0) return undefined;
    return this.entries.get(key);
  }

  /**
   * Keeps `text` (or its bytes) for `key` and returns its bytes, or returns undefined when it is not kept. Bytes given
   * are kept as they are: they are never written into (the renderings' held answers).
   */
  set(key: string, text: string | Buffer): Buffer | undefined {
    // One answer may take at most an eighth of the room, so a few huge lists cannot take it all.
    if (this.maxBytes === 0 || text.length > this.maxBytes / 8 || this.held >= this.maxBytes) return undefined;
    const length = typeof text === 'string' ? Buffer.byteLength(text) : text.length;
    const cost = size(key, length);
    if (this.held + cost > this.maxBytes || this.entries.has(key)) return undefined;
    if (typeof text !== 'string') {
      this.entries.set(key, text);
      this.held += cost;
      return text;
    }
    // A Buffer of its own, not a slice of the shared pool: keeping a slice would pin its whole slab.
    const body = Buffer.allocUnsafeSlow(length);
    body.write(text);
    this.entries.set(key, body);
    this.held += cost;
    return body;
  }

  clear(): void {
    this.entries.clear();
    this.held = 0;
  }
}

const size = (key: string, bodyBytes: number) => key.length + bodyBytes + ENTRY_OVERHEAD;
