import fs from 'node:fs';
import { Readable } from 'node:stream';
import { verifyZipEntry, type ZipEntry } from './zip-directory.js';

/**
 * The parts of an .xlsx that ExcelJS's stream reader needs, as a ZIP stream in the order it
 * needs them: relationships, workbook, shared strings and styles first, then only the sheets
 * wanted. In the order Excel itself writes them (sheets before shared strings), ExcelJS would
 * copy every sheet to a temporary file first, parse dates before it knows the styles, and
 * leave those files behind when an import is cancelled. Each local header is rewritten with
 * the sizes from the central directory, so no entry is found by scanning for its end; and each
 * part is verified (see verifyZipEntry) before ExcelJS sees a byte of it. A damaged part makes
 * the stream fail with a ZipFormatError, which the reader must watch for: `pipe` does not
 * pass errors on.
 */
export const LEADING_PARTS = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'] as const;

/** ExcelJS streams sheets only once it has a shared-string table, even an empty one. */
const EMPTY_SHARED_STRINGS = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>');

export function xlsxPartStream(file: string, entries: readonly ZipEntry[], sheetPaths: readonly string[], onBytes: (bytes: number) => void): Readable {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const parts = [...LEADING_PARTS, ...sheetPaths];
  return Readable.from(
    (async function* () {
      for (const name of parts) {
        const entry = byName.get(name);
        if (!entry) {
          if (name === 'xl/sharedStrings.xml') yield* storedPart(name, EMPTY_SHARED_STRINGS);
          continue;
        }
        await verifyZipEntry(file, entry);
        yield localHeader(entry);
        if (entry.compressedSize === 0) continue;
        for await (const chunk of fs.createReadStream(file, { start: entry.dataOffset, end: entry.dataOffset + entry.compressedSize - 1, highWaterMark: 256 * 1024 })) {
          onBytes((chunk as Buffer).length);
          yield chunk as Buffer;
        }
      }
    })(),
    { objectMode: false },
  );
}

/** The compressed size of the parts a stream of these sheets carries, for progress. */
export function partBytes(entries: readonly ZipEntry[], sheetPaths: readonly string[]): number {
  const names = new Set<string>([...LEADING_PARTS, ...sheetPaths]);
  return entries.filter((e) => names.has(e.name)).reduce((sum, e) => sum + e.compressedSize, 0);
}

function localHeader(entry: ZipEntry): Buffer {
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

function* storedPart(name: string, content: Buffer): Generator<Buffer> {
  yield localHeader({ name, method: 0, flags: 0, crc32: 0, compressedSize: content.length, uncompressedSize: content.length, localHeaderOffset: 0, dataOffset: 0 });
  yield content;
}
