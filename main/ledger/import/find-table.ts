import { isBlankCell, isBlankRow, type CellValue } from './cells.js';
import { REQUIRED_GROUPS, type Field } from './fields.js';
import { normaliseHeader, recogniseHeader, type FieldColumns, type MappingOverrides } from './mapping.js';

/**
 * Where the table starts in a sheet full of report decoration, and which rows below the header
 * are bills: SIMPADA reports put the agency's name, the report's title and the print date
 * above the header, and blank rows, page sub-totals, repeated page headers and a TOTAL row
 * among and below the bills.
 */
export const HEADER_SCAN_ROWS = 30;
/** Fewer recognised column names than this is a title row, not a header. */
export const MIN_HEADER_FIELDS = 3;

export interface HeaderCandidate {
  /** Index into the rows given. */
  index: number;
  /** Distinct fields its cells name. */
  score: number;
  complete: boolean;
}

/**
 * The row naming the most fields among the first rows, preferring one that names every
 * required field (so a summary table above the real one does not win); null when no row
 * names at least MIN_HEADER_FIELDS fields.
 */
export function findHeaderRow(rows: readonly (readonly CellValue[])[], overrides?: MappingOverrides): HeaderCandidate | null {
  let best: HeaderCandidate | null = null;
  const userHeaders = new Map(Object.entries(overrides?.byHeader ?? {}).map(([h, f]) => [normaliseHeader(h), f]));
  rows.slice(0, HEADER_SCAN_ROWS).forEach((cells, index) => {
    const fields = new Set<Field>();
    for (const cell of cells) {
      if (typeof cell !== 'string') continue;
      const normalised = normaliseHeader(cell);
      const field = userHeaders.get(normalised) ?? recogniseHeader(normalised);
      if (field && field !== 'ignore') fields.add(field);
    }
    if (fields.size < MIN_HEADER_FIELDS) return;
    const candidate = { index, score: fields.size, complete: REQUIRED_GROUPS.every((g) => g.fields.some((f) => fields.has(f))) };
    if (!best || (candidate.complete && !best.complete) || (candidate.complete === best.complete && candidate.score > best.score)) best = candidate;
  });
  return best;
}

export type RowKind = 'data' | 'blank' | 'total' | 'repeated_header' | 'not_a_bill';

/** `TOTAL`, `Grand Total`, `Sub-Total Halaman 3`, `JUMLAH`: tested on raw text, every row. */
const TOTAL_TEXT = /^[\W_]*(?:(?:grand|sub)[\W_]*)?(?:total|jumlah)(?![a-z0-9])/i;
/** A row naming one of these is about a bill, even if the bill turns out unreadable. */
const IDENTITY_FIELDS: readonly Field[] = ['kode_bayar', 'npwpd', 'nama_wp', 'nama_alamat', 'nama_objek', 'nop'];

export function classifyRow(cells: readonly CellValue[], columns: FieldColumns, headerKeyCells: readonly string[]): RowKind {
  if (isBlankRow(cells)) return 'blank';
  if (isTotalRow(cells, columns)) return 'total';
  if (isRepeatedHeader(cells, columns, headerKeyCells)) return 'repeated_header';
  const mapped = Object.values(columns).filter((c) => !isBlankCell(cells[c.index])).length;
  if (mapped < 2) return 'not_a_bill';
  if (!IDENTITY_FIELDS.some((f) => columns[f] && !isBlankCell(cells[columns[f].index]))) return 'not_a_bill';
  return 'data';
}

/** A total text anywhere, on a row without a bill code of its own. */
function isTotalRow(cells: readonly CellValue[], columns: FieldColumns): boolean {
  const code = columns.kode_bayar ? cells[columns.kode_bayar.index] : null;
  if (!isBlankCell(code) && !(typeof code === 'string' && TOTAL_TEXT.test(code))) return false;
  return cells.some((cell) => typeof cell === 'string' && TOTAL_TEXT.test(cell));
}

/**
 * Reports printed page by page repeat the header on each page. Such a row repeats the bill
 * code's header too, which is checked first so ordinary rows cost one comparison.
 */
function isRepeatedHeader(cells: readonly CellValue[], columns: FieldColumns, headerKeyCells: readonly string[]): boolean {
  const probe = columns.kode_bayar?.index ?? headerKeyCells.findIndex((h) => h !== '');
  const probed = cells[probe];
  if (probe < 0 || typeof probed !== 'string' || normaliseHeader(probed) !== headerKeyCells[probe]) return false;
  let same = 0;
  let named = 0;
  headerKeyCells.forEach((header, i) => {
    if (!header) return;
    named++;
    if (typeof cells[i] === 'string' && normaliseHeader(cells[i] as string) === header) same++;
  });
  return same >= Math.max(2, Math.ceil(named / 2));
}
