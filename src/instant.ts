const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/;

/**
 * An ISO 8601 date or date-time as epoch milliseconds, NaN for anything else (Date.parse alone accepts trailing
 * junk and rolls 2024-02-30 over to March). A date-time without a zone is UTC, never the machine's local time, so
 * the same filter selects the same records on every machine.
 */
export function parseInstant(v: string): number {
  const m = ISO_8601.exec(v);
  if (!m) return NaN;
  const [, year, month, day, hour, minute, second, zone] = m as unknown as [string, string, string, string, string?, string?, string?, string?];
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return NaN;
  if (hour !== undefined && (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59)) return NaN;
  return Date.parse(hour !== undefined && zone === undefined ? `${v}Z` : v);
}
