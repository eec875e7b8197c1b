import type { CellValue } from './cells.js';
import type { ValueResult } from './reasons.js';

/**
 * An amount cell as integer Rupiah. Exports write `1250000`, `1.250.000`, `Rp 1.250.000`,
 * `Rp. 1.250.000,00` and `Rp 1.250.000,-` (dot = thousands, comma = decimals); a CSV from an
 * English-locale Excel may write `1,250,000.00`, accepted only where it cannot be read the
 * Indonesian way. A fraction of a Rupiah other than zero is refused rather than rounded: it
 * means the cell is not what we think it is.
 */
export const MAX_RUPIAH = 1_000_000_000_000;

/** Float noise from a number cell computed by Excel (1250000.0000000002) is not a fraction. */
const FLOAT_NOISE = 1e-6;

export function parseRupiah(value: CellValue): ValueResult<number> {
  if (value === null || typeof value === 'boolean' || value instanceof Date) {
    return value === null ? { ok: true, value: null } : { ok: false, reason: 'UNREADABLE_AMOUNT' };
  }
  if (typeof value === 'number') return checkAmount(value);
  let text = value.replace(/[\s\u00a0\u202f]+/g, '');
  if (text === '' || /^[-–—]+$/.test(text)) return { ok: true, value: null };
  // Accounting format prints zero as `Rp -`.
  if (/^(rp\.?|idr)[-–—]$/i.test(text)) return { ok: true, value: 0 };
  let negative = false;
  if (/^\(.*\)$/.test(text)) [negative, text] = [true, text.slice(1, -1)];
  if (text.startsWith('-')) [negative, text] = [true, text.slice(1)];
  text = text.replace(/^(rp\.?|idr)/i, '');
  if (text.startsWith('-')) [negative, text] = [true, text.slice(1)];
  // `Rp 1.250.000,-` is a whole amount.
  text = text.replace(/[,.]-$/, '');
  const amount = readNumber(text);
  if (amount === null) return { ok: false, reason: 'UNREADABLE_AMOUNT' };
  if (negative && (amount.whole !== 0 || amount.fractional)) return { ok: false, reason: 'NEGATIVE_AMOUNT' };
  if (amount.fractional) return { ok: false, reason: 'FRACTIONAL_AMOUNT' };
  return checkAmount(amount.whole);
}

function checkAmount(amount: number): ValueResult<number> {
  if (!Number.isFinite(amount)) return { ok: false, reason: 'UNREADABLE_AMOUNT' };
  if (amount < 0) return { ok: false, reason: 'NEGATIVE_AMOUNT' };
  const whole = Math.round(amount);
  if (Math.abs(amount - whole) > FLOAT_NOISE) return { ok: false, reason: 'FRACTIONAL_AMOUNT' };
  if (whole > MAX_RUPIAH) return { ok: false, reason: 'AMOUNT_TOO_LARGE' };
  return { ok: true, value: whole };
}

/** A non-negative number in one of the accepted spellings, or null. */
function readNumber(text: string): { whole: number; fractional: boolean } | null {
  let match: RegExpExecArray | null;
  if (/^\d+$/.test(text)) return { whole: Number(text), fractional: false };
  // 1.250.000 / 1.250.000,00 — Indonesian thousands and decimals
  if ((match = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d*))?$/.exec(text))) return withFraction(match[1]!.replace(/\./g, ''), match[2]);
  // 1250000,00 — Indonesian decimals without thousands
  if ((match = /^(\d+),(\d+)$/.exec(text))) return withFraction(match[1]!, match[2]);
  // 1,250,000 / 1,250,000.00 / 1,250.00 — English, only where no Indonesian reading exists
  if ((match = /^(\d{1,3}(?:,\d{3}){2,})(?:\.(\d+))?$/.exec(text)) || (match = /^(\d{1,3}(?:,\d{3})+)\.(\d+)$/.exec(text))) {
    return withFraction(match[1]!.replace(/,/g, ''), match[2]);
  }
  // 1250000.00 / 125.50 — a decimal point with a fraction that cannot be a thousands group
  if ((match = /^(\d+)\.(\d{1,2}|\d{4,})$/.exec(text))) return withFraction(match[1]!, match[2]);
  return null;
}

function withFraction(integer: string, fraction: string | undefined): { whole: number; fractional: boolean } {
  return { whole: Number(integer), fractional: fraction !== undefined && /[1-9]/.test(fraction) };
}
