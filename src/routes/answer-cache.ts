/**
 * Serialized answers by request, least recently used out first. The seeded data does not change while the mock
 * runs and every answer is a pure function of the request (URL and the host it came through), so a repeated
 * request is answered with the text already written. Bounded in bytes; 0 turns it off.
 */
export class AnswerCache {
  private readonly entries = new Map<string, string>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): string | undefined {
    const text = this.entries.get(key);
    if (text !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, text);
    }
    return text;
  }

  set(key: string, text: string): void {
    const size = 2 * (key.length + text.length);
    // One answer may take at most an eighth of the room, so a few huge lists cannot flush everything else.
    if (size > this.maxBytes / 8 || this.entries.has(key)) return;
    this.entries.set(key, text);
    this.bytes += size;
    for (const [oldKey, oldText] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= 2 * (oldKey.length + oldText.length);
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}
