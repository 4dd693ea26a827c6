import t from 'tap';
import Fastify from 'fastify';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { destination } from 'pino';
import { flushed } from '../src/logger.js';

t.test('flushed: every line logged before it is written, in order, when it resolves', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'logger-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'log');
  // As the command logs JSON lines: asynchronously, a write under way while the next lines wait their turn.
  const stream = destination({ dest: file, sync: false });
  await new Promise((resolve) => stream.once('ready', resolve));
  const log = Fastify({ logger: { level: 'info', stream } }).log;
  const messages = Array.from({ length: 200 }, (_, i) => `line ${i} ${'x'.repeat(i * 50)}`);
  for (const msg of messages) log.info(msg);
  await flushed(log);
  const written = readFileSync(file, 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { msg: string }).msg);
  t.strictSame(written, messages, 'all 200, in the order logged');
  stream.end();
});

