import { floatingDateToIso, type CellValue } from './cells.js';
import { monthNumber } from './months.js';
import type { ValueResult } from './reasons.js';

/**
 * A date cell as the calendar date the officer sees, `YYYY-MM-DD`. Excel date cells arrive as
 * floating Dates (see cells.ts), so their UTC fields are the date, whatever zone this machine
 * is in; numbers are Excel serials; text is day-first (`31/08/2026`, `31-08-2026`), ISO
 * (`2026-08-31`), or with an Indonesian or English month name (`31 Agustus 2026`, `31 Agu 2026`,
 * `31-Aug-2026`), optionally after a weekday (`Senin, 31 Agustus 2026`). A timestamp with an
 * explicit offset (`2026-08-30T17:00:00Z`) is an instant, dated in the agency's zone.
 * Ambiguous or impossible dates (`08/31/2026`, `31/02/2026`) are refused, never guessed.
 */
export const EARLIEST_DATE = '1990-01-01';
export const LATEST_DATE = '2100-12-31';

export interface DateOptions {
  /** The agency's zone for instants with an offset; WIB by default. */
  timeZone?: string;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function parseDate(value: CellValue, options: DateOptions = {}): ValueResult<string> {
  if (value === null) return { ok: true, value: null };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { ok: false, reason: 'UNREADABLE_DATE' } : inRange(floatingDateToIso(value));
  if (typeof value === 'number') return fromNumber(value);
  if (typeof value === 'boolean') return { ok: false, reason: 'UNREADABLE_DATE' };
  const text = value.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '' || /^[-–—]+$/.test(text)) return { ok: true, value: null };
  return fromText(text.replace(/^(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad)\s*,?\s*/, ''), options);
}

/** An Excel serial (days since 1899-12-30; the time of day is dropped) as `YYYY-MM-DD`. */
export function excelSerialToIso(serial: number): string {
  return new Date(EXCEL_EPOCH + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

function fromNumber(value: number): ValueResult<string> {
  if (!Number.isFinite(value)) return { ok: false, reason: 'UNREADABLE_DATE' };
  // 20260831: a date written as digits by some SIMPADA versions.
  if (Number.isInteger(value) && value >= 19_000_101 && value <= 21_001_231) {
    return calendar(Math.floor(value / 10_000), Math.floor(value / 100) % 100, value % 100);
  }
  if (value < 1 || value > 2_958_465) return { ok: false, reason: 'UNREADABLE_DATE' };
  return inRange(excelSerialToIso(value));
}

function fromText(text: string, options: DateOptions): ValueResult<string> {
  let m: RegExpExecArray | null;
  // 2026-08-31, 2026/08/31, optionally with a time and an offset
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ t](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(z|[+-]\d{2}:?\d{2})?$/.exec(text))) {
    if (m[7]) return fromInstant(text, options);
    return calendar(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  // 31/08/2026, 31-08-2026, 31.08.2026, 31/08/26, optionally with a time
  if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?: \d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?$/.exec(text))) {
    return calendar(fullYear(m[3]!), Number(m[2]), Number(m[1]));
  }
  // 31 Agustus 2026, 31 Agu 2026, 31-Aug-2026, 31 agt. 2026
  if ((m = /^(\d{1,2})[-/ .]*([a-z]+)\.?[-/ .,]*(\d{4}|\d{2})$/.exec(text))) {
    const month = monthNumber(m[2]!);
    return month ? calendar(fullYear(m[3]!), month, Number(m[1])) : { ok: false, reason: 'UNREADABLE_DATE' };
  }
  // August 31, 2026
  if ((m = /^([a-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(text))) {
    const month = monthNumber(m[1]!);
    return month ? calendar(Number(m[3]), month, Number(m[2])) : { ok: false, reason: 'UNREADABLE_DATE' };
  }
  // A serial or 8 digits that lost their cell format on the way to CSV.
  if (/^\d{5}$/.test(text) || /^\d{8}$/.test(text)) return fromNumber(Number(text));
  return { ok: false, reason: 'UNREADABLE_DATE' };
}

function fromInstant(text: string, options: DateOptions): ValueResult<string> {
  const instant = new Date(text.toUpperCase().replace(' ', 'T'));
  if (Number.isNaN(instant.getTime())) return { ok: false, reason: 'UNREADABLE_DATE' };
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: options.timeZone ?? 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  return inRange(day);
}

/** Two-digit years: 90–99 are the 1990s, the rest this century. */
function fullYear(digits: string): number {
  const year = Number(digits);
  if (digits.length === 4) return year;
  return year >= 90 ? 1900 + year : 2000 + year;
}

function calendar(year: number, month: number, day: number): ValueResult<string> {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, reason: 'UNREADABLE_DATE' };
  return inRange(`${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function inRange(iso: string): ValueResult<string> {
  if (iso < EARLIEST_DATE || iso > LATEST_DATE) return { ok: false, reason: 'DATE_OUT_OF_RANGE' };
  return { ok: true, value: iso };
}
