/**
 * The report framework: a report is plain data — a title, a period and one or more tables whose
 * rows arrive as an (async) iterable — and `writeReport` (write-report.ts) turns it into the
 * treasurer's workbook with everything the agency expects of a printed report:
 *
 * - a title block (agency, report name, period, "Dicetak: 23/11/2026 14.05 WIB"),
 * - a bold, bordered header row, frozen, with an autofilter, repeated on every printed page,
 * - numbers as numbers (`"Rp" #,##0` for Rupiah), dates as real dates (`dd/mm/yyyy`),
 * - a totals row of SUM formulas over exactly the data rows (with the computed result cached),
 * - optional lines under the totals (e.g. COUNTIF per state), then the signature block from settings,
 * - every text cell passed through `neutraliseFormulaText`, A4 landscape fitted to the page width.
 *
 * Writing streams (ExcelJS `WorkbookWriter`): rows are committed as they come, so a report of
 * 100,000 rows never sits in memory. Feed rows from the database page by page (`keysetPages`).
 *
 * To add a report (the reconciliation report does this): build a `ReportDefinition` with
 * `ReportTable`s — columns with a `kind` and `total: true` where the totals row should SUM — and
 * call `writeReport(definition, await reportContext(db, clock), { file })`.
 */

export type ColumnKind = 'text' | 'rupiah' | 'integer' | 'percent' | 'date' | 'datetime';

/** What a row may hold: text, a number, a `YYYY-MM-DD` date or an ISO instant (datetime), or nothing. */
export type CellValue = string | number | null;
export type ReportRow = Record<string, CellValue>;

export interface ReportColumn {
  /** The row property this column shows. */
  key: string;
  header: string;
  kind: ColumnKind;
  /** Width in characters; when absent, estimated from the header and the first rows (at most 60). */
  width?: number;
  /** The totals row sums this column with a SUM formula. */
  total?: boolean;
  /** The cell is a SUM formula across the row, from column key `[0]` to column key `[1]` (a row total). */
  sumOf?: readonly [string, string];
}

/** Where the data landed, for formulas under the table. */
export interface DataRange {
  firstRow: number;
  lastRow: number;
  rows: number;
  /** `H7:H106` for a column key; null while the table has no rows. */
  range(key: string): string | null;
}

/** A line under the totals: a label and a number, optionally as a formula whose result is `value`. */
export interface NoteLine {
  label: string;
  value: number;
  kind: 'integer' | 'rupiah';
  formula?: string;
}

export interface ReportTable {
  /** The worksheet's name (at most 31 characters; `[]:*?/\` are replaced). */
  sheetName: string;
  /** A line under the period, e.g. "Ringkasan per kecamatan dan jenis pajak". */
  subtitle?: string;
  columns: readonly ReportColumn[];
  rows: AsyncIterable<ReportRow> | Iterable<ReportRow>;
  /** The label in the first column of the totals row; default "JUMLAH". */
  totalsLabel?: string;
  /** Lines under the totals, computed once every row is written (counts collected while streaming). */
  notes?: (range: DataRange) => NoteLine[];
}

export interface ReportDefinition {
  /** Machine name: `arrears`, `dispatch`, … */
  name: string;
  title: { id: string; en: string };
  /** The period in words: "November 2026", "1 November 2026 – 23 November 2026", "23 November 2026". */
  period: string;
  /** What the title block writes before the period; default "Periode:" (a list as of a day says "Keadaan per"). */
  periodCaption?: string;
  tables: readonly ReportTable[];
}

/** Who signs and when: from settings and the clock. */
export interface ReportContext {
  agencyName: string;
  kabupaten: string;
  headName: string;
  headNip: string;
  treasurerName: string;
  treasurerNip: string;
  timeZone: string;
  now: Date;
  /** The calendar date in the agency's zone, for the signature's place and date. */
  today: string;
}

export interface TableResult {
  sheetName: string;
  rows: number;
  /** Per totalled column key, the sum the totals row shows. */
  totals: Record<string, number>;
  notes: NoteLine[];
}

export interface WriteResult {
  tables: TableResult[];
}
