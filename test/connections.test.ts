import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import t, { type Test } from 'tap';
import type { ConfigInput } from '../src/config.js';
import { testApp } from './helpers.js';

/**
 * Over a raw socket, what `inject` cannot send: no Host, CONNECT, a bare OPTIONS, malformed bytes, clients that
 * stall. Each connection gets an answer in Truto's body, then is closed.
 */
async function listen(t: Test, config: ConfigInput = {}): Promise<number> {
  const app = await testApp(t, { candidates: 5, ...config });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return Number(new URL(address).port);
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Everything the server sent until it closed the connection (a hang ends the test through tap's timeout). */
async function exchange(port: number, write: (socket: Socket) => void | Promise<void>): Promise<string> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let received = '';
  socket.setEncoding('utf8').on('data', (d: string) => (received += d));
  socket.on('error', () => undefined);
  const closed = once(socket, 'close');
  await write(socket);
  await closed;
  return received;
}

function parse(raw: string): Answer {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const [statusLine, ...lines] = head!.split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  const text = rest.join('\r\n\r\n');
  return { status: Number(statusLine!.split(' ')[1]), headers, body: text === '' ? '' : (JSON.parse(text) as unknown) };
}

const JSON_TYPE = 'application/json; charset=utf-8';

t.test('a request without Host: 400 in Truto\'s body', async (t) => {
  const port = await listen(t);
  const answer = parse(await exchange(port, (s) => void s.write('GET /health HTTP/1.1\r\nConnection: close\r\n\r\n')));
  t.equal(answer.status, 400);
  t.equal(answer.headers['content-type'], JSON_TYPE);
  t.strictSame(answer.body, { statusCode: 400, error: 'Bad Request', message: 'Missing Host header: every HTTP/1.1 request must send one' });
});

t.test('CONNECT: an answer in Truto\'s body, not a dropped connection', async (t) => {
  const port = await listen(t);
  const answer = parse(await exchange(port, (s) => void s.write('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n')));
  t.equal(answer.status, 404);
  t.equal(answer.headers['content-type'], JSON_TYPE);
  t.equal(answer.headers.connection, 'close');
  t.strictSame(answer.body, { statusCode: 404, error: 'Not Found', message: 'Route CONNECT:example.com:443 not found' });
});

t.test('OPTIONS without the preflight headers: 400 naming them, in Truto\'s body', async (t) => {
  const port = await listen(t);
  const answer = parse(
    await exchange(port, (s) => void s.write('OPTIONS /unified/ats/candidates HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')),
  );
  t.equal(answer.status, 400);
  t.equal(answer.headers['content-type'], JSON_TYPE);
  t.strictSame(answer.body, {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Invalid preflight request: missing headers origin, access-control-request-method',
  });
  const half = parse(
    await exchange(port, (s) => void s.write('OPTIONS /health HTTP/1.1\r\nHost: x\r\nOrigin: http://a.test\r\nConnection: close\r\n\r\n')),
  );
  t.strictSame(half.body, { statusCode: 400, error: 'Bad Request', message: 'Invalid preflight request: missing header access-control-request-method' });
});

t.test('malformed HTTP: 400 in Truto\'s body', async (t) => {
  const port = await listen(t);
  const answer = parse(await exchange(port, (s) => void s.write('GET / HTTP/1.1\r\nHost x\r\n\r\n')));
  t.equal(answer.status, 400);
  t.equal(answer.headers['content-type'], JSON_TYPE);
  t.match(answer.body, { statusCode: 400, error: 'Bad Request', message: /^Malformed HTTP request \(HPE_/ });
});

t.test('a client that sends headers then dribbles its body gets 408 in Truto\'s body, and the connection is closed', async (t) => {
  const port = await listen(t, { requestTimeout: 300, headersTimeout: 200 });
  const started = Date.now();
  const raw = await exchange(port, async (s) => {
    s.write('POST /_mock/reset HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
    // One byte every 50 ms: always active, never complete.
    const drip = setInterval(() => s.writable && s.write(' '), 50);
    s.once('close', () => clearInterval(drip));
  });
  const answer = parse(raw);
  t.equal(answer.status, 408);
  t.equal(answer.headers['content-type'], JSON_TYPE);
  t.strictSame(answer.body, {
    statusCode: 408,
    error: 'Request Timeout',
    message: 'The request did not arrive in time: headers within 200 ms (--headers-timeout), the whole request within 300 ms (--request-timeout)',
  });
  t.ok(Date.now() - started < 20_000, 'closed by the timeout, not by the test');
});

t.test('a client that never finishes its headers gets 408, and the connection is closed', async (t) => {
  const port = await listen(t, { requestTimeout: 400, headersTimeout: 200 });
  const raw = await exchange(port, async (s) => {
    s.write('GET /health HTTP/1.1\r\nHost: x\r\n');
    const drip = setInterval(() => s.writable && s.write('X-Slow: 1\r\n'), 50);
    s.once('close', () => clearInterval(drip));
  });
  const answer = parse(raw);
  t.equal(answer.status, 408);
  t.match(answer.body, { statusCode: 408, error: 'Request Timeout' });
});

t.test('a connection that sends nothing gets 408 and is closed', async (t) => {
  const port = await listen(t, { requestTimeout: 400, headersTimeout: 200 });
  const answer = parse(await exchange(port, () => undefined));
  t.equal(answer.status, 408);
  t.match(answer.body, { statusCode: 408, error: 'Request Timeout' });
});

t.test('headers too large: 431 in Truto\'s body', async (t) => {
  const port = await listen(t);
  const answer = parse(await exchange(port, (s) => void s.write(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`)));
  t.equal(answer.status, 431);
  t.equal(answer.headers['content-type'], JSON_TYPE);
  t.strictSame(answer.body, { statusCode: 431, error: 'Request Header Fields Too Large', message: 'The request headers are too large' });
});

t.test('the timeouts do not cut a kept-alive connection that idles between requests', async (t) => {
  const port = await listen(t, { requestTimeout: 200, headersTimeout: 100 });
  const raw = await exchange(port, async (s) => {
    s.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 600));
    s.end('GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  });
  t.equal(raw.match(/HTTP\/1\.1 200 OK/g)?.length, 2, 'both requests on the kept-alive connection were answered');
});

t.test('headersTimeout longer than requestTimeout is refused, naming both', async (t) => {
  await t.rejects(testApp(t, { requestTimeout: 100, headersTimeout: 200 }), {
    message: 'invalid setting headersTimeout: 200 ms is longer than requestTimeout (100 ms), which covers the headers too; lower --headers-timeout or raise --request-timeout',
  });
});
