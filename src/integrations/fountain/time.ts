import { DAY, iso } from '../../seed/reference-time.js';

/**
 * Fountain writes times in the account's time zone with milliseconds and the offset (`2015-06-05T05:53:46.749-07:00`).
 * This account is on US Pacific time: UTC-8, or UTC-7 from the second Sunday of March 10:00 UTC (2 am PST) to the
 * first Sunday of November 09:00 UTC (2 am PDT), the US rule since 2007.
 */
const dst = new Map<number, [number, number]>();

function dstSpan(year: number): [number, number] {
  let span = dst.get(year);
  if (!span) {
    const march1 = Date.UTC(year, 2, 1);
    const secondSunday = march1 + (((7 - new Date(march1).getUTCDay()) % 7) + 7) * DAY;
    const nov1 = Date.UTC(year, 10, 1);
    const firstSunday = nov1 + ((7 - new Date(nov1).getUTCDay()) % 7) * DAY;
    span = [secondSunday + 10 * 3_600_000, firstSunday + 9 * 3_600_000];
    dst.set(year, span);
  }
  return span;
}

export function pacific(ms: number): string {
  const [start, end] = dstSpan(new Date(ms).getUTCFullYear());
  const hours = ms >= start && ms < end ? 7 : 8;
  return `${iso(ms - hours * 3_600_000).slice(0, 23)}-0${hours}:00`;
}

/** A Fountain time back in UTC, as Truto sends dates. */
export const utc = (fountain: string): string => new Date(fountain).toISOString();
