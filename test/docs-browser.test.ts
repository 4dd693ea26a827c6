import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import t from 'tap';
import { ADA, GH, testApp } from './helpers.js';

/**
 * A newcomer's first request from the docs, in headless Chromium, with the mock reached by a host name that is not
 * localhost (as behind docker-compose): Authorize is already filled in, the examples are ids that exist, and
 * "Execute" goes to the server the page came from, answering 200. Skipped where Chromium is not installed.
 */
function findChromium(): string | undefined {
  for (const path of [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium']) if (path && existsSync(path)) return path;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}
const executable = findChromium();
const skip = executable ? false : 'SKIPPED: Chromium is not installed here (apt-get install -y chromium; .ci/run installs it)';

t.test('/docs under another host name: Execute on "Get a candidate" answers 200 at once', { skip }, async (t) => {
  const app = await testApp(t, { candidates: 10 });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const port = new URL(address).port;
  const browser = await chromium.launch({
    executablePath: executable!,
    headless: true,
    args: ['--no-sandbox', '--host-resolver-rules=MAP truto-mock.test 127.0.0.1'],
  });
  t.teardown(() => browser.close());
  const page = await browser.newPage();
  const base = `http://truto-mock.test:${port}`;
  const sent: { url: string; authorization?: string }[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/unified/')) sent.push({ url: r.url(), authorization: r.headers().authorization });
  });
  await page.goto(`${base}/docs#/candidates/getUnifiedAtsCandidatesById`);
  const operation = page.locator('#operations-candidates-getUnifiedAtsCandidatesById');
  await operation.waitFor();
  t.match(await page.locator('.servers select').textContent(), base, 'the server is the one the page came from');
  t.ok(await page.locator('.auth-wrapper .authorize.locked').count(), 'Authorize is filled in (the lock is closed)');
  if (!(await operation.locator('.opblock-body').count())) await operation.locator('.opblock-summary').click();
  await operation.locator('button.execute').click();
  const status = operation.locator('.live-responses-table .response .response-col_status');
  await status.first().waitFor();
  t.equal((await status.first().textContent())?.trim(), '200', 'Execute answers 200');
  t.strictSame(sent, [{ url: `${base}/unified/ats/candidates/${ADA}?integrated_account_id=${GH}`, authorization: 'Bearer truto-mock-token' }], 'with the examples and the token, nothing else (no remote_query[additionalProp1])');
});
