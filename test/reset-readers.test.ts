import { mkdtempSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as tick, setTimeout as sleep } from 'node:timers/promises';
import t from 'tap';
import { buildApp } from '../src/app.js';
import { Readers } from '../src/store/readers.js';
import { TOKEN } from './helpers.js';

/** About 8 kB a streamed candidate: 12 MB, far more than the socket buffers hold while the client does not read. */
const SIZE = 1_500;
const headers = { authorization: `Bearer ${TOKEN}` };
const STREAM = '/unified/ats/candidates?integrated_account_id=acct-slow&truto_response_format=stream';

/** A client that has the answer's head and reads nothing more until told. */
function slowClient(base: string): Promise<{ res: IncomingMessage; rest: () => Promise<string> }> {
  return new Promise((resolve, reject) => {
    httpGet(`${base}${STREAM}`, { headers }, (res) => {
      res.pause();
      const chunks: Buffer[] = [];
      const rest = () =>
        new Promise<string>((done, fail) => {
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
          res.on('error', fail);
          res.on('aborted', () => fail(new Error('the answer was cut')));
          res.resume();
        });
      resolve({ res, rest });
    }).on('error', reject);
  });
}

t.test('a reset while a slow client reads a stream: it ends with every record of the old data; the old store closes after', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'truto-mock-'));
  const fixtures = join(dir, 'accounts.json');
  writeFileSync(fixtures, JSON.stringify({ accounts: [{ id: 'acct-slow', integration: 'greenhouse', name: 'Slow', candidates: SIZE }] }));
  for (const db of [':memory:', join(dir, 'mock.db')]) {
    const app = await buildApp({ db, fixtures, logLevel: 'silent', candidates: SIZE, tokens: [TOKEN] });
    t.teardown(() => app.close());
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const expected = await (await fetch(`${base}${STREAM}`, { headers })).text();
    t.equal(expected.trimEnd().split('\n').length, SIZE, `${db}: the whole list, read at once`);

    const slow = await slowClient(base);
    t.equal(slow.res.statusCode, 200, 'the stream has started');
    // Let the server fill the socket buffers: it then waits for the client, part-way through the list.
    await sleep(200);
    const reset = await app.inject({ method: 'POST', url: '/_mock/reset', payload: { seed: 2, candidates: 10 } });
    t.equal(reset.statusCode, 200, 'the reset does not wait for the reader');
    t.strictSame(app.mock.dataset.reading, { requests: 1, retiredStores: 1 }, 'the old store stays open for its reader');
    const fresh = await app.inject({ url: '/unified/ats/candidates?integrated_account_id=acct-slow&truto_ignore_limit=true', headers });
    t.equal(fresh.json().result.length, 10, 'a request after the reset reads the new data');

    // Slower than any drain timeout would allow.
    await sleep(1_000);
    const body = await slow.rest();
    t.equal(body.length, expected.length, 'every byte');
    t.ok(body === expected, 'the stream ended with the old data, record for record');
    t.equal(body.trimEnd().split('\n').length, SIZE, `${SIZE} records`);
    while (app.mock.dataset.reading.requests > 0) await tick();
    t.strictSame(app.mock.dataset.reading, { requests: 0, retiredStores: 0 }, 'the old store was closed when its last reader left');
    await app.close();
  }
});

t.test('a replaced store closes once no request admitted before its replacement is in flight', async (t) => {
  const readers = new Readers();
  const closed: string[] = [];
  const early = readers.enter(); // may read store A, or B if its handler runs after the first swap
  readers.retire(() => closed.push('A'));
  const middle = readers.enter(); // reads B
  readers.retire(() => closed.push('B'));
  t.strictSame(closed, [], 'both kept: the early request may read either');
  readers.leave(middle);
  t.strictSame(closed, [], 'B is kept for the early request, which may have started on it');
  const late = readers.enter();
  readers.leave(early);
  t.strictSame(closed, ['A', 'B'], 'both closed when the early request leaves; the late one reads C');
  readers.retire(() => closed.push('C'));
  t.strictSame(closed, ['A', 'B']);
  readers.leave(late);
  t.strictSame(closed, ['A', 'B', 'C']);
  readers.retire(() => closed.push('D'));
  t.strictSame(closed, ['A', 'B', 'C', 'D'], 'nobody reading: closed at once');
  t.equal(readers.reading, 0);
});
