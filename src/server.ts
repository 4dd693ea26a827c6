#!/usr/bin/env node
import closeWithGrace from 'close-with-grace';
import { commandInput } from './cli.js';
import { ConfigError, resolveConfig } from './config.js';
import { HoldingServer } from './holding.js';
import { FixturesError } from './seed/fixtures.js';

async function main(): Promise<void> {
  const input = commandInput();
  let held: HoldingServer | undefined;
  let app;
  try {
    // Settings are checked before anything else, so a bad value stops the command at once with exit code 2.
    const config = resolveConfig(input);
    held = await HoldingServer.listen(config.port, config.host);
    // The app (Fastify, Swagger, the store) is loaded once the port is held: the port answers from the first moment.
    const { buildApp } = await import('./app.js');
    app = await buildApp(input);
  } catch (err) {
    await held?.release();
    if (err instanceof ConfigError || err instanceof FixturesError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE' || (err as NodeJS.ErrnoException).code === 'EACCES') {
      process.stderr.write(`cannot listen: ${(err as Error).message} (choose another --port / PORT)\n`);
      process.exit(1);
    }
    throw err;
  }
  const { config, accounts, store, openMs } = app.mock;
  // SIGTERM / SIGINT: stop accepting, let in-flight requests finish (10 s at most), close the store, exit 0.
  closeWithGrace({ delay: 10_000 }, async ({ err, signal }) => {
    if (err) app.log.error({ err }, 'stopping after an error');
    else if (signal) app.log.info({ signal }, 'stopping: finishing in-flight requests');
    await app.close();
  });
  await app.ready();
  const address = await app.listen({ handle: held.handOver(), host: config.host } as { host: string });
  const shown = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  const lines = [
    '',
    `truto-ats-mock listening on ${shown}`,
    `  store: ${config.db} (${store.seeded ? 'seeded' : 'reused'} in ${Math.round(openMs)} ms, seed ${config.seed})`,
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

await main();
