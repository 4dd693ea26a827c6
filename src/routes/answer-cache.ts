/**
 * Serialized answers by request, least recently used out first. The seeded data does not change while the mock
 * runs and every answer is a pure function of the request (URL and the host it came through), so a repeated
 * request is answered with the bytes already written. Kept as Buffers: off the JS heap, counted exactly, and sent
 * without being encoded again. Bounded in bytes; 0 turns it off.
 */
export class AnswerCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): Buffer | undefined {
    const body = this.entries.get(key);
    if (body !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, body);
    }
    return body;
  }

  /** Keeps `text` for `key` and returns its bytes, or returns undefined when it is not kept. */
  set(key: string, text: string): Buffer | undefined {
    // One answer may take at most an eighth of the room, so a few huge lists cannot flush everything else.
    if (this.maxBytes === 0 || text.length > this.maxBytes / 8 || this.entries.has(key)) return undefined;
    const body = Buffer.from(text);
    this.entries.set(key, body);
    this.bytes += size(key, body);
    for (const [oldKey, oldBody] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= size(oldKey, oldBody);
    }
    return body;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}

const size = (key: string, body: Buffer) => key.length + body.length;
