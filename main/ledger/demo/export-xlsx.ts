import { type EventEmitter, once } from 'node:events';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { COLUMNS, DENDA_COLUMN, type ExportSink, POKOK_COLUMN, printedLine, TITLE_LINES } from './simpada-layout.js';

const HEADER_ROW = TITLE_LINES.length + 3;
const LAST_COLUMN = COLUMNS.length;
/** Let the zip catch up when this much sheet XML is waiting: keeps a 500,000-row export small in memory. */
const HIGH_WATER = 4 * 1024 * 1024;
const FORMATS: Record<string, string> = { money: '#,##0', date: 'dd/mm/yyyy' };
/**
 * One style object per column, shared by all its cells: ExcelJS looks styles up by object
 * identity first, and a fresh object per cell made style handling a third of the export's time.
 */
const STYLES: readonly Partial<ExcelJS.Style>[] = COLUMNS.map((c) => (FORMATS[c.kind] ? { numFmt: FORMATS[c.kind] } : {}));

/**
 * Writes through ExcelJS's streaming writer, one committed row at a time, with inline strings
 * (a shared-string table would hold every distinct name in memory until the end).
 */
export function openXlsxSink(file: string, printedOn: string): ExportSink {
  const out = fs.createWriteStream(file);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Daftar Ketetapan', { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));

  [...TITLE_LINES, printedLine(printedOn)].forEach((line, i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = line;
    row.font = { bold: i < TITLE_LINES.length };
    sheet.mergeCells(i + 1, 1, i + 1, LAST_COLUMN);
    row.commit();
  });
  const header = sheet.getRow(HEADER_ROW);
  header.values = COLUMNS.map((c) => c.header);
  header.font = { bold: true };
  header.commit();

  let next = HEADER_ROW + 1;
  return {
    row(values) {
      const row = sheet.getRow(next++);
      values.forEach((value, i) => {
        if (value === null) return;
        const cell = row.getCell(i + 1);
        cell.value = cellValue(value, i);
        cell.style = STYLES[i] as Partial<ExcelJS.Style>;
      });
      row.commit();
      if (next % 500 !== 0) return undefined;
      const zip = zipInput(sheet);
      return zip && zip._writableState.length > HIGH_WATER ? once(zip, 'drain').then(() => undefined) : undefined;
    },
    async finish({ principal, penalty }) {
      const total = sheet.getRow(next);
      total.getCell(1).value = 'JUMLAH';
      total.getCell(POKOK_COLUMN + 1).value = principal;
      total.getCell(DENDA_COLUMN + 1).value = penalty;
      total.font = { bold: true };
      total.numFmt = FORMATS.money as string;
      sheet.mergeCells(next, 1, next, POKOK_COLUMN);
      total.commit();
      sheet.commit();
      await workbook.commit();
    },
    abort() {
      out.destroy();
    },
  };
}

/** archiver's input stream (a readable-stream 2 PassThrough, which has no `writableLength`). */
type ZipInput = EventEmitter & { _writableState: { length: number } };

/**
 * ExcelJS 4.4 pipes a sheet's XML into the zip's input stream without heeding backpressure, and
 * the zip only runs when the event loop does: unchecked, the whole sheet (about 0.8 MB per
 * 1,000 rows) piles up there. That stream is reachable only through ExcelJS internals; if a
 * later version hides it, the export still works, only with the sheet held in memory.
 */
function zipInput(sheet: ExcelJS.Worksheet): ZipInput | undefined {
  const input = (sheet as unknown as { stream?: { pipes?: Partial<ZipInput>[] } }).stream?.pipes?.[0];
  return typeof input?._writableState?.length === 'number' && typeof input.once === 'function' ? (input as ZipInput) : undefined;
}

function cellValue(value: string | number, column: number): ExcelJS.CellValue {
  const kind = (COLUMNS[column] as (typeof COLUMNS)[number]).kind;
  // Dates as Excel date cells at UTC midnight: ExcelJS turns the UTC fields into the serial.
  if (kind === 'date') return new Date(`${value}T00:00:00Z`);
  // A phone cell of bare digits without its leading zero was a number cell in the source sheet.
  if (COLUMNS[column]?.header === 'No HP' && typeof value === 'string' && /^(0|[1-9]\d{5,14})$/.test(value)) return Number(value);
  return value;
}
