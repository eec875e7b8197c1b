import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import { ImportFileError } from './errors.js';

/**
 * Which encoding a CSV export is in. Indonesian Excel saves "CSV (Comma delimited)" in
 * Windows-1252 and "CSV UTF-8" with a byte-order mark; SIMPADA's own exports are usually UTF-8
 * without one; "Unicode Text" is UTF-16. Without a mark we decide by whether every byte of the
 * file is valid UTF-8: Windows-1252 text with an é in it never is.
 */
export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface TextFormat {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bom: number;
}

/** Above this share of control bytes a "CSV" is binary data, not text. */
const MAX_CONTROL_SHARE = 0.01;

export async function detectTextFormat(file: string, fileName: string, signal?: AbortSignal): Promise<TextFormat> {
  const head = await readHead(file, 4096);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    await scanBytes(file, fileName, 'utf-8', signal);
    return { encoding: 'utf-8', bom: 3 };
  }
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const utf16 = utf16WithoutBom(head);
  if (utf16) return { encoding: utf16, bom: 0 };
  const valid = await scanBytes(file, fileName, 'unknown', signal);
  return { encoding: valid ? 'utf-8' : 'windows-1252', bom: 0 };
}

/** UTF-16 text of Latin letters has a zero in every other byte. */
function utf16WithoutBom(head: Buffer): TextEncoding | null {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * One pass over the file: refuses binary data (a NUL byte, or more than 1 % control bytes,
 * counting the five bytes Windows-1252 leaves undefined when the file is not UTF-8) naming the
 * line where it starts, and tells whether the whole file is valid UTF-8.
 */
async function scanBytes(file: string, fileName: string, encoding: 'utf-8' | 'unknown', signal?: AbortSignal): Promise<boolean> {
  let valid = true;
  let carry = Buffer.alloc(0);
  let total = 0;
  let controls = 0;
  let undefined1252 = 0;
  let lines = 1;
  let firstSuspectLine = 0;
  let firstUndefinedLine = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024, signal }) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] as number;
      if (b === 0x0a) lines++;
      else if (b === 0) throw new ImportFileError('BINARY_CONTENT', { file: fileName, row: lines });
      else if ((b < 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0c && b !== 0x1a) || b === 0x7f) {
        controls++;
        if (!firstSuspectLine) firstSuspectLine = lines;
      } else if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) {
        undefined1252++;
        if (!firstUndefinedLine) firstUndefinedLine = lines;
      }
    }
    total += chunk.length;
    if (valid) {
      const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const cut = incompleteTail(bytes);
      carry = Buffer.from(bytes.subarray(bytes.length - cut));
      valid = isUtf8(bytes.subarray(0, bytes.length - cut));
    }
  }
  if (carry.length) valid = false;
  const counted1252 = !valid && encoding !== 'utf-8';
  const suspects = controls + (counted1252 ? undefined1252 : 0);
  if (suspects > Math.max(2, total * MAX_CONTROL_SHARE)) {
    const lines1252 = counted1252 && firstUndefinedLine ? firstUndefinedLine : Infinity;
    throw new ImportFileError('BINARY_CONTENT', { file: fileName, row: Math.min(firstSuspectLine || Infinity, lines1252) });
  }
  return valid;
}

/** How many bytes at the end start a UTF-8 sequence the next chunk completes. */
function incompleteTail(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back] as number;
    if ((b & 0xc0) === 0x80) continue;
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}

async function readHead(file: string, length: number): Promise<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
