import { parseInstant } from '../instant.js';
import type { RecordFilter } from '../store/records.js';
import type { FilterName, UnifiedFilters } from '../truto/filters.js';

/**
 * Reading `remote_query` values the way a remote API reads its own query string: a value it cannot use is
 * ignored, never an error of the mock's.
 */
export function stringParam(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function listParam(v: unknown): string[] | undefined {
  const items = (Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : [])
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.trim())
    .filter(Boolean);
  return items.length > 0 ? items : undefined;
}

/** An ISO 8601 instant, in the store's form (UTC, milliseconds); read as the unified date filters are. */
export function dateParam(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const ms = parseInstant(v);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** The store's date conditions for the unified date filters an integration's API honours (`supported`). */
export function honouredDates(supported: readonly FilterName[], filters: UnifiedFilters): RecordFilter {
  return {
    ...(supported.includes('created_at') && filters.created_at ? { createdAt: filters.created_at } : {}),
    ...(supported.includes('updated_at') && filters.updated_at ? { updatedAt: filters.updated_at } : {}),
  };
}
