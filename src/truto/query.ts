import qs from 'qs';
import { LIST_FILTERS } from './filters.js';

/**
 * Query strings the way Truto's clients send them: `a[]=x` (docs, Python SDK), `a[0]=x` percent-encoded
 * (TypeScript SDK), repeated keys, nested objects (`remote_query[foo]=bar`, `created_at[gt]=…`).
 */
export function parseQueryString(text: string): Record<string, unknown> {
  return simpleQuery(text) ?? qs.parse(text, {
    depth: 5,
    arrayLimit: 1000,
    parameterLimit: 10_000,
    allowPrototypes: false,
    parseArrays: true,
    duplicates: 'combine',
  }) as Record<string, unknown>;
}

/** `key=value&…` with nothing to decode, nest or combine: what nearly every request sends. */
const SIMPLE = /^[\w.~-]+=[\w.~-]*(?:&[\w.~-]+=[\w.~-]*)*$/;

/**
 * The query qs would parse from a simple query string, without qs's general machinery (on every request's path);
 * undefined when the string needs it (percent-escapes, brackets, a repeated key, a key qs drops).
 */
function simpleQuery(text: string): Record<string, unknown> | undefined {
  if (text.length > 4096 || !SIMPLE.test(text)) return undefined;
  const out: Record<string, unknown> = {};
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq);
    if (Object.hasOwn(out, key) || Object.hasOwn(Object.prototype, key)) return undefined;
    out[key] = part.slice(eq + 1);
  }
  return out;
}

/** Fields whose comma form (`truto_exclude_fields=id,name`) means a list. */
const LIST_PARAMS = new Set<string>(['truto_exclude_fields', ...LIST_FILTERS]);
/**
 * Whole-number parameters. Schema validation would coerce any string JavaScript reads as a number (`1e3`, `0x10`,
 * `Infinity`, ` 5`); these take decimal digits only, so anything else becomes NaN, which the schema refuses.
 */
const INTEGER_PARAMS = new Set(['limit', 'expires_in']);

/**
 * Puts a parsed query in the form its schema validates: a key sent empty (`next_cursor=`) counts as absent, and
 * list parameters accept every array spelling.
 */
export function normalizeQuery(query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // The parsers give plain objects of their own keys only (no prototype's): a loop over them allocates nothing.
  for (const key in query) {
    const value = query[key];
    const v = LIST_PARAMS.has(key) ? toList(value) : dropEmpty(value);
    if (v !== undefined) out[key] = INTEGER_PARAMS.has(key) && typeof v === 'string' ? toInteger(v) : v;
  }
  return out;
}

function dropEmpty(value: unknown): unknown {
  if (value === '' || value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    const items = value.map(dropEmpty).filter((v) => v !== undefined);
    return items.length === 0 ? undefined : items.length === 1 ? items[0] : items;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => [k, dropEmpty(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}

/** Digits as a number (beyond the safe range, the safe extreme: a huge limit is clamped, not refused); else NaN. */
function toInteger(value: string): number {
  if (!/^-?[0-9]+$/.test(value)) return Number.NaN;
  return Math.max(-Number.MAX_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, Number(value)));
}

function toList(value: unknown): unknown {
  const items = (Array.isArray(value) ? value : typeof value === 'object' && value !== null ? Object.values(value) : [value])
    .flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]))
    .map((v) => (typeof v === 'string' ? v.trim() : v))
    .filter((v) => v !== '' && v !== undefined && v !== null);
  return items.length === 0 ? undefined : items;
}
