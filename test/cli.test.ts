import Fastify from 'fastify';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { configFromArgs, SETTINGS, usage } from '../src/cli.js';
import { ConfigSchema, DEFAULT_FIXTURES, PACKAGE_ROOT, resolveConfig } from '../src/config.js';
import { loadFixtures } from '../src/seed/fixtures.js';
import { HoldingServer } from '../src/holding.js';
import { TrutoErrorSchema } from '../src/model/error.js';
import { ADA, AUTH, GH, assertSchema } from './helpers.js';
import { runNode, SCRIPTS, SERVER, requireBuild, startServer } from './process.js';

const tmp = mkdtempSync(join(tmpdir(), 'truto-mock-cli-'));
t.teardown(() => rmSync(tmp, { recursive: true, force: true }));

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

t.test('every setting has a flag and an environment variable, and --help lists them', async (t) => {
  const keys = Object.keys(ConfigSchema.properties).sort();
  t.strictSame(Object.keys(SETTINGS).map((f) => f.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())).sort(), keys, 'one flag a setting');
  const sample = { int: '7', number: '0.5', list: 'a,b', string: 'x', bool: 'true' } as const;
  for (const [flag, setting] of Object.entries(SETTINGS)) {
    // An on/off flag takes no value: given bare, it means what `true` means in its variable.
    const fromFlag = configFromArgs(setting.parse === 'bool' ? [`--${flag}`] : [`--${flag}`, sample[setting.parse]], {});
    const fromEnv = configFromArgs([], { [setting.env]: sample[setting.parse] });
    t.strictSame(fromEnv, fromFlag, `--${flag} and ${setting.env} say the same`);
    t.notSame(fromFlag, {}, `--${flag} sets something`);
    t.match(usage(), `--${flag}`, `--help names --${flag}`);
    t.match(usage(), setting.env, `--help names ${setting.env}`);
  }
  t.strictSame(configFromArgs(['--port', '5000'], { PORT: '6000' }), { port: 5000 }, 'a flag wins over its variable');
  t.strictSame(configFromArgs([], { TRUTO_MOCK_CORS_ORIGINS: 'none' }), { corsOrigins: [] }, 'none is an empty list');
  t.ok(keys.every((k) => usage().includes(`--${kebab(k)}`)), 'usage covers the schema');
  t.match(usage(), /--candidates .*candidates PER ACCOUNT .*600,000: about 4 minutes and 3 GB/, '--help says what a large size costs');
  t.equal(resolveConfig({}).host, '127.0.0.1', 'loopback unless asked: the token is well known');

  requireBuild(t);
  const help = runNode(SERVER, ['--help']);
  t.equal(help.status, 0, '--help exits 0');
  t.equal(help.stdout, usage(), '--help prints the usage');
});

t.test('a bad value stops the command with a message naming the setting and exit code 2', async (t) => {
  requireBuild(t);
  const hint = '(--help lists every setting and its environment variable)\n';
  const cases: [string[], NodeJS.ProcessEnv, RegExp | string][] = [
    [['--port', '99999'], {}, /^invalid setting port: Expected integer to be less or equal to 65535 \(got 99999\)\n/],
    [[], { PORT: 'abc' }, 'invalid setting port (--port / PORT): "abc" is not a whole number\n'],
    [['--port', 'abc'], {}, 'invalid setting port (--port / PORT): "abc" is not a whole number\n'],
    [['--port'], {}, 'invalid setting port (--port / PORT): a value is needed after --port\n'],
    [['--candidates', '0'], {}, /^invalid setting candidates: .*\(got 0\)\n/],
    [[], { LOG_LEVEL: 'loud' }, /^invalid setting logLevel: .*\(got "loud"\)\n/],
    [[], { TRUTO_MOCK_CORS_ORIGINS: 'example.com' }, /^invalid setting corsOrigins\.0: .*\(got "example\.com"\)\n/],
    [['--prot', '4011'], {}, 'unknown option --prot (did you mean --port?)\n'],
    [['--rate-limit'], {}, 'unknown option --rate-limit (did you mean --rate-limits?)\n'],
    [['--nope'], {}, 'unknown option --nope\n'],
    [['-x'], {}, 'unknown option -x\n'],
    [['4011'], {}, 'unexpected argument "4011": every setting is a flag with its value (--port 4010)\n'],
  ];
  for (const [args, env, message] of cases) {
    const run = runNode(SERVER, args, env);
    t.equal(run.status, 2, `${[...args, ...Object.entries(env).map(([k, v]) => `${k}=${v}`)].join(' ')}: exit 2`);
    if (typeof message === 'string') t.equal(run.stderr, message + hint, 'the message names the setting, then where to read more');
    else t.match(run.stderr, message, 'the message names the setting');
    t.notMatch(run.stderr, 'Usage:', 'the usage does not push the message off screen');
    t.equal(run.stdout, '', 'nothing on stdout');
  }
});

t.test('--version and -v print the package version', async (t) => {
  requireBuild(t);
  const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  for (const flag of ['--version', '-v']) {
    const run = runNode(SERVER, [flag]);
    t.equal(run.status, 0, `${flag}: exit 0`);
    t.equal(run.stdout, `${version}\n`, `${flag} prints ${version}`);
  }
  t.equal(configFromArgs(['--version', '--port', '1'], {}), 'version');
  t.match(usage(), /--version, -v/);
});

t.test('a server from a pre-seeded file: health, JSON logs a line a request, Authorization redacted, SIGTERM exits 0', async (t) => {
  const db = join(tmp, 'mock.db');
  const seeded = runNode(join(SCRIPTS, 'seed.js'), ['--db', db, '--seed', '7', '--candidates', '30']);
  t.equal(seeded.status, 0, `npm run seed exits 0: ${seeded.stderr}`);
  const accounts = loadFixtures(DEFAULT_FIXTURES).fixtures.accounts.length;
  t.match(seeded.stdout, new RegExp(`mock\\.db: seeded in \\d+ ms, seed 7, ${accounts} account\\(s\\), ${30 * accounts} candidates\\n$`));

  const secret = 'second-token-that-must-not-be-logged';
  const server = await startServer(t, ['--db', db, '--seed', '7', '--candidates', '30'], { TRUTO_MOCK_TOKENS: `first-token,${secret}` });
  t.match(server.stdout(), /store: .*mock\.db \(reused in \d+ ms, seed 7\)/, 'the baked file is reused, not seeded again');

  const health = await fetch(`${server.url}/health`);
  t.equal(health.status, 200);
  t.strictSame(await health.json(), { status: 'ok', accounts });
  const ada = await fetch(`${server.url}/unified/ats/candidates/${ADA}?integrated_account_id=${GH}`, { headers: { authorization: `Bearer ${secret}` } });
  t.equal(ada.status, 200);
  t.equal(((await ada.json()) as { name: string }).name, 'Ada Lovelace');
  const denied = await fetch(`${server.url}/unified/ats/candidates?integrated_account_id=${GH}`, { headers: { authorization: 'Bearer wrong' } });
  t.equal(denied.status, 401);
  const deniedBody: unknown = await denied.json();
  assertSchema(t, TrutoErrorSchema, deniedBody);

  server.child.kill('SIGTERM');
  t.equal(await server.exited, 0, 'SIGTERM: exit 0');
  const logs = server.stdout().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  const requests = logs.filter((l) => l.msg === 'request');
  t.strictSame(
    // Sorted: a line is written when its answer has been handed to the socket, which may follow the next request.
    requests.map((l) => [l.method, String(l.url).split('?')[0], l.statusCode, l.authorization]).sort((x, y) => String(x[1]).localeCompare(String(y[1]))),
    [
      ['GET', '/health', 200, undefined],
      ['GET', '/unified/ats/candidates', 401, '[redacted]'],
      ['GET', `/unified/ats/candidates/${ADA}`, 200, '[redacted]'],
    ],
    'one JSON line a request, Authorization censored',
  );
  t.ok(requests.every((l) => typeof l.ms === 'number' && typeof l.time === 'number'), 'each with its duration and time');
  t.ok(logs.some((l) => l.msg === 'stopping: no request in flight' && l.signal === 'SIGTERM'), 'the stop is logged');
  t.ok(logs.some((l) => l.msg === 'stopped'), 'and its end');
  t.notMatch(server.stdout() + server.stderr(), secret, 'the token used never reaches the output');
});

t.test('SIGTERM while a long answer is being written: it is finished, then exit 0', async (t) => {
  const server = await startServer(t, ['--db', ':memory:', '--candidates', '600', '--log-level', 'warn']);
  const url = new URL(`/unified/ats/candidates?integrated_account_id=${GH}&truto_response_format=stream`, server.url);
  const res = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
    request(url, { headers: AUTH }, resolve).on('error', reject).end();
  });
  t.equal(res.statusCode, 200);
  // Nothing is read past the first chunk until the signal has been handled: the answer is still being written.
  const first = (await once(res, 'data')) as [Buffer];
  res.pause();
  server.child.kill('SIGTERM');
  const chunks: Buffer[] = [first[0]];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.resume();
  await once(res, 'end');
  const lines = Buffer.concat(chunks).toString('utf8').trimEnd().split('\n');
  t.equal(lines.length, 600, 'every record arrived');
  t.equal((JSON.parse(lines.at(-1)!) as { id: string }).id.length > 0, true, 'the last line is a whole record');
  t.equal(await server.exited, 0, 'exit 0 once the answer was finished');
});

t.test('pretty logs on request: one readable line a request', async (t) => {
  const server = await startServer(t, ['--db', ':memory:', '--candidates', '5', '--log-format', 'pretty']);
  await (await fetch(`${server.url}/health`)).text();
  server.child.kill('SIGINT');
  t.equal(await server.exited, 0, 'SIGINT: exit 0');
  t.match(server.stdout(), /\] INFO.*: GET \/health 200 [\d.]+ ms\n/);
  t.notMatch(server.stdout(), /"level":/, 'no JSON');
});

t.test('while seeding, the port answers 503: health says seeding, every other route is a Truto 503', async (t) => {
  const held = await HoldingServer.listen(resolveConfig({ port: 0, host: '127.0.0.1' }));
  const base = `http://127.0.0.1:${held.port}`;
  const health = await fetch(`${base}/health`);
  t.equal(health.status, 503);
  t.strictSame(await health.json(), { status: 'seeding' });
  const other = await fetch(`${base}/unified/ats/candidates`);
  t.equal(other.status, 503);
  t.equal(other.headers.get('retry-after'), '1');
  const body: unknown = await other.json();
  assertSchema(t, TrutoErrorSchema, body);
  t.strictSame(body, {
    statusCode: 503,
    error: 'Service Unavailable',
    message: 'The mock is still seeding its store: try again shortly (GET /health answers 200 when it is ready)',
  });

  // The port is handed to the app without being closed: the next request is the app's.
  const app = Fastify();
  app.get('/health', async () => ({ status: 'ok' }));
  t.teardown(() => app.close());
  await app.ready();
  await app.listen({ handle: held.handOver(), host: '127.0.0.1' } as { host: string });
  const after = await fetch(`${base}/health`);
  t.equal(after.status, 200);
  t.strictSame(await after.json(), { status: 'ok' });
});

t.test('replicas from the same seed serve identical bytes and accept each other\'s cursors', async (t) => {
  const a = await startServer(t, ['--db', ':memory:', '--seed', '7', '--candidates', '30', '--log-level', 'silent']);
  const b = await startServer(t, ['--db', join(tmp, 'replica.db'), '--seed', '7', '--candidates', '30', '--log-level', 'silent']);
  const page = `/unified/ats/candidates?integrated_account_id=${GH}&limit=7`;
  const [fromA, fromB] = await Promise.all([a, b].map(async (s) => (await fetch(s.url + page, { headers: AUTH })).text()));
  // Links carry the host each was reached by; the data is the same.
  t.equal(fromA!.replaceAll(a.url, 'BASE'), fromB!.replaceAll(b.url, 'BASE'), 'same first page');
  const cursor = (JSON.parse(fromA!) as { next_cursor: string }).next_cursor;
  const second = await Promise.all(
    [a, b].map(async (s) => (await fetch(`${s.url}${page}&next_cursor=${encodeURIComponent(cursor)}`, { headers: AUTH })).text()),
  );
  t.equal(second[0]!.replaceAll(a.url, 'BASE'), second[1]!.replaceAll(b.url, 'BASE'), 'replica B continues replica A\'s cursor');
  t.match(JSON.parse(second[1]!), { result_count: 7 });
});
