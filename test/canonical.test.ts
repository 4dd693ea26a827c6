import t from 'tap';
import { canonical } from '../src/truto/canonical.js';

/** The same text the straightforward way (map, sort, join): what the loops in canonical must keep writing. */
const reference = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const skip = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';
  if (Array.isArray(value)) return `[${value.map((v) => (skip(v) ? 'null' : reference(v))).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value);
  const record = value as Record<string, unknown>;
  const parts = Object.keys(record).sort().filter((k) => !skip(record[k])).map((k) => `${JSON.stringify(k)}:${reference(record[k])}`);
  return `{${parts.join(',')}}`;
};

t.test('canonical: JSON.stringify\'s text with object keys sorted, for every kind of value a query or a body holds', async (t) => {
  const values: unknown[] = [
    null,
    0,
    -1.5,
    'text with "quotes" and \\ and \u2028',
    true,
    [],
    {},
    ['62f44730-dd91-461e-bd6a-aedd9e0ad79d', 'attachments', { candidate_id: ['9000001003'] }, {}],
    { b: 1, a: [2, { d: null, c: 'x' }], '': 'empty key', 10: 'ten', 9: 'nine' },
    [undefined, () => 1, Symbol('s'), 1],
    { skipped: undefined, fn: () => 1, sym: Symbol('s'), kept: 1 },
    { only: undefined },
    { when: new Date(Date.UTC(2024, 0, 2)) },
    [[[]], [{}], { z: { y: { x: [1, 2, 3] } } }],
  ];
  for (const value of values) t.equal(canonical(value), reference(value));
  t.equal(canonical({ b: 2, a: 1 }), canonical({ a: 1, b: 2 }), 'key order does not matter');
  t.equal(canonical({ a: 1, b: 2 }), '{"a":1,"b":2}');
  t.equal(canonical({ b: 1, 10: 2, 9: 3 }), '{"10":2,"9":3,"b":1}', 'keys sorted as text, numbers among them');
  t.equal(canonical({ when: new Date(Date.UTC(2024, 0, 2)) }), '{"when":"2024-01-02T00:00:00.000Z"}', 'toJSON is honoured');
});
