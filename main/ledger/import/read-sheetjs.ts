import * as XLSX from 'xlsx';
import { cellAddress, detachString, type CellValue, type SheetRow } from './cells.js';
import { ImportFileError } from './errors.js';
import { libraryDetail, type SheetMeta, type SourceReadOptions } from './source.js';

/**
 * Old .xls (BIFF), .xlsb, .ods and HTML tables saved as .xls, through SheetJS. These formats
 * cannot be streamed, so they are read whole; their size is capped before we get here
 * (an .xls holds at most 65,536 rows anyway).
 */
export interface SheetJsBook {
  sheets: SheetMeta[];
  rows(options: SourceReadOptions): Generator<SheetRow>;
}

export function readWithSheetJs(data: Buffer | string, fileName: string, markup: boolean): SheetJsBook {
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(data, {
      type: typeof data === 'string' ? 'string' : 'buffer',
      // Dates come back as floating wall-clock Dates (UTC fields = what Excel shows).
      cellDates: true,
      dense: true,
      cellFormula: true,
      cellHTML: false,
      cellStyles: false,
      // For HTML, keep `1.250.000` and `31/08/2026` as the text the report printed, instead
      // of letting SheetJS guess them with US conventions.
      raw: markup,
    });
  } catch (err) {
    if (/password|encrypt/i.test(libraryDetail(err))) throw new ImportFileError('ENCRYPTED', { file: fileName }, { cause: err });
    throw new ImportFileError('CORRUPT_FILE', { file: fileName, detail: libraryDetail(err) }, { cause: err });
  }
  const names = workbook.SheetNames ?? [];
  const hidden = new Map((workbook.Workbook?.Sheets ?? []).map((s) => [s.name, Boolean(s.Hidden)]));
  const sheets: SheetMeta[] = names.map((name) => ({ name, hidden: hidden.get(name) ?? false, totalRows: lastRow(workbook.Sheets[name]) }));
  return {
    sheets,
    *rows(options) {
      for (const name of names) {
        if (options.sheets && !options.sheets.has(name)) continue;
        const data = (workbook.Sheets[name]?.['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
        let count = 0;
        for (let r = 0; r < data.length; r++) {
          const row = data[r];
          if (!row) continue;
          if (options.maxRowsPerSheet !== undefined && count >= options.maxRowsPerSheet) break;
          count++;
          const cells: CellValue[] = [];
          for (let c = 0; c < row.length; c++) {
            const cell = row[c];
            if (cell) cells[c] = cellValue(cell, () => ({ file: fileName, sheet: name, cell: cellAddress(c, r + 1) }));
          }
          yield { sheet: name, rowNumber: r + 1, cells };
        }
      }
    },
  };
}

function lastRow(sheet: XLSX.WorkSheet | undefined): number | null {
  const ref = sheet?.['!ref'];
  if (!ref) return null;
  try {
    return XLSX.utils.decode_range(ref).e.r + 1;
  } catch {
    return null;
  }
}

function cellValue(cell: XLSX.CellObject, where: () => { file: string; sheet: string; cell: string }): CellValue {
  if (cell.f !== undefined && cell.v === undefined) throw new ImportFileError('FORMULA_WITHOUT_VALUE', where());
  switch (cell.t) {
    case 's':
      // An HTML report's cells are cut from the whole page's text.
      return typeof cell.v === 'string' ? detachString(cell.v) : cell.v === undefined ? null : String(cell.v);
    case 'n':
      return typeof cell.v === 'number' && Number.isFinite(cell.v) ? cell.v : null;
    case 'b':
      return Boolean(cell.v);
    case 'd':
      return cell.v instanceof Date && !Number.isNaN(cell.v.getTime()) ? cell.v : null;
    case 'e':
      return cell.w ?? '#ERROR';
    default:
      return null;
  }
}
