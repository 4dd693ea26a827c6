import { parseInstant } from '../instant.js';
import type { RecordDate, RecordFilter } from '../store/records.js';
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

/** A unified date filter an API applies to a date of the record itself (an interview's start), at these JSON paths. */
export interface RecordDateFilter {
  filter: 'start_at' | 'end_at' | 'start_date';
  /** The record's JSON paths: the first present is read (`$.start.date_time`, else an all-day `$.start.date`). */
  paths: RecordDate['paths'];
}

/** The store's record dates for the record-date filters a list was given. */
export function honouredRecordDates(dates: readonly RecordDateFilter[], filters: UnifiedFilters): RecordFilter {
  const recordDates = dates.flatMap((d) => (filters[d.filter] ? [{ paths: d.paths, range: filters[d.filter]! }] : []));
  return recordDates.length > 0 ? { recordDates } : {};
}
