import t from 'tap';
import { unzipSync, strFromU8 } from 'fflate';
import { documentKindOf, renderDocument, type DocumentContent } from '../src/files/documents.js';

const content: DocumentContent = {
  title: 'Ada Lovelace — Resume',
  lines: [
    'Analytical Engine programmer (1842–1843) with a C:\\path and a) paren',
    '',
    'Worked with Zoë O\'Brien & Sons <x> on "notes" — ½ of 100% € naïve Łódź 日本 🎉',
    'word '.repeat(60).trim(),
  ],
};

/** Unescapes the literal strings shown by each Tj operator in the (uncompressed) content stream. */
function shownStrings(pdf: string): { y: number; text: string }[] {
  const ops = [...pdf.matchAll(/(\d+) (-?\d+) Td \(((?:\\.|[^\\)])*)\) Tj/g)];
  return ops.map((m) => ({ y: Number(m[2]), text: (m[3] ?? '').replace(/\\(.)/g, '$1') }));
}

t.test('documentKindOf', async (t) => {
  t.equal(documentKindOf('resume.pdf'), 'pdf');
  t.equal(documentKindOf('RESUME.PDF'), 'pdf');
  t.equal(documentKindOf('cover letter.Docx'), 'docx');
  t.equal(documentKindOf('notes.txt'), 'txt');
  t.equal(documentKindOf('portfolio.doc'), 'txt');
  t.equal(documentKindOf('pdf'), 'txt');
  t.equal(documentKindOf('archive.pdf.zip'), 'txt');
  t.equal(documentKindOf(''), 'txt');
});

t.test('every kind renders deterministically with its content type', async (t) => {
  const types = {
    pdf: 'application/pdf',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    txt: 'text/plain; charset=utf-8',
  } as const;
  for (const kind of ['pdf', 'docx', 'txt'] as const) {
    const a = renderDocument(kind, content);
    const b = renderDocument(kind, structuredClone(content));
    t.ok(Buffer.isBuffer(a.bytes), `${kind} is a Buffer`);
    t.equal(a.contentType, types[kind]);
    t.ok(a.bytes.equals(b.bytes), `${kind} is byte-identical`);
    t.notOk(a.bytes.equals(renderDocument(kind, { ...content, title: 'Other' }).bytes), `${kind} depends on input`);
  }
});

t.test('txt', async (t) => {
  const { bytes } = renderDocument('txt', content);
  t.equal(bytes.toString('utf8'), `${content.title}\n\n${content.lines.join('\n')}\n`);
});

t.test('pdf structure', async (t) => {
  const { bytes } = renderDocument('pdf', content);
  const pdf = bytes.toString('latin1');
  t.ok(pdf.startsWith('%PDF-1.4\n'));
  t.ok(pdf.endsWith('%%EOF'));
  t.notMatch(pdf, /CreationDate|ModDate/);
  t.match(pdf, /\/Producer \(truto-ats-mock\)/);
  t.match(pdf, /\/BaseFont \/Helvetica /);

  const startxref = Number(/startxref\n(\d+)\n%%EOF$/.exec(pdf)?.[1]);
  t.ok(pdf.startsWith('xref\n', startxref), 'startxref points at xref');
  const header = /^xref\n0 (\d+)\n/.exec(pdf.slice(startxref));
  const size = Number(header?.[1]);
  t.ok(size > 1);
  const table = pdf.slice(startxref + (header?.[0].length ?? 0));
  t.equal(table.slice(0, 20), '0000000000 65535 f \n');
  for (let n = 1; n < size; n++) {
    const entry = table.slice(n * 20, n * 20 + 20);
    t.match(entry, /^\d{10} 00000 n \n$/, `xref entry ${n} is well-formed`);
    t.ok(pdf.startsWith(`${n} 0 obj\n`, Number(entry.slice(0, 10))), `xref entry ${n} points at object ${n}`);
  }
  t.match(table.slice(size * 20), new RegExp(`^trailer\\n<< /Size ${size} /Root 1 0 R /Info \\d+ 0 R >>\\n`));

  const stream = /<< \/Length (\d+) >>\nstream\n/.exec(pdf);
  const start = (stream?.index ?? 0) + (stream?.[0].length ?? 0);
  t.ok(pdf.startsWith('\nendstream\n', start + Number(stream?.[1])), 'stream /Length is exact');
});

t.test('pdf text: escaping, WinAnsi mapping, wrapping', async (t) => {
  const pdf = renderDocument('pdf', content).bytes.toString('latin1');
  const texts = shownStrings(pdf).map((s) => s.text);
  t.equal(texts[0], 'Ada Lovelace \x97 Resume', 'em dash maps to WinAnsi 0x97');
  t.ok(pdf.includes('(Analytical Engine programmer \\(1842\x961843\\) with a C:\\\\path and a\\) paren)'));
  t.equal(
    texts[2],
    'Worked with Zo\xEB O\'Brien & Sons <x> on "notes" \x97 \xBD of 100% \x80 na\xEFve ?\xF3dz ?? ?',
    'latin1 kept, accents stripped where needed, the rest becomes ?',
  );
  t.equal(texts.slice(3).join(' '), content.lines[3], 'long line wraps on word boundaries');
  t.ok(texts.slice(3).length > 1);
  for (const text of texts) t.ok(text.length <= 90, 'wrapped at 90 chars');
  t.notOk(/[^\x00-\xff]/.test(pdf), 'every char fits in one byte');
});

t.test('pdf stops before running off the page', async (t) => {
  const lines = Array.from({ length: 500 }, (_, i) => `Line ${i + 1}`);
  const pdf = renderDocument('pdf', { title: 'Long', lines }).bytes.toString('latin1');
  const shown = shownStrings(pdf);
  t.ok(shown.length > 30 && shown.length < 60, `one page worth of lines (${shown.length})`);
  for (const { y } of shown) t.ok(y >= 72 && y <= 720, 'inside the margins');
  t.equal(shown.at(-1)?.text, `Line ${shown.length - 1}`, 'lines appear in order');
  t.ok(pdf.endsWith('%%EOF'));
});

t.test('docx package', async (t) => {
  const { bytes } = renderDocument('docx', content);
  t.ok(bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')), 'zip local header signature');
  const files = unzipSync(bytes);
  t.same(Object.keys(files).slice(0, 3), ['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);

  const types = strFromU8(files['[Content_Types].xml'] ?? new Uint8Array());
  t.match(types, 'PartName="/word/document.xml"');
  t.match(strFromU8(files['_rels/.rels'] ?? new Uint8Array()), 'Target="word/document.xml"');

  const doc = strFromU8(files['word/document.xml'] ?? new Uint8Array());
  t.match(doc, '<w:t xml:space="preserve">Ada Lovelace — Resume</w:t>');
  t.match(doc, 'Zoë O&apos;Brien &amp; Sons &lt;x&gt; on &quot;notes&quot;');
  t.match(doc, '日本 🎉');
  t.notMatch(doc, /<x>|"notes"|& Sons/, 'no raw special characters');
  t.equal(doc.match(/<w:p>/g)?.length, 1 + content.lines.length, 'one paragraph per line plus the title');
  t.match(strFromU8(files['docProps/core.xml'] ?? new Uint8Array()), '<dc:title>Ada Lovelace — Resume</dc:title>');

  // DOS date/time of the first entry: 2024-01-01 12:00:00, whatever the local TZ.
  t.equal(bytes.readUInt16LE(10), (12 << 11) | 0);
  t.equal(bytes.readUInt16LE(12), ((2024 - 1980) << 9) | (1 << 5) | 1);
});

t.test('docx drops characters XML cannot carry', async (t) => {
  const { bytes } = renderDocument('docx', { title: 'Bad\u0001Title', lines: ['tab\there', 'two\nlines'] });
  const doc = strFromU8(unzipSync(bytes)['word/document.xml'] ?? new Uint8Array());
  t.notOk(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(doc));
  t.match(doc, '>Bad Title<');
  t.match(doc, '>two</w:t>');
  t.match(doc, '>lines</w:t>');
});
