import { cellText, isBlankRow, type SheetRow } from './cells.js';
import { findHeaderRow, HEADER_SCAN_ROWS } from './find-table.js';
import { detectMapping, type Mapping, type MappingOptions } from './mapping.js';
import { openSpreadsheet, type OpenOptions } from './read-rows.js';
import type { FileKind } from './source.js';

/**
 * What the officer chooses from before importing: each sheet, whether it has a header we
 * recognise, the mapping we would use, and the first rows below the header. Reads only the
 * top of each sheet.
 */
export interface SheetInfo {
  name: string;
  hidden: boolean;
  totalRows: number | null;
  hasHeader: boolean;
  headerRow: number | null;
  header: string[] | null;
  mapping: Mapping | null;
  /** Up to five non-blank rows below the header, as text. */
  sample: string[][];
}

export interface SheetList {
  fileName: string;
  kind: FileKind;
  text?: { delimiter: string; encoding: string };
  sheets: SheetInfo[];
}

const SAMPLE_ROWS = 5;

export async function listSheets(file: string, options: OpenOptions & MappingOptions = {}): Promise<SheetList> {
  const spreadsheet = await openSpreadsheet(file, options);
  const tops = new Map<string, SheetRow[]>(spreadsheet.sheets.map((s) => [s.name, []]));
  for await (const row of spreadsheet.rows({ maxRowsPerSheet: HEADER_SCAN_ROWS + 2 * SAMPLE_ROWS })) tops.get(row.sheet)?.push(row);
  const sheets = spreadsheet.sheets.map((meta): SheetInfo => {
    const rows = (tops.get(meta.name) ?? []).filter((r) => !isBlankRow(r.cells));
    const found = findHeaderRow(rows.map((r) => r.cells), options.overrides);
    const header = found ? (rows[found.index] as SheetRow) : null;
    return {
      ...meta,
      hasHeader: header !== null,
      headerRow: header?.rowNumber ?? null,
      header: header ? header.cells.map((c) => cellText(c)) : null,
      mapping: header ? detectMapping(header.cells, options) : null,
      sample: found ? rows.slice(found.index + 1, found.index + 1 + SAMPLE_ROWS).map((r) => r.cells.map((c) => cellText(c))) : [],
    };
  });
  return { fileName: spreadsheet.fileName, kind: spreadsheet.kind, ...(spreadsheet.text ? { text: spreadsheet.text } : {}), sheets };
}
