import type { CellValue, ReportColumn } from './report.js';

export const MAX_COLUMN_WIDTH = 60;
const MIN_COLUMN_WIDTH = 6;
/** Room for the autofilter button beside the header text. */
const FILTER_BUTTON = 3;

/**
 * Column widths in characters, from the header and a sample of the rows: a streamed sheet
 * fixes its widths before its first row is written, so the first page stands for the rest.
 */
export function estimateWidths(columns: readonly ReportColumn[], sample: readonly Record<string, CellValue>[]): number[] {
  return columns.map((column) => {
    if (column.width !== undefined) return column.width;
    let widest = longestWord(column.header) + FILTER_BUTTON;
    for (const row of sample) widest = Math.max(widest, shownLength(column, row[column.key] ?? null));
    return Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, widest + 2));
  });
}

/** A long header wraps between words, so only its longest word must fit. */
function longestWord(text: string): number {
  return Math.max(...text.split(/\s+/).map((w) => w.length));
}

function shownLength(column: ReportColumn, value: CellValue): number {
  if (value === null || column.sumOf) return column.sumOf ? 16 : 0;
  switch (column.kind) {
    case 'rupiah':
      return `Rp ${grouped(Number(value))}`.length;
    case 'integer':
      return grouped(Number(value)).length;
    case 'percent':
      return 7;
    case 'date':
      return 10;
    case 'datetime':
      return 16;
    case 'text':
      return String(value).length;
  }
}

function grouped(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
