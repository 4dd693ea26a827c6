import qs from 'qs';
import t, { type Test } from 'tap';
import { ListEnvelope } from '../src/model/list.js';
import { AttachmentSchema, type Attachment } from '../src/model/attachment.js';
import { CandidateSchema } from '../src/model/candidate.js';
import { ADA, GH, TOKEN, assertSchema, filterParams, probe, testApp } from './helpers.js';

/**
 * Over a real socket, the way Truto's SDKs call it (CONTRACT §1): the TypeScript SDK's list loop (qs default
 * indices, `next_cursor=` on the first request, stop at a falsy cursor) and the Python SDK's (brackets,
 * quote_plus, no cursor at first, stop at a falsy cursor or an empty result).
 */
async function listen(t: Test) {
  const app = await testApp(t, { candidates: 60 });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base: address };
}

async function tsSdkList(base: string, resource: string, options: Record<string, unknown>): Promise<Attachment[]> {
  const headers = { Accept: 'application/json', Authorization: `Bearer ${TOKEN}`, 'User-Agent': 'truto-ts-sdk/2.0.12' };
  const items: Attachment[] = [];
  let nextCursor = '';
  const seen = new Set<string>();
  do {
    const res = await fetch(`${base}/unified/ats/${resource}?${qs.stringify({ ...options, next_cursor: nextCursor })}`, { headers });
    if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
    if (!res.headers.get('content-type')?.includes('json')) throw new Error('the SDK would hand back a Blob');
    const body = (await res.json()) as { result: Attachment[]; next_cursor: string | null };
    assertSchema(t, ListEnvelope(resource === 'candidates' ? CandidateSchema : AttachmentSchema), body);
    items.push(...body.result);
    nextCursor = body.next_cursor || '';
    if (seen.has(nextCursor)) throw new Error('a repeated cursor: the SDK would loop forever');
    seen.add(nextCursor);
  } while (nextCursor);
  return items;
}

/** truto_python_sdk's dict_to_query_string: `prefix[]` for lists, `prefix[key]` for dicts, quote_plus. */
function pythonQuery(params: Record<string, unknown>, prefix = ''): string[] {
  const plus = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  return Object.entries(params).flatMap(([k, v]) => {
    const key = prefix ? `${prefix}[${k}]` : k;
    if (Array.isArray(v)) return v.map((item) => `${plus(`${key}[]`)}=${plus(String(item))}`);
    if (v !== null && typeof v === 'object') return pythonQuery(v as Record<string, unknown>, key);
    return [`${plus(key)}=${plus(typeof v === 'boolean' ? String(v) : String(v))}`];
  });
}

async function pythonSdkList(base: string, resource: string, params: Record<string, unknown>): Promise<Attachment[]> {
  const headers = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', Accept: 'application/json' };
  const query: Record<string, unknown> = { ...params };
  const items: Attachment[] = [];
  for (;;) {
    const res = await fetch(`${base}/unified/ats/${resource}?${pythonQuery(query).join('&')}`, { headers });
    if (res.status >= 400) throw new Error(`HTTP ${res.status}`);
    const body = (await res.json()) as { result: Attachment[]; next_cursor: string | null };
    items.push(...body.result);
    if (!body.next_cursor || body.result.length === 0) return items;
    query.next_cursor = body.next_cursor;
  }
}

t.test('both SDKs\' list loops walk every attachment exactly once over a socket', async (t) => {
  const { base } = await listen(t);
  const options = { integrated_account_id: GH, limit: 7, truto_exclude_fields: ['remote_data', 'job'] };
  const viaTs = await tsSdkList(base, 'attachments', options);
  const viaPython = await pythonSdkList(base, 'attachments', options);
  const all = (await (
    await fetch(`${base}/unified/ats/attachments?integrated_account_id=${GH}&truto_ignore_limit=true&truto_exclude_fields=remote_data,job`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    })
  ).json()) as { result: Attachment[] };
  t.ok(all.result.length > 40, `a real amount of attachments (${all.result.length})`);
  t.strictSame(viaTs, all.result, 'TypeScript SDK loop: every record, once, in order');
  t.strictSame(viaPython, all.result, 'Python SDK loop: every record, once, in order');
  t.equal(new Set(viaTs.map((a) => a.id)).size, viaTs.length, 'no duplicates');
  t.notOk(viaTs.some((a) => 'remote_data' in a || 'job' in a), 'exclusions applied on every page');
});

t.test('both SDKs\' list loops, on an account of every integration, with its required filters', async (t) => {
  const { app, base } = await listen(t);
  for (const account of app.mock.accounts.list()) {
    const { integration } = account;
    const ids = probe(app, account.row.id);
    for (const resource of ['candidates', 'attachments'] as const) {
      if (!integration.resources[resource]!.methods.includes('list')) continue;
      const filters = filterParams(integration.resources[resource]!.filters.required.list, ids);
      const options = { integrated_account_id: account.row.id, ...filters, limit: 4, truto_exclude_fields: ['remote_data'] };
      const all = (await (
        await fetch(`${base}/unified/ats/${resource}?${qs.stringify({ ...options, limit: undefined, truto_ignore_limit: true })}`, {
          headers: { Authorization: `Bearer ${TOKEN}` },
        })
      ).json()) as { result: unknown[] };
      const what = `${integration.name} ${resource}`;
      t.ok(all.result.length > 0, `${what}: ${all.result.length} records`);
      t.strictSame(await tsSdkList(base, resource, options), all.result, `${what}: TypeScript SDK loop walks every record once`);
      t.strictSame(await pythonSdkList(base, resource, options), all.result, `${what}: Python SDK loop walks every record once`);
    }
  }
});

t.test('a file_url fetched over the socket, as a browser link or curl would', async (t) => {
  const { base } = await listen(t);
  const headers = { Authorization: `Bearer ${TOKEN}` };
  const candidate = (await (await fetch(`${base}/unified/ats/candidates/${ADA}?integrated_account_id=${GH}`, { headers })).json()) as { attachments: Attachment[] };
  assertSchema(t, CandidateSchema, candidate);
  for (const a of candidate.attachments) {
    t.ok(a.file_url!.startsWith(`${base}/files/`), `${a.file_url} is on the address the client used`);
    const res = await fetch(a.file_url!);
    t.equal(res.status, 200);
    const bytes = Buffer.from(await res.arrayBuffer());
    const pdf = a.file_name!.endsWith('.pdf');
    t.equal(res.headers.get('content-type'), pdf ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    t.equal(bytes.subarray(0, 4).toString('latin1'), pdf ? '%PDF' : 'PK\x03\x04');
  }
});

t.test('stream format arrives chunked, one record a line', async (t) => {
  const { base } = await listen(t);
  const res = await fetch(`${base}/unified/ats/candidates?integrated_account_id=${GH}&truto_response_format=stream`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
  });
  t.equal(res.status, 200);
  t.equal(res.headers.get('content-type'), 'text/plain; charset=utf-8');
  t.equal(res.headers.get('transfer-encoding'), 'chunked');
  const lines = (await res.text()).trimEnd().split('\n');
  t.equal(lines.length, 60);
  for (const line of lines) assertSchema(t, CandidateSchema, JSON.parse(line), 'streamed candidate');
});

t.test('a base URL set with a trailing slash still works (the Python SDK joins base_url + "/" + path)', async (t) => {
  const { base } = await listen(t);
  const headers = { Authorization: `Bearer ${TOKEN}` };
  const res = await fetch(`${base}//unified/ats/candidates/${ADA}?integrated_account_id=${GH}`, { headers });
  t.equal(res.status, 200);
  assertSchema(t, CandidateSchema, await res.json());
});
