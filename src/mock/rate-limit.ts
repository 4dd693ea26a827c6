/** Truto's own limits: per API token and per integrated account, in windows of 10 s. */
export const TRUTO_LIMITS = { token: 500, account: 50, windowSeconds: 10 } as const;

export interface RateLimitVerdict {
  allowed: boolean;
  /** `ratelimit-*` headers for this answer, and `retry-after` when refused. */
  headers: Record<string, string>;
}

interface Window {
  key: string;
  start: number;
  count: number;
}

/** Windows kept at most: past this, the oldest is forgotten (its key starts afresh) rather than memory growing. */
export const MAX_WINDOWS = 100_000;
/** Closed windows forgotten per request, at most: the cost of a request stays bounded however many have closed. */
const PRUNE_STEP = 4;

/**
 * Fixed windows that open at a key's first request. A refused request does not count. The headers describe the
 * tighter of the two limits (the one with fewer requests left). The clock is injected so tests do not sleep.
 *
 * Tokens are few (only configured ones get past authentication); accounts are whatever clients send. Every account
 * window that opens joins a queue, oldest first: closed windows are found at its head and forgotten a few per
 * request, never by a sweep over every key. (Not the map's own order: a map iterated from its start skips the holes
 * its deletions left, which costs as much as a sweep.)
 */
export class RateLimiter {
  private readonly tokens = new Map<string, Window>();
  private readonly windows = new Map<string, Window>();
  private queue: Window[] = [];
  private head = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly limits: { token: number; account: number; windowSeconds: number } = TRUTO_LIMITS,
    private readonly maxWindows = MAX_WINDOWS,
  ) {}

  take(token: string, account: string | null): RateLimitVerdict {
    const now = this.now();
    const windowMs = this.limits.windowSeconds * 1000;
    this.prune(now, windowMs);
    const states = [{ w: this.open(this.tokens, token, now, windowMs), limit: this.limits.token }];
    if (account !== null) states.push({ w: this.open(this.windows, account, now, windowMs), limit: this.limits.account });
    const allowed = states.every(({ w, limit }) => w.count < limit);
    if (allowed) for (const { w } of states) w.count++;
    // The binding limit: the one with fewest left (the token's on a tie).
    const binding = states.reduce((a, b) => (b.limit - b.w.count < a.limit - a.w.count ? b : a));
    const reset = Math.max(1, Math.ceil((binding.w.start + windowMs - now) / 1000));
    const headers: Record<string, string> = {
      'ratelimit-limit': String(binding.limit),
      'ratelimit-remaining': String(Math.max(0, binding.limit - binding.w.count)),
      'ratelimit-reset': String(reset),
    };
    if (!allowed) {
      // Retry-After: when the last window that refused opens again; ratelimit-reset says the same, never more.
      const opens = states.filter(({ w, limit }) => w.count >= limit).map(({ w }) => Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)));
      headers['retry-after'] = headers['ratelimit-reset'] = String(Math.max(...opens));
    }
    return { allowed, headers };
  }

  /** Account windows kept (open ones, and closed ones not yet forgotten). */
  get size(): number {
    return this.windows.size;
  }

  clear(): void {
    this.tokens.clear();
    this.windows.clear();
    this.queue = [];
    this.head = 0;
  }

  /** The key's window, a new one if it has none open. */
  private open(windows: Map<string, Window>, key: string, now: number, windowMs: number): Window {
    const w = windows.get(key);
    if (w && now - w.start < windowMs) return w;
    const opened = { key, start: now, count: 0 };
    windows.set(key, opened);
    if (windows === this.windows) {
      this.queue.push(opened);
      if (windows.size > this.maxWindows) this.forgetOldest();
    }
    return opened;
  }

  /** Forgets up to PRUNE_STEP closed windows from the head of the queue. */
  private prune(now: number, windowMs: number): void {
    for (let i = 0; i < PRUNE_STEP && this.head < this.queue.length; i++) {
      const w = this.queue[this.head]!;
      if (now - w.start < windowMs) break;
      this.dequeue(w);
    }
    this.compact();
  }

  private forgetOldest(): void {
    while (this.head < this.queue.length) {
      const w = this.queue[this.head]!;
      this.dequeue(w);
      if (!this.windows.has(w.key)) break;
    }
    this.compact();
  }

  /** Takes the queue's head; its key goes too unless a newer window has replaced it. */
  private dequeue(w: Window): void {
    this.head++;
    if (this.windows.get(w.key) === w) this.windows.delete(w.key);
  }

  /** Drops the taken head once it is half the queue: each window is copied O(1) times on average. */
  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }
}
