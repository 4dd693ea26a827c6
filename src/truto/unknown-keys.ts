import { errors } from './errors.js';

/** Keys clients send meaning a Truto parameter of another name (other APIs' words for them). */
const ALIASES: Record<string, string> = {
  cursor: 'next_cursor',
  page_token: 'next_cursor',
  per_page: 'limit',
  page_size: 'limit',
  response_format: 'truto_response_format',
  exclude_fields: 'truto_exclude_fields',
};

/**
 * Query keys a route does not know. Truto ignores them, so the mock answers anyway but says so (CONTRACT §1): a test
 * that misspells `limit` would otherwise pass against the mock on a page size production never applies. `strict`
 * makes them a 400.
 */
export function unknownKeys(query: object, known: ReadonlySet<string>, strict: boolean): readonly string[] {
  let warnings: string[] | undefined;
  for (const key in query) {
    if (known.has(key)) continue;
    const near = nearest(key, known);
    const hint = near === undefined ? '' : `; did you mean ${near}?`;
    if (strict) throw errors.invalidQuery(key, `unknown parameter on this route${hint}`);
    (warnings ??= []).push(`unknown query parameter ${key} ignored${hint}`);
  }
  return warnings ?? NONE;
}

const NONE: readonly string[] = Object.freeze([]);

function nearest(key: string, known: ReadonlySet<string>): string | undefined {
  const alias = ALIASES[key.toLowerCase()];
  if (alias !== undefined && known.has(alias)) return alias;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(key.toLowerCase(), candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  // Within a third of the key's length: `limt` → `limit`, but `foo` suggests nothing.
  return bestDistance <= Math.max(1, Math.floor(key.length / 3)) ? best : undefined;
}

/** Damerau–Levenshtein (optimal string alignment): a swapped pair of letters is one typo. */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Infinity;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
