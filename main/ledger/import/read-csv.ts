import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { cellAddress, type CellValue } from './cells.js';
import { sniffCsv, type Delimiter } from './csv-delimiter.js';
import { ImportFileError } from './errors.js';
import { libraryDetail, type SpreadsheetSource } from './source.js';
import { detectTextFormat, type TextEncoding } from './text-encoding.js';

/** A record longer than this is a runaway quote or a giant cell; refused before it fills memory. */
const MAX_RECORD_BYTES = 1024 * 1024;
const SAMPLE_BYTES = 64 * 1024;

export interface CsvOptions {
  delimiter?: Delimiter;
  encoding?: TextEncoding;
  signal?: AbortSignal;
}

/** A CSV or text export as a one-sheet source, the sheet named after the file as Excel does. */
export async function openCsv(file: string, fileName: string, size: number, options: CsvOptions): Promise<SpreadsheetSource> {
  const format = options.encoding ? { encoding: options.encoding, bom: 0 } : await detectTextFormat(file, fileName, options.signal);
  const sample = await readSample(file, format.bom, format.encoding);
  const shape = sniffCsv(sample);
  const delimiter = options.delimiter ?? shape.delimiter;
  const lineBreak = /\r\n/.test(sample) ? '\r\n' : /\r(?!\n)/.test(sample) && !sample.includes('\n') ? '\r' : '\n';
  const sheet = path.basename(fileName, path.extname(fileName)) || fileName;
  let bytesRead = 0;
  return {
    kind: 'csv',
    sheets: [{ name: sheet, hidden: false, totalRows: null }],
    text: { delimiter, encoding: format.encoding },
    bytes: () => ({ read: bytesRead, total: size }),
    async *rows(readOptions) {
      if (readOptions.sheets && !readOptions.sheets.has(sheet)) return;
      const decoder = new TextDecoder(format.encoding);
      const parser = parse({ delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: false, max_record_size: MAX_RECORD_BYTES });
      const source = fs.createReadStream(file, { start: format.bom, highWaterMark: 256 * 1024 });
      pipeline(
        source,
        async function* (chunks: AsyncIterable<Buffer>) {
          // csv-parse takes the first record's width as the norm and builds a costly error
          // object for every record of another width, relaxed or not; a one-cell title row
          // would make that every data row. A blank record of the table's width goes first.
          // It also learns the line break from that first record, so it must be the file's own.
          yield delimiter.repeat(shape.width - 1) + lineBreak;
          for await (const chunk of chunks) {
            bytesRead += chunk.length;
            const text = decoder.decode(chunk, { stream: true });
            if (text) yield text;
          }
          const rest = decoder.decode();
          if (rest) yield rest;
        },
        parser,
        () => {},
      );
      let rowNumber = -1;
      try {
        for await (const record of parser as AsyncIterable<string[]>) {
          if (++rowNumber === 0) continue;
          if (readOptions.maxRowsPerSheet !== undefined && rowNumber > readOptions.maxRowsPerSheet) return;
          yield { sheet, rowNumber, cells: record.map((text): CellValue => (text === '' ? null : text)) };
        }
      } catch (err) {
        throw csvError(err, fileName, sheet, rowNumber + 1);
      } finally {
        source.destroy();
      }
    },
  };
}

function csvError(err: unknown, fileName: string, sheet: string, row: number): ImportFileError {
  if (err instanceof ImportFileError) return err;
  if (err instanceof CsvError && err.code === 'CSV_MAX_RECORD_SIZE') {
    const column = typeof err.column === 'number' ? err.column : 0;
    return new ImportFileError('CELL_TOO_LARGE', { file: fileName, sheet, cell: cellAddress(column, row), length: `> ${MAX_RECORD_BYTES}`, max: 32_767 }, { cause: err });
  }
  return new ImportFileError('CSV_MALFORMED', { file: fileName, row, detail: libraryDetail(err) }, { cause: err });
}

async function readSample(file: string, bom: number, encoding: TextEncoding): Promise<string> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, bom);
    return new TextDecoder(encoding).decode(buffer.subarray(0, bytesRead), { stream: true });
  } finally {
    await handle.close();
  }
}
