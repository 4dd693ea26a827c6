import { zipSync } from 'fflate';

export type DocumentKind = 'pdf' | 'docx' | 'txt';

export interface DocumentContent {
  title: string;
  lines: string[];
}

export interface RenderedDocument {
  bytes: Buffer;
  contentType: string;
}

export const CONTENT_TYPES: Record<DocumentKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain; charset=utf-8',
};

const PRODUCER = 'truto-ats-mock';

export function documentKindOf(fileName: string): DocumentKind {
  const name = fileName.toLowerCase();
  if (name.endsWith('.pdf')) return 'pdf';
  if (name.endsWith('.docx')) return 'docx';
  return 'txt';
}

export function renderDocument(kind: DocumentKind, content: DocumentContent): RenderedDocument {
  const bytes = kind === 'pdf' ? renderPdf(content) : kind === 'docx' ? renderDocx(content) : renderTxt(content);
  return { bytes, contentType: CONTENT_TYPES[kind] };
}

// Embedded newlines become separate paragraphs in pdf/docx; the title is always one line.
const splitLines = (lines: string[]): string[] => lines.flatMap((l) => l.split(/\r\n|\r|\n/));
const oneLine = (s: string): string => s.replace(/\s*[\r\n]+\s*/g, ' ');

// ---------------------------------------------------------------- txt

function renderTxt({ title, lines }: DocumentContent): Buffer {
  return Buffer.from(`${title}\n\n${lines.join('\n')}\n`, 'utf8');
}

// ---------------------------------------------------------------- pdf

const PAGE_W = 612;
const PAGE_H = 792;
const MARGIN = 72;
const TITLE = { font: 'F2', size: 18, leading: 22, wrap: 44 };
const BODY = { font: 'F1', size: 10, leading: 14, wrap: 90 };
const TITLE_GAP = 10;

// WinAnsiEncoding (cp1252) bytes 0x80-0x9F; NUL marks codes the encoding leaves undefined.
const CP1252_HIGH =
  '\u20AC\0\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\0\u017D\0' +
  '\0\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\0\u017E\u0178';
const WIN_ANSI = new Map<string, string>();
for (let i = 0; i < 32; i++) {
  const ch = CP1252_HIGH[i];
  if (ch && ch !== '\0') WIN_ANSI.set(ch, String.fromCharCode(0x80 + i));
}

function winAnsiChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code === 0x09) return ' ';
  if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff)) return ch;
  return WIN_ANSI.get(ch) ?? '?';
}

/** Maps text to a latin1 string of WinAnsi bytes; accented letters outside it lose their accents. */
function toWinAnsi(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  let out = '';
  for (const ch of text) {
    let mapped = winAnsiChar(ch);
    if (mapped === '?' && ch !== '?') {
      const base = ch.normalize('NFD');
      if (base.length > 1 && /^[\u0300-\u036f]+$/.test(base.slice(1))) mapped = winAnsiChar(base[0] ?? '?');
    }
    out += mapped;
  }
  return out;
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let rest = text.trimEnd();
  while (rest.length > width) {
    let cut = rest.lastIndexOf(' ', width);
    if (cut <= 0) cut = width;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  out.push(rest);
  return out;
}

const pdfString = (s: string): string => `(${s.replace(/[()\\]/g, '\\$&')})`;

// Info strings are "text strings": UTF-16BE with BOM keeps the full Unicode title in metadata.
function pdfTextString(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

function pageContent({ title, lines }: DocumentContent): string {
  const ops: string[] = [];
  let y = PAGE_H - MARGIN;
  const emit = (style: typeof BODY, text: string): boolean => {
    for (const line of wrap(toWinAnsi(text), style.wrap)) {
      y -= style.leading;
      if (y < MARGIN) return false;
      if (line) ops.push(`BT /${style.font} ${style.size} Tf ${MARGIN} ${y} Td ${pdfString(line)} Tj ET`);
    }
    return true;
  };
  emit(TITLE, oneLine(title));
  y -= TITLE_GAP;
  for (const line of splitLines(lines)) if (!emit(BODY, line)) break;
  return ops.join('\n');
}

function renderPdf(content: DocumentContent): Buffer {
  const stream = pageContent(content);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] ` +
      '/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    `<< /Producer ${pdfString(PRODUCER)} /Title ${pdfTextString(oneLine(content.title))} >>`,
  ];
  // Everything is built as a latin1 string, so string offsets are byte offsets.
  let out = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  objects.forEach((body, i) => {
    xref += `${String(out.length).padStart(10, '0')} 00000 n \n`;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const startxref = out.length;
  out += `${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\n`;
  out += `startxref\n${startxref}\n%%EOF`;
  return Buffer.from(out, 'latin1');
}

// ---------------------------------------------------------------- docx

// fflate writes DOS timestamps from local-time fields, so a local-time Date keeps the
// bytes identical in every TZ (noon avoids any midnight DST transition).
const ZIP_MTIME = new Date(2024, 0, 1, 12, 0, 0);

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// Control characters (and U+FFFE/U+FFFF) are not allowed in XML 1.0 at all, escaped or not.
const xml = (s: string): string =>
  s.replace(/[\u0000-\u001F\uFFFE\uFFFF]/g, ' ').replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const CONTENT_TYPES_XML =
  XML_DECL +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
  '</Types>';

const RELS_XML =
  XML_DECL +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
  '</Relationships>';

const APP_XML =
  XML_DECL +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
  `<Application>${PRODUCER}</Application></Properties>`;

const coreXml = (title: string): string =>
  XML_DECL +
  '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/">' +
  `<dc:title>${xml(title)}</dc:title><dc:creator>${PRODUCER}</dc:creator></cp:coreProperties>`;

const paragraph = (text: string, runProps: string, paraProps = ''): string =>
  text === ''
    ? `<w:p>${paraProps}</w:p>`
    : `<w:p>${paraProps}<w:r><w:rPr>${runProps}</w:rPr><w:t xml:space="preserve">${xml(text)}</w:t></w:r></w:p>`;

function documentXml({ title, lines }: DocumentContent): string {
  const body = [
    paragraph(oneLine(title), '<w:b/><w:sz w:val="32"/>', '<w:pPr><w:spacing w:after="240"/></w:pPr>'),
    ...splitLines(lines).map((line) => paragraph(line, '<w:sz w:val="22"/>')),
  ];
  return (
    XML_DECL +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    body.join('') +
    // US Letter with 1" margins, in twentieths of a point.
    '<w:sectPr><w:pgSz w:w="12240" w:h="15840"/>' +
    '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/>' +
    '</w:sectPr></w:body></w:document>'
  );
}

const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');
// fflate's deflate has a ~100 µs fixed cost per entry, so only the one part that can be large
// is compressed; stored entries are equally valid OOXML.
const STORED = { level: 0 } as const;
const CONTENT_TYPES_BYTES = utf8(CONTENT_TYPES_XML);
const RELS_BYTES = utf8(RELS_XML);
const APP_BYTES = utf8(APP_XML);

function renderDocx(content: DocumentContent): Buffer {
  const zip = zipSync(
    {
      '[Content_Types].xml': [CONTENT_TYPES_BYTES, STORED],
      '_rels/.rels': [RELS_BYTES, STORED],
      'word/document.xml': utf8(documentXml(content)),
      'docProps/core.xml': [utf8(coreXml(oneLine(content.title))), STORED],
      'docProps/app.xml': [APP_BYTES, STORED],
    },
    { level: 6, mtime: ZIP_MTIME },
  );
  return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
}
