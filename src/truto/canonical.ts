/**
 * JSON with object keys sorted, so that equal values always give the same text (a cursor's scope, an
 * Idempotency-Key's request): JSON.stringify's text for
 * the values a query holds (strings, numbers, booleans, null, arrays and plain objects of them), written directly
 * rather than through a replacer that copies every object (it runs on every list request).
 */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  // Loops that add to one string rather than map and join: a list request writes its cursor scope with this.
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      text += `${i > 0 ? ',' : ''}${v === undefined || typeof v === 'function' || typeof v === 'symbol' ? 'null' : canonical(v)}`;
    }
    return `${text}]`;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonical((value as { toJSON: () => unknown }).toJSON());
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length > 1) keys.sort();
  let text = '';
  for (const key of keys) {
    const v = record[key];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    text += `${text === '' ? '' : ','}${JSON.stringify(key)}:${canonical(v)}`;
  }
  return `{${text}}`;
}
