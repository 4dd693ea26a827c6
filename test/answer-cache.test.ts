import t from 'tap';
import { AnswerCache } from '../src/routes/answer-cache.js';
import { ADA, AUTH, GH, testApp } from './helpers.js';

t.test('AnswerCache keeps answers until its byte bound, then keeps what it has', async (t) => {
  const cache = new AnswerCache(8 * 500); // each entry costs key + body + 160 bytes
  const text = (c: string) => c.repeat(339); // with a one-letter key: 500 bytes
  for (const k of ['a', 'b', 'c']) t.ok(cache.set(k, text(k))?.equals(Buffer.from(text(k))), `${k} kept, its bytes returned`);
  t.equal(cache.bytes, 1500, 'counted as held');
  t.equal(cache.get('a')?.toString(), text('a'));
  t.equal(cache.set('d', 'd'.repeat(501)), undefined, 'more than an eighth of the room is not kept');
  t.equal(cache.get('d'), undefined);
  for (const k of ['e', 'f', 'g', 'h', 'i', 'j']) cache.set(k, text(k)); // 9 entries of 500 bytes: one does not fit
  t.equal(cache.bytes, 4000, 'never above the bound');
  t.equal(cache.get('j'), undefined, 'full: a new answer is not kept');
  t.equal(cache.get('a')?.toString(), text('a'), 'and none kept is evicted for it (a cycle larger than the cache would evict each before its turn)');
  t.equal(cache.get('i')?.toString(), text('i'));
  cache.clear();
  t.equal(cache.get('a'), undefined);
  t.equal(cache.bytes, 0);
  t.ok(cache.set('j', text('j')), 'cleared: kept again');
  t.equal(new AnswerCache(0).set('a', 'x'), undefined, 'size 0: off');
});

t.test('AnswerCache keeps bytes given as they are, counted as text is', async (t) => {
  const cache = new AnswerCache(8 * 500);
  const bytes = Buffer.from('é'.repeat(169)); // 338 bytes: with a one-letter key, 499
  t.equal(cache.set('a', bytes), bytes, 'the same bytes, not a copy');
  t.equal(cache.get('a'), bytes);
  t.equal(cache.bytes, 499);
  t.equal(cache.set('b', Buffer.alloc(501)), undefined, 'more than an eighth of the room is not kept');
});

t.test('a cached answer is the answer: same bodies with the cache on and off, per host', async (t) => {
  const on = await testApp(t);
  const off = await testApp(t, { cacheMb: 0 });
  const urls = [
    `/unified/ats/candidates/${ADA}?integrated_account_id=${GH}`,
    `/unified/ats/attachments?integrated_account_id=${GH}&limit=3`,
    `/unified/ats/candidates?integrated_account_id=${GH}&limit=2&truto_response_format=debug`,
  ];
  for (const url of urls) {
    for (const host of ['localhost:4010', 'mock:80']) {
      const first = await on.inject({ url, headers: { ...AUTH, host } });
      const again = await on.inject({ url, headers: { ...AUTH, host } });
      const uncached = await off.inject({ url, headers: { ...AUTH, host } });
      t.equal(first.statusCode, 200);
      t.equal(again.body, first.body, `${url} via ${host}: repeated`);
      t.equal(uncached.body, first.body, `${url} via ${host}: same as without the cache`);
      t.equal(again.headers['content-type'], 'application/json; charset=utf-8');
    }
  }
  const viaOther = await on.inject({ url: urls[0]!, headers: { ...AUTH, host: 'other:1' } });
  t.match(viaOther.json().attachments[0].file_url, /^http:\/\/other:1\//, 'links follow the host even when cached');
  const noAuth = await on.inject({ url: urls[0]! });
  t.equal(noAuth.statusCode, 401, 'the cache sits behind auth');
});
