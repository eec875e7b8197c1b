import { isBlankRow, type SheetRow } from './cells.js';
import { Deduplicator } from './deduplicator.js';
import { ImportFileError } from './errors.js';
import { classifyRow, findHeaderRow, HEADER_SCAN_ROWS } from './find-table.js';
import { detectMapping, fieldColumns, normaliseHeader, type Mapping, type MappingOverrides, type MappingProfile } from './mapping.js';
import { parseRow, type ParsedBill, type Reject, type TablePlan } from './parse-row.js';
import { openSpreadsheet, type OpenOptions, type ReadProgress } from './read-rows.js';
import { reasonMessages } from './reasons.js';
import type { FileKind } from './source.js';

/**
 * A SIMPADA export from file to bills, without a database: read → find the table → map the
 * columns → parse and validate each row → drop duplicates. Plain data in and out, so it can
 * run in a worker thread; rows are dropped as soon as they are parsed, so a large file streams.
 */
export interface ParseExportOptions extends OpenOptions {
  /** Import only these sheets (refused if one lacks a usable header). Default: every sheet with one. */
  sheets?: readonly string[];
  /** The header's Excel row number, when the officer has pointed at it. */
  headerRow?: number;
  mapping?: MappingOverrides;
  profiles?: readonly MappingProfile[];
  timeZone?: string;
  onProgress?: (progress: ExportProgress) => void;
  progressEvery?: number;
  /** How many rejects and duplicates to list (the counts are always exact). Default 10,000. */
  maxListed?: number;
}

export interface ExportProgress extends ReadProgress {
  bills: number;
  rejectedRows: number;
  duplicates: number;
}

export interface SkippedRows {
  blank: number;
  total: number;
  repeatedHeader: number;
  notABill: number;
}

export interface SheetReport {
  name: string;
  hidden: boolean;
  status: 'imported' | 'no_header' | 'missing_columns' | 'not_selected' | 'empty';
  headerRow: number | null;
  mapping: Mapping | null;
  /** Non-blank rows below the header: bills + duplicates + rejected rows + skipped (other than blank). */
  rowsRead: number;
  bills: number;
  duplicates: number;
  rejectedRows: number;
  skipped: SkippedRows;
}

export interface Duplicate {
  sheet: string;
  row: number;
  kodeBayar: string;
  firstSheet: string;
  firstRow: number;
}

export interface ExportSummary {
  fileName: string;
  kind: FileKind;
  text?: { delimiter: string; encoding: string };
  sheets: SheetReport[];
  rowsRead: number;
  billCount: number;
  duplicateCount: number;
  rejectedRowCount: number;
  rejects: Reject[];
  duplicates: Duplicate[];
  /** True when more rejects or duplicates happened than maxListed. */
  listsTruncated: boolean;
}

export async function parseExport(file: string, options: ParseExportOptions = {}): Promise<ExportSummary & { bills: ParsedBill[] }> {
  const bills: ParsedBill[] = [];
  const run = iterateExport(file, options);
  for (;;) {
    const next = await run.next();
    if (next.done) return { ...next.value, bills };
    bills.push(next.value);
  }
}

export async function* iterateExport(file: string, options: ParseExportOptions = {}): AsyncGenerator<ParsedBill, ExportSummary, undefined> {
  const spreadsheet = await openSpreadsheet(file, options);
  const { fileName } = spreadsheet;
  const maxListed = options.maxListed ?? 10_000;
  const selected = options.sheets ? new Set(options.sheets) : null;
  const reports = new Map<string, SheetReport>(
    spreadsheet.sheets.map((s) => [s.name, { name: s.name, hidden: s.hidden, status: selected && !selected.has(s.name) ? 'not_selected' : 'empty', headerRow: null, mapping: null, rowsRead: 0, bills: 0, duplicates: 0, rejectedRows: 0, skipped: { blank: 0, total: 0, repeatedHeader: 0, notABill: 0 } }]),
  );
  const summary: ExportSummary = {
    fileName, kind: spreadsheet.kind, ...(spreadsheet.text ? { text: spreadsheet.text } : {}), sheets: [...reports.values()],
    rowsRead: 0, billCount: 0, duplicateCount: 0, rejectedRowCount: 0, rejects: [], duplicates: [], listsTruncated: false,
  };
  const dedupe = new Deduplicator();
  const listReject = (reject: Reject) => (summary.rejects.length < maxListed ? summary.rejects.push(reject) : (summary.listsTruncated = true));

  let current = null as SheetState | null;
  const rows = spreadsheet.rows({
    ...(options.sheets ? { sheets: options.sheets } : {}),
    ...(options.progressEvery !== undefined ? { progressEvery: options.progressEvery } : {}),
    onProgress: (p) => options.onProgress?.({ ...p, bills: summary.billCount, rejectedRows: summary.rejectedRowCount, duplicates: summary.duplicateCount }),
  });

  /** Decides the header of the sheet being buffered; returns its rows below the header. */
  const settle = (): SheetRow[] => {
    if (!current || current.table) return [];
    const { report, buffer } = current;
    current.buffer = [];
    const index = options.headerRow !== undefined ? buffer.findIndex((r) => r.rowNumber === options.headerRow) : findHeaderRow(buffer.map((r) => r.cells), options.mapping)?.index ?? -1;
    if (index < 0) {
      report.status = 'no_header';
      if (selected) throw new ImportFileError('NO_HEADER', { file: fileName, sheets: `"${report.name}"`, rows: HEADER_SCAN_ROWS });
      return [];
    }
    const header = buffer[index] as SheetRow;
    const mapping = detectMapping(header.cells, { ...(options.mapping ? { overrides: options.mapping } : {}), ...(options.profiles ? { profiles: options.profiles } : {}) });
    report.headerRow = header.rowNumber;
    report.mapping = mapping;
    if (mapping.missingRequired.length > 0) {
      report.status = 'missing_columns';
      if (selected) throw missingColumns(fileName, report.name, mapping);
      return [];
    }
    report.status = 'imported';
    const plan: TablePlan = { sheet: report.name, columns: fieldColumns(mapping), ...(options.timeZone ? { timeZone: options.timeZone } : {}) };
    current.table = { plan, headerCells: header.cells.map((c) => (typeof c === 'string' ? normaliseHeader(c) : '')) };
    return buffer.slice(index + 1);
  };

  function* take(row: SheetRow): Generator<ParsedBill> {
    const { report, table } = current as { report: SheetReport; table: Table };
    const kind = classifyRow(row.cells, table.plan.columns, table.headerCells);
    if (kind === 'blank') {
      report.skipped.blank++;
      return;
    }
    report.rowsRead++;
    summary.rowsRead++;
    if (kind !== 'data') {
      report.skipped[kind === 'total' ? 'total' : kind === 'repeated_header' ? 'repeatedHeader' : 'notABill']++;
      return;
    }
    const result = parseRow(row, table.plan);
    if ('rejects' in result) {
      report.rejectedRows++;
      summary.rejectedRowCount++;
      result.rejects.forEach(listReject);
      return;
    }
    const bill = result.ok;
    const verdict = dedupe.check(bill);
    if (verdict.kind === 'duplicate') {
      report.duplicates++;
      summary.duplicateCount++;
      if (summary.duplicates.length < maxListed) summary.duplicates.push({ sheet: bill.sheet, row: bill.row, kodeBayar: bill.kodeBayar, firstSheet: verdict.first.sheet, firstRow: verdict.first.row });
      else summary.listsTruncated = true;
      return;
    }
    if (verdict.kind === 'conflict') {
      report.rejectedRows++;
      summary.rejectedRowCount++;
      const params = { kodeBayar: bill.kodeBayar, firstRow: verdict.first.row, firstSheet: verdict.first.sheet };
      const column = table.plan.columns.kode_bayar;
      listReject({ sheet: bill.sheet, row: bill.row, column: column?.header ?? 'Kode Bayar', columnLetter: column?.letter ?? '', value: bill.kodeBayar, reason: 'CONFLICTING_DUPLICATE', params, ...reasonMessages('CONFLICTING_DUPLICATE', params) });
      return;
    }
    report.bills++;
    summary.billCount++;
    yield bill;
  }

  for await (const row of rows) {
    if (current?.report.name !== row.sheet) {
      for (const pending of settle()) yield* take(pending);
      current = { report: reports.get(row.sheet) as SheetReport, buffer: [], table: null };
    }
    if (current.table) {
      yield* take(row);
      continue;
    }
    if (current.report.status !== 'empty') continue;
    if (!isBlankRow(row.cells) || current.buffer.length > 0) current.buffer.push(row);
    const enough = options.headerRow !== undefined ? row.rowNumber >= options.headerRow : current.buffer.length >= HEADER_SCAN_ROWS;
    if (enough) for (const pending of settle()) yield* take(pending);
  }
  for (const pending of settle()) yield* take(pending);

  if (!summary.sheets.some((s) => s.status === 'imported')) throw nothingToImport(fileName, summary.sheets);
  return summary;
}

interface Table {
  plan: TablePlan;
  headerCells: string[];
}

interface SheetState {
  report: SheetReport;
  /** Rows above and around the header, until it is found. */
  buffer: SheetRow[];
  table: Table | null;
}

function missingColumns(fileName: string, sheet: string, mapping: Mapping): ImportFileError {
  return new ImportFileError('MISSING_COLUMNS', {
    file: fileName,
    sheet,
    columns_id: mapping.missingRequired.map((m) => m.id).join(', '),
    columns_en: mapping.missingRequired.map((m) => m.en).join(', '),
  });
}

/** No sheet could be imported: name the closest one's missing columns, or say there is no header. */
function nothingToImport(fileName: string, sheets: SheetReport[]): ImportFileError {
  const partial = sheets
    .filter((s) => s.status === 'missing_columns' && s.mapping)
    .sort((a, b) => (a.mapping?.missingRequired.length ?? 0) - (b.mapping?.missingRequired.length ?? 0))[0];
  if (partial?.mapping) return missingColumns(fileName, partial.name, partial.mapping);
  const looked = sheets.filter((s) => s.status !== 'not_selected');
  return new ImportFileError('NO_HEADER', { file: fileName, sheets: looked.map((s) => `"${s.name}"`).join(', ') || '-', rows: HEADER_SCAN_ROWS });
}
