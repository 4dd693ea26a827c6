import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { ACC, ADA, ADA_APPLICATION, ATTACHMENTS, AUTH, GH, testApp } from './helpers.js';
import { CATALOGUE, type ResourceName } from '../src/model/catalogue.js';
import type { TrutoErrorBody } from '../src/model/error.js';
import { requireBuild, runNode, SCRIPTS } from './process.js';

/**
 * The OpenAPI document is the contract CI users take: it must be a valid OpenAPI document, and every route's real
 * answers (its 200 and the errors it can be driven into) must fit the response the document declares for them.
 * The routes are read from the document itself, so a route added later is checked without touching this file.
 */

interface Parameter { name: string; in: 'path' | 'query' | 'header'; required?: boolean; example?: unknown; style?: string; description?: string }
interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  security?: unknown[];
  requestBody?: { content?: Record<string, { example?: unknown; examples?: Record<string, { value: unknown }> }> };
  responses: Record<string, { description?: string; headers?: Record<string, object>; content?: Record<string, { schema: { $ref?: string }; example?: unknown }> }>;
}
interface Document {
  openapi: string;
  servers?: { url: string }[];
  tags?: { name: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

/** Values for parameters by name: the pinned fixture ids, as a client would pass them. */
const KNOWN: Record<string, string> = { integrated_account_id: GH, id: ADA, candidate_id: ADA };
/** A record of each resource in the Greenhouse account, for `{id}` in its get route (filled from its list). */
const ID_OF: Record<string, string> = { candidates: ADA, applications: ADA_APPLICATION };
/** The account each resource is tried on: Greenhouse's, or the first whose integration serves it (organizations: Breezy). */
const ACCOUNT_OF: Record<string, string> = {};

async function documentOf(app: FastifyInstance): Promise<Document> {
  const res = await app.inject({ url: '/openapi.json' });
  return res.json() as Document;
}

/** A media type's schema, compiled with the document's components so that its `$ref`s resolve. */
const compiled = new Map<string, ReturnType<Ajv2020['compile']>>();
let components: Document['components'] | undefined;
function validatorOf(schema: object): ReturnType<Ajv2020['compile']> {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile({ ...schema, components });
    compiled.set(key, validate);
  }
  return validate;
}

/** Fails unless `res`'s status is declared by `op` and its body fits the schema declared for its media type. */
function fitsDocument(t: Test, op: Operation, res: LightMyRequestResponse, what: string): void {
  const declared = op.responses[String(res.statusCode)];
  t.ok(declared, `${what}: status ${res.statusCode} is declared (declared: ${Object.keys(op.responses).join(', ')})`);
  if (!declared) return;
  const type = String(res.headers['content-type'] ?? '').split(';')[0]!;
  const media = declared.content?.[type];
  t.ok(media, `${what}: media type ${type} is declared for ${res.statusCode}`);
  if (!media) return;
  if (type === 'application/json') {
    const validate = validatorOf(media.schema);
    const ok = validate(res.json());
    t.ok(ok, `${what}: body fits the documented ${res.statusCode} schema${ok ? '' : `: ${ajv.errorsText(validate.errors)}`}`);
  } else {
    t.ok(res.rawPayload.length > 0, `${what}: a ${type} body`);
  }
}

/** Concrete URLs for a path template: known parameter values, or a real link from an answer that fits the template. */
function urlFor(template: string, op: Operation, links: string[]): string | undefined {
  const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
  if (pathParams.every((p) => KNOWN[p.name] !== undefined)) {
    const resource = /^\/unified\/ats\/(\w+)/.exec(template)?.[1];
    const known = (name: string) => (name === 'id' && resource !== undefined ? ID_OF[resource] : undefined) ?? KNOWN[name]!;
    const account = (resource !== undefined ? ACCOUNT_OF[resource] : undefined) ?? KNOWN.integrated_account_id!;
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(known(name)));
    const query = (op.parameters ?? [])
      .filter((p) => p.in === 'query' && p.required)
      .map((p) => `${p.name}=${encodeURIComponent(p.name === 'integrated_account_id' ? account : (KNOWN[p.name] ?? ''))}`);
    return query.length ? `${path}?${query.join('&')}` : path;
  }
  const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, '[^/?]+')}(\\?|$)`);
  return links.find((link) => pattern.test(link));
}

t.test('the document is valid OpenAPI 3.1 and is what npm run openapi writes', async (t) => {
  const app = await testApp(t);
  const res = await app.inject({ url: '/openapi.json' });
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-type'], 'application/json; charset=utf-8');
  const doc = res.json() as Document;
  t.equal(doc.openapi, '3.1.0');
  const result = await new Validator().validate(doc as unknown as Parameters<Validator["validate"]>[0]);
  t.ok(result.valid, `valid OpenAPI: ${JSON.stringify(result.errors ?? []).slice(0, 2000)}`);
  t.ok(Object.keys(doc.paths).length >= 5, 'every route is in it');
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      t.ok(op.operationId, `${method} ${path} has an operationId`);
      t.ok(op.responses['500'], `${method} ${path} documents Truto's 500`);
      if (op.security) t.ok(op.responses['401'], `${method} ${path} is secured and documents its 401`);
      for (const p of op.parameters ?? []) if (p.required && p.in === 'query') t.ok(op.responses['400'], `${method} ${path} documents a missing ${p.name}`);
    }
  }

  // `npm run openapi` writes the same document (its script run from source, the way tap runs this test).
  const dir = mkdtempSync(join(tmpdir(), 'truto-openapi-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, 'openapi.json');
  requireBuild(t);
  const run = runNode(join(SCRIPTS, 'openapi.js'), [out]);
  t.equal(run.status, 0, `npm run openapi's script exits 0: ${run.stderr}`);
  const { servers, ...served } = doc;
  t.strictSame(servers, [{ url: 'http://localhost:80', description: 'This mock, as reached by this client' }], 'servers: the URL it was fetched from');
  t.strictSame(JSON.parse(readFileSync(out, 'utf8')), served, 'the file is the served document (without servers: no request, no URL)');
});

t.test('every documented operation answers as documented: 200 and the errors it can be driven into', async (t) => {
  const app = await testApp(t);
  const doc = await documentOf(app);
  components = doc.components;
  // Real links (file_url) for routes whose parameters only an answer can give (signed file links).
  const attachments = await app.inject({ url: `${ATTACHMENTS}?${ACC}&candidate_id=${ADA}`, headers: AUTH });
  const links = (attachments.json() as { result: { file_url: string }[] }).result.map((a) => new URL(a.file_url).pathname + new URL(a.file_url).search);
  t.ok(links.length > 0, 'Ada has attachments with links');
  for (const [name, spec] of Object.entries(CATALOGUE)) {
    const serving = app.mock.accounts.list().find((a) => a.integration.resources[name as ResourceName]?.methods.includes('list'));
    ACCOUNT_OF[name] = app.mock.accounts.get(GH).integration.resources[name as ResourceName] ? GH : serving!.row.id;
    if (!spec.methods.includes('get') || ID_OF[name] !== undefined) continue;
    const page = await app.inject({ url: `/unified/ats/${name}?integrated_account_id=${ACCOUNT_OF[name]}&limit=1`, headers: AUTH });
    const first = (page.json() as { result?: { id: string }[] }).result?.[0]?.id;
    if (first !== undefined) ID_OF[name] = first;
  }

  for (const [template, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const what = `${method.toUpperCase()} ${template}`;
      const url = urlFor(template, op, links);
      t.ok(url, `${what}: a concrete URL from known ids or a real link (add its parameter to KNOWN)`);
      if (!url) continue;
      const headers = op.security ? AUTH : {};
      // A rule's own routes need a rule by the known id: one that matches no request, made afresh (a reset or a
      // delete walked before may have removed it).
      if (template.startsWith('/_mock/rules/{')) {
        await app.inject({ method: 'POST', url: '/_mock/rules', payload: { id: KNOWN.id, match: { path: '/nowhere' }, action: { type: 'empty' } } });
      }
      // A route that takes a body is sent its documented example (or an empty object).
      const media = op.requestBody?.content?.['application/json'];
      const payload = media ? (media.example ?? Object.values(media.examples ?? {})[0]?.value ?? {}) : undefined;
      let ok = await app.inject({ method: method.toUpperCase() as 'GET', url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
      // A filter the account's integration requires (Greenhouse's activities are read per candidate): given, and again.
      const missing = ok.statusCode === 400 ? (ok.json() as TrutoErrorBody).truto_error_insight?.missing_required_query_parameters?.value : undefined;
      if (missing) {
        const extra = missing.map((name) => `&${name}=${encodeURIComponent(KNOWN[name] ?? '')}`).join('');
        ok = await app.inject({ method: method.toUpperCase() as 'GET', url: `${url}${extra}`, headers });
      }
      if (method === 'get') t.ok(ok.statusCode >= 200 && ok.statusCode < 300, `${what}: ${url} succeeds (${ok.statusCode})`);
      fitsDocument(t, op, ok, `${what} with known values`);

      if (op.security) {
        fitsDocument(t, op, await app.inject({ method: method.toUpperCase() as 'GET', url }), `${what} without a token`);
      }
      const [path, query = ''] = url.split('?') as [string, string?];
      for (const p of (op.parameters ?? []).filter((p) => p.in === 'query' && p.required)) {
        const without = new URLSearchParams(query);
        without.delete(p.name);
        const res = await app.inject({ method: method.toUpperCase() as 'GET', url: `${path}?${without}`, headers });
        t.equal(res.statusCode, 400, `${what} without ${p.name}: 400`);
        fitsDocument(t, op, res, `${what} without ${p.name}`);
      }
      const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
      if (pathParams.length > 0) {
        // The last path segment replaced by an unknown value: a 404 (a record) or 403 (a signed link).
        const unknown = `${path.replace(/\/[^/]+$/, '/does-not-exist')}${query ? `?${query}` : ''}`;
        const res = await app.inject({ method: method.toUpperCase() as 'GET', url: unknown, headers });
        t.ok([403, 404].includes(res.statusCode), `${what} with an unknown ${pathParams.at(-1)!.name}: ${res.statusCode}`);
        fitsDocument(t, op, res, `${what} with an unknown ${pathParams.at(-1)!.name}`);
      }
      const malformed = await app.inject({ method: method.toUpperCase() as 'GET', url: `${path}${path.endsWith('/') ? '' : '/'}%E0%A4%A`, headers });
      if (malformed.statusCode === 400) fitsDocument(t, op, malformed, `${what} with a malformed URL`);
    }
  }
});

t.test('Swagger UI at /docs, served from the package (no CDN)', async (t) => {
  const app = await testApp(t);
  const page = await app.inject({ url: '/docs' });
  t.equal(page.statusCode, 200);
  t.match(page.headers['content-type'], /^text\/html/);
  t.match(page.body, /swagger-ui/);
  t.notMatch(page.body, /https?:\/\/(?!localhost)[^"']*\.(js|css)/, 'no script or style from another host');
  const init = await app.inject({ url: '/docs/static/swagger-initializer.js' });
  t.equal(init.statusCode, 200, 'the initializer is served');
  const bundle = await app.inject({ url: '/docs/static/swagger-ui-bundle.js' });
  t.equal(bundle.statusCode, 200, 'the bundle is served');
  const json = await app.inject({ url: '/docs/json' });
  t.strictSame(json.json(), await documentOf(app), '/docs/json is the same document');
});

t.test('a first request succeeds from the document: order, examples, servers, Authorize', async (t) => {
  const app = await testApp(t);
  const doc = (await app.inject({ url: '/openapi.json', headers: { host: 'mock.internal:4010', 'x-forwarded-proto': 'https' } })).json() as Document;
  t.strictSame(doc.servers, [{ url: 'https://mock.internal:4010', description: 'This mock, as reached by this client' }], 'servers: the URL the document was fetched from');
  const paths = Object.keys(doc.paths);
  t.ok(paths.findIndex((p) => !p.startsWith('/unified/')) > paths.findLastIndex((p) => p.startsWith('/unified/')), 'the unified routes come first');
  t.ok(paths.findIndex((p) => p.startsWith('/_mock')) > paths.findLastIndex((p) => !p.startsWith('/_mock')), 'the admin routes last');
  t.strictSame(doc.tags?.map((tag) => tag.name), ['candidates', 'attachments', 'files', 'discovery', 'health', 'mock admin']);

  const get = doc.paths['/unified/ats/candidates/{id}']!.get!;
  const parameter = (op: Operation, name: string) => op.parameters!.find((p) => p.name === name)!;
  t.equal(parameter(get, 'integrated_account_id').example, GH, 'the Greenhouse account as the example');
  t.equal(parameter(get, 'id').example, ADA, "Ada's id as the example");
  t.equal(parameter(doc.paths['/unified/ats/attachments']!.get!, 'candidate_id').example, ADA);
  t.strictSame(parameter(get, 'remote_query').example, {}, 'remote_query: {} (no additionalProp1 sent)');
  t.equal(parameter(get, 'remote_query').style, 'deepObject');
  t.match(parameter(get, 'x-mock-status'), { in: 'header', required: false, description: /^Test scenarios, only with --header-overrides: answer this status/ });

  // Try it out with the examples: a 200.
  const url = `/unified/ats/candidates/${String(parameter(get, 'id').example)}?integrated_account_id=${String(parameter(get, 'integrated_account_id').example)}`;
  t.equal((await app.inject({ url, headers: AUTH })).statusCode, 200, 'the examples answer 200');

  const init = await app.inject({ url: '/docs/static/swagger-initializer.js' });
  t.match(init.body, `ui.preauthorizeApiKey('bearerAuth', "truto-mock-token");`, 'Authorize is filled in with the default token');
  const other = await testApp(t, { tokens: ['a-secret-token'] });
  const otherInit = await other.inject({ url: '/docs/static/swagger-initializer.js' });
  t.notMatch(otherInit.body, 'preauthorizeApiKey', 'a configured token is never put in the page');
  t.notMatch(otherInit.body, 'a-secret-token');
  const docsJson = (await app.inject({ url: '/docs/json', headers: { host: 'example.test' } })).json() as Document;
  t.strictSame(docsJson.servers, [{ url: 'http://example.test', description: 'This mock, as reached by this client' }], '/docs/json too');
});

t.test('named schemas, and the errors the mock really sends with an example each', async (t) => {
  const app = await testApp(t);
  const doc = await documentOf(app);
  for (const name of ['Candidate', 'Application', 'Attachment', 'TrutoError', 'Rule', 'RuleInput', 'JournalEntry']) {
    t.ok(doc.components.schemas[name], `components.schemas.${name}`);
  }
  const get = doc.paths['/unified/ats/candidates/{id}']!.get!;
  t.strictSame(get.responses['200']!.content!['application/json']!.schema, { $ref: '#/components/schemas/Candidate' });
  t.strictSame(Object.keys(get.responses), ['200', '400', '401', '404', '429', '500', '502', '503', '504']);
  t.strictSame(Object.keys(get.responses['429']!.headers ?? {}), ['retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset']);
  const validate = ajv.compile({ $ref: '#/components/schemas/TrutoError', components: doc.components });
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      for (const [status, answer] of Object.entries(op.responses)) {
        if (Number(status) < 400 || answer.content?.['application/json']?.schema.$ref !== '#/components/schemas/TrutoError') continue;
        const example = answer.content?.['application/json']?.example as { statusCode?: number } | undefined;
        t.equal(example?.statusCode, Number(status), `${method.toUpperCase()} ${path} ${status}: its example says ${status}`);
        t.ok(validate(example), `${method.toUpperCase()} ${path} ${status}: the example is a Truto error body`);
      }
    }
  }
  t.match(get.responses['404']!.content!['application/json']!.example, { statusCode: 404, truto_is_remote_error: true, raw_response: { message: 'Resource not found' } });

  // The faults a test provokes answer as documented: a rate limit, an integration failing.
  components = doc.components;
  const faulty = await testApp(t, { headerOverrides: true });
  for (const status of [429, 502, 503, 504]) {
    const res = await faulty.inject({ url: `/unified/ats/candidates/${ADA}?${ACC}`, headers: { ...AUTH, 'x-mock-status': String(status) } });
    t.equal(res.statusCode, status);
    fitsDocument(t, get, res, `GET /unified/ats/candidates/{id} with x-mock-status ${status}`);
  }
});
