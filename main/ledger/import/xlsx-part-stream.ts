import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { XlsxLayout } from './xlsx-layout.js';
import { verifyZipEntry, type ZipEntry } from './zip-directory.js';

/**
 * The .xlsx that ExcelJS's stream reader is given: not the file itself but a ZIP stream built
 * from it, holding only what the reader needs, in the order it needs it.
 *
 * - A workbook and its relationships written afresh from the layout we read (names, order,
 *   hidden, the 1904 date system), with sheets at the part names ExcelJS expects
 *   (`xl/worksheets/sheet<n>.xml`): whatever the original generator called them, ExcelJS
 *   finds every sheet and names it right.
 * - Shared strings and styles before any sheet. In the order Excel writes them (sheets first),
 *   ExcelJS copies every sheet to a temporary file, parses dates before it knows the styles,
 *   and leaves those files behind when an import is cancelled.
 * - Only the sheets wanted, each verified (verifyZipEntry) before ExcelJS sees a byte of it,
 *   with its local header rewritten from the central directory, so no entry is found by
 *   scanning for its end.
 *
 * A damaged part makes the stream fail with a ZipFormatError, which the reader must watch for:
 * `pipe` does not pass errors on.
 */
export function xlsxPartStream(file: string, entries: readonly ZipEntry[], layout: XlsxLayout, wanted: readonly number[], onBytes: (bytes: number) => void): Readable {
  const byName = new Map(entries.map((e) => [e.name, e]));
  return Readable.from(
    (async function* () {
      yield* storedPart('xl/_rels/workbook.xml.rels', relationshipsXml(layout));
      yield* storedPart('xl/workbook.xml', workbookXml(layout));
      const sharedStrings = byName.get('xl/sharedStrings.xml');
      // ExcelJS streams sheets only once it has a shared-string table, even an empty one.
      if (sharedStrings) yield* originalPart(file, sharedStrings, sharedStrings.name, onBytes);
      else yield* storedPart('xl/sharedStrings.xml', Buffer.from(`${XML_DECLARATION}<sst xmlns="${MAIN_NS}" count="0" uniqueCount="0"/>`));
      const styles = byName.get('xl/styles.xml');
      if (styles) yield* originalPart(file, styles, styles.name, onBytes);
      for (const index of wanted) {
        const sheet = layout.sheets[index];
        const entry = sheet && byName.get(sheet.path);
        if (entry) yield* originalPart(file, entry, `xl/worksheets/sheet${index + 1}.xml`, onBytes);
      }
    })(),
    { objectMode: false },
  );
}

/** The compressed bytes a stream of these sheets carries, for progress. */
export function partBytes(entries: readonly ZipEntry[], layout: XlsxLayout, wanted: readonly number[]): number {
  const names = new Set<string>(['xl/sharedStrings.xml', 'xl/styles.xml', ...wanted.map((i) => layout.sheets[i]?.path ?? '')]);
  return entries.filter((e) => names.has(e.name)).reduce((sum, e) => sum + e.compressedSize, 0);
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function workbookXml(layout: XlsxLayout): Buffer {
  const sheets = layout.sheets
    .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`)
    .join('');
  return Buffer.from(`${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr${layout.date1904 ? ' date1904="1"' : ''}/><sheets>${sheets}</sheets></workbook>`);
}

function relationshipsXml(layout: XlsxLayout): Buffer {
  const relationships = layout.sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('');
  return Buffer.from(`${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships}</Relationships>`);
}

async function* originalPart(file: string, entry: ZipEntry, name: string, onBytes: (bytes: number) => void): AsyncGenerator<Buffer> {
  await verifyZipEntry(file, entry);
  yield localHeader({ ...entry, name });
  if (entry.compressedSize === 0) return;
  for await (const chunk of fs.createReadStream(file, { start: entry.dataOffset, end: entry.dataOffset + entry.compressedSize - 1, highWaterMark: 256 * 1024 })) {
    onBytes((chunk as Buffer).length);
    yield chunk as Buffer;
  }
}

function* storedPart(name: string, content: Buffer): Generator<Buffer> {
  yield localHeader({ name, method: 0, flags: 0, crc32: 0, compressedSize: content.length, uncompressedSize: content.length });
  yield content;
}

function localHeader(entry: Pick<ZipEntry, 'name' | 'method' | 'flags' | 'crc32' | 'compressedSize' | 'uncompressedSize'>): Buffer {
  const name = Buffer.from(entry.name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  // Bit 3 says "sizes follow the data"; here they are in the header and nothing follows.
  header.writeUInt16LE(entry.flags & ~0x08, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt32LE(0x00210000, 10);
  header.writeUInt32LE(entry.crc32 >>> 0, 14);
  header.writeUInt32LE(Math.min(entry.compressedSize, 0xfffffffe), 18);
  header.writeUInt32LE(Math.min(entry.uncompressedSize, 0xfffffffe), 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, name]);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
