import { unzipSync } from 'fflate';
import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { ListEnvelope } from '../src/model/list.js';
import { AttachmentSchema, type Attachment } from '../src/model/attachment.js';
import { TrutoErrorSchema } from '../src/model/error.js';
import { ADA, AUTH, GH, JSON_CT, assertSchema, testApp } from './helpers.js';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function adaFiles(app: FastifyInstance, headers: Record<string, string> = {}): Promise<Attachment[]> {
  const res = await app.inject({
    url: `/unified/ats/attachments?integrated_account_id=${GH}&candidate_id=${ADA}`,
    headers: { ...AUTH, ...headers },
  });
  const body = res.json();
  assertSchema(t, ListEnvelope(AttachmentSchema), body);
  return body.result;
}

/** The path and query of a file_url, for inject (the host part is the client's). */
const local = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');

t.test('every file_url serves a real file of its type, without Authorization', async (t) => {
  const app = await testApp(t);
  const files = await adaFiles(app);
  t.equal(files.length, 6);
  for (const f of files) {
    const res = await app.inject({ url: local(f.file_url!) });
    t.equal(res.statusCode, 200, f.file_name!);
    const pdf = f.file_name!.endsWith('.pdf');
    t.equal(res.headers['content-type'], pdf ? PDF : DOCX);
    t.equal(res.headers['content-disposition'], `attachment; filename="${f.file_name}"; filename*=UTF-8''${f.file_name}`);
    t.equal(Number(res.headers['content-length']), res.rawPayload.length);
    if (pdf) {
      t.equal(res.rawPayload.subarray(0, 8).toString('latin1'), '%PDF-1.4');
      t.match(res.rawPayload.toString('latin1'), /Ada Lovelace/);
    } else {
      const zip = unzipSync(new Uint8Array(res.rawPayload));
      const xml = new TextDecoder().decode(zip['word/document.xml']);
      t.match(xml, /Ada Lovelace/, 'the document is about its candidate');
    }
    const again = await app.inject({ url: local(f.file_url!) });
    t.ok(again.rawPayload.equals(res.rawPayload), 'byte-identical on every download');
  }
  const resume = files.find((f) => f.attachment_type === 'resume')!;
  const res = await app.inject({ url: local(resume.file_url!) });
  const text = res.headers['content-type'] === PDF ? res.rawPayload.toString('latin1') : new TextDecoder().decode(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml']);
  t.match(text, /ada\.lovelace@example\.com/, 'the resume carries the candidate\'s email');
});

t.test('file_url is built from the host the client used, and from X-Forwarded-*', async (t) => {
  const app = await testApp(t);
  const [viaCompose] = await adaFiles(app, { host: 'truto-mock:4010' });
  t.match(viaCompose!.file_url, /^http:\/\/truto-mock:4010\/files\//);
  const [viaProxy] = await adaFiles(app, { host: 'internal:4010', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'mock.example.test' });
  t.match(viaProxy!.file_url, /^https:\/\/mock\.example\.test\/files\//);
  t.equal(local(viaCompose!.file_url!), local(viaProxy!.file_url!), 'the signature does not cover the host');
  const [hostile] = await adaFiles(app, { host: 'evil.test/<script>' });
  t.match(hostile!.file_url, /^http:\/\/localhost\/files\//, 'a host that is not a host name is not echoed');
});

t.test('publicUrl overrides the host', async (t) => {
  const app = await testApp(t, { publicUrl: 'https://files.mock.test:8443' });
  const [f] = await adaFiles(app, { host: 'ignored:1' });
  t.match(f!.file_url, /^https:\/\/files\.mock\.test:8443\/files\//);
});

t.test('an altered file_url is refused with 403 in Truto\'s error shape', async (t) => {
  const app = await testApp(t);
  const [f] = await adaFiles(app);
  const url = local(f!.file_url!);
  const mismatch = { statusCode: 403, error: 'Forbidden', message: 'This file URL is not valid: the signature does not match' };
  const cases: [string, string, object][] = [
    ['another signature', url.replace(/signature=./, (m) => (m.endsWith('A') ? `${m.slice(0, -1)}B` : `${m.slice(0, -1)}A`)), mismatch],
    ['another attachment', url.replace('/9200001003/', '/9200002003/'), mismatch],
    ['another file name', url.replace('Resume', 'Resume2'), mismatch],
    ['another account', url.replace(GH, '00000000-0000-0000-0000-000000000000'), mismatch],
    ['an expiry added', url.replace('?', '?expires=99999999999&'), mismatch],
    ['no signature', url.split('?')[0]!, { statusCode: 403, error: 'Forbidden', message: 'This file URL is not valid: the signature parameter is missing' }],
  ];
  for (const [what, bad, body] of cases) {
    const res = await app.inject({ url: bad });
    t.equal(res.statusCode, 403, what);
    t.equal(res.headers['content-type'], JSON_CT);
    assertSchema(t, TrutoErrorSchema, res.json());
    t.strictSame(res.json(), body, what);
  }
});

t.test('the same link under another percent-encoding still works', async (t) => {
  const app = await testApp(t);
  const [f] = await adaFiles(app);
  const url = local(f!.file_url!).replace('Ada_Lovelace', '%41da_Lovelace');
  t.equal((await app.inject({ url })).statusCode, 200);
});

t.test('a well-signed link to a file that does not exist is a 404, not a crash', async (t) => {
  const { FileLinks } = await import('../src/files/links.js');
  const app = await testApp(t, { signingKey: 'a-key-for-this-test' });
  const links = new FileLinks('a-key-for-this-test');
  const cases: [string, string, object][] = [
    ['unknown attachment', links.url('', GH, '123', 'x.pdf'), { statusCode: 404, error: 'Not Found', message: 'Attachment "123" not found' }],
    ['another file name', links.url('', GH, '9200001003', 'Other.pdf'), { statusCode: 404, error: 'Not Found', message: 'Attachment "9200001003" has no file "Other.pdf"' }],
    ['unknown account', links.url('', 'nope', '9200001003', 'x.pdf'), { statusCode: 404, error: 'Not Found', message: 'Integrated account "nope" not found' }],
    ['expired', links.url('', GH, '9200001003', 'x.pdf', 1_000_000_000), { statusCode: 403, error: 'Forbidden', message: 'This file URL has expired: list the attachments again for a fresh one' }],
  ];
  for (const [what, url, body] of cases) {
    const res = await app.inject({ url });
    t.equal(res.headers['content-type'], JSON_CT, what);
    assertSchema(t, TrutoErrorSchema, res.json());
    t.strictSame(res.json(), body, what);
  }
});
