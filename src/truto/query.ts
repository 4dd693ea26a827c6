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

/** The characters of a query that need no decoding: letters, digits, `_`, `.`, `~`, `-`. */
const PLAIN = new Uint8Array(128);
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.~-') PLAIN[c.charCodeAt(0)] = 1;
const AMP = 38;
const EQ = 61;

/**
 * The query qs would parse from a simple query string (`key=value&…`, nothing to decode, nest or combine: what nearly
 * every request sends), in one pass without qs's general machinery; undefined when the string needs it
 * (percent-escapes, brackets, a key without `=`, a repeated key, a key an object already has, like `constructor`).
 */
function simpleQuery(text: string): Record<string, unknown> | undefined {
  const n = text.length;
  if (n > 4096) return undefined;
  const out: Record<string, unknown> = {};
  let start = 0;
  let eq = -1;
  for (let i = 0; i <= n; i++) {
    const c = i === n ? AMP : text.charCodeAt(i);
    if (c === EQ) {
      if (eq !== -1 || i === start) return undefined;
      eq = i;
    } else if (c === AMP) {
      if (eq === -1) return undefined;
      const key = text.slice(start, eq);
      if (key in out) return undefined;
      out[key] = text.slice(eq + 1, i);
      start = i + 1;
      eq = -1;
    } else if (c >= 128 || PLAIN[c] !== 1) {
      return undefined;
    }
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
