import t from 'tap';
import { ACC, ADA, ATTACHMENTS, AUTH, CANDIDATES, testApp } from './helpers.js';

const PREFLIGHT = {
  origin: 'http://localhost:5173',
  'access-control-request-method': 'GET',
  'access-control-request-headers': 'authorization',
};

t.test('by default any origin may call, and the preflight for Authorization is answered before auth', async (t) => {
  const app = await testApp(t);
  const pre = await app.inject({ method: 'OPTIONS', url: `${CANDIDATES}?${ACC}`, headers: PREFLIGHT });
  t.equal(pre.statusCode, 204);
  t.equal(pre.body, '');
  t.equal(pre.headers['access-control-allow-origin'], '*');
  t.equal(pre.headers['access-control-allow-headers'], 'authorization');
  t.equal(pre.headers['access-control-allow-methods'], 'GET, HEAD, POST, PUT, PATCH, DELETE');
  t.equal(pre.headers['access-control-max-age'], '600');
  t.equal(pre.headers.vary, 'Access-Control-Request-Headers', 'the allowed headers are the ones asked for');
  t.equal(pre.headers['content-length'], '0');

  const res = await app.inject({ url: `${ATTACHMENTS}?${ACC}&candidate_id=${ADA}`, headers: { ...AUTH, origin: PREFLIGHT.origin } });
  t.equal(res.statusCode, 200);
  t.equal(res.headers['access-control-allow-origin'], '*');
  t.equal(res.headers['access-control-expose-headers'], 'Content-Disposition, Content-Length, Retry-After, x-truto-mock-warning, ratelimit-limit, ratelimit-remaining, ratelimit-reset');
  t.equal(res.headers.vary, undefined, 'any origin gets the same answer');
  const denied = await app.inject({ url: `${CANDIDATES}?${ACC}`, headers: { origin: PREFLIGHT.origin } });
  t.equal(denied.statusCode, 401);
  t.equal(denied.headers['access-control-allow-origin'], '*', 'errors are readable by the page too');

  const link = new URL((res.json() as { result: { file_url: string }[] }).result[0]!.file_url);
  const file = await app.inject({ url: link.pathname + link.search, headers: { origin: PREFLIGHT.origin } });
  t.equal(file.statusCode, 200);
  t.equal(file.headers['access-control-allow-origin'], '*', 'downloads too');
});

t.test('configured origins: only those are allowed, and answers vary by Origin', async (t) => {
  const app = await testApp(t, { corsOrigins: ['http://localhost:5173', 'https://app.example.com'] });
  const allowed = await app.inject({ method: 'OPTIONS', url: CANDIDATES, headers: PREFLIGHT });
  t.equal(allowed.statusCode, 204);
  t.equal(allowed.headers['access-control-allow-origin'], 'http://localhost:5173');
  t.equal(allowed.headers.vary, 'Origin, Access-Control-Request-Headers');
  const get = await app.inject({ url: `${CANDIDATES}?${ACC}`, headers: { ...AUTH, origin: 'https://app.example.com' } });
  t.equal(get.headers['access-control-allow-origin'], 'https://app.example.com');
  t.equal(get.headers.vary, 'Origin');
  const none = await app.inject({ url: `${CANDIDATES}?${ACC}`, headers: AUTH });
  t.equal(none.headers['access-control-allow-origin'], undefined, 'no Origin, no grant');
  t.equal(none.headers.vary, 'Origin');
  const other = await app.inject({ method: 'OPTIONS', url: CANDIDATES, headers: { ...PREFLIGHT, origin: 'http://evil.test' } });
  t.equal(other.headers['access-control-allow-origin'], undefined, 'another origin gets no grant');
});

t.test('corsOrigins [] turns CORS off', async (t) => {
  const app = await testApp(t, { corsOrigins: [] });
  const res = await app.inject({ url: `${CANDIDATES}?${ACC}`, headers: { ...AUTH, origin: PREFLIGHT.origin } });
  t.equal(res.statusCode, 200);
  t.equal(res.headers['access-control-allow-origin'], undefined);
  const pre = await app.inject({ method: 'OPTIONS', url: CANDIDATES, headers: PREFLIGHT });
  t.equal(pre.statusCode, 401, 'no preflight route: an OPTIONS to /unified is authenticated first, as any request there');
});

t.test('an OPTIONS that is not a preflight: 400 in Truto\'s body, naming the missing headers', async (t) => {
  const app = await testApp(t);
  const bare = await app.inject({ method: 'OPTIONS', url: CANDIDATES });
  t.equal(bare.statusCode, 400);
  t.equal(bare.headers['content-type'], 'application/json; charset=utf-8');
  t.strictSame(bare.json(), {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Invalid preflight request: missing headers origin, access-control-request-method',
  });
  const noMethod = await app.inject({ method: 'OPTIONS', url: CANDIDATES, headers: { origin: PREFLIGHT.origin } });
  t.strictSame(noMethod.json(), {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Invalid preflight request: missing header access-control-request-method',
  });
});
