import t from 'tap';
import { ACC, ADA, AUTH, CANDIDATES, get, testApp } from './helpers.js';

/** An x-mock-* header sent to a mock started without --header-overrides is ignored, and the answer says so. */

const WARNING = 'x-mock-status, x-mock-retry-after ignored: the mock honours x-mock-* headers only with --header-overrides (TRUTO_MOCK_HEADER_OVERRIDES=true)';

t.test('without --header-overrides: the usual answer, with a warning header', async (t) => {
  const app = await testApp(t);
  for (const round of ['first', 'repeated (from the answer cache)']) {
    const res = await get(app, `${CANDIDATES}/${ADA}`, ACC, { ...AUTH, 'x-mock-status': '429', 'x-mock-retry-after': '1' });
    t.equal(res.statusCode, 200, `${round}: not a 429`);
    t.equal(res.headers['x-truto-mock-warning'], WARNING, `${round}: the warning names the headers and the flag`);
  }
  const plain = await get(app, `${CANDIDATES}/${ADA}`, ACC);
  t.equal(plain.headers['x-truto-mock-warning'], undefined, 'no warning without such a header');
});

t.test('with --header-overrides: honoured, no warning', async (t) => {
  const app = await testApp(t, { headerOverrides: true });
  const res = await get(app, `${CANDIDATES}/${ADA}`, ACC, { ...AUTH, 'x-mock-status': '503' });
  t.equal(res.statusCode, 503);
  t.equal(res.headers['x-truto-mock-warning'], undefined);
});
