import fs from 'node:fs';
import path from 'node:path';
import { abortable, cancelledError } from './abort.js';
import { cellAddress, MAX_CELL_CHARS, trimTrailingEmpty, type SheetRow } from './cells.js';
import type { Delimiter } from './csv-delimiter.js';
import { ImportFileError } from './errors.js';
import { MAGIC_BYTES, sniffMagic } from './file-kind.js';
import { inspectOle } from './ole.js';
import { openCsv } from './read-csv.js';
import { readWithSheetJs } from './read-sheetjs.js';
import { wantedSheets, xlsxRows } from './read-xlsx.js';
import { partBytes } from './xlsx-part-stream.js';
import { libraryDetail, type FileKind, type SheetMeta, type SpreadsheetSource } from './source.js';
import type { TextEncoding } from './text-encoding.js';
import { classifyZip, readXlsxLayout } from './xlsx-layout.js';
import { readZipDirectory } from './zip-directory.js';

/**
 * One row stream for every format SIMPADA exports come in. The format is judged by content,
 * not by name; every failure is an ImportFileError naming the file.
 */
export interface OpenOptions {
  /** The name to show in messages, when `file` is a temporary copy of an upload. */
  fileName?: string;
  signal?: AbortSignal;
  /** CSV only: skip detection. */
  delimiter?: Delimiter;
  encoding?: TextEncoding;
}

export interface ReadOptions extends OpenOptions {
  /** Only these sheets, by name. */
  sheets?: readonly string[];
  onProgress?: (progress: ReadProgress) => void;
  /** Report progress every this many rows (default 1,000) and at the end of each sheet. */
  progressEvery?: number;
}

export interface ReadProgress {
  sheet: string;
  rowsRead: number;
  /** The sheet's last row number when the file states it up front; else null. */
  totalRows: number | null;
  /** CSV: bytes of the file consumed so far and in all. */
  bytesRead: number | null;
  totalBytes: number | null;
}

export interface Spreadsheet {
  fileName: string;
  kind: FileKind;
  sheets: SheetMeta[];
  /** CSV: the detected (or given) separator and encoding. */
  text?: { delimiter: string; encoding: string };
  rows(options?: RowStreamOptions): AsyncGenerator<SheetRow>;
}

export interface RowStreamOptions {
  sheets?: readonly string[];
  maxRowsPerSheet?: number;
  onProgress?: (progress: ReadProgress) => void;
  progressEvery?: number;
}

/** Formats that must be read whole are refused above this size. */
export const MAX_IN_MEMORY_BYTES = 100 * 1024 * 1024;

export async function* readRows(file: string, options: ReadOptions = {}): AsyncGenerator<SheetRow> {
  const spreadsheet = await openSpreadsheet(file, options);
  yield* spreadsheet.rows(options);
}

export async function openSpreadsheet(file: string, options: OpenOptions = {}): Promise<Spreadsheet> {
  const fileName = options.fileName ?? path.basename(file);
  let source: SpreadsheetSource;
  try {
    source = await openSource(file, fileName, options);
  } catch (err) {
    throw asImportError(err, fileName, options.signal);
  }
  return {
    fileName,
    kind: source.kind,
    sheets: source.sheets,
    ...(source.text ? { text: source.text } : {}),
    rows: (rowOptions = {}) => checkedRows(source, fileName, options.signal, rowOptions),
  };
}

async function openSource(file: string, fileName: string, options: OpenOptions): Promise<SpreadsheetSource> {
  const stat = await fs.promises.stat(file);
  if (stat.isDirectory()) throw new ImportFileError('FILE_UNREADABLE', { file: fileName, detail: 'it is a folder' });
  if (stat.size === 0) throw new ImportFileError('EMPTY_FILE', { file: fileName });
  const handle = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(MAGIC_BYTES, stat.size));
    await handle.read(head, 0, head.length, 0);
    const magic = sniffMagic(head);
    switch (magic.type) {
      case 'foreign':
        throw new ImportFileError('NOT_A_SPREADSHEET', { file: fileName, kind: magic.kind });
      case 'zip': {
        // A ZipFormatError from here on becomes CORRUPT_FILE with its message (asImportError).
        const entries = await readZipDirectory(handle, stat.size);
        const content = classifyZip(entries);
        if (content === 'other') throw new ImportFileError('NOT_A_WORKBOOK', { file: fileName });
        if (content === 'xlsx') {
          const layout = await readXlsxLayout(handle, entries);
          let read = 0;
          let total = 0;
          return {
            kind: 'xlsx',
            sheets: layout.sheets.map(({ name, hidden, totalRows }) => ({ name, hidden, totalRows })),
            bytes: () => ({ read, total }),
            rows: (readOptions) => {
              [read, total] = [0, partBytes(entries, layout, wantedSheets(layout, readOptions))];
              return xlsxRows(file, fileName, layout, entries, readOptions, (n) => (read += n));
            },
          };
        }
        return sheetJsSource(await readWhole(file, fileName, stat.size, content), fileName, content, false);
      }
      case 'ole': {
        const data = await readWhole(file, fileName, stat.size, 'xls');
        const content = inspectOle(data);
        if (content.type === 'encrypted') throw new ImportFileError('ENCRYPTED', { file: fileName });
        if (content.type === 'foreign') throw new ImportFileError('NOT_A_SPREADSHEET', { file: fileName, kind: content.kind });
        return sheetJsSource(data, fileName, 'xls', false);
      }
      case 'markup': {
        const data = await readWhole(file, fileName, stat.size, 'HTML');
        const text = new TextDecoder(isUtf8Text(data) ? 'utf-8' : 'windows-1252').decode(data);
        return sheetJsSource(text, fileName, 'html', true);
      }
      case 'text':
        return openCsv(file, fileName, stat.size, { delimiter: options.delimiter, encoding: options.encoding, signal: options.signal });
    }
  } finally {
    await handle.close();
  }
}

function sheetJsSource(data: Buffer | string, fileName: string, kind: FileKind, markup: boolean): SpreadsheetSource {
  const book = readWithSheetJs(data, fileName, markup);
  if (book.sheets.length === 0) throw new ImportFileError('NOT_A_SPREADSHEET', { file: fileName, kind: kind.toUpperCase() });
  return {
    kind,
    sheets: book.sheets,
    async *rows(options) {
      yield* book.rows(options);
    },
  };
}

async function readWhole(file: string, fileName: string, size: number, kind: string): Promise<Buffer> {
  if (size > MAX_IN_MEMORY_BYTES) throw new ImportFileError('FILE_TOO_LARGE', { file: fileName, megabytes: Math.round(size / 1048576), kind });
  return fs.promises.readFile(file);
}

function isUtf8Text(data: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

/**
 * Every reader's rows pass here: trailing empty cells dropped, Excel's cell limit enforced,
 * progress reported, cancellation honoured, and anything unexpected turned into an
 * ImportFileError.
 */
async function* checkedRows(source: SpreadsheetSource, fileName: string, signal: AbortSignal | undefined, options: RowStreamOptions): AsyncGenerator<SheetRow> {
  const known = new Set(source.sheets.map((s) => s.name));
  for (const sheet of options.sheets ?? []) {
    if (!known.has(sheet)) throw new ImportFileError('SHEET_NOT_FOUND', { file: fileName, sheet, sheets: [...known].join(', ') });
  }
  const every = Math.max(1, options.progressEvery ?? 1000);
  const totals = new Map(source.sheets.map((s) => [s.name, s.totalRows]));
  let current = '';
  let count = 0;
  const report = () => {
    if (!options.onProgress || !current) return;
    const bytes = source.bytes?.();
    options.onProgress({ sheet: current, rowsRead: count, totalRows: totals.get(current) ?? null, bytesRead: bytes?.read ?? null, totalBytes: bytes?.total ?? null });
  };
  const rows = source.rows({
    ...(options.sheets ? { sheets: new Set(options.sheets) } : {}),
    ...(options.maxRowsPerSheet !== undefined ? { maxRowsPerSheet: options.maxRowsPerSheet } : {}),
  });
  try {
    for await (const row of abortable(rows, signal, fileName)) {
      if (row.sheet !== current) {
        report();
        current = row.sheet;
        count = 0;
      }
      trimTrailingEmpty(row.cells);
      row.cells.forEach((cell, index) => {
        if (typeof cell === 'string' && cell.length > MAX_CELL_CHARS) {
          throw new ImportFileError('CELL_TOO_LARGE', { file: fileName, sheet: row.sheet, cell: cellAddress(index, row.rowNumber), length: cell.length, max: MAX_CELL_CHARS });
        }
      });
      count++;
      if (count % every === 0) report();
      yield row;
    }
    report();
  } catch (err) {
    throw asImportError(err, fileName, signal);
  }
}

export function asImportError(err: unknown, fileName: string, signal?: AbortSignal): ImportFileError {
  if (err instanceof ImportFileError) return err;
  if (signal?.aborted || (err instanceof Error && err.name === 'AbortError')) return cancelledError(fileName);
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new ImportFileError('FILE_NOT_FOUND', { file: fileName }, { cause: err });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EISDIR' || code === 'EBUSY') {
    return new ImportFileError('FILE_UNREADABLE', { file: fileName, detail: libraryDetail(err) }, { cause: err });
  }
  return new ImportFileError('CORRUPT_FILE', { file: fileName, detail: libraryDetail(err) }, { cause: err });
}
