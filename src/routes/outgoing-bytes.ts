import type { ServerResponse } from 'node:http';

/** A slot's size: a page of 100 attachments (64 KB) fits; a larger text goes as a string. */
export const SLOT_BYTES = 128 * 1024;
/**
 * Below this, a string is written as cheaply: Node encodes an answer of up to 16 KB, head included, on its stack and
 * writes it in one call, where bytes beside a head take a vectored write and a buffer of their own.
 */
export const MIN_BYTES = 16 * 1024;
/** At most this many slots (8 MB): one a connection answering at once, with room for pipelining. */
export const MAX_SLOTS = 64;

interface Slot {
  bytes: Buffer;
  /** The response writing from it, until that response is written out or destroyed. */
  holder: ServerResponse | undefined;
}

/**
 * Reusable byte buffers for large answers, so that a kept text is written as bytes copied once, not as a string.
 *
 * Node writes a string answer by prepending the status line and headers to it (a new string, flattened into the
 * JavaScript heap: a second copy of a 64 KB page) and encoding the result to UTF-8 (a third). Bytes are written as they
 * are, beside the head. A fresh Buffer for each answer cost more than the copies (measured on list pages, 100
 * attachments: 206 µs of CPU a page against 150, malloc's heap trimmed and grown again, and the collector driven by
 * the memory outside its heap), so the buffers are kept and lent again.
 *
 * A slot is lent to one response, and free again when that response is finished (its last byte handed to the
 * socket) or destroyed (its socket closed, so nothing more is written from it). Free slots are found when they are
 * needed, not by listening on every response.
 */
export class OutgoingBytes {
  private readonly slots: Slot[] = [];
  private next = 0;

  /** The slots made so far: the memory this keeps is `made × SLOT_BYTES`. */
  get made(): number {
    return this.slots.length;
  }

  /**
   * `text` as UTF-8 bytes in a slot lent to `response`, or undefined where it is best sent as a string: too small, too
   * large for a slot, or every slot lent.
   */
  lend(text: string, response: ServerResponse): Buffer | undefined {
    if (text.length < MIN_BYTES || text.length > SLOT_BYTES) return undefined;
    const slot = this.free();
    if (slot === undefined) return undefined;
    // Encoded in one pass (measuring its UTF-8 first and copying it as Latin-1 took two: 7.7 µs a 64 KB page against
    // 3.9). A character is never cut: with room to spare, it all fit; up to the end, it is measured to know.
    const written = slot.bytes.write(text, 0, 'utf8');
    if (written > SLOT_BYTES - 4 && Buffer.byteLength(text) !== written) return undefined;
    slot.holder = response;
    return slot.bytes.subarray(0, written);
  }

  private free(): Slot | undefined {
    const n = this.slots.length;
    // From where the last search stopped: slots are lent in turn, so the next one is the likeliest free.
    for (let i = 0; i < n; i++) {
      const slot = this.slots[(this.next + i) % n]!;
      if (slot.holder === undefined || slot.holder.writableFinished || slot.holder.destroyed) {
        this.next = (this.next + i + 1) % n;
        return slot;
      }
    }
    if (n >= MAX_SLOTS) return undefined;
    const slot: Slot = { bytes: Buffer.allocUnsafeSlow(SLOT_BYTES), holder: undefined };
    this.slots.push(slot);
    return slot;
  }
}
