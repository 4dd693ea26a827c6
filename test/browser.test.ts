import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import t, { type Test } from 'tap';
import { ADA, GH, TOKEN, testApp } from './helpers.js';

/**
 * In a real headless Chromium (Debian's package; `.ci/run` installs it): a page served from another origin lists
 * Ada's attachments with a Bearer token (CORS preflight and all) and downloads one; Swagger UI at /docs renders
 * every route of the document.
 */
function findChromium(): string | undefined {
  // Debian's /usr/bin/chromium is a shell launcher; the binary itself is steadier to drive.
  for (const path of [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium']) if (path && existsSync(path)) return path;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const executable = findChromium();
const skip = executable ? false : 'SKIPPED: Chromium is not installed here (apt-get install -y chromium; .ci/run installs it)';
if (!executable) t.comment(skip);

/** The host name a compose service would have: Chromium resolves it to the loopback, as Docker's DNS would. */
const SERVICE_HOST = 'truto-mock';

async function launch(t: Test): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: executable!,
    headless: true,
    args: ['--no-sandbox', `--host-resolver-rules=MAP ${SERVICE_HOST} 127.0.0.1`],
  });
  t.teardown(() => browser.close());
  return browser;
}

/** The mock on a real socket, with every request it answered (method, path, status) for the test to read. */
async function listeningMock(t: Test): Promise<{ mock: string; seen: string[] }> {
  const app = await testApp(t, { candidates: 20 });
  const seen: string[] = [];
  app.addHook('onResponse', async (request, reply) => {
    seen.push(`${request.method} ${request.url.split('?')[0]} ${reply.statusCode}`);
  });
  return { mock: await app.listen({ port: 0, host: '127.0.0.1' }), seen };
}

/** A frontend on its own origin: lists attachments with a Bearer token, then downloads the first one as a file. */
const PAGE = `<!doctype html><meta charset="utf-8"><title>frontend</title>
<ul id="attachments"></ul><p id="status">loading</p>
<script>
(async () => {
  const params = new URLSearchParams(location.search);
  const mock = params.get('mock');
  try {
    const res = await fetch(mock + '/unified/ats/attachments?integrated_account_id=${GH}&candidate_id=${ADA}', {
      headers: { Authorization: 'Bearer ' + params.get('token') },
    });
    const body = await res.json();
    if (!res.ok) throw new Error(res.status + ' ' + body.message);
    for (const a of body.result) {
      const li = document.createElement('li');
      li.textContent = a.file_name;
      document.getElementById('attachments').append(li);
    }
    const file = await fetch(body.result[0].file_url);
    const disposition = file.headers.get('content-disposition');
    const blob = await file.blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = decodeURIComponent(/filename\\*=UTF-8''([^;]+)/.exec(disposition)[1]);
    link.id = 'download';
    link.textContent = 'download';
    document.body.append(link);
    document.getElementById('status').textContent = 'ready ' + file.status + ' ' + blob.type + ' ' + blob.size;
  } catch (err) {
    document.getElementById('status').textContent = 'failed: ' + err.message;
  }
})();
</script>`;

t.test('a page on another origin lists attachments with a Bearer token and downloads one', { skip }, async (t) => {
  const { mock, seen } = await listeningMock(t);
  const frontend = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE));
  frontend.listen(0, '127.0.0.1');
  await once(frontend, 'listening');
  t.teardown(() => frontend.close());
  const origin = `http://127.0.0.1:${(frontend.address() as AddressInfo).port}`;
  t.not(new URL(origin).origin, new URL(mock).origin, 'two origins');

  // What the page should see, asked directly.
  const expected = (await (
    await fetch(`${mock}/unified/ats/attachments?integrated_account_id=${GH}&candidate_id=${ADA}`, { headers: { authorization: `Bearer ${TOKEN}` } })
  ).json()) as { result: { file_name: string; file_url: string }[] };
  const firstFile = Buffer.from(await (await fetch(expected.result[0]!.file_url)).arrayBuffer());

  const browser = await launch(t);
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${origin}/?mock=${encodeURIComponent(mock)}&token=${TOKEN}`);
  await page.waitForFunction("document.getElementById('status').textContent !== 'loading'");
  const status = await page.textContent('#status');
  t.equal(status, `ready 200 application/pdf ${firstFile.length}`, 'the list and the file were fetched across origins');
  t.strictSame(await page.locator('#attachments li').allTextContents(), expected.result.map((a) => a.file_name), 'every attachment listed');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  t.equal(download.suggestedFilename(), expected.result[0]!.file_name, 'saved under its file_name');
  const saved = readFileSync(await download.path());
  t.ok(saved.equals(firstFile), 'the saved file is the mock\'s file, byte for byte');
  t.ok(saved.subarray(0, 5).toString() === '%PDF-', 'a PDF');
  t.ok(seen.includes('OPTIONS /unified/ats/attachments 204'), 'the browser sent its preflight for Authorization, answered 204');
  t.ok(seen.includes('GET /unified/ats/attachments 200'), 'then the list');
});

// Under any host name but localhost, `upgrade-insecure-requests` in the page's CSP sent its assets to https: a
// blank page. Opened by a compose service's name, as a container next to the mock would.
for (const via of ['127.0.0.1', SERVICE_HOST]) {
  t.test(`Swagger UI at /docs renders every route of the document (opened as http://${via})`, { skip }, async (t) => {
    const { mock } = await listeningMock(t);
    const base = mock.replace('127.0.0.1', via);
    const doc = (await (await fetch(`${mock}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const expected = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();

    const browser = await launch(t);
    const page = await browser.newPage();
    const offsite: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) offsite.push(r.url());
    });
    const answer = await page.goto(`${base}/docs`);
    t.notMatch(answer?.headers()['content-security-policy'] ?? '', /upgrade-insecure-requests/, 'the CSP does not send the page to https');
    t.match(answer?.headers()['content-security-policy'] ?? '', /default-src 'self'/, 'and keeps the rest');
    await page.waitForSelector('.opblock-summary');
    const shown = await page.$$eval('.opblock-summary', (blocks) =>
      blocks.map((b) => {
        const method = b.querySelector('.opblock-summary-method')?.textContent ?? '';
        const path = b.querySelector('.opblock-summary-path')?.getAttribute('data-path') ?? '';
        return `${method} ${path}`;
      }),
    );
    t.strictSame(shown.sort(), expected, 'every operation is rendered');
    t.equal(await page.textContent('.info .title'), 'truto-ats-mock 0.1.0 OAS 3.1', 'the document\'s title');
    t.strictSame(offsite, [], 'nothing loaded from another host');
  });
}
