import { parseArgs } from 'node:util';
import { ConfigError, type ConfigInput } from './config.js';
import { nearest } from './nearest.js';
import { VERSION } from './version.js';

/** Every flag, its environment variable, and how its text becomes a setting. */
export const SETTINGS = {
  port: { env: 'PORT', parse: 'int', help: 'port to listen on (default 4010)' },
  host: { env: 'HOST', parse: 'string', help: 'address to listen on; 0.0.0.0 = every interface (default 127.0.0.1)' },
  db: { env: 'TRUTO_MOCK_DB', parse: 'string', help: 'SQLite file, or :memory: (default truto-ats-mock.db)' },
  seed: { env: 'TRUTO_MOCK_SEED', parse: 'int', help: 'seed of the generated data (default 1)' },
  candidates: {
    env: 'TRUTO_MOCK_CANDIDATES',
    parse: 'int',
    help: 'candidates PER ACCOUNT (default: each fixture\'s size, 300); 100000 x the 6 default accounts = 600,000: about 4 minutes and 3 GB',
  },
  fixtures: { env: 'TRUTO_MOCK_FIXTURES', parse: 'string', help: 'fixtures file (default fixtures/accounts.json)' },
  tokens: { env: 'TRUTO_MOCK_TOKENS', parse: 'list', help: 'accepted API tokens, comma-separated (default truto-mock-token)' },
  'signing-key': { env: 'TRUTO_MOCK_SIGNING_KEY', parse: 'string', help: 'key that signs cursors and file URLs' },
  'public-url': { env: 'TRUTO_MOCK_PUBLIC_URL', parse: 'string', help: 'base URL for file links (default: the Host the client used)' },
  'cache-mb': { env: 'TRUTO_MOCK_CACHE_MB', parse: 'int', help: 'MB of answers cached for repeated requests; 0 = off (default 16)' },
  strict: { env: 'TRUTO_MOCK_STRICT', parse: 'bool', help: 'refuse unknown query keys with a 400 (default: a warning header)' },
  'request-timeout': { env: 'TRUTO_MOCK_REQUEST_TIMEOUT', parse: 'int', help: 'ms a request (headers and body) has to arrive, else 408 (default 30000)' },
  'headers-timeout': { env: 'TRUTO_MOCK_HEADERS_TIMEOUT', parse: 'int', help: 'ms its headers have to arrive, else 408 (default 10000)' },
  'keep-alive-timeout': { env: 'TRUTO_MOCK_KEEP_ALIVE_TIMEOUT', parse: 'int', help: 'ms an idle kept-alive connection stays open (default 72000)' },
  'max-requests-per-socket': { env: 'TRUTO_MOCK_MAX_REQUESTS_PER_SOCKET', parse: 'int', help: 'requests one connection may carry; 0 = no limit (default 0)' },
  'log-level': { env: 'LOG_LEVEL', parse: 'string', help: 'fatal, error, warn, info, debug, trace or silent (default info)' },
  // Test scenarios (src/mock/)
  'admin-token': { env: 'TRUTO_MOCK_ADMIN_TOKEN', parse: 'string', help: 'token the admin API (/_mock) requires (default: none needed)' },
  'journal-size': { env: 'TRUTO_MOCK_JOURNAL_SIZE', parse: 'int', help: 'requests kept in the journal; 0 = off (default 1000)' },
  rules: { env: 'TRUTO_MOCK_RULES', parse: 'string', help: 'JSON file of fault rules loaded at start' },
  'rate-limits': { env: 'TRUTO_MOCK_RATE_LIMITS', parse: 'bool', help: 'emulate Truto\'s rate limits (500/10 s per token, 50 per account)' },
  latency: { env: 'TRUTO_MOCK_LATENCY', parse: 'string', help: 'ms added to every answer: 250, or a range 100-300 (default off)' },
  'error-rate': { env: 'TRUTO_MOCK_ERROR_RATE', parse: 'number', help: 'share of requests failed, 0 to 1, drawn from the seed (default 0)' },
  'error-status': { env: 'TRUTO_MOCK_ERROR_STATUS', parse: 'int', help: 'status of the errors --error-rate injects (default 500)' },
  'header-overrides': { env: 'TRUTO_MOCK_HEADER_OVERRIDES', parse: 'bool', help: 'honour x-mock-status, x-mock-latency… headers' },
  watch: { env: 'TRUTO_MOCK_WATCH', parse: 'bool', help: 'reload the fixtures file when it changes' },
  'log-format': { env: 'LOG_FORMAT', parse: 'string', help: 'auto (pretty on a terminal, else JSON), pretty or json' },
  'cors-origins': { env: 'TRUTO_MOCK_CORS_ORIGINS', parse: 'list', help: 'origins browsers may call from, comma-separated; * = any, none = off (default *)' },
} as const;

type Flag = keyof typeof SETTINGS;
const KEYS: Record<Flag, keyof ConfigInput> = {
  port: 'port', host: 'host', db: 'db', seed: 'seed', candidates: 'candidates', fixtures: 'fixtures',
  tokens: 'tokens', 'signing-key': 'signingKey', 'public-url': 'publicUrl', 'cache-mb': 'cacheMb', strict: 'strict', 'log-level': 'logLevel',
  'admin-token': 'adminToken', 'journal-size': 'journalSize', rules: 'rules', 'rate-limits': 'rateLimits', latency: 'latency',
  'error-rate': 'errorRate', 'error-status': 'errorStatus', 'header-overrides': 'headerOverrides', watch: 'watch',
  'log-format': 'logFormat', 'cors-origins': 'corsOrigins', 'request-timeout': 'requestTimeout', 'headers-timeout': 'headersTimeout',
  'keep-alive-timeout': 'keepAliveTimeout', 'max-requests-per-socket': 'maxRequestsPerSocket',
};

export function usage(): string {
  const row = (flag: string, env: string, help: string) => `  ${flag.padEnd(26)} ${env.padEnd(34)} ${help}`;
  const rows = Object.entries(SETTINGS).map(([flag, s]) => row(`--${flag}`, s.env, s.help));
  return [
    "truto-ats-mock: a local stand-in for Truto's Unified ATS API",
    '',
    'Usage: truto-ats-mock [options]',
    '',
    row('flag', 'environment variable', 'meaning'),
    ...rows,
    row('--help, -h', '', 'this text'),
    row('--version, -v', '', 'the version'),
    '',
    'Every flag can be given by its environment variable instead; a flag wins over its variable.',
    '',
  ].join('\n');
}

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  ...Object.fromEntries(Object.entries(SETTINGS).map(([k, s]) => [k, { type: s.parse === 'bool' ? ('boolean' as const) : ('string' as const) }])),
} as const;

/** node:util's parse errors, in this command's words: the flag named, the nearest one for a typo. */
function parseFlags(argv: string[]): Record<string, string | boolean | undefined> {
  try {
    return parseArgs({ args: argv, options: OPTIONS, strict: true }).values as Record<string, string | boolean | undefined>;
  } catch (err) {
    const { code, message } = err as { code?: string; message: string };
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const typed = /'(-[^']*)'/.exec(message)?.[1] ?? '';
      // Only a long option is a word to correct: `-x` is no typo of anything.
      const hint = typed.startsWith('--') ? nearest(typed.slice(2).split('=')[0]!, Object.keys(OPTIONS)) : undefined;
      throw new ConfigError(`unknown option ${typed}${hint ? ` (did you mean --${hint}?)` : ''}`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const flag = /'--([\w-]+)/.exec(message)?.[1] ?? '';
      const setting = SETTINGS[flag as Flag];
      if (setting) throw new ConfigError(`invalid setting ${KEYS[flag as Flag]} (--${flag} / ${setting.env}): a value is needed after --${flag}`);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      const given = /'([^']*)'/.exec(message)?.[1] ?? '';
      throw new ConfigError(`unexpected argument "${given}": every setting is a flag with its value (--port 4010)`);
    }
    throw new ConfigError(message);
  }
}

export function configFromArgs(argv: string[], env: NodeJS.ProcessEnv): ConfigInput | 'help' | 'version' {
  const values = parseFlags(argv);
  if (values.help) return 'help';
  if (values.version) return 'version';
  const input: Record<string, unknown> = {};
  for (const [flag, setting] of Object.entries(SETTINGS) as [Flag, (typeof SETTINGS)[Flag]][]) {
    const given = values[flag];
    if (setting.parse === 'bool') {
      // A bare flag turns it on; the variable takes true/false, 1/0, yes/no, on/off.
      const text = given === true ? 'true' : env[setting.env];
      if (text === undefined || text === '') continue;
      const on = /^(1|true|yes|on)$/i.test(text.trim());
      if (!on && !/^(0|false|no|off)$/i.test(text.trim())) {
        throw new ConfigError(`invalid setting ${KEYS[flag]} (--${flag} / ${setting.env}): "${text}" is not true or false`);
      }
      input[KEYS[flag]] = on;
      continue;
    }
    const text = (given as string | undefined) ?? env[setting.env];
    if (text === undefined || text === '') continue;
    if (setting.parse === 'int') {
      if (!/^-?\d+$/.test(text.trim())) throw new ConfigError(`invalid setting ${KEYS[flag]} (--${flag} / ${setting.env}): "${text}" is not a whole number`);
      input[KEYS[flag]] = Number(text);
    } else if (setting.parse === 'number') {
      if (!/^\s*\d+(\.\d+)?\s*$/.test(text)) throw new ConfigError(`invalid setting ${KEYS[flag]} (--${flag} / ${setting.env}): "${text}" is not a number`);
      input[KEYS[flag]] = Number(text);
    } else if (setting.parse === 'list') {
      // `none` is the one way to say "an empty list" in a flag or an environment variable.
      input[KEYS[flag]] = text.trim() === 'none' ? [] : text.split(',').map((t) => t.trim()).filter(Boolean);
    } else {
      input[KEYS[flag]] = text;
    }
  }
  return input as ConfigInput;
}

/**
 * The settings a command was started with (flags over environment). A bad one ends the process with the message
 * and where to read more (exit 2: the message stays on screen, not above fifty lines of usage); `--help` prints
 * `help` (by default the usage) and `--version` the version, and end it with 0.
 */
export function commandInput(help: string = usage()): ConfigInput {
  let input: ReturnType<typeof configFromArgs>;
  try {
    input = configFromArgs(process.argv.slice(2), process.env);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${HELP_HINT}\n`);
    process.exit(2);
  }
  if (input === 'help' || input === 'version') {
    process.stdout.write(input === 'help' ? help : `${VERSION}\n`);
    process.exit(0);
  }
  return input;
}

export const HELP_HINT = '(--help lists every setting and its environment variable)';
