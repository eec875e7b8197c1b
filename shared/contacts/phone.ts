import { isNoInformation } from './no-information.js';
import { candidate, readRun } from './phone-runs.js';
import { read } from './phone-reading.js';
import { PHONE_LABELS, spanText, tokenise, withoutZeroStretches } from './phone-tokens.js';
import type { InvalidReason, PhoneCandidate, PhoneCell, PhoneStatus } from './phone-types.js';

// The cell as a whole: trimmed, read as an Excel number when it is one, else tokenised into runs.
export type { InvalidReason, PhoneCandidate, PhoneCell, PhoneStatus } from './phone-types.js';
export { formatPhone } from './phone-format.js';
export { isNoInformation } from './no-information.js';

/** A cell longer than this, once trimmed, is not parsed: it is `invalid` with reason `cell_too_long`. */
export const MAX_CELL_LENGTH = 200;

/**
 * Reads one phone cell of an export: any number of numbers, in any of the forms officers and
 * Excel leave behind, classified by libphonenumber-js (default region ID).
 */
export function normalisePhoneCell(raw: string | null | undefined): PhoneCell {
  if (raw == null) return summarise([]);
  // Measured after trimming: exports from fixed-width database columns pad every cell with spaces.
  const trimmed = raw.trim();
  if (trimmed.length > MAX_CELL_LENGTH) return { ...summarise([]), status: 'invalid', reason: 'cell_too_long' };
  const text = trimmed.replace(ODD_SPACE, ' ').trim();
  return summarise(readNumberCell(text) ?? readCandidates(text));
}

/** Non-breaking and other unusual spaces, tabs and carriage returns, replaced one for one so offsets stay put. */
const ODD_SPACE = /[\t\v\f\r\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/g;
/** Digits alone, as typed or as Excel holds a number: `081234567890`, `'0812…`, `81234567890.0`, `8.1234567890E+10`, `8,12346E+10`. */
const NUMBER_CELL = /^'?(\+?\d+)(?:[.,](\d+))?(?:[eE]\+?(-?\d+))?$/;

function summarise(candidates: PhoneCandidate[]): PhoneCell {
  let primary: string | null = null;
  let landline: string | null = null;
  let reason: InvalidReason | undefined;
  const alternates: string[] = [];
  for (const c of candidates) {
    if (c.status !== 'valid') reason ??= c.reason;
    else if (primary === null) primary = c.e164;
    else if (c.e164 !== primary && !alternates.includes(c.e164 as string)) alternates.push(c.e164 as string);
  }
  for (const c of candidates) {
    if (c.status !== 'landline') continue;
    landline ??= c.e164;
    if (!alternates.includes(c.e164 as string)) alternates.push(c.e164 as string);
  }
  const status: PhoneStatus = primary ? 'valid' : landline ? 'landline' : candidates.length > 0 ? 'invalid' : 'missing';
  const cell: PhoneCell = { status, primary, alternates, landline, candidates };
  if (status === 'invalid') cell.reason = reason;
  return cell;
}

/** A cell holding digits alone (the common case, read without tokenising); null when it holds more. */
function readNumberCell(text: string): PhoneCandidate[] | null {
  const m = NUMBER_CELL.exec(text);
  if (!m) return null;
  const [, integer = '', fraction, exponent] = m;
  const written = text.startsWith("'") ? text.slice(1) : text;
  if (fraction === undefined && exponent === undefined) return /^\+?0+$/.test(integer) ? [] : [candidate(written, read(integer))];
  // Excel's numbers never start with 0 or +: `0812.3456.7890` is a dotted number, read as text.
  if (/^[+0]/.test(integer)) return null;
  if (exponent === undefined) return /^0+$/.test(fraction ?? '') ? [candidate(written, read(integer))] : null;
  // Scientific notation: only an exact integer whose every digit is written is a number we can trust.
  const digits = integer + (fraction ?? '');
  const point = integer.length + Number(exponent);
  if (point > digits.length) return [{ text: written, e164: null, status: 'invalid', reason: 'digits_lost' }];
  if (point < 1 || !/^0*$/.test(digits.slice(point))) return [{ text: written, e164: null, status: 'invalid', reason: 'not_a_number' }];
  return [candidate(written, read(digits.slice(0, point)))];
}

function readCandidates(text: string): PhoneCandidate[] {
  const { runs, words } = tokenise(text);
  const candidates: PhoneCandidate[] = [];
  for (const written of runs) {
    const run = withoutZeroStretches(written);
    if (run.length === 0) continue;
    if (run.some((g) => g.garbled)) {
      candidates.push({ text: spanText(text, run[0], run[run.length - 1], true), e164: null, status: 'invalid', reason: 'not_a_number' });
    } else candidates.push(...readRun(text, run));
  }
  if (candidates.length === 0 && !isNoInformation(words, PHONE_LABELS)) {
    candidates.push({ text, e164: null, status: 'invalid', reason: 'not_a_number' });
  }
  return candidates;
}
