import type { ServerResponse } from 'node:http';
import { connect } from 'node:net';
import t from 'tap';
import { ListEnvelope } from '../src/model/list.js';
import { CATALOGUE } from '../src/model/catalogue.js';
import { MAX_SLOTS, MIN_BYTES, OutgoingBytes, SLOT_BYTES } from '../src/routes/outgoing-bytes.js';
import { ACC, ADA, assertSchema, AUTH, CANDIDATES, get, JSON_CT, testApp } from './helpers.js';

const response = () => ({ writableFinished: false, destroyed: false }) as ServerResponse & { writableFinished: boolean; destroyed: boolean };
const ascii = (n: number, c = 'x') => `"${c.repeat(n - 2)}"`;

t.test('lends bytes for a large text, equal to its UTF-8; a text whose UTF-8 does not fit goes as a string', async (t) => {
  const out = new OutgoingBytes();
  t.equal(out.lend(ascii(MIN_BYTES - 1), response()), undefined, 'too small: sent as a string');
  t.equal(out.lend(ascii(SLOT_BYTES + 1), response()), undefined, 'larger than a slot: sent as a string');
  t.equal(out.made, 0, 'no slot made for what goes as a string');
  for (const n of [MIN_BYTES, 64 * 1024, SLOT_BYTES]) {
    const text = ascii(n, String.fromCharCode(97 + (n % 26)));
    const bytes = out.lend(text, response());
    t.ok(bytes !== undefined && bytes.equals(Buffer.from(text, 'utf8')), `${n} characters: the text's UTF-8, no more, no less`);
  }
  const zoe = `"Zoë ${'x'.repeat(MIN_BYTES)} Łódź"`;
  const lent = out.lend(zoe, response());
  t.ok(lent !== undefined && lent.equals(Buffer.from(zoe, 'utf8')), 'not ASCII: its UTF-8, every character whole');
  const made = out.made;
  const tooLong = `"${'é'.repeat(SLOT_BYTES / 2)}"`; // SLOT_BYTES / 2 + 2 characters, SLOT_BYTES + 2 bytes
  t.equal(out.lend(tooLong, response()), undefined, 'UTF-8 longer than a slot: sent as a string');
  const after = out.lend(ascii(MIN_BYTES, 'q'), response());
  t.ok(after !== undefined && after.equals(Buffer.from(ascii(MIN_BYTES, 'q'))), 'and the slot it was tried in is free for the next');
  t.equal(out.made, made + 1, 'one slot more, for the next answer (the one tried was left free, not lent)');
});

t.test('a slot is lent again only once its response is written out or destroyed; at most MAX_SLOTS are made', async (t) => {
  const out = new OutgoingBytes();
  const first = response();
  const a = out.lend(ascii(MIN_BYTES, 'a'), first)!;
  const second = response();
  const b = out.lend(ascii(MIN_BYTES, 'b'), second)!;
  t.not(a.buffer, b.buffer, 'the first response is still writing: another slot');
  t.equal(a.toString('latin1', 1, 2), 'a', "the first response's bytes are untouched");

  first.writableFinished = true;
  const third = response();
  const c = out.lend(ascii(MIN_BYTES, 'c'), third)!;
  t.equal(c.buffer, a.buffer, 'the first response is written out: its slot is lent again');
  second.destroyed = true;
  t.equal(out.lend(ascii(MIN_BYTES, 'd'), response())!.buffer, b.buffer, "the second response's socket closed: its slot is lent again");
  t.equal(out.made, 2);

  const many = new OutgoingBytes();
  const lent = Array.from({ length: MAX_SLOTS }, () => many.lend(ascii(MIN_BYTES), response()));
  t.equal(lent.filter((bytes) => bytes !== undefined).length, MAX_SLOTS);
  t.equal(many.lend(ascii(MIN_BYTES), response()), undefined, 'every slot lent: the next answer goes as a string');
  t.equal(many.made, MAX_SLOTS, `bounded: ${(MAX_SLOTS * SLOT_BYTES) / 2 ** 20} MB at most`);
});

// Twice: pages written from slots, and pages held as bytes by the renderings (`Renderings.answer`), which every
// response writing them shares.
for (const held of [false, true]) {
  t.test(`over real sockets, ${held ? 'held pages' : 'pages from slots'}: answers queued behind a slow one on their connections keep their bytes while others are answered`, async (t) => {
    // No answer cache: its answers are bytes already, kept, and no slot is lent for them.
    const app = await testApp(t, { candidates: 200, cacheMb: 0 });
    const renderings = app.mock.store.renderings;
    // Held bytes off: a page read again is read as text, and written from a slot.
    if (!held) renderings.answer = (key: string) => renderings.get(key);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;

    // Pages of 10 candidates (about 50 KB each), by their cursors: the answers a slot is lent for.
    const pages: { path: string; body: string }[] = [];
    let path = `${CANDIDATES}?${ACC}&limit=10`;
    for (;;) {
      const res = await get(app, path);
      t.equal(res.statusCode, 200);
      t.equal(res.headers['content-type'], JSON_CT);
      const body = res.json<{ next_cursor: string | null }>();
      assertSchema(t, ListEnvelope(CATALOGUE.candidates.schema), body);
      pages.push({ path, body: res.body });
      if (body.next_cursor === null) break;
      path = `${CANDIDATES}?${ACC}&limit=10&next_cursor=${body.next_cursor}`;
    }
    const lendable = pages.filter((p) => p.body.length >= MIN_BYTES && Buffer.byteLength(p.body) === p.body.length);
    t.ok(lendable.length >= 10, `${lendable.length} of ${pages.length} pages are answered from slots`);
    const head = await app.inject({ method: 'HEAD', url: lendable[0]!.path, headers: AUTH });
    t.equal(head.statusCode, 200);
    t.equal(head.headers['content-length'], String(Buffer.byteLength(lendable[0]!.body)), 'HEAD: the length of the bytes a GET sends');
    t.equal(head.body, '', 'HEAD: no body');
    const slow = `${CANDIDATES}/${ADA}?${ACC}`;
    const ada = (await get(app, slow)).body;

    // Half the connections ask first for a slow answer, then for every page (pipelined): a page is answered at once
    // and waits in its response, behind the slow one. Meanwhile the other half are answered their pages, again and
    // again. A slot lent again before its response is written out would show as another page's bytes.
    const rule = await app.inject({ method: 'POST', url: '/_mock/rules', payload: { match: { path: `${CANDIDATES}/${ADA}` }, action: { type: 'latency', latency: { ms: 300 } } } });
    t.equal(rule.statusCode, 201);
    const paths = pages.map((p) => p.path);
    const bodies = pages.map((p) => p.body);
    const clients = await Promise.all([
      ...Array.from({ length: 4 }, (_, i) => pipelined(port, [slow, ...rotate(paths, i * 3)]).then((answers) => ({ answers, expected: [ada, ...rotate(bodies, i * 3)] }))),
      ...Array.from({ length: 4 }, (_, i) => pipelined(port, rotate([...paths, ...paths, ...paths], i * 5)).then((answers) => ({ answers, expected: rotate([...bodies, ...bodies, ...bodies], i * 5) }))),
    ]);
    clients.forEach(({ answers, expected }, i) => {
      t.equal(answers.length, expected.length, `client ${i}: every answer`);
      t.equal(answers.filter((body, k) => body !== expected[k]).length, 0, `client ${i}: every page byte for byte as answered alone`);
    });
    if (held) t.ok(renderings.heldBytes > 50 * 1024 * lendable.length, `the pages were held (${renderings.heldBytes} bytes)`);
    else t.equal(renderings.heldBytes, 0, 'no page was held');
  });
}

const rotate = <T>(list: T[], by: number) => [...list.slice(by), ...list.slice(0, by)];

/** Sends every request on one connection at once, and returns the answers' bodies in order, cut by Content-Length. */
async function pipelined(port: number, paths: string[]): Promise<string[]> {
  const socket = connect(port, '127.0.0.1');
  // The Host that app.inject sends: links in the bodies are built from it.
  socket.write(paths.map((path) => `GET ${path} HTTP/1.1\r\nHost: localhost:80\r\nAuthorization: ${AUTH.authorization}\r\n\r\n`).join(''));
  const bodies: string[] = [];
  let data = Buffer.alloc(0);
  await new Promise<void>((resolve, reject) => {
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      for (;;) {
        const headEnd = data.indexOf('\r\n\r\n');
        if (headEnd < 0) return;
        const length = Number(/content-length: (\d+)/i.exec(data.subarray(0, headEnd).toString('latin1'))?.[1]);
        if (data.length < headEnd + 4 + length) return;
        bodies.push(data.subarray(headEnd + 4, headEnd + 4 + length).toString('utf8'));
        data = data.subarray(headEnd + 4 + length);
        if (bodies.length === paths.length) {
          socket.destroy();
          return resolve();
        }
      }
    });
    socket.once('error', reject);
  });
  return bodies;
}
