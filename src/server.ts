#!/usr/bin/env node
// First, before anything that collects garbage (see the module).
import './tick-shape.js';
import closeWithGrace from 'close-with-grace';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { commandInput } from './cli.js';
import { ConfigError, resolveConfig, type Config } from './config.js';
import { HoldingServer } from './holding.js';
import { createLogger, flushed } from './logger.js';
import { FixturesError } from './seed/fixtures.js';
import { SeedProgress } from './seed/progress.js';

/** How long a stop waits for answers still being written before it cuts them. */
const GRACE_MS = 10_000;
/** How often seeding says how far it has got. */
const PROGRESS_EVERY_MS = 3_000;

async function main(): Promise<void> {
  const input = commandInput();
  let config: Config;
  try {
    // Settings are checked before anything else, so a bad value stops the command at once with exit code 2.
    config = resolveConfig(input);
  } catch (err) {
    return fail(err);
  }
  const log = createLogger(config);
  const progress = new SeedProgress();
  const seeding = () => (progress.accounts > 0 && progress.accountsDone < progress.accounts ? progress.body() : undefined);
  // A signal before the app serves: nothing is being answered, and an unfinished store is never kept (its file is
  // removed on exit), so the stop is immediate and clean.
  const stopEarly = (signal: NodeJS.Signals) => {
    const now = seeding();
    if (now) log.warn({ signal, progress: now }, 'stopping while seeding: the unfinished store is not kept; the next start seeds it afresh');
    else log.info({ signal }, 'stopping while starting');
    process.exit(0);
  };
  process.once('SIGTERM', stopEarly);
  process.once('SIGINT', stopEarly);

  let held: HoldingServer | undefined;
  let app: FastifyInstance;
  const report = setInterval(() => {
    const now = seeding();
    if (now) log.info({ progress: now }, `seeding: ${now.accounts_done}/${now.accounts} accounts, ${now.candidates_done}/${now.candidates} candidates`);
  }, PROGRESS_EVERY_MS);
  try {
    held = await HoldingServer.listen(config, seeding);
    // The app (Fastify, Swagger, the store) is loaded once the port is held: the port answers from the first moment.
    const { buildApp } = await import('./app.js');
    app = await buildApp(input, undefined, { logger: log, progress });
  } catch (err) {
    await held?.release();
    return fail(err);
  } finally {
    clearInterval(report);
  }
  if (progress.accounts > 0) {
    const done = progress.body();
    log.info({ progress: done }, `seeded: ${done.accounts} accounts, ${done.candidates} candidates in ${done.elapsed_ms} ms`);
  }
  process.off('SIGTERM', stopEarly);
  process.off('SIGINT', stopEarly);
  closeWithGrace({ delay: false, logger: log }, async ({ err, signal }) => {
    if (err) log.error({ err }, 'stopping after an error');
    await stop(app, log, signal);
  });
  await app.ready();
  const address = await app.listen({ handle: held.handOver(), host: config.host } as { host: string });
  printBanner(app, address);
}

/**
 * Stops accepting, lets the answers under way finish (GRACE_MS at most), closes the store, and says in the log what
 * it waited for and, if the grace ran out, which answers it cut. Ends with exit code 0 either way: the stop was asked.
 */
async function stop(app: FastifyInstance, log: FastifyBaseLogger, signal?: string) {
  const describe = () => app.mock.inFlight.requests.map((r) => `${r.method ?? ''} ${(r.url ?? '').split('?')[0]}`);
  const waiting = describe();
  log.info(
    { signal, inFlight: waiting },
    waiting.length === 0
      ? 'stopping: no request in flight'
      : `stopping: finishing ${waiting.length} request(s) in flight (at most ${GRACE_MS / 1000} s): ${waiting.join(', ')}`,
  );
  const closed = app.close();
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), GRACE_MS)));
  if ((await Promise.race([closed, graceOver])) === 'late') {
    const cut = describe();
    log.warn(
      { cut },
      `stopping: cut ${cut.length} answer(s) still being written after ${GRACE_MS / 1000} s (the client got a truncated answer): ${cut.join(', ')}`,
    );
    app.server.closeAllConnections();
  }
  clearTimeout(timer);
  await closed;
  log.info('stopped');
  await flushed(log);
}

function printBanner(app: FastifyInstance, address: string): void {
  const { config, accounts, store, openMs } = app.mock;
  const shown = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  const how = store.seeded ? 'seeded' : store.readonly ? 'reused read-only' : 'reused';
  const lines = [
    '',
    `truto-ats-mock listening on ${shown}`,
    `  store: ${config.db} (${how} in ${Math.round(openMs)} ms, seed ${config.seed})`,
    `  token: Authorization: Bearer ${config.tokens[0]}`,
    // Test scenarios (src/mock/): where the admin API is, and which scenario flags are on.
    `  admin: ${shown}/_mock (reset, journal, rules)${[
      config.adminToken ? 'admin token required' : '',
      config.rateLimits ? 'rate limits' : '',
      config.latency ? `latency ${config.latency} ms` : '',
      config.errorRate > 0 ? `error rate ${config.errorRate} (${config.errorStatus})` : '',
      config.headerOverrides ? 'x-mock-* headers' : '',
      config.watch ? 'watching fixtures' : '',
    ].filter(Boolean).map((s) => `; ${s}`).join('')}`,
    `  docs:  ${shown}/docs (OpenAPI document: ${shown}/openapi.json)`,
    '  integrated accounts:',
    ...accounts.list().map((a) => `    ${a.row.id}  ${a.integration.name.padEnd(11)} ${a.row.candidates} candidates  ${a.row.name}`),
    '',
    `  try: curl -H 'Authorization: Bearer ${config.tokens[0]}' '${shown}/unified/ats/candidates?integrated_account_id=${accounts.list()[0]?.row.id ?? ''}&limit=2'`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

/** A start-up failure: a message naming the setting and its fix (exit 2), or the port's problem (exit 1). */
function fail(err: unknown): never {
  if (err instanceof ConfigError || err instanceof FixturesError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  const error = err as NodeJS.ErrnoException;
  if (error.syscall === 'listen' && (error.code === 'EADDRINUSE' || error.code === 'EACCES' || error.code === 'EADDRNOTAVAIL')) {
    process.stderr.write(`cannot listen: ${error.message} (choose another --port / PORT, or --host / HOST)\n`);
    process.exit(1);
  }
  throw err;
}

await main();
