/**
 * `npm run seed -- --db mock.db --seed 7 --candidates 500`: builds the database file ahead of time with the same
 * flags and environment as the command, so a server (or a Docker image that bakes the file in) started later with
 * the same settings reuses it in milliseconds instead of seeding.
 */
import { buildApp } from '../src/app.js';
import { commandInput, usage } from '../src/cli.js';
import { ConfigError } from '../src/config.js';
import { FixturesError } from '../src/seed/fixtures.js';
import { SeedProgress } from '../src/seed/progress.js';

const input = commandInput(`npm run seed -- [options]: seed the database file and exit. Options as for the server:\n\n${usage()}`);
// Stopped midway, the unfinished file beside --db is removed (on exit) and the previous file, if any, is left as it was.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`stopped by ${signal}: the unfinished store is not kept\n`);
    process.exit(1);
  });
}
// A large seed takes minutes: say how far it has got every few seconds (on stderr: stdout is the one result line).
const progress = new SeedProgress();
const report = setInterval(() => {
  const now = progress.body();
  if (now.accounts > 0) process.stderr.write(`seeding: ${now.accounts_done}/${now.accounts} accounts, ${now.candidates_done}/${now.candidates} candidates\n`);
}, 3_000);
try {
  const app = await buildApp({ ...input, logLevel: 'silent' }, undefined, { progress });
  clearInterval(report);
  const { config, store, accounts, openMs } = app.mock;
  await app.close();
  if (config.db === ':memory:') process.stderr.write('note: --db :memory: seeds nothing that outlives this command\n');
  const total = accounts.list().reduce((n, a) => n + a.row.candidates, 0);
  process.stdout.write(
    `${config.db}: ${store.seeded ? 'seeded' : 'already seeded (reused)'} in ${Math.round(openMs)} ms, seed ${config.seed}, ` +
      `${accounts.list().length} account(s), ${total} candidates\n`,
  );
} catch (err) {
  clearInterval(report);
  if (err instanceof ConfigError || err instanceof FixturesError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  throw err;
}
