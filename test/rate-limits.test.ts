import t, { type Test } from 'tap';
import { buildApp } from '../src/app.js';
import { RateLimiter } from '../src/mock/rate-limit.js';
import type { Clock } from '../src/mock/scenarios.js';
import { ACC, ADA, CANDIDATES, GH, TOKEN, expectError, get } from './helpers.js';

const ADA_URL = `${CANDIDATES}/${ADA}`;
const TOO_MANY = {
  statusCode: 429,
  error: 'Too Many Requests',
  message: "Too many requests: retry after the Retry-After header's seconds",
  truto_error_insight: { rate_limit_error: { description: "Rate limit reached: retry after the Retry-After header's seconds." } },
};

/** A clock the test moves by hand. */
function manualClock() {
  let now = Date.UTC(2026, 0, 15);
  const clock: Clock & { advance(ms: number): void } = {
    now: () => now,
    sleep: async () => undefined,
    advance: (ms) => void (now += ms),
  };
  return clock;
}

async function limitedApp(t: Test, config = {}) {
  const clock = manualClock();
  const app = await buildApp({ db: ':memory:', logLevel: 'silent', candidates: 5, rateLimits: true, tokens: [TOKEN, 'second-token'], ...config }, clock);
  t.teardown(() => app.close());
  return { app, clock };
}

const limits = (res: { headers: Record<string, unknown> }) =>
  [res.headers['ratelimit-limit'], res.headers['ratelimit-remaining'], res.headers['ratelimit-reset'], res.headers['retry-after']];

t.test('50 requests per 10 s per integrated account, then 429 with Retry-After when the window opens; headers on every answer', async (t) => {
  const { app, clock } = await limitedApp(t);
  for (let i = 1; i <= 50; i++) {
    const res = await get(app, ADA_URL, ACC);
    t.equal(res.statusCode, 200);
    const resetIn = Math.ceil((10_000 - (i - 1) * 100) / 1000);
    t.strictSame(limits(res), ['50', String(50 - i), String(resetIn), undefined], `answer ${i}`);
    clock.advance(100);
  }
  const refused = await get(app, ADA_URL, ACC);
  expectError(t, refused, TOO_MANY, '51st');
  t.strictSame(limits(refused), ['50', '0', '5', '5'], 'the window opens in 5 s: Retry-After and ratelimit-reset agree');
  const journal = (await app.inject({ url: '/_mock/journal?query[integrated_account_id]=' + GH })).json();
  t.equal(journal.entries.at(-1).fault, 'rate_limit', 'journaled as a rate limit');
  t.equal(journal.entries.at(-1).status, 429);
  expectError(t, await get(app, ADA_URL, ACC, { authorization: 'Bearer second-token' }), TOO_MANY, 'the account\'s limit holds for every token');
  t.equal((await get(app, CANDIDATES, 'integrated_account_id=another')).statusCode, 404, 'another account has its own budget');
  clock.advance(5_000);
  const after = await get(app, ADA_URL, ACC);
  t.equal(after.statusCode, 200, 'a new window');
  t.strictSame(limits(after), ['50', '49', '10', undefined]);
  // An error answer carries the headers too.
  t.equal((await get(app, ADA_URL, 'integrated_account_id=x&limit=0')).headers['ratelimit-limit'], '50', 'on an error answer');
});

t.test('500 requests per 10 s per token, across accounts; another token has its own', async (t) => {
  const { app, clock } = await limitedApp(t);
  let last;
  for (let i = 1; i <= 500; i++) {
    // Ten accounts, 50 each: the token's limit is reached exactly when every account's is.
    last = await get(app, CANDIDATES, `integrated_account_id=acct-${i % 10}`);
    if (last.statusCode !== 404) break;
  }
  t.equal(last!.statusCode, 404, 'all 500 answered');
  t.strictSame(limits(last!), ['500', '0', '10', undefined], 'both spent: the token\'s limit shows');
  const refused = await get(app, CANDIDATES, 'integrated_account_id=acct-new');
  expectError(t, refused, TOO_MANY, '501st, on a fresh account');
  t.strictSame(limits(refused), ['500', '0', '10', '10'], 'the token\'s limit');
  t.equal((await get(app, CANDIDATES, 'integrated_account_id=acct-new', { authorization: 'Bearer second-token' })).statusCode, 404, 'another token');
  clock.advance(10_000);
  t.equal((await get(app, CANDIDATES, 'integrated_account_id=acct-new')).statusCode, 404, 'the next window');
});

t.test('off by default: no headers, no limit', async (t) => {
  const app = await buildApp({ db: ':memory:', logLevel: 'silent', candidates: 5 });
  t.teardown(() => app.close());
  for (let i = 0; i < 60; i++) {
    const res = await get(app, ADA_URL, ACC);
    if (res.statusCode !== 200 || res.headers['ratelimit-limit'] !== undefined) t.fail(`answer ${i}`);
  }
  t.pass('60 answers, none limited');
});

t.test('a reset opens new windows', async (t) => {
  const { app } = await limitedApp(t);
  for (let i = 0; i < 50; i++) await get(app, ADA_URL, ACC);
  t.equal((await get(app, ADA_URL, ACC)).statusCode, 429);
  t.equal((await app.inject({ method: 'POST', url: '/_mock/reset' })).statusCode, 200);
  t.equal((await get(app, ADA_URL, ACC)).statusCode, 200);
});

t.test('many accounts: limits hold, closed windows are forgotten a few per request, memory is capped', async (t) => {
  const LIMITS = { token: 1_000_000, account: 50, windowSeconds: 10 };
  let now = 0;
  const limiter = new RateLimiter(() => now, LIMITS);
  let allowed = 0;
  for (let i = 0; i < 20_000; i++) if (limiter.take(TOKEN, `acct-${i}`).allowed) allowed++;
  t.equal(allowed, 20_000);
  t.equal(limiter.size, 20_000, 'one window per account while they are open');
  now += 1_000;
  for (let i = 1; i < 50; i++) if (!limiter.take(TOKEN, 'acct-7').allowed) t.fail(`acct-7 refused at ${i}`);
  t.strictSame(
    limiter.take(TOKEN, 'acct-7'),
    { allowed: false, headers: { 'ratelimit-limit': '50', 'ratelimit-remaining': '0', 'ratelimit-reset': '9', 'retry-after': '9' } },
    'the 51st of acct-7 in its window, among 20,000 open windows',
  );
  t.equal(limiter.take(TOKEN, 'acct-8').headers['ratelimit-remaining'], '48', 'another account has its own budget');
  t.equal(limiter.size, 20_000, 'nothing closed yet, nothing forgotten');

  now += 10_000;
  limiter.take(TOKEN, 'fresh');
  t.equal(limiter.size, 20_000 - 4 + 1, 'a request forgets four closed windows, not all of them at once');
  for (let i = 0; i < 5_000; i++) limiter.take(TOKEN, 'fresh');
  t.equal(limiter.size, 1, 'every closed window forgotten; the open one kept');
  t.equal(limiter.take(TOKEN, 'acct-7').headers['ratelimit-remaining'], '49', 'a forgotten account opens a new window');

  const capped = new RateLimiter(() => now, LIMITS, 100);
  for (let i = 0; i < 1_000; i++) capped.take(TOKEN, `acct-${i}`);
  t.equal(capped.size, 100, 'at most 100 windows kept');
  t.equal(capped.take(TOKEN, 'acct-999').headers['ratelimit-remaining'], '48', 'the newest windows are those kept');
  t.equal(capped.take(TOKEN, 'acct-0').headers['ratelimit-remaining'], '49', 'the oldest was forgotten and starts afresh');
  t.equal(capped.size, 100);
});
