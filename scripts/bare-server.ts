/**
 * The baseline for `bench.ts`: Fastify with nothing behind it, answering each GET with a body the mock gave
 * for the same URL. What the mock costs beyond it is its own work (auth, query, SQLite, JSON).
 *
 * Usage: node dist/scripts/bare-server.js <bodies.json> <port>, where bodies.json is {url: {contentType, body}}.
 */
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';

interface Canned {
  contentType: string;
  body: string;
}

const [file, port] = process.argv.slice(2);
if (!file || !port) {
  process.stderr.write('usage: bare-server <bodies.json> <port>\n');
  process.exit(2);
}
const bodies = new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, Canned>));

const app = Fastify({ logger: false });
app.get('/*', (request, reply) => {
  const canned = bodies.get(request.url);
  if (!canned) return reply.code(404).send();
  return reply.type(canned.contentType).send(canned.body);
});

const address = await app.listen({ port: Number(port), host: '127.0.0.1' });
process.stdout.write(`bare server listening on ${address}\n`);
