import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import t from 'tap';
import { parse } from 'yaml';
import { PACKAGE_ROOT } from '../src/config.js';
import { ADA, GH } from './helpers.js';
import { commandOf, dockerignore, parseDockerfile, parsePairs, type Stage } from './dockerfile.js';

/**
 * The Dockerfile's own recipe, performed without a Docker engine (none on these machines), in a clean temporary
 * directory, so that it cannot rot unseen: the build context filtered by .dockerignore, every COPY, every RUN
 * (a real `npm ci` from the lockfile, the build, the production prune, the baked database), the runtime stage's
 * ENV, then CMD started and judged healthy by the HEALTHCHECK command itself, one request, SIGTERM.
 *
 * What only an engine can do is said, not faked: the base image and its apt packages (this machine provides
 * node, python3, make and g++), USER and chown (the steps run as the current user). Each container path the
 * recipe names (/app, /data) is a directory of the stage's own temporary root.
 *
 * better-sqlite3's install script runs in the recipe's `npm ci` as in the image. A networked image build downloads
 * its prebuilt binary; here none can be downloaded, so the binary this repository's own install compiled is offered
 * as a local prebuild (prebuild-install's `local-prebuilds` option), when it is the version the lockfile installs
 * and it loads in this Node: the script finds it where a download would have put it, instead of compiling for 3
 * minutes again. Otherwise it compiles from source, through ccache when installed (.ci/run installs it).
 */
const stages = parseDockerfile(readFileSync(join(PACKAGE_ROOT, 'Dockerfile'), 'utf8'));
const ignored = dockerignore(readFileSync(join(PACKAGE_ROOT, '.dockerignore'), 'utf8'));

/**
 * `npm_config_better_sqlite3_local_prebuilds` pointing at a prebuild-install tarball of the module this repository
 * compiled, or nothing (the recipe then compiles) when the versions differ or the module does not load here.
 */
function localPrebuild(dir: string): Record<string, string> {
  const pkgDir = join(PACKAGE_ROOT, 'node_modules', 'better-sqlite3');
  const versionOf = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  const locked = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> })
    .packages['node_modules/better-sqlite3']?.version;
  const installed = versionOf(join(pkgDir, 'package.json'));
  const binary = join(pkgDir, 'build', 'Release', 'better_sqlite3.node');
  // prebuild-install names glibc builds without a libc suffix; elsewhere (musl) compile rather than guess.
  const glibc = (process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header?.glibcVersionRuntime !== undefined;
  if (locked !== installed || !existsSync(binary) || process.platform !== 'linux' || !glibc) return {};
  const loads = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(pkgDir)})(':memory:').close()`]).status === 0;
  if (!loads) return {};
  mkdirSync(dir, { recursive: true });
  const name = `better-sqlite3-v${installed}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  execFileSync('tar', ['-czf', join(dir, name), '-C', pkgDir, 'build/Release/better_sqlite3.node']);
  return { npm_config_better_sqlite3_local_prebuilds: dir };
}

function which(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** The top directories the recipe names (WORKDIR, VOLUME, paths in ENV): /app, /data. */
const containerDirs = [
  ...new Set(
    stages
      .flatMap((s) => s.instructions)
      .flatMap((i) => (i.op === 'WORKDIR' ? [i.args] : i.op === 'VOLUME' ? (JSON.parse(i.args) as string[]) : i.op === 'ENV' ? parsePairs(i.args).map(([, v]) => v) : []))
      .filter((p) => p.startsWith('/') && p.length > 1)
      .map((p) => `/${p.split('/')[1]}`),
  ),
];

/** The environment of a step: the machine's, without the settings of the `npm test` and tap running this. */
const machineEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|TAP|_TAPJS|TS_NODE|NODE_OPTIONS$|INIT_CWD$)/i.test(k)));

/** A stage's filesystem: container paths map into `root`. */
class StageRoot {
  workdir = '/';
  env: Record<string, string> = {};
  constructor(readonly root: string) {}
  host(path: string): string {
    return join(this.root, path.startsWith('/') ? path : join(this.workdir, path));
  }
  /** Container paths in a command or a value (`/data/x.db`) rewritten to this stage's directories. */
  rewrite(text: string): string {
    const dirs = containerDirs.map((d) => d.slice(1)).join('|');
    const pattern = new RegExp(`(^|[\\s=:'"(])(/(?:${dirs})(?:/[^\\s'")]*)?)(?=$|[\\s'")])`, 'g');
    return text.replace(pattern, (_, before: string, path: string) => before + this.host(path));
  }
}

// A clean install compiles better-sqlite3: minutes, not the seconds other test files take.
t.setTimeout(15 * 60_000);

t.test('the Dockerfile, performed: build, production install, baked database, start, health, one request', async (t) => {
  for (const tool of ['python3', 'make', 'g++']) t.ok(which(tool), `${tool} is here, as the build stage installs it`);
  const work = mkdtempSync(join(tmpdir(), 'truto-docker-'));
  t.teardown(() => rmSync(work, { recursive: true, force: true }));

  // The build context: what git tracks (a fresh clone), less what .dockerignore excludes.
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: PACKAGE_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  const context = join(work, 'context');
  for (const file of tracked.filter((f) => !ignored(f) && existsSync(join(PACKAGE_ROOT, f)))) {
    mkdirSync(dirname(join(context, file)), { recursive: true });
    cpSync(join(PACKAGE_ROOT, file), join(context, file));
  }
  t.notOk(existsSync(join(context, 'node_modules')) || existsSync(join(context, 'dist')), 'no node_modules or dist in the context');

  const prebuild = localPrebuild(join(work, 'prebuilds'));
  const compilerEnv: Record<string, string> = {
    ...(which('ccache') && !process.env.CC ? { CC: 'ccache gcc', CXX: 'ccache g++', CCACHE_NOHASHDIR: '1' } : {}),
    ...prebuild,
  };
  t.comment(prebuild.npm_config_better_sqlite3_local_prebuilds ? 'better-sqlite3: the module this repository compiled, as a local prebuild' : 'better-sqlite3: compiled from source');
  const roots = new Map<string, StageRoot>();
  let final: { stage: Stage; fs: StageRoot; cmd?: string[]; healthcheck?: string[]; exposed?: string } | undefined;

  for (const stage of stages) {
    const fs = new StageRoot(join(work, `stage-${stage.name}`));
    roots.set(stage.name, fs);
    t.match(stage.image, /^node:22(-slim)?$/, `stage ${stage.name}: Node 22 (slim): this run uses Node ${process.versions.node}`);
    const args: Record<string, string> = {};
    let cmd: string[] | undefined;
    let healthcheck: string[] | undefined;
    let exposed: string | undefined;
    for (const { op, args: text, flags } of stage.instructions) {
      const expand = (s: string) => s.replace(/\$\{?(\w+)\}?/g, (_, k: string) => fs.env[k] ?? args[k] ?? '');
      if (op === 'WORKDIR') {
        fs.workdir = text.trim();
        mkdirSync(fs.host('.'), { recursive: true });
      } else if (op === 'ENV') {
        for (const [k, v] of parsePairs(text)) fs.env[k] = fs.rewrite(expand(v));
      } else if (op === 'ARG') {
        for (const [k, v] of parsePairs(text)) args[k] = v;
      } else if (op === 'COPY') {
        const parts = text.trim().split(/\s+/);
        const dest = parts.pop()!;
        for (const source of parts) {
          const from = flags.from ? roots.get(flags.from)!.host(source) : join(context, source);
          if (!flags.from) t.ok(existsSync(from), `COPY ${source}: in the build context (not excluded by .dockerignore)`);
          const target = dest.endsWith('/') || dest === '.' || dest === './' ? join(fs.host(dest), source.split('/').pop()!) : fs.host(dest);
          mkdirSync(dirname(target), { recursive: true });
          cpSync(from, target, { recursive: true });
        }
      } else if (op === 'RUN') {
        if (/^apt-get\b/.test(text.trim())) {
          t.comment(`RUN ${text.slice(0, 60)}…: OS packages are the image's; this machine provides them`);
          continue;
        }
        // chown: ownership is the image's concern (USER); here every step runs as the current user.
        const script = `chown() { :; }\n${fs.rewrite(text)}`;
        const started = Date.now();
        const run = spawnSync('sh', ['-c', script], {
          cwd: fs.host('.'),
          env: { ...machineEnv, ...compilerEnv, ...args, ...fs.env },
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        });
        t.equal(run.status, 0, `stage ${stage.name}: RUN ${text} (${Math.round((Date.now() - started) / 1000)} s)${run.status === 0 ? '' : `\n${run.stdout.slice(-3000)}${run.stderr.slice(-3000)}`}`);
        if (run.status !== 0) return;
      } else if (op === 'CMD') {
        cmd = commandOf(text);
      } else if (op === 'HEALTHCHECK') {
        healthcheck = commandOf(text.replace(/^CMD\s+/, ''));
      } else if (op === 'EXPOSE') {
        exposed = text.trim();
      } else if (op === 'VOLUME') {
        for (const dir of JSON.parse(text) as string[]) t.ok(existsSync(fs.host(dir)), `VOLUME ${dir} exists in the image`);
      } else if (op !== 'USER') {
        t.fail(`instruction ${op} is not performed by this check: teach test/docker-recipe.test.ts`);
      }
    }
    final = { stage, fs, cmd, healthcheck, exposed };
  }

  const { fs, cmd, healthcheck, exposed } = final!;
  t.ok(cmd && healthcheck, 'the image has a CMD and a HEALTHCHECK');
  t.equal(exposed, fs.env.PORT, 'EXPOSE is the PORT it listens on');
  t.equal(fs.env.NODE_ENV, 'production', 'NODE_ENV=production');
  const shipped = readdirSync(fs.host('node_modules'));
  t.notOk(shipped.includes('typescript') || shipped.includes('tap') || shipped.includes('playwright-core'), 'no dev dependency in the image');
  t.ok(statSync(fs.env.TRUTO_MOCK_DB!).size > 0, 'the database is baked into the image');

  // docker run -p: the image's own settings, but a free port on this machine's loopback.
  const port = String(await freePort());
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...fs.env, PORT: port, HOST: '127.0.0.1' };
  const server = spawn(cmd![0]!, cmd!.slice(1), { cwd: fs.host('.'), env });
  let out = '';
  server.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  server.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<number | null>((r) => server.on('exit', (code) => r(code)));
  t.teardown(() => {
    if (server.exitCode === null) server.kill('SIGKILL');
  });

  // Docker's judgement: the HEALTHCHECK command, every interval, within the start period.
  let healthy = false;
  for (let i = 0; i < 300 && !healthy && server.exitCode === null; i++) {
    healthy = spawnSync(healthcheck![0]!, healthcheck!.slice(1), { env, timeout: 3000 }).status === 0;
    if (!healthy) await new Promise((r) => setTimeout(r, 200));
  }
  t.ok(healthy, `the HEALTHCHECK passes: ${out.slice(-2000)}`);
  // The banner follows the listen that made it healthy: read on until it is there.
  while (!out.includes('integrated accounts:') && server.exitCode === null) await once(server.stdout, 'data');
  t.match(out, /store: .*truto-ats-mock\.db \(reused in \d+ ms, seed 1\)/, 'the baked database is reused, not seeded at start');

  const base = `http://127.0.0.1:${port}`;
  const headers = { authorization: 'Bearer truto-mock-token' };
  const ada = await fetch(`${base}/unified/ats/candidates/${ADA}?integrated_account_id=${GH}`, { headers });
  t.equal(ada.status, 200, 'one request: 200');
  t.equal(((await ada.json()) as { name: string }).name, 'Ada Lovelace', 'Ada, the pinned candidate');
  const list = (await (await fetch(`${base}/unified/ats/attachments?integrated_account_id=${GH}&candidate_id=${ADA}`, { headers })).json()) as {
    result: { file_url: string }[];
  };
  const file = await fetch(list.result[0]!.file_url);
  t.equal(file.status, 200, 'its file_url downloads');
  t.equal(file.headers.get('content-type'), 'application/pdf', 'a PDF');

  // The baked file takes writes (it belongs to the user the container runs as), and a reset undoes them.
  const moved = await fetch(`${base}/unified/ats/applications/move-stage?integrated_account_id=${GH}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ application_id: '9100001003', stage_id: '5810005003', user_id: '4410001003' }),
  });
  t.equal(moved.status, 200, `a write on the baked database: ${moved.status === 200 ? '' : await moved.text()}`);
  const stageOf = async () =>
    ((await (await fetch(`${base}/unified/ats/applications/9100001003?integrated_account_id=${GH}`, { headers })).json()) as { current_stage: { name: string } }).current_stage.name;
  t.equal(await stageOf(), 'Onsite Interview', 'seen by the next read');
  t.equal((await fetch(`${base}/_mock/reset`, { method: 'POST' })).status, 200);
  t.equal(await stageOf(), 'Hiring Manager Screen', 'and undone by a reset');

  // docker-compose.yml's client, as compose runs it: its script, its environment, the mock by its base URL.
  const compose = parse(readFileSync(join(PACKAGE_ROOT, 'docker-compose.yml'), 'utf8')) as {
    services: Record<string, { build?: string; deploy?: { replicas?: number }; depends_on?: Record<string, { condition: string }>; environment?: Record<string, string>; volumes?: string[]; command?: string[] }>;
  };
  const [mockName, mockService] = Object.entries(compose.services).find(([, s]) => s.build === '.')!;
  t.ok(mockService.deploy?.replicas && mockService.deploy.replicas > 1, 'the compose example shows deploy.replicas');
  const client = Object.values(compose.services).find((s) => s.depends_on?.[mockName])!;
  t.equal(client.depends_on![mockName]!.condition, 'service_healthy', 'the client waits for health');
  t.equal(new URL(client.environment!.TRUTO_BASE_URL!).hostname, mockName, 'and calls the mock by its service name');
  const [script, mounted] = client.volumes![0]!.split(':') as [string, string];
  t.strictSame(client.command, ['node', mounted], 'the client runs the mounted script');
  const run = spawnSync(process.execPath, [join(PACKAGE_ROOT, script)], { env: { ...machineEnv, ...client.environment, TRUTO_BASE_URL: base }, encoding: 'utf8' });
  t.equal(run.status, 0, `the compose client succeeds: ${run.stderr}`);
  t.match(run.stdout, /^Ada Lovelace: 6 attachments; downloaded Ada_Lovelace_Resume\.pdf \(application\/pdf, \d+ bytes\) from 127\.0\.0\.1:\d+$/m);

  server.kill('SIGTERM'); // docker stop
  t.equal(await exited, 0, 'docker stop: exit 0');
  t.comment(`built in ${relative(tmpdir(), work)}${compilerEnv.CC ? ' (compiler outputs through ccache)' : ''}`);
});
