/** Truto's own limits: per API token and per integrated account, in windows of 10 s. */
export const TRUTO_LIMITS = { token: 500, account: 50, windowSeconds: 10 } as const;

export interface RateLimitVerdict {
  allowed: boolean;
  /** `ratelimit-*` headers for this answer, and `retry-after` when refused. */
  headers: Record<string, string>;
}

interface Window {
  start: number;
  count: number;
}

/**
 * Fixed windows that open at a key's first request. A refused request does not count. The headers describe the
 * tighter of the two limits (the one with fewer requests left). The clock is injected so tests do not sleep.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly limits: { token: number; account: number; windowSeconds: number } = TRUTO_LIMITS,
  ) {}

  take(token: string, account: string | null): RateLimitVerdict {
    if (this.windows.size > 10_000) this.sweep();
    const now = this.now();
    const windowMs = this.limits.windowSeconds * 1000;
    const keys: [string, number][] = [[`token:${token}`, this.limits.token]];
    if (account !== null) keys.push([`account:${account}`, this.limits.account]);
    const states = keys.map(([key, limit]) => {
      let w = this.windows.get(key);
      if (!w || now - w.start >= windowMs) {
        w = { start: now, count: 0 };
        this.windows.set(key, w);
      }
      return { w, limit };
    });
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

  clear(): void {
    this.windows.clear();
  }

  /** Forgets windows that have closed, so a mock called with many tokens or accounts does not grow. */
  sweep(): void {
    const now = this.now();
    for (const [key, w] of this.windows) if (now - w.start >= this.limits.windowSeconds * 1000) this.windows.delete(key);
  }
}
