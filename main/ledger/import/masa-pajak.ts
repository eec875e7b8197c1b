import type { CellValue } from './cells.js';
import { excelSerialToIso, parseDate } from './dates.js';
import { monthNumber } from './months.js';
import type { ValueResult } from './reasons.js';

/**
 * A tax-period cell. Self-assessed taxes have a month (`Agustus`, `8`, `Agustus 2026`,
 * `08/2026`, `2026-08`, `Agu-26`, or a date cell Excel shows as `Agu-26`); PBB-P2 and other
 * yearly taxes have a year (`2026`, `Januari s/d Desember 2026`). The year may be missing
 * when the export has a separate Tahun column; the row parser combines them.
 */
export interface MasaPajak {
  year: number | null;
  month: number | null;
}

export function parseMasaPajak(value: CellValue): ValueResult<MasaPajak> {
  if (value === null) return { ok: true, value: null };
  if (value instanceof Date) return fromIso(parseDate(value));
  if (typeof value === 'number') return fromNumber(value);
  if (typeof value === 'boolean') return unreadable();
  const text = value.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '' || /^[-–—]+$/.test(text)) return { ok: true, value: null };
  return fromText(text);
}

function fromNumber(value: number): ValueResult<MasaPajak> {
  if (!Number.isInteger(value)) return unreadable();
  if (value >= 1 && value <= 12) return { ok: true, value: { year: null, month: value } };
  if (isYear(value)) return { ok: true, value: { year: value, month: null } };
  // 202608
  if (value >= 199_001 && value <= 210_012 && value % 100 >= 1 && value % 100 <= 12) return { ok: true, value: { year: Math.floor(value / 100), month: value % 100 } };
  // A serial: a month cell that lost its date format.
  if (value >= 32_874 && value <= 73_415) return fromIso({ ok: true, value: excelSerialToIso(value) });
  return unreadable();
}

function fromText(text: string): ValueResult<MasaPajak> {
  let m: RegExpExecArray | null;
  if (/^\d+$/.test(text)) return fromNumber(Number(text));
  // Januari s/d Desember 2026, Jan - Des 2026: a whole year
  if ((m = /^([a-z]+)\.? ?(?:s ?\/ ?d|sd|-|–|sampai( dengan)?) ?([a-z]+)\.? ?(\d{4})$/.exec(text))) {
    if (monthNumber(m[1]!) === 1 && monthNumber(m[3]!) === 12 && isYear(Number(m[4]))) return { ok: true, value: { year: Number(m[4]), month: null } };
    return unreadable();
  }
  // Agustus, Agustus 2026, Agu-2026, Agu-26, Masa Agustus 2026
  if ((m = /^(?:masa )?([a-z]+)\.?(?:[ \-/,]+(\d{4}|\d{2}))?$/.exec(text))) {
    const month = monthNumber(m[1]!);
    if (!month) return unreadable();
    if (!m[2]) return { ok: true, value: { year: null, month } };
    const year = m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
    return isYear(year) ? { ok: true, value: { year, month } } : unreadable();
  }
  // 08/2026, 8-2026
  if ((m = /^(\d{1,2})[-/.](\d{4})$/.exec(text))) return monthYear(Number(m[2]), Number(m[1]));
  // 2026-08, 2026/08
  if ((m = /^(\d{4})[-/.](\d{1,2})$/.exec(text))) return monthYear(Number(m[1]), Number(m[2]));
  // A full date in the period column: its month.
  const date = parseDate(text);
  return date.ok && date.value ? fromIso(date) : unreadable();
}

function monthYear(year: number, month: number): ValueResult<MasaPajak> {
  return isYear(year) && month >= 1 && month <= 12 ? { ok: true, value: { year, month } } : unreadable();
}

function fromIso(date: ValueResult<string>): ValueResult<MasaPajak> {
  if (!date.ok || !date.value) return unreadable();
  return { ok: true, value: { year: Number(date.value.slice(0, 4)), month: Number(date.value.slice(5, 7)) } };
}

function isYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1990 && year <= 2100;
}

function unreadable(): ValueResult<MasaPajak> {
  return { ok: false, reason: 'UNREADABLE_PERIOD' };
}
