import qs from 'qs';
import t from 'tap';
import { parseQueryString } from '../src/truto/query.js';

/** What qs gives with the mock's options: the general parser, which the one-pass path must agree with. */
const general = (text: string) =>
  qs.parse(text, { depth: 5, arrayLimit: 1000, parameterLimit: 10_000, allowPrototypes: false, parseArrays: true, duplicates: 'combine' });

t.test('every query string parses as qs parses it, on the one-pass path or off it', async (t) => {
  const texts = [
    'integrated_account_id=62f44730-dd91-461e-bd6a-aedd9e0ad79d&candidate_id=40000007',
    'integrated_account_id=abc&limit=100&next_cursor=eyJhZnRlciI6MTB9.c2ln',
    'a=1',
    'a=',
    'a=&b=2',
    'a.b=1&c~d=2&e-f=_',
    '',
    '&',
    'a=1&',
    '&a=1',
    'a',
    'a&b=1',
    '=1',
    'a==1',
    'a=1=2',
    'a=1&a=2',
    'a=1&b=2&a=3',
    'constructor=1',
    'toString=x&a=1',
    '__proto__=1',
    'hasOwnProperty=1',
    'a%20b=1',
    'a=%7B%7D',
    'a[]=1&a[]=2',
    'a[0]=1',
    'remote_query[email]=a@b.c',
    'created_at[gt]=2024-01-01T00:00:00Z',
    'a=1+2',
    'é=1',
    'a=é',
    `a=${'x'.repeat(5000)}`,
  ];
  for (const text of texts) t.strictSame(parseQueryString(text), general(text), JSON.stringify(text.slice(0, 60)));
});
