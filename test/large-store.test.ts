import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { buildApp } from '../src/app.js';
import { DEFAULT_FIXTURES } from '../src/config.js';
import { AUTH, GH, get } from './helpers.js';

/**
 * A store of 100,000 candidates, in a file of its own (its own test file, so that tap runs it beside the others
 * rather than last).
 */
const tmp = mkdtempSync(join(tmpdir(), 'truto-mock-large-'));
t.teardown(() => rmSync(tmp, { recursive: true, force: true }));

t.test('100,000 candidates: seeded into a file, first and deep pages answer', { timeout: 540_000 }, async (t) => {
  const db = join(tmp, 'large.db');
  // One account of 100,000 (Greenhouse's), not 100,000 for every integration of the default fixtures.
  const fixtures = join(tmp, 'greenhouse-only.json');
  const all = JSON.parse(readFileSync(DEFAULT_FIXTURES, 'utf8')) as { accounts: { id: string }[] };
  writeFileSync(fixtures, JSON.stringify({ accounts: all.accounts.filter((a) => a.id === GH) }));
  const app = await buildApp({ db, fixtures, logLevel: 'silent', candidates: 100_000 });
  t.teardown(() => app.close());
  t.equal(app.mock.accounts.get(GH).row.candidates, 100_000);
  let cursor = '';
  let seen = 0;
  for (let page = 0; page < 50; page++) {
    const res = await app.inject({
      url: `/unified/ats/candidates?integrated_account_id=${GH}&limit=500&truto_exclude_fields=applications,attachments,remote_data&next_cursor=${cursor}`,
      headers: AUTH,
    });
    t.equal(res.statusCode, 200);
    const body = res.json();
    seen += body.result_count;
    cursor = body.next_cursor;
  }
  t.equal(seen, 25_000, '50 pages of 500');
  const last = await get(app, '/unified/ats/candidates/17230000003', `integrated_account_id=${GH}`);
  t.equal(last.statusCode, 200, 'the 100,000th candidate is there');
  t.equal(last.json().remote_data.id, 17230000003);
});

