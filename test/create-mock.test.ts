import t, { type Test } from 'tap';
import { ConfigError, ConfigSchema } from '../src/config.js';
import { createMock, type RunningMock } from '../src/index.js';
import { ADA, GH } from './helpers.js';

async function started(t: Test, options: Parameters<typeof createMock>[0] = {}): Promise<RunningMock> {
  const mock = await createMock({ candidates: 10, ...options });
  t.teardown(() => mock.close());
  return mock;
}

t.test('an unknown option is refused, naming it and the nearest valid one', async (t) => {
  await t.rejects(
    createMock({ candidate: 10 } as never),
    new ConfigError(`createMock: unknown option "candidate" (did you mean "candidates"?); options: ${Object.keys(ConfigSchema.properties).join(', ')}`),
  );
  await t.rejects(createMock({ zzzzzzzz: 1 } as never), { message: /^createMock: unknown option "zzzzzzzz"; options: host,/ }, 'no hint when nothing is close');
});

t.test('numbers where the command line takes numbers: latency 250', async (t) => {
  const mock = await started(t, { latency: 250 });
  t.equal(mock.app.mock.config.latency, '250');
  const ranged = await started(t, { latency: '100-300' });
  t.equal(ranged.app.mock.config.latency, '100-300');
});

t.test('rules, journal and reset without a hand-written request', async (t) => {
  const mock = await started(t, { seed: 7 });
  const url = `${mock.url}/unified/ats/candidates/${ADA}?integrated_account_id=${GH}`;
  const headers = { authorization: `Bearer ${mock.token}` };

  const rule = await mock.rules.add({ match: { path: `/unified/ats/candidates/${ADA}` }, action: { type: 'error', status: 503 }, scope: { times: 1 } });
  t.equal(rule.id, 'rule-1');
  t.equal((await fetch(url, { headers })).status, 503, 'the rule fires');
  t.equal((await fetch(url, { headers })).status, 200, 'once');
  t.match(await mock.rules.list(), [{ id: 'rule-1', matched: 2, fired: 1 }]);

  const sent = await mock.journal.find({ path: '/unified/ats/candidates/*' });
  t.strictSame(sent.map((e) => [e.method, e.path, e.status, e.fault]), [
    ['GET', `/unified/ats/candidates/${ADA}`, 503, 'rule-1'],
    ['GET', `/unified/ats/candidates/${ADA}`, 200, null],
  ]);
  t.strictSame(await mock.journal.find({ method: 'POST' }), [], 'a filter that matches nothing');
  await mock.journal.clear();
  t.strictSame(await mock.journal.find(), []);

  await mock.rules.add({ id: 'second', action: { type: 'empty' }, match: { path: '/nowhere' } });
  await mock.rules.clear('rule-1');
  t.strictSame((await mock.rules.list()).map((r) => r.id), ['second'], 'one rule deleted by id');
  await mock.rules.clear();
  t.strictSame(await mock.rules.list(), []);

  await mock.rules.add({ action: { type: 'empty' } });
  await fetch(`${mock.url}/health`);
  await mock.reset();
  t.strictSame(await mock.rules.list(), [], 'a reset empties the rules');
  t.strictSame(await mock.journal.find(), [], 'and the journal');
  const page = async () => (await fetch(`${mock.url}/unified/ats/candidates?integrated_account_id=${GH}&limit=10`, { headers })).text();
  const before = await page();
  await mock.reset({ seed: 3 });
  t.not(await page(), before, 'a reset with settings reseeds');

  await t.rejects(mock.rules.add({ action: { type: 'explode' } } as never), { message: /^POST \/_mock\/rules: 400 .*action/ }, 'a refusal is thrown with its message');
  await t.rejects(mock.rules.clear('missing'), { message: /^DELETE \/_mock\/rules\/missing: 404 / });
});

t.test('with an admin token, the helpers send it', async (t) => {
  const mock = await started(t, { adminToken: 'admin-secret' });
  await mock.rules.add({ action: { type: 'empty' }, match: { path: '/nowhere' } });
  t.equal((await mock.rules.list()).length, 1);
  t.equal((await fetch(`${mock.url}/_mock/rules`)).status, 401, 'the API itself still wants it');
});

t.test('README: a worked write test (move a candidate, assert the journal, reset) runs as written', async (t) => {
  // --- as in the README ---
  const mock = await createMock();
  const account = mock.accounts.find((a) => a.integration === 'greenhouse')!.id;
  const headers = { authorization: `Bearer ${mock.token}`, 'content-type': 'application/json' };

  // The code under test moves Ada's application to the onsite stage...
  const moved = await fetch(`${mock.url}/unified/ats/applications/move-stage?integrated_account_id=${account}`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ application_id: '9100001003', stage_id: '5810005003', user_id: '4410001003' }),
  });
  const { result } = (await moved.json()) as { result: { current_stage: { name: string } } };

  // ...the test asserts what it sent, and what every later read sees...
  const [sent] = await mock.journal.find({ method: 'POST', path: '/unified/ats/applications/move-stage' });
  const read = await fetch(`${mock.url}/unified/ats/applications/9100001003?integrated_account_id=${account}`, { headers });

  // ...and the next test starts from the seeded data again.
  await mock.reset();
  const after = await fetch(`${mock.url}/unified/ats/applications/9100001003?integrated_account_id=${account}`, { headers });
  // --- end ---
  t.teardown(() => mock.close());
  t.equal(moved.status, 200);
  t.equal(result.current_stage.name, 'Onsite Interview');
  t.strictSame(sent!.body, { application_id: '9100001003', stage_id: '5810005003', user_id: '4410001003' }, 'the journal holds the body sent');
  t.equal(((await read.json()) as { current_stage: { name: string } }).current_stage.name, 'Onsite Interview', 'a later read sees the move');
  t.equal(((await after.json()) as { current_stage: { name: string } }).current_stage.name, 'Hiring Manager Screen', 'the reset undid it');
});
