import fs from 'node:fs';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { estimateWidths } from './column-widths.js';
import { neutraliseFormulaText } from './neutralise-formula-text.js';
import { printedAtLabel } from './period-labels.js';
import type { CellValue, DataRange, ReportColumn, ReportContext, ReportDefinition, ReportRow, ReportTable, TableResult, WriteResult } from './report.js';
import { signatureBlock, type SignatureText } from './signature-block.js';

/** Title block: agency, report name, period, printed at, then one spacer row (or the subtitle). */
const TITLE_ROWS = 5;
export const HEADER_ROW = TITLE_ROWS + 1;
/** Rows read before the sheet is opened, to size the columns (see column-widths.ts). */
const WIDTH_SAMPLE = 200;
const CHECK_EVERY = 1_000;

export const RUPIAH_FORMAT = '"Rp" #,##0';
const FORMATS: Record<ReportColumn['kind'], string | undefined> = {
  text: undefined,
  rupiah: RUPIAH_FORMAT,
  integer: '#,##0',
  percent: '0.0%',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
};
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

export interface WriteOptions {
  signal?: AbortSignal;
  /** Called every thousand rows and at the end of each table with the rows written so far. */
  onProgress?: (rows: number) => void;
}

export type WriteTarget = { file: string } | { stream: Writable };

/**
 * Writes a report as an xlsx workbook, streaming (see report.ts for what a report gets). A file
 * target is written beside itself and renamed when complete, so a cancelled or failed report
 * never leaves half a workbook under the requested name.
 */
export async function writeReport(report: ReportDefinition, ctx: ReportContext, target: WriteTarget, options: WriteOptions = {}): Promise<WriteResult> {
  const partial = 'file' in target ? `${target.file}.part` : null;
  const stream = partial ? fs.createWriteStream(partial) : (target as { stream: Writable }).stream;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'SI PEKA';
  workbook.created = ctx.now;
  try {
    const tables: TableResult[] = [];
    let written = 0;
    for (const table of report.tables) {
      const result = await writeTable(workbook, report, table, ctx, options, written);
      written += result.rows;
      tables.push(result);
    }
    await workbook.commit();
    if (partial && 'file' in target) fs.renameSync(partial, target.file);
    return { tables };
  } catch (err) {
    stream.destroy();
    if (partial) fs.rmSync(partial, { force: true });
    throw err;
  }
}

async function writeTable(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  report: ReportDefinition,
  table: ReportTable,
  ctx: ReportContext,
  options: WriteOptions,
  writtenBefore: number,
): Promise<TableResult> {
  const { columns } = table;
  const iterator = toAsyncIterator(table.rows);
  const sample: ReportRow[] = [];
  let exhausted = false;
  while (!exhausted && sample.length < WIDTH_SAMPLE) {
    const next = await iterator.next();
    if (next.done) exhausted = true;
    else sample.push(next.value);
  }
  const widths = estimateWidths(columns, sample);
  const lastColumn = columns.length;
  const sheet = workbook.addWorksheet(sheetName(table.sheetName), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}`, activeCell: `A${HEADER_ROW + 1}` }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  sheet.columns = widths.map((width) => ({ width }));

  const titleLines: { text: string; font: Partial<ExcelJS.Font> }[] = [
    { text: agencyLine(ctx), font: { bold: true, size: 12 } },
    { text: report.title.id.toUpperCase(), font: { bold: true, size: 14 } },
    { text: `${report.periodCaption ?? 'Periode:'} ${report.period}`, font: { size: 11 } },
    { text: printedAtLabel(ctx.now, ctx.timeZone), font: { italic: true, size: 9 } },
    { text: table.subtitle ?? '', font: { bold: true, size: 11 } },
  ];
  titleLines.forEach((line, i) => {
    const row = sheet.getRow(i + 1);
    const cell = row.getCell(1);
    cell.value = line.text ? neutraliseFormulaText(line.text) : null;
    cell.font = line.font;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    if (lastColumn > 1) sheet.mergeCells(i + 1, 1, i + 1, lastColumn);
    row.commit();
  });

  const header = sheet.getRow(HEADER_ROW);
  columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = neutraliseFormulaText(column.header);
    cell.font = { bold: true };
    cell.border = THIN;
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.commit();

  const letters = columns.map((_, i) => columnLetter(i + 1));
  const letterOf = new Map(columns.map((c, i) => [c.key, letters[i]!]));
  // One style object per column, shared by its cells: ExcelJS recognises a style it has seen by
  // identity, where a fresh object per cell costs a serialisation each (most of a large report's time).
  const styles: Partial<ExcelJS.Style>[] = columns.map((c) => (FORMATS[c.kind] ? { numFmt: FORMATS[c.kind]! } : {}));
  const totals: Record<string, number> = Object.fromEntries(columns.filter((c) => c.total).map((c) => [c.key, 0]));
  let rowNumber = HEADER_ROW;
  let rows = 0;

  const writeRow = (data: ReportRow) => {
    rowNumber += 1;
    rows += 1;
    const row = sheet.getRow(rowNumber);
    columns.forEach((column, i) => {
      const cell = row.getCell(i + 1);
      const value = column.sumOf ? rowSum(data, columns, column.sumOf) : data[column.key] ?? null;
      if (column.sumOf) {
        const [from, to] = column.sumOf;
        cell.value = { formula: `SUM(${letterOf.get(from)}${rowNumber}:${letterOf.get(to)}${rowNumber})`, result: value as number };
      } else {
        cell.value = cellValue(column, value, ctx.timeZone);
      }
      cell.style = styles[i]!;
      if (column.total && typeof value === 'number') totals[column.key] = (totals[column.key] ?? 0) + value;
    });
    row.commit();
  };

  for (const data of sample) writeRow(data);
  for (let next = exhausted ? null : await iterator.next(); next && !next.done; next = await iterator.next()) {
    writeRow(next.value);
    if (rows % CHECK_EVERY === 0) {
      options.signal?.throwIfAborted();
      options.onProgress?.(writtenBefore + rows);
    }
  }
  options.signal?.throwIfAborted();
  options.onProgress?.(writtenBefore + rows);

  const firstRow = HEADER_ROW + 1;
  const lastRow = HEADER_ROW + rows;
  const range: DataRange = {
    firstRow,
    lastRow,
    rows,
    range: (key) => (rows > 0 && letterOf.has(key) ? `${letterOf.get(key)}${firstRow}:${letterOf.get(key)}${lastRow}` : null),
  };

  if (columns.some((c) => c.total)) {
    rowNumber += 1;
    const row = sheet.getRow(rowNumber);
    columns.forEach((column, i) => {
      const cell = row.getCell(i + 1);
      if (i === 0) cell.value = neutraliseFormulaText(table.totalsLabel ?? 'JUMLAH');
      if (column.total) {
        const sum = totals[column.key] ?? 0;
        const over = range.range(column.key);
        cell.value = over ? { formula: `SUM(${over})`, result: sum } : sum;
        if (styles[i]?.numFmt) cell.numFmt = styles[i].numFmt;
      }
      cell.font = { bold: true };
      cell.border = THIN;
    });
    row.commit();
  }

  const notes = table.notes?.(range) ?? [];
  if (notes.length > 0) rowNumber += 1;
  // The label spans the narrow leading columns (No, dates) so it stays readable beside its number.
  const noteValueColumn = Math.min(lastColumn, 4);
  for (const note of notes) {
    rowNumber += 1;
    const row = sheet.getRow(rowNumber);
    row.getCell(1).value = neutraliseFormulaText(note.label);
    if (noteValueColumn > 2) sheet.mergeCells(rowNumber, 1, rowNumber, noteValueColumn - 1);
    const cell = row.getCell(noteValueColumn);
    cell.value = note.formula ? { formula: note.formula, result: note.value } : note.value;
    cell.numFmt = FORMATS[note.kind]!;
    row.commit();
  }

  rowNumber += 2;
  const [leftColumn, rightColumn] = signatureColumns(lastColumn);
  for (const line of signatureBlock(ctx)) {
    rowNumber += 1;
    const row = sheet.getRow(rowNumber);
    if (line.left) signatureCell(row.getCell(leftColumn), line.left);
    if (line.right) signatureCell(row.getCell(rightColumn), line.right);
    row.commit();
  }

  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: Math.max(HEADER_ROW, lastRow), column: lastColumn } };
  sheet.commit();
  return { sheetName: table.sheetName, rows, totals, notes };
}

function cellValue(column: ReportColumn, value: CellValue, timeZone: string): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  switch (column.kind) {
    case 'text':
      return neutraliseFormulaText(String(value));
    case 'date':
      // Excel has no zones: a calendar date is midnight of that day, written as UTC so no zone moves it.
      return new Date(`${String(value)}T00:00:00Z`);
    case 'datetime':
      return wallClock(String(value), timeZone);
    default:
      return typeof value === 'number' ? value : Number(value);
  }
}

function rowSum(data: ReportRow, columns: readonly ReportColumn[], [from, to]: readonly [string, string]): number {
  const start = columns.findIndex((c) => c.key === from);
  const end = columns.findIndex((c) => c.key === to);
  let sum = 0;
  for (let i = start; i <= end; i++) {
    const v = data[columns[i]!.key];
    if (typeof v === 'number') sum += v;
  }
  return sum;
}

function signatureCell(cell: ExcelJS.Cell, text: SignatureText): void {
  cell.value = neutraliseFormulaText(text.text);
  if (text.bold || text.underline) cell.font = { bold: text.bold ?? false, underline: text.underline ?? false };
}

/** The head signs at the left, the treasurer towards the right edge of the table. */
function signatureColumns(lastColumn: number): [number, number] {
  if (lastColumn <= 2) return [1, lastColumn];
  const left = 2;
  return [left, Math.max(left + 1, lastColumn - 2)];
}

function agencyLine(ctx: ReportContext): string {
  const name = ctx.agencyName.toUpperCase();
  return name.includes(ctx.kabupaten.toUpperCase()) ? name : `${name} ${ctx.kabupaten.toUpperCase()}`;
}

/** Excel forbids `[]:*?/\` in sheet names and cuts them at 31 characters. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
}

export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A date cell shows the agency's wall clock (Excel has no zones), so an instant is written as that. */
function wallClock(iso: string, timeZone: string): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, Number(p.value)]),
  );
  return new Date(Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour, parts.minute, parts.second));
}

function toAsyncIterator(rows: AsyncIterable<ReportRow> | Iterable<ReportRow>): AsyncIterator<ReportRow> {
  if (Symbol.asyncIterator in rows) return rows[Symbol.asyncIterator]();
  const sync = rows[Symbol.iterator]();
  return { next: () => Promise.resolve(sync.next()) };
}
