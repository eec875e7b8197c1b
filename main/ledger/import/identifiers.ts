import { cellText, type CellValue } from './cells.js';
import type { ValueResult } from './reasons.js';

/**
 * Codes and numbers that identify a bill, taxpayer or object. A code typed into a number cell
 * keeps only 15 significant digits in Excel (`1.60226E+17`), so a long code that arrives as a
 * number, or as Excel's scientific text, has lost digits and is refused instead of imported as
 * somebody else's code.
 */
const EXCEL_DIGITS = 15;
const PLACEHOLDER = /^[-–—.]+$|^(tidak ada|tdk ada|n\/?a|null|none)$/i;

/** Trimmed, upper-case, inner spaces removed: `p.2.0100001 .16.02` → `P.2.0100001.16.02`. */
export function canonicalCode(value: CellValue): ValueResult<string> {
  if (value === null || typeof value === 'boolean') return { ok: true, value: null };
  if (value instanceof Date) return { ok: false, reason: 'UNREADABLE_CODE' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0 || !Number.isInteger(value)) return { ok: false, reason: 'UNREADABLE_CODE' };
    if (value >= 10 ** EXCEL_DIGITS) return { ok: false, reason: 'NUMBER_PRECISION_LOST' };
    return { ok: true, value: String(value) };
  }
  const trimmed = value.replace(/[\s\u00a0]+/g, ' ').trim();
  if (trimmed === '' || PLACEHOLDER.test(trimmed)) return { ok: true, value: null };
  const text = trimmed.replace(/ /g, '').toUpperCase();
  if (/^\d+([.,]\d+)?E\+?\d+$/.test(text)) return { ok: false, reason: 'NUMBER_PRECISION_LOST' };
  return { ok: true, value: text };
}

/** NPWPD as domain.md says to compare it: trimmed, upper-cased, inner spaces removed. */
export function canonicalNpwpd(value: CellValue): string | null {
  const result = canonicalCode(value);
  return result.ok ? result.value : null;
}

/**
 * An 18-digit PBB-P2 NOP in its printed form `PP.KK.CCC.DDD.BBB-NNNN.J`, however the export
 * punctuated it; any other object number is kept as written (trimmed).
 */
export function canonicalNop(value: CellValue): ValueResult<string> {
  if (typeof value === 'number') {
    // 18 digits never survive a number cell.
    if (value >= 10 ** EXCEL_DIGITS) return { ok: false, reason: 'NUMBER_PRECISION_LOST' };
    return { ok: true, value: Number.isFinite(value) ? String(value) : null };
  }
  const text = cellText(value).replace(/[\s\u00a0]+/g, ' ').trim();
  if (text === '' || PLACEHOLDER.test(text)) return { ok: true, value: null };
  if (/^\d+([.,]\d+)?E\+?\d+$/i.test(text)) return { ok: false, reason: 'NUMBER_PRECISION_LOST' };
  const digits = text.replace(/\D/g, '');
  if (digits.length === 18 && /^[\d\s.\-/]+$/.test(text)) {
    return { ok: true, value: `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 7)}.${digits.slice(7, 10)}.${digits.slice(10, 13)}-${digits.slice(13, 17)}.${digits.slice(17)}` };
  }
  return { ok: true, value: text };
}
