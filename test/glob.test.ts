import t from 'tap';
import { globMatcher } from '../src/mock/glob.js';
import { ACC, CANDIDATES, get, testApp } from './helpers.js';

/** The meaning of a pattern, spelled as a regular expression: fine for the short paths below. */
const reference = (pattern: string, path: string) =>
  new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(path);

t.test('* matches any run of characters, as a regular expression would', async (t) => {
  const patterns = ['', '*', '**', 'a', 'a*', '*a', '*a*', 'a*b', 'ab*ab', '*ab*ab*', 'a*a*a', '/x/*/y', '*/*', 'aa*aa', '*b*'];
  const paths = ['', 'a', 'b', 'ab', 'aa', 'aaa', 'aab', 'abab', 'ababab', 'aaaaa', 'ba', 'bab', '/x/1/y', '/x//y', '/x/y', 'a/b'];
  for (const pattern of patterns) {
    const matches = globMatcher(pattern);
    for (const path of paths) t.equal(matches(path), reference(pattern, path), `${JSON.stringify(pattern)} ~ ${JSON.stringify(path)}`);
  }
});

t.test('a pattern that makes a regular expression backtrack is matched in linear time', async (t) => {
  const path = `/unified/ats/candidates/${'a'.repeat(20_000)}`;
  t.equal(globMatcher('*a*a*a*a*a*a*b')(path), false, 'no b: no match, at once');
  t.equal(globMatcher('*a*a*a*a*a*a*a')(path), true);
  t.equal(globMatcher('/unified/*/candidates/*a')(path), true);
});

t.test('the journal\'s path filter and a rule\'s match.path do not freeze the server', async (t) => {
  const app = await testApp(t, { candidates: 5 });
  const long = `${CANDIDATES}/${'a'.repeat(900)}`;
  t.equal((await get(app, long, ACC)).statusCode, 404);
  const found = await app.inject({ url: '/_mock/journal?path=*a*a*a*a*a*b' });
  t.equal(found.statusCode, 200);
  t.equal(found.json().count, 0);
  t.equal((await app.inject({ url: '/_mock/journal?path=*a*a*a*a*a*a' })).json().count, 1);
  const rule = await app.inject({ method: 'POST', url: '/_mock/rules', payload: { match: { path: '*a*a*a*a*a*b' }, action: { type: 'error', status: 503 } } });
  t.equal(rule.statusCode, 201);
  t.equal((await get(app, long, ACC)).statusCode, 404, 'the rule does not match, and says so at once');
  t.equal((await get(app, `${long}b`, ACC)).statusCode, 503, 'it matches a path ending in b');
});
