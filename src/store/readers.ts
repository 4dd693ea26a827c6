/**
 * Who may still read a replaced store, so that it is closed only when nobody can. A request is admitted in a
 * generation (the number of replacements so far) and may read the store of that generation or of any later one (a
 * handler reads the store that is current when it runs, a stream keeps reading the one it started on). A store
 * replaced at generation g is therefore closed once no request admitted at g or before is still in flight, however
 * long that takes: a reset never cuts a reader off.
 */
export class Readers {
  private generation = 0;
  /** Requests in flight per generation of admission; a handful of keys at most. */
  private readonly inFlight = new Map<number, number>();
  private retired: { generation: number; close: () => void }[] = [];
  private idle: (() => void)[] = [];

  /** A request starts reading; the number returned is given back to `leave`. */
  enter(): number {
    this.inFlight.set(this.generation, (this.inFlight.get(this.generation) ?? 0) + 1);
    return this.generation;
  }

  leave(generation: number): void {
    const left = (this.inFlight.get(generation) ?? 1) - 1;
    if (left > 0) this.inFlight.set(generation, left);
    else this.inFlight.delete(generation);
    // Only after a replacement is there a store to close: every request's path, otherwise.
    if (this.retired.length > 0) this.closeUnread();
    if (this.inFlight.size === 0 && this.idle.length > 0) for (const resolve of this.idle.splice(0)) resolve();
  }

  /** Requests in flight, whatever store they read. */
  get reading(): number {
    let n = 0;
    for (const count of this.inFlight.values()) n += count;
    return n;
  }

  /** Replaced stores not closed yet: someone may still read them. */
  get retiredOpen(): number {
    return this.retired.length;
  }

  /** The current store has been replaced: `close` runs once no request can read it any more (at once if none). */
  retire(close: () => void): void {
    this.retired.push({ generation: this.generation, close });
    this.generation++;
    this.closeUnread();
  }

  /** Resolves when no request is in flight. */
  drained(): Promise<void> {
    if (this.inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Closes every replaced store, read or not (the mock is shutting down). */
  closeAll(): void {
    for (const { close } of this.retired.splice(0)) close();
  }

  private closeUnread(): void {
    let oldest = Infinity;
    for (const g of this.inFlight.keys()) oldest = Math.min(oldest, g);
    while (this.retired.length > 0 && this.retired[0]!.generation < oldest) this.retired.shift()!.close();
  }
}
