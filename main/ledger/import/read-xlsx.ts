import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { Tripwire } from './abort.js';
import { cellAddress, detachString, type CellValue, type SheetRow } from './cells.js';
import { ImportFileError } from './errors.js';
import { libraryDetail, type SourceReadOptions } from './source.js';
import type { XlsxLayout } from './xlsx-layout.js';
import { xlsxPartStream } from './xlsx-part-stream.js';
import type { ZipEntry } from './zip-directory.js';

/**
 * Streams an .xlsx row by row with ExcelJS's WorkbookReader, so a 500,000-row export never
 * sits in memory as a workbook: only the shared-string table and one row at a time do.
 */
export async function* xlsxRows(
  file: string,
  fileName: string,
  layout: XlsxLayout,
  entries: ZipEntry[],
  options: SourceReadOptions,
  onBytes: (bytes: number) => void,
): AsyncGenerator<SheetRow> {
  const wanted = wantedSheets(layout, options);
  if (options.maxRowsPerSheet === undefined) {
    yield* sheetRows(file, fileName, layout, entries, wanted, Infinity, onBytes);
    return;
  }
  // One reader per sheet, abandoned whole after its first rows: ExcelJS would keep buffering
  // a sheet whose iteration stopped half-way.
  for (const index of wanted) yield* sheetRows(file, fileName, layout, entries, [index], options.maxRowsPerSheet, onBytes);
}

export function wantedSheets(layout: XlsxLayout, options: SourceReadOptions): number[] {
  return layout.sheets.flatMap((s, i) => (!options.sheets || options.sheets.has(s.name) ? [i] : []));
}

async function* sheetRows(
  file: string,
  fileName: string,
  layout: XlsxLayout,
  entries: ZipEntry[],
  wanted: number[],
  maxRows: number,
  onBytes: (bytes: number) => void,
): AsyncGenerator<SheetRow> {
  const input = xlsxPartStream(file, entries, layout, wanted, onBytes);
  const wire = new Tripwire();
  input.once('error', (err) => wire.trip(err));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell a date serial from a plain number.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const rows = excelRows(reader, layout);
  try {
    for (let count = 0; count < maxRows; count++) {
      const next = await wire.next(rows);
      if (next.done) return;
      const { sheet, row } = next.value;
      yield { sheet, rowNumber: row.number, cells: rowCells(row, sheet, fileName) };
    }
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    throw new ImportFileError('CORRUPT_FILE', { file: fileName, detail: libraryDetail(err) }, { cause: err });
  } finally {
    input.destroy();
    rows.return(undefined).catch(() => {});
  }
}

/** Sheets arrive as `xl/worksheets/sheet<n>.xml`, n counting the layout's sheets from 1. */
async function* excelRows(reader: ExcelJS.stream.xlsx.WorkbookReader, layout: XlsxLayout): AsyncGenerator<{ sheet: string; row: ExcelJS.Row }> {
  for await (const worksheet of reader) {
    const { id, name } = worksheet as unknown as { id: string | number; name: string };
    const sheet = layout.sheets[Number(id) - 1]?.name ?? name;
    for await (const row of worksheet) yield { sheet, row };
  }
}

function rowCells(row: ExcelJS.Row, sheet: string, fileName: string): CellValue[] {
  const cells: CellValue[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    cells[column - 1] = cellValue(cell.value, cell.numFmt, () => ({ file: fileName, sheet, cell: cellAddress(column - 1, row.number) }));
  });
  return cells;
}

type CellWhere = () => { file: string; sheet: string; cell: string };

function cellValue(value: ExcelJS.CellValue, numFmt: string | undefined, where: CellWhere): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return detachString(value);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if ('richText' in value) return detachString(value.richText.map((part) => part.text ?? '').join(''));
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined) throw new ImportFileError('FORMULA_WITHOUT_VALUE', where());
    return formulaResult(result, numFmt);
  }
  if ('error' in value) return String(value.error);
  if ('text' in value) return typeof value.text === 'string' ? value.text : null;
  return null;
}

/** ExcelJS leaves a date-formatted formula result (e.g. `=B2+30`) as a serial number. */
function formulaResult(result: unknown, numFmt: string | undefined): CellValue {
  if (typeof result === 'number') {
    if (!Number.isFinite(result)) return null;
    if (numFmt && XLSX.SSF.is_date(numFmt)) return new Date(Math.round((result - 25569) * 86_400_000));
    return result;
  }
  if (typeof result === 'string') return detachString(result);
  if (typeof result === 'boolean') return result;
  if (result instanceof Date) return result;
  if (result && typeof result === 'object' && 'error' in result) return String((result as { error: unknown }).error);
  return null;
}
