import t from 'tap';
import { CandidateSchema } from '../src/model/candidate.js';
import { TrutoErrorSchema } from '../src/model/error.js';
import { GreenhouseCandidate } from '../src/integrations/greenhouse/raw.js';
import { ADA, GH, GRACE, JSON_CT, REMOTE_404, assertSchema, get, testApp } from './helpers.js';

t.test('get candidate: the pinned record, unwrapped, in the unified model', async (t) => {
  const app = await testApp(t);
  const res = await get(app, `/unified/ats/candidates/${ADA}`, `integrated_account_id=${GH}`);
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-type'], JSON_CT);
  const body = res.json();
  assertSchema(t, CandidateSchema, body);
  t.match(body, {
    id: ADA,
    first_name: 'Ada',
    last_name: 'Lovelace',
    name: 'Ada Lovelace',
    company: 'Analytical Engines Ltd',
    title: 'Principal Software Engineer',
    emails: [{ email: 'ada.lovelace@example.com', type: 'personal' }],
    tags: [{ name: 'Top Talent' }, { name: 'Referral' }],
  });
  t.same(body.applications.map((a: { id: string }) => a.id), ['9100001003', '9100002003']);
  t.equal(body.attachments.length, 6);
  assertSchema(t, GreenhouseCandidate, body.remote_data, 'remote_data');
  t.equal(body.remote_data.id, Number(ADA), 'remote_data is the Harvest record: integer id');
});

t.test('get candidate: unknown id is a remote 404 with Greenhouse\'s own body', async (t) => {
  const app = await testApp(t);
  const res = await get(app, '/unified/ats/candidates/404', `integrated_account_id=${GH}`);
  t.equal(res.statusCode, 404);
  t.equal(res.headers['content-type'], JSON_CT);
  assertSchema(t, TrutoErrorSchema, res.json());
  t.strictSame(res.json(), REMOTE_404);
});

t.test('get candidate: a candidate with no attachments', async (t) => {
  const app = await testApp(t);
  const res = await get(app, `/unified/ats/candidates/${GRACE}`, `integrated_account_id=${GH}`);
  t.equal(res.statusCode, 200);
  t.strictSame(res.json().attachments, []);
});
