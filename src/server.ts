#!/usr/bin/env node
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { configFromArgs, usage } from './cli.js';
import { ConfigError, type ConfigInput } from './config.js';
import { FixturesError } from './seed/fixtures.js';

async function main(): Promise<void> {
  let input: ConfigInput | 'help';
  try {
    input = configFromArgs(process.argv.slice(2), process.env);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${usage()}`);
    process.exit(2);
  }
  if (input === 'help') {
    process.stdout.write(usage());
    return;
  }
  let app;
  try {
    app = await buildApp(input);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof FixturesError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const { config, accounts, store, openMs } = app.mock;
  closeWithGrace({ delay: 10_000 }, async ({ err }) => {
    if (err) app.log.error({ err }, 'stopping after an error');
    await app.close();
  });
  const address = await app.listen({ port: config.port, host: config.host });
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
    '  integrated accounts:',
    ...accounts.list().map((a) => `    ${a.row.id}  ${a.integration.name.padEnd(11)} ${a.row.candidates} candidates  ${a.row.name}`),
    '',
    `  try: curl -H 'Authorization: Bearer ${config.tokens[0]}' '${shown}/unified/ats/candidates?integrated_account_id=${accounts.list()[0]?.row.id ?? ''}&limit=2'`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

await main();
