import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../shared/errors.js';
import type { SnapshotBill } from '../snapshot.js';
import { openCsvSink } from './export-csv.js';
import { openXlsxSink } from './export-xlsx.js';
import { billRow } from './simpada-layout.js';

export interface SimpadaExportOptions {
  /** The report's print date (`Dicetak:`), `YYYY-MM-DD`. */
  printedOn: string;
  /** Write at most this many bills. */
  rows?: number;
}

export interface SimpadaExportResult {
  file: string;
  format: 'xlsx' | 'csv';
  rows: number;
  principal: number;
  penalty: number;
  bytes: number;
}

/**
 * Writes bills as a SIMPADA-style export, `.xlsx` or `.csv` by the file's extension, streaming:
 * memory stays flat however many bills come. The file appears only when complete (it is
 * written beside as `.part` and renamed), so a failed export never leaves half a report.
 */
export async function writeSimpadaExport(
  bills: AsyncIterable<SnapshotBill> | Iterable<SnapshotBill>,
  file: string,
  options: SimpadaExportOptions,
): Promise<SimpadaExportResult> {
  const format = exportFormat(file);
  const limit = options.rows ?? Infinity;
  const part = `${file}.part`;
  const sink = format === 'xlsx' ? openXlsxSink(part, options.printedOn) : openCsvSink(part, options.printedOn);
  let rows = 0;
  let principal = 0;
  let penalty = 0;
  try {
    for await (const bill of bills) {
      if (rows >= limit) break;
      rows += 1;
      principal += bill.principal;
      penalty += bill.penalty;
      const pause = sink.row(billRow(bill, rows));
      if (pause) await pause;
    }
    await sink.finish({ principal, penalty });
  } catch (err) {
    sink.abort();
    fs.rmSync(part, { force: true });
    throw err;
  }
  fs.renameSync(part, file);
  return { file, format, rows, principal, penalty, bytes: fs.statSync(file).size };
}

export function exportFormat(file: string): 'xlsx' | 'csv' {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.csv') return ext.slice(1) as 'xlsx' | 'csv';
  throw new UserError('INVALID_INPUT', { field: 'file', detail: `${file}: the export must be named .xlsx or .csv` });
}
