import { warn, WARNING_HEADER } from '../truto/warnings.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as delay } from 'node:timers/promises';
import { ConfigError, type Config } from '../config.js';
import { Random, hash32 } from '../seed/random.js';
import type { Accounts } from '../truto/accounts.js';
import { errors, reasonPhrase, type TrutoError } from '../truto/errors.js';
import { Journal, queryValues, redactBody } from './journal.js';
import { RateLimiter, TRUTO_LIMITS } from './rate-limit.js';
import { RuleSet, type FaultAction, type Inbound, type Latency, type RuleInput } from './rules.js';
import type { Visit } from './visit.js';

/** The clock and the timer, injected so that tests neither sleep nor depend on the time of day. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const REAL_CLOCK: Clock = { now: Date.now, sleep: (ms) => delay(ms) };

/** Paths that are never journaled, faulted or limited: the admin API itself. */
export const ADMIN_PREFIX = '/_mock';

/** True for a URL (path and query) under the admin API: `/_mock`, `/_mock/…`, `/_mock?…`, not `/_mockery`. */
export const isAdminPath = (url: string): boolean =>
  url.startsWith(ADMIN_PREFIX) && (url.length === ADMIN_PREFIX.length || url[ADMIN_PREFIX.length] === '/' || url[ADMIN_PREFIX.length] === '?');

/**
 * Test scenarios: the request journal, the fault rules, Truto's rate limits, header overrides, and the global
 * latency and error rate. Everything is decided before a route answers (so the answer cache cannot skip it), and
 * every draw comes from generators seeded with the mock's seed: the same requests meet the same faults.
 */
export class Scenarios {
  readonly journal: Journal;
  readonly rules: RuleSet;
  private readonly limiter: RateLimiter | undefined;
  private readonly latency: Latency | undefined;
  private randoms!: { latency: Random; errors: Random; headers: Random };

  constructor(
    private readonly config: Config,
    private readonly accounts: Accounts,
    private readonly clock: Clock,
    private readonly initialRules: readonly RuleInput[],
  ) {
    this.journal = new Journal(config.journalSize, clock.now);
    this.rules = new RuleSet(config.seed);
    this.limiter = config.rateLimits ? new RateLimiter(clock.now) : undefined;
    this.latency = config.latency === undefined ? undefined : parseLatency(config.latency, (d) => new ConfigError(`invalid setting latency: ${d}`));
    this.reset(config.seed);
  }

  /** Back to the state at start: empty journal, the rules loaded at start with fresh counts, fresh windows and draws. */
  reset(seed: number): void {
    this.journal.clear();
    this.rules.clear();
    const loaded = this.rules.replace(this.initialRules);
    if (typeof loaded === 'string') throw new ConfigError(`rules: ${loaded}`);
    this.limiter?.clear();
    this.randoms = {
      latency: new Random(hash32(`${seed}:latency`)),
      errors: new Random(hash32(`${seed}:errors`)),
      headers: new Random(hash32(`${seed}:headers`)),
    };
  }

  /** Root onRequest: every request outside the admin API is journaled on arrival. */
  arrive(visit: Visit, request: FastifyRequest): void {
    visit.journal = this.journal.record({
      method: request.method,
      url: request.url,
      headers: request.headers,
      account: accountOf(request),
    });
  }

  /** The request has ended: its journal entry is completed, answered or not. */
  depart(visit: Visit, answered: boolean): void {
    if (visit.journal === 0) return;
    const warning = visit.reply.getHeader(WARNING_HEADER);
    this.journal.complete(
      visit.journal,
      answered ? visit.reply.raw.statusCode : null,
      Math.round((performance.now() - visit.startedAt) * 10) / 10,
      warning === undefined ? undefined : String(warning),
    );
  }

  /** Keeps a write's body with its journal entry (redacted), so a test can assert what its code sent. */
  noteBody(request: FastifyRequest, body: unknown): void {
    if (request.visit !== null && request.visit.journal !== 0) this.journal.note(request.visit.journal, redactBody(body));
  }

  /** Unified onRequest, after auth: Truto's limits per token and per integrated account, headers on every answer. */
  readonly rateLimit = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!this.limiter) return;
    const token = /^Bearer[ \t]+(\S+)/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const verdict = this.limiter.take(token, accountOf(request));
    void reply.headers(verdict.headers);
    if (!verdict.allowed) {
      this.mark(request, 'rate_limit');
      throw errors.rateLimited(verdict.headers);
    }
  };

  /**
   * onRequest of the served routes: a fault rule, else header overrides, else the global latency and error rate.
   * Callback-style, and synchronous when nothing is configured to fire: it runs on every request.
   */
  readonly faults = (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void): void => {
    if (this.rules.empty && !this.config.headerOverrides && !this.latency && !(this.config.errorRate > 0)) {
      this.ignoredOverrides(request, reply);
      return done();
    }
    this.shape(request, reply).then(() => done(), done);
  };

  private ignoredOverrides(request: FastifyRequest, reply: FastifyReply): void {
    // Otherwise a header sent by hand would be dropped without a word, and its answer taken for the mock's verdict.
    let ignored: string[] | undefined;
    for (const name of OVERRIDE_NAMES) if (request.headers[name] !== undefined) (ignored ??= []).push(name);
    if (ignored !== undefined) warn(reply, [`${ignored.join(', ')} ignored: the mock honours x-mock-* headers only with --header-overrides (TRUTO_MOCK_HEADER_OVERRIDES=true)`]);
  }

  private async shape(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const fired = this.rules.empty ? undefined : this.rules.fire(this.inbound(request));
    if (fired) {
      this.mark(request, fired.rule.id);
      return this.apply(fired.rule.action, fired.random, request, reply);
    }
    if (this.config.headerOverrides) {
      let actions: FaultAction[];
      try {
        actions = headerActions(request.headers);
      } catch (err) {
        this.mark(request, 'header');
        throw err;
      }
      if (actions.length > 0) {
        this.mark(request, 'header');
        for (const action of actions) await this.apply(action, this.randoms.headers, request, reply);
        return;
      }
    } else {
      this.ignoredOverrides(request, reply);
    }
    if (this.latency) await this.clock.sleep(draw(this.latency, this.randoms.latency));
    if (this.config.errorRate > 0 && this.randoms.errors.next() < this.config.errorRate) {
      this.mark(request, 'error_rate');
      throw errors.fault(this.config.errorStatus);
    }
  }

  private async apply(action: FaultAction, random: Random, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    switch (action.type) {
      case 'latency':
        return this.clock.sleep(draw(action.latency, random));
      case 'error':
        // A 429 is a rate limit whichever way it is asked for: clients need its Retry-After to retry.
        if (action.status === 429 && action.raw_response === undefined) {
          return this.apply({ type: 'rate_limit', ...(action.remote !== undefined ? { remote: action.remote } : {}) }, random, request, reply);
        }
        throw this.errorFor(action, accountOf(request));
      case 'rate_limit': {
        const seconds = String(action.retry_after ?? TRUTO_LIMITS.windowSeconds);
        const headers = {
          'retry-after': seconds,
          'ratelimit-limit': String(TRUTO_LIMITS.account),
          'ratelimit-remaining': '0',
          'ratelimit-reset': seconds,
        };
        if (!action.remote) throw errors.rateLimited(headers);
        const remote = this.remoteBody(429, accountOf(request));
        throw errors.remoteRateLimited(remote.message, remote.body, headers);
      }
      case 'reset':
      case 'empty':
        return dropConnection(action.type, request, reply);
    }
  }

  private errorFor(action: Extract<FaultAction, { type: 'error' }>, account: string | null): TrutoError {
    if (!action.remote) return errors.fault(action.status, action.message, action.headers);
    const remote = this.remoteBody(action.status, account);
    return errors.remote(action.status, action.message ?? remote.message, action.raw_response ?? remote.body, action.headers);
  }

  /** The account's integration's own body for this status; a bare `{ message }` without one. */
  private remoteBody(status: number, account: string | null): { message: string; body: unknown } {
    let integration;
    try {
      integration = account === null ? undefined : this.accounts.get(account).integration;
    } catch {
      integration = undefined;
    }
    const own = integration?.errorBody?.(status) ?? (status === 404 ? integration?.resources.candidates?.notFound('') : undefined);
    if (own) return { message: own.message, body: own.body };
    const message = reasonPhrase(status);
    return { message, body: { message } };
  }

  private mark(request: FastifyRequest, fault: string): void {
    if (request.visit !== null) this.journal.mark(request.visit.journal, fault);
  }

  private inbound(request: FastifyRequest): Inbound {
    const q = request.url.indexOf('?');
    return {
      method: request.method,
      path: q === -1 ? request.url : request.url.slice(0, q),
      account: accountOf(request),
      query: q === -1 ? {} : queryValues(request.url.slice(q + 1)),
    };
  }
}

/** The integrated account a request names: `integrated_account_id` in the query, or a file link's account. */
function accountOf(request: FastifyRequest): string | null {
  const fromQuery = (request.query as Record<string, unknown> | undefined)?.integrated_account_id;
  if (typeof fromQuery === 'string') return fromQuery;
  const fromPath = (request.params as Record<string, unknown> | undefined)?.account;
  return typeof fromPath === 'string' ? fromPath : null;
}

function draw(latency: Latency, random: Random): number {
  return 'ms' in latency ? latency.ms : random.int(Math.min(latency.min, latency.max), Math.max(latency.min, latency.max));
}

/** `250` or `100-300` (milliseconds). */
export function parseLatency(text: string, fail: (detail: string) => Error): Latency {
  const m = /^\s*(\d{1,6})\s*(?:-\s*(\d{1,6})\s*)?$/.exec(text);
  if (!m) throw fail(`"${text}" is not milliseconds (250) or a range (100-300)`);
  const min = Number(m[1]);
  const max = m[2] === undefined ? undefined : Number(m[2]);
  if (max === undefined) return { ms: min };
  if (max < min) throw fail(`"${text}": the range must go from low to high`);
  return { min, max };
}

/**
 * The connection ends without an answer: `reset` sends a TCP RST (the client reads ECONNRESET), `empty` closes it
 * cleanly before a byte is written (the client reads "socket hang up" / "other side closed").
 */
function dropConnection(kind: 'reset' | 'empty', request: FastifyRequest, reply: FastifyReply): void {
  reply.hijack();
  const socket = request.raw.socket as (typeof request.raw.socket & { resetAndDestroy?: () => void }) | undefined;
  if (kind === 'reset' && typeof socket?.resetAndDestroy === 'function') socket.resetAndDestroy();
  else if (typeof socket?.destroy === 'function') socket.destroy();
  else reply.raw.destroy();
}

/** Overrides by header, for quick tries by hand (only with --header-overrides). */
export const OVERRIDE_HEADERS = {
  'x-mock-status': 'answer this status (400-599) in Truto\'s error shape; 429 adds Retry-After and ratelimit-* headers',
  'x-mock-remote': 'true: the status is a remote error carrying the integration\'s own body',
  'x-mock-retry-after': 'seconds of Retry-After with x-mock-status: 429 (default 10)',
  'x-mock-latency': 'wait this many milliseconds (250) or a range (100-300) before answering',
  'x-mock-fault': 'reset (TCP RST) or empty (close without answering)',
} as const;
const OVERRIDE_NAMES = Object.keys(OVERRIDE_HEADERS);

function headerActions(headers: FastifyRequest['headers']): FaultAction[] {
  const one = (name: keyof typeof OVERRIDE_HEADERS): string | undefined => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const actions: FaultAction[] = [];
  const latency = one('x-mock-latency');
  if (latency !== undefined) actions.push({ type: 'latency', latency: parseLatency(latency, (d) => errors.invalidHeader('x-mock-latency', d)) });
  const fault = one('x-mock-fault');
  if (fault !== undefined) {
    if (fault !== 'reset' && fault !== 'empty') throw errors.invalidHeader('x-mock-fault', 'must be reset or empty');
    actions.push({ type: fault });
    return actions;
  }
  const status = one('x-mock-status');
  if (status === undefined) return actions;
  if (!/^\d{3}$/.test(status) || Number(status) < 400 || Number(status) > 599) {
    throw errors.invalidHeader('x-mock-status', 'must be a status from 400 to 599');
  }
  const remote = one('x-mock-remote') === 'true';
  if (status === '429') {
    const retry = one('x-mock-retry-after') ?? '10';
    if (!/^\d{1,4}$/.test(retry)) throw errors.invalidHeader('x-mock-retry-after', 'must be whole seconds');
    actions.push({ type: 'rate_limit', retry_after: Number(retry), remote });
  } else {
    actions.push({ type: 'error', status: Number(status), remote });
  }
  return actions;
}
