/** Every generated date hangs off this instant, never off the clock, so data is the same on any day. */
export const REFERENCE_TIME = Date.parse('2026-01-15T12:00:00.000Z');

export const DAY = 86_400_000;

const days = new Map<number, string>();
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * `new Date(ms).toISOString()`, made from a per-day cache: seeding formats millions of dates and the built-in
 * is a large part of its time.
 */
export function iso(ms: number): string {
  const day = Math.floor(ms / DAY);
  let prefix = days.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    days.set(day, prefix);
  }
  let rest = ms - day * DAY;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = Math.floor(rest / 1000);
  return `${prefix}${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(rest - s * 1000, 3)}Z`;
}
