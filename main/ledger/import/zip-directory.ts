import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

/**
 * Just enough of the ZIP format to check an .xlsx before streaming it: the central directory
 * (so a truncated or damaged archive is refused at once with a clear message, instead of
 * failing half-way), the small parts naming the sheets, and the first bytes of each sheet
 * (where Excel writes the sheet's dimension, our row total for progress).
 */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Where the compressed bytes start, after the local header; known once the header is checked. */
  dataOffset: number;
}

export class ZipFormatError extends Error {}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_COMMENT = 0xffff;

export async function readZipDirectory(handle: FileHandle, size: number): Promise<ZipEntry[]> {
  const tailLength = Math.min(size, 22 + MAX_COMMENT);
  const tail = await readAt(handle, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('the end of the ZIP archive is missing');
  let count = tail.readUInt16LE(eocd + 10);
  let directorySize = tail.readUInt32LE(eocd + 12);
  let directoryOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    ({ count, directorySize, directoryOffset } = await readZip64End(handle, size, size - tailLength + eocd));
  }
  if (count === 0) throw new ZipFormatError('the ZIP archive is empty');
  if (directoryOffset + directorySize > size) throw new ZipFormatError('the ZIP directory points past the end of the file');
  const directory = await readAt(handle, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new ZipFormatError('the ZIP directory is damaged');
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      crc32: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
      dataOffset: 0,
    };
    applyZip64Extra(entry, directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    if (entry.localHeaderOffset + 30 + entry.compressedSize > size) throw new ZipFormatError(`${entry.name} is cut off`);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  for (const entry of entries) {
    const local = await readAt(handle, entry.localHeaderOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new ZipFormatError(`the header of ${entry.name} is damaged`);
    entry.dataOffset = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    if (entry.dataOffset + entry.compressedSize > size) throw new ZipFormatError(`${entry.name} is cut off`);
  }
  return entries;
}

/** The whole content of a small entry (workbook.xml, its relationships). */
export async function readZipEntry(handle: FileHandle, entry: ZipEntry, maxBytes = 16 * 1024 * 1024): Promise<Buffer> {
  if (entry.uncompressedSize > maxBytes) throw new ZipFormatError(`${entry.name} is unexpectedly large`);
  const data = await compressedData(handle, entry, entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ZipFormatError(`${entry.name} uses an unknown compression`);
  let content: Buffer;
  try {
    content = zlib.inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch {
    throw new ZipFormatError(`${entry.name} cannot be decompressed`);
  }
  if (zlib.crc32(content) !== entry.crc32 >>> 0) throw new ZipFormatError(`${entry.name} is damaged (checksum mismatch)`);
  return content;
}

/**
 * Decompresses an entry without keeping it and checks its size and CRC-32 against the
 * directory. ExcelJS must only ever see parts that decompress cleanly: when inflating fails
 * half-way, its stream reader waits forever for an end that never comes.
 */
export async function verifyZipEntry(file: string, entry: ZipEntry): Promise<void> {
  if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError(`${entry.name} uses an unknown compression`);
  if (entry.compressedSize === 0) {
    if (entry.uncompressedSize !== 0) throw new ZipFormatError(`${entry.name} is cut off`);
    return;
  }
  let crc = 0;
  let size = 0;
  const source = fs.createReadStream(file, { start: entry.dataOffset, end: entry.dataOffset + entry.compressedSize - 1, highWaterMark: 256 * 1024 });
  const check = new Writable({
    write(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      crc = zlib.crc32(chunk, crc);
      done(size > entry.uncompressedSize ? new ZipFormatError(`${entry.name} is larger than its directory says`) : null);
    },
  });
  try {
    if (entry.method === 0) await pipeline(source, check);
    else await pipeline(source, zlib.createInflateRaw(), check);
  } catch (err) {
    throw err instanceof ZipFormatError ? err : new ZipFormatError(`${entry.name} cannot be decompressed`);
  }
  if (size !== entry.uncompressedSize || crc !== entry.crc32 >>> 0) throw new ZipFormatError(`${entry.name} is damaged (checksum mismatch)`);
}

/** The first bytes of an entry, however long it is; '' when they cannot be decompressed. */
export async function peekZipEntry(handle: FileHandle, entry: ZipEntry, compressedBytes = 16 * 1024): Promise<string> {
  const data = await compressedData(handle, entry, Math.min(entry.compressedSize, compressedBytes));
  if (entry.method === 0) return data.toString('utf8');
  try {
    // Z_SYNC_FLUSH lets zlib return what it has from a deliberately truncated stream.
    return zlib.inflateRawSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: 1024 * 1024 }).toString('utf8');
  } catch {
    return '';
  }
}

async function compressedData(handle: FileHandle, entry: ZipEntry, length: number): Promise<Buffer> {
  const data = await readAt(handle, entry.dataOffset, length);
  if (data.length < length) throw new ZipFormatError(`${entry.name} is cut off`);
  return data;
}

async function readZip64End(handle: FileHandle, size: number, eocdOffset: number) {
  const locator = await readAt(handle, eocdOffset - 20, 20);
  if (locator.length < 20 || locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIGNATURE) throw new ZipFormatError('the ZIP64 directory is missing');
  const endOffset = Number(locator.readBigUInt64LE(8));
  if (endOffset + 56 > size) throw new ZipFormatError('the ZIP64 directory points past the end of the file');
  const end = await readAt(handle, endOffset, 56);
  if (end.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) throw new ZipFormatError('the ZIP64 directory is damaged');
  return {
    count: Number(end.readBigUInt64LE(32)),
    directorySize: Number(end.readBigUInt64LE(40)),
    directoryOffset: Number(end.readBigUInt64LE(48)),
  };
}

/** ZIP64 keeps the real sizes and offset in an extra field when the 32-bit ones overflow. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let p = at + 4;
      const next = () => {
        const value = p + 8 <= at + 4 + length && p + 8 <= extra.length ? Number(extra.readBigUInt64LE(p)) : null;
        p += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next() ?? entry.uncompressedSize;
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next() ?? entry.compressedSize;
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next() ?? entry.localHeaderOffset;
    }
    at += 4 + length;
  }
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  if (position < 0 || length <= 0) return Buffer.alloc(0);
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}
