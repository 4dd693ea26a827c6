import { EventEmitter } from 'node:events';
import { Agent, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setImmediate as tick, setTimeout as sleep } from 'node:timers/promises';
import t from 'tap';
import { InFlight } from '../src/mock/in-flight.js';
import { JournalEntrySchema } from '../src/mock/journal.js';
import { ADA, assertSchema, AUTH, GH, testApp } from './helpers.js';

const fakeSocket = () => new EventEmitter() as unknown as Socket;
const fakeRequest = (socket: Socket) => ({ socket }) as unknown as IncomingMessage;
const fakeResponse = () => Object.assign(new EventEmitter(), { writableFinished: false }) as unknown as ServerResponse;

interface FakeVisit {
  request: IncomingMessage;
  name: string;
}

t.test('a request on a watched connection: no listener on its response; ended once, by its answer or by the connection', async (t) => {
  const ends: string[] = [];
  const inFlight = new InFlight<FakeVisit>((visit, answered) => ends.push(`${visit.name} ${answered}`));
  const server = new EventEmitter();
  inFlight.watch(server as unknown as Server);
  const socket = fakeSocket();
  server.emit('connection', socket);
  const [a, b, c] = ['a', 'b', 'c'].map((name) => ({ request: fakeRequest(socket), name })) as [FakeVisit, FakeVisit, FakeVisit];
  const responses = [fakeResponse(), fakeResponse(), fakeResponse()];
  inFlight.start(a, responses[0]!);
  inFlight.start(b, responses[1]!);
  inFlight.start(c, responses[2]!);
  t.strictSame(responses.map((r) => r.listenerCount('close') + r.listenerCount('finish')), [0, 0, 0], 'nothing listens on the responses');
  t.equal(socket.listenerCount('close'), 1, 'one listener on the connection, whatever its requests');
  t.strictSame(inFlight.requests, [a.request, b.request, c.request], 'in flight, oldest first');

  inFlight.finish(a, true);
  inFlight.finish(a, false);
  t.strictSame(ends, ['a true'], 'answered, and ended once');
  socket.emit('close');
  t.strictSame(ends, ['a true', 'b false', 'c false'], 'the connection closed: what it carried ends unanswered');
  inFlight.finish(b, true);
  t.strictSame(ends, ['a true', 'b false', 'c false'], 'a late answer does not end it again');
  t.strictSame(inFlight.requests, []);
});

t.test('requests end in any order; what is left stays oldest first, and can start again', async (t) => {
  const ends: string[] = [];
  const inFlight = new InFlight<FakeVisit>((visit, answered) => ends.push(`${visit.name} ${answered}`));
  const server = new EventEmitter();
  inFlight.watch(server as unknown as Server);
  const [one, other] = [fakeSocket(), fakeSocket()];
  server.emit('connection', one);
  server.emit('connection', other);
  const visits = ['a', 'b', 'c', 'd'].map((name) => ({ request: fakeRequest(name === 'c' ? other : one), name })) as FakeVisit[];
  for (const visit of visits) inFlight.start(visit, fakeResponse());
  const names = () => inFlight.requests.map((r) => visits.find((v) => v.request === r)!.name);
  inFlight.finish(visits[1]!, true);
  t.strictSame(names(), ['a', 'c', 'd'], 'the middle one gone');
  inFlight.finish(visits[3]!, true);
  t.strictSame(names(), ['a', 'c'], 'the newest gone');
  inFlight.start(visits[1]!, fakeResponse());
  t.strictSame(names(), ['a', 'c', 'b'], 'a visit started again is the newest');
  one.emit('close');
  t.strictSame(names(), ['c'], 'a closed connection ends what it carried, wherever they stand');
  t.strictSame(ends, ['b true', 'd true', 'a false', 'b false']);
});

t.test('a request without a watched connection (app.inject) is ended by its response closing', async (t) => {
  const ends: boolean[] = [];
  const inFlight = new InFlight<FakeVisit>((_visit, answered) => ends.push(answered));
  const response = fakeResponse();
  inFlight.start({ request: fakeRequest(fakeSocket()), name: 'a' }, response);
  t.equal(response.listenerCount('close'), 1);
  response.emit('close');
  t.strictSame(ends, [false], 'closed before its answer was written');
  t.strictSame(inFlight.requests, []);
});

t.test('over real sockets: answers on a kept-alive connection complete their journal entries at once; a client that leaves is journaled unanswered and lets go of the store', async (t) => {
  const app = await testApp(t, { latency: '400' });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `${base}/unified/ats/candidates/${ADA}?integrated_account_id=${GH}`;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  t.teardown(() => agent.destroy());
  const fetchOne = () =>
    new Promise<{ status: number; socket: Socket }>((resolve, reject) => {
      request(url, { agent, headers: AUTH }, (res) => {
        const socket = res.socket;
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode!, socket }));
      })
        .on('error', reject)
        .end();
    });
  const first = await fetchOne();
  const second = await fetchOne();
  t.strictSame([first.status, second.status], [200, 200]);
  t.equal(first.socket, second.socket, 'one kept-alive connection');
  t.notOk(first.socket.destroyed, 'still open');
  const journal = async () => (await app.inject({ url: '/_mock/journal' })).json().entries as Record<string, unknown>[];
  const answered = await journal();
  for (const entry of answered) assertSchema(t, JournalEntrySchema, entry, 'journal entry');
  t.strictSame(answered.map((e) => e.status), [200, 200], 'completed when answered, not when the connection closes');
  t.ok(answered.every((e) => typeof e.duration_ms === 'number' && (e.duration_ms as number) >= 400), 'each took the latency');
  t.strictSame(app.mock.dataset.reading, { requests: 0, retiredStores: 0 });

  // Gone during the 400 ms latency, before a byte of answer.
  const leaving = request(url, { headers: AUTH });
  leaving.on('error', () => undefined);
  leaving.end();
  await sleep(100);
  t.equal(app.mock.inFlight.requests.length, 1, 'in flight');
  leaving.destroy();
  while (app.mock.inFlight.requests.length > 0) await tick();
  const [, , gone] = await journal();
  assertSchema(t, JournalEntrySchema, gone, 'journal entry');
  t.equal(gone!.status, null, 'no answer was sent');
  t.type(gone!.duration_ms, 'number', 'ended when the client left');
  t.ok((gone!.duration_ms as number) < 400, 'before the latency was over');
  t.strictSame(app.mock.dataset.reading, { requests: 0, retiredStores: 0 }, 'its hold on the store is let go');
  await sleep(400);
  t.strictSame((await journal()).map((e) => e.status), [200, 200, null], 'the answer prepared for nobody changes nothing');
});
