/**
 * What every reader yields, whatever the file format. A Date is a floating wall-clock value:
 * its UTC fields are what Excel displays (ExcelJS and SheetJS 0.20 both read date serials that
 * way), so a cell showing 31/08/2026 is `Date.UTC(2026, 7, 31)` on any machine in any zone.
 */
export type CellValue = string | number | Date | boolean | null;

export interface SheetRow {
  sheet: string;
  /** 1-based, as the officer sees it in Excel (for CSV: the record number). */
  rowNumber: number;
  /** Index 0 is column A. Trailing empty cells are dropped. */
  cells: CellValue[];
}

/** Excel's own limit for the text of one cell. */
export const MAX_CELL_CHARS = 32_767;

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function cellAddress(index: number, rowNumber: number): string {
  return `${columnLetter(index)}${rowNumber}`;
}

export function isBlankCell(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

export function isBlankRow(cells: readonly CellValue[]): boolean {
  return cells.every(isBlankCell);
}

/** The calendar date a floating Date shows, `YYYY-MM-DD`. */
export function floatingDateToIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A cell as text for messages and reject lists: dates as `YYYY-MM-DD`, numbers as JavaScript prints them. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : floatingDateToIso(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/**
 * A copy of a string that shares no memory with the text it was cut from. V8 keeps a substring
 * of 13 or more characters as a view into its parent, so one kept cell of an XML parser's
 * chunk would keep the whole chunk, and a kept bill code per row the whole sheet. Prepending a
 * character forces a fresh copy; slicing it off again is free.
 */
export function detachString(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/** Drops trailing empty cells, so rows compare and print the same whichever reader made them. */
export function trimTrailingEmpty(cells: CellValue[]): CellValue[] {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] === null || cells[end - 1] === undefined || cells[end - 1] === '')) end--;
  if (end < cells.length) cells.length = end;
  for (let i = 0; i < end; i++) if (cells[i] === undefined) cells[i] = null;
  return cells;
}
