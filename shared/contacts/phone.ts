import { PhoneNumber, getCountryCallingCode, parsePhoneNumberFromString, validatePhoneNumberLength, type PhoneNumberType } from 'libphonenumber-js/core';
// The full metadata, so getType() tells MOBILE from FIXED_LINE. Passed explicitly: the CommonJS
// build of `libphonenumber-js/max` does not bind it into `PhoneNumber`.
import metadata from 'libphonenumber-js/max/metadata';

export type PhoneStatus = 'valid' | 'landline' | 'invalid' | 'missing';
export type InvalidReason =
  | 'too_short'
  | 'too_long'
  /** The right length, but no such number range (e.g. `0809 8999 9`, `00812…`). */
  | 'invalid_number'
  /** A real number of another kind: toll-free, premium, shared cost, VoIP, UAN… */
  | 'not_mobile_or_landline'
  /** Text without digits that is not a placeholder (`Budi`). */
  | 'not_a_number'
  /** An Excel number in scientific notation whose digits were rounded away (`6.28123E+12`). */
  | 'digits_lost'
  | 'cell_too_long';

export interface PhoneCandidate {
  /** The piece as written (whitespace normalised, trimmed). */
  text: string;
  e164: string | null;
  status: 'valid' | 'landline' | 'invalid';
  reason?: InvalidReason;
}

export interface PhoneCell {
  status: PhoneStatus;
  /** E.164 of the first mobile candidate. */
  primary: string | null;
  /** E.164 of every other usable candidate, mobiles first, then landlines; no duplicates, never the primary. */
  alternates: string[];
  /** E.164 of the first landline. */
  landline: string | null;
  candidates: PhoneCandidate[];
  /** Why the cell is invalid: the first invalid candidate's reason, or cell_too_long. */
  reason?: InvalidReason;
}

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

/** `+62 812 3456 7890`: libphonenumber-js's international format (it separates groups with spaces). */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164, metadata)?.formatInternational() ?? e164;
}

/** Words that say "no number" (`Tidak Ada`, `N/A`, `kosong`) or only label one (`HP`, `WA`, `Telp`). */
export function isNoInformation(words: readonly string[], labels: ReadonlySet<string>): boolean {
  return words.every((w) => NO_INFORMATION.has(w) || labels.has(w));
}

const NO_INFORMATION = new Set(['tidak', 'tdk', 'tak', 'ada', 'kosong', 'belum', 'blm', 'diketahui', 'punya', 'n', 'a', 'na', 'null', 'none', 'nil', 'nihil']);
const PHONE_LABELS = new Set(['hp', 'wa', 'whatsapp', 'telp', 'tlp', 'telepon', 'telpon', 'tel', 'phone', 'no', 'nomor', 'nomer', 'kontak', 'hub', 'kantor', 'rumah']);
/** `ext 12`, `x12`, `psw. 12` (pesawat): the digits after them are an extension, not a number. */
const EXTENSION_WORDS = new Set(['ext', 'ex', 'x', 'ekst', 'extension', 'psw', 'pes', 'pesawat']);
/** Non-breaking and other unusual spaces, tabs and carriage returns, replaced one for one so offsets stay put. */
const ODD_SPACE = /[\t\v\f\r\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/g;
/** Between two digit groups of one number: spaces, dashes, dots, brackets, slashes, quotes. */
const SOFT_SEPARATORS = new Set([..." -.()/'\"+\u2013\u2014"].map((c) => c.charCodeAt(0)));
/** Digits alone, as typed or as Excel holds a number: `081234567890`, `'0812…`, `81234567890.0`, `8.1234567890E+10`, `8,12346E+10`. */
const NUMBER_CELL = /^'?(\+?\d+)(?:[.,](\d+))?(?:[eE]\+?(-?\d+))?$/;

const INDONESIA = getCountryCallingCode('ID', metadata);
/** Indonesian numbers are dialled nationally as 0 + the national significant number. */
const TRUNK_PREFIX = '0';
/** E.164 allows 15 digits; with `0062` or a stray trunk prefix a written number may have two more. */
const MAX_DIGITS = 17;

type Usable = 'valid' | 'landline';
interface Reading {
  status: Usable | 'invalid';
  e164: string | null;
  /** Filled in when a candidate is reported: finding the reason costs more than finding the number invalid. */
  reason?: InvalidReason;
  /** The Indonesian national significant number tried, for the reason. */
  nsn?: string;
  /** Read as a national number that lost its trunk prefix (`81234567890`): only trusted when it fills a whole run. */
  lostZero: boolean;
}

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

/** `0`, `00`, `000-000` are placeholders, alone or beside a number (`0812… / 0`). */
function withoutZeroStretches(run: Group[]): Group[] {
  const kept: Group[] = [];
  let from = 0;
  for (let k = 1; k <= run.length; k += 1) {
    if (k < run.length && !run[k]?.afterSlash) continue;
    const stretch = run.slice(from, k);
    if (!stretch.every((g) => /^\+?0+$/.test(g.digits))) kept.push(...stretch);
    from = k;
  }
  return kept;
}

interface Group {
  /** Digits, with a leading `+` when written with one. */
  digits: string;
  start: number;
  end: number;
  /** A `/` stands between this group and the previous one. */
  afterSlash: boolean;
  /** A letter is glued to the group's last digit. */
  garbled?: boolean;
}

/**
 * Splits a cell into runs of digit groups. A run ends at a word (a label, `dan`, `atau`), a list
 * separator (`,` `;` `&` `:` a line break); within a run only spaces, dashes, dots, brackets and
 * slashes stand between groups, and which groups form one number is decided later.
 */
function tokenise(text: string): { runs: Group[][]; words: string[] } {
  const runs: Group[][] = [];
  const words: string[] = [];
  let run: Group[] = [];
  let slash = false;
  let extension = false;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    let runEnds = false;
    if (isDigit(c) || (c === PLUS && isDigit(text.charCodeAt(i + 1)))) {
      let j = i + 1;
      while (isDigit(text.charCodeAt(j))) j += 1;
      const last = run[run.length - 1];
      if (extension && last) last.end = j;
      else run.push({ digits: text.slice(i, j), start: i, end: j, afterSlash: slash });
      extension = false;
      slash = false;
      i = j;
    } else if (isLetter(c)) {
      let j = i + 1;
      while (isLetter(text.charCodeAt(j))) j += 1;
      const word = text.slice(i, j).toLowerCase();
      const last = run[run.length - 1];
      if (last && EXTENSION_WORDS.has(word)) extension = true;
      else {
        // `0812 3456 789O`: a letter typed for a digit; the digits before it are not a number to message.
        if (last && last.end === i && !PHONE_LABELS.has(word)) last.garbled = true;
        words.push(word);
        runEnds = true;
      }
      i = j;
    } else {
      if (c === SLASH) slash = true;
      else if (!SOFT_SEPARATORS.has(c)) runEnds = true;
      i += 1;
    }
    if (runEnds) {
      if (run.length > 0) runs.push(run);
      run = [];
      slash = false;
      extension = false;
    }
  }
  if (run.length > 0) runs.push(run);
  return { runs, words };
}

/**
 * The numbers in one run. When the whole run is not one usable number, it is cut where that
 * yields the most usable numbers (`0812 3456 7890 0813 1111 2222` is two); what is left over is
 * reported as invalid pieces.
 */
function readRun(text: string, run: Group[]): PhoneCandidate[] {
  const whole = run.map((g) => g.digits).join('');
  const oneNumber = run.every((g, k) => k === 0 || !(g.digits.startsWith('+') || g.afterSlash));
  if (oneNumber && whole.length <= MAX_DIGITS + 1) {
    const reading = read(whole);
    if (reading.status !== 'invalid' || run.length === 1) return [candidate(spanText(text, run[0], run[run.length - 1]), reading)];
  }
  const cuts = bestCuts(run);
  if (cuts.usable === 0) return leftovers(text, run);
  const out: PhoneCandidate[] = [];
  let from = 0;
  for (const piece of cuts.pieces) {
    if (piece.from > from) out.push(...leftovers(text, run.slice(from, piece.from)));
    out.push(candidate(spanText(text, run[piece.from], run[piece.to - 1]), piece.reading));
    from = piece.to;
  }
  if (from < run.length) out.push(...leftovers(text, run.slice(from)));
  return out;
}

interface Piece {
  from: number;
  to: number;
  reading: Reading;
}
interface Cuts {
  usable: number;
  /** Slashes inside a number (`0812/3456/7890`): allowed, but a slash more likely separates two numbers. */
  slashesInside: number;
  leftover: number;
  pieces: Piece[];
}

/**
 * Dynamic programme over the cut points: most usable numbers, then fewest slashes inside one,
 * then fewest leftover groups, then fewest numbers. A number that lost its leading zero is only
 * believed where something starts: the run, or after a slash.
 */
function bestCuts(run: Group[]): Cuts {
  const best: Cuts[] = [];
  best[run.length] = { usable: 0, slashesInside: 0, leftover: 0, pieces: [] };
  for (let i = run.length - 1; i >= 0; i -= 1) {
    const skip = best[i + 1] as Cuts;
    let choice: Cuts = { ...skip, leftover: skip.leftover + 1 };
    let digits = '';
    let slashes = 0;
    for (let j = i; j < run.length; j += 1) {
      const group = run[j] as Group;
      if (j > i && group.digits.startsWith('+')) break;
      if (j > i && group.afterSlash) slashes += 1;
      digits += group.digits;
      if (digits.length > MAX_DIGITS + 1) break;
      const reading = read(digits);
      if (reading.status === 'invalid' || (reading.lostZero && i > 0 && !run[i]?.afterSlash)) continue;
      const rest = best[j + 1] as Cuts;
      const option: Cuts = {
        usable: rest.usable + 1,
        slashesInside: rest.slashesInside + slashes,
        leftover: rest.leftover,
        pieces: [{ from: i, to: j + 1, reading }, ...rest.pieces],
      };
      if (better(option, choice)) choice = option;
    }
    best[i] = choice;
  }
  return best[0] as Cuts;
}

function better(a: Cuts, b: Cuts): boolean {
  if (a.usable !== b.usable) return a.usable > b.usable;
  if (a.slashesInside !== b.slashesInside) return a.slashesInside < b.slashesInside;
  if (a.leftover !== b.leftover) return a.leftover < b.leftover;
  return a.pieces.length < b.pieces.length;
}

/** Groups that form no usable number, one invalid candidate per slash-separated stretch. */
function leftovers(text: string, groups: Group[]): PhoneCandidate[] {
  const out: PhoneCandidate[] = [];
  let from = 0;
  for (let k = 1; k <= groups.length; k += 1) {
    const next = groups[k];
    if (next && !next.afterSlash && !next.digits.startsWith('+')) continue;
    const stretch = groups.slice(from, k);
    const reading = read(stretch.map((g) => g.digits).join(''));
    const reason = reading.status === 'invalid' ? reasonOf(reading) : 'invalid_number';
    out.push({ text: spanText(text, stretch[0], stretch[stretch.length - 1]), e164: null, status: 'invalid', reason });
    from = k;
  }
  return out;
}

function candidate(text: string, reading: Reading): PhoneCandidate {
  const c: PhoneCandidate = { text, e164: reading.e164, status: reading.status };
  if (reading.status === 'invalid') c.reason = reasonOf(reading);
  return c;
}

function reasonOf(reading: Reading): InvalidReason {
  reading.reason ??= reading.nsn === undefined ? 'invalid_number' : nationalReason(reading.nsn);
  return reading.reason;
}

/** The text from the first group to the last, with the bracket of `(0711) 352000` and, if asked, letters glued on. */
function spanText(text: string, first: Group | undefined, last: Group | undefined, gluedLetters = false): string {
  let start = first?.start ?? 0;
  let end = last?.end ?? text.length;
  if (text[start - 1] === '(' && text.lastIndexOf(')', end - 1) >= start) start -= 1;
  while (gluedLetters && isLetter(text.charCodeAt(end))) end += 1;
  return text.slice(start, end).trim();
}

/**
 * Readings by written digits, so a number repeated across rows is classified once. Bounded by
 * two generations: when the young one fills up it becomes the old one and the old one is dropped
 * (deleting single Map entries from the front instead degrades badly in V8).
 */
const GENERATION_SIZE = 50_000;
let young = new Map<string, Reading>();
let old = new Map<string, Reading>();

function read(digits: string): Reading {
  let reading = young.get(digits);
  if (reading !== undefined) return reading;
  reading = old.get(digits) ?? interpret(digits);
  if (young.size >= GENERATION_SIZE) {
    old = young;
    young = new Map();
  }
  young.set(digits, reading);
  return reading;
}

function interpret(digits: string): Reading {
  if (digits.startsWith(`+${INDONESIA}`)) return national(afterCountryCode(digits.slice(1 + INDONESIA.length)), false);
  if (digits.startsWith('+')) return international(digits);
  if (digits.startsWith(`00${INDONESIA}`)) return national(afterCountryCode(digits.slice(2 + INDONESIA.length)), false);
  if (digits.startsWith(TRUNK_PREFIX)) return national(digits.slice(TRUNK_PREFIX.length), false);
  if (digits.startsWith(INDONESIA)) {
    // `6281234567890` is far likelier +62 than a Sumatran 062x landline that lost its zero.
    const withCode = national(afterCountryCode(digits.slice(INDONESIA.length)), false);
    if (withCode.status !== 'invalid') return withCode;
    const withoutCode = national(digits, true);
    return withoutCode.status !== 'invalid' ? withoutCode : withCode;
  }
  return national(digits, true);
}

/** `+62 0812…`, `+62 (0)812…`: the trunk prefix written after the country code. */
function afterCountryCode(nsn: string): string {
  return nsn.startsWith(TRUNK_PREFIX) ? nsn.slice(TRUNK_PREFIX.length) : nsn;
}

function national(nsn: string, lostZero: boolean): Reading {
  if (nsn === '') return { status: 'invalid', e164: null, reason: 'too_short', lostZero };
  const e164 = `+${INDONESIA}${nsn}`;
  const status = usability(new PhoneNumber(e164, metadata).getType());
  if (status === 'other') return { status: 'invalid', e164: null, reason: 'not_mobile_or_landline', lostZero };
  if (status) return { status, e164, lostZero };
  return { status: 'invalid', e164: null, nsn, lostZero };
}

function international(digits: string): Reading {
  const number = parsePhoneNumberFromString(digits, metadata);
  const status = number ? usability(number.getType()) : undefined;
  if (number && status && status !== 'other') return { status, e164: number.number, lostZero: false };
  if (status === 'other') return { status: 'invalid', e164: null, reason: 'not_mobile_or_landline', lostZero: false };
  return { status: 'invalid', e164: null, reason: lengthReason(digits) ?? 'invalid_number', lostZero: false };
}

function usability(type: PhoneNumberType | undefined): Usable | 'other' | undefined {
  if (type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE') return 'valid';
  if (type === 'FIXED_LINE') return 'landline';
  return type ? 'other' : undefined;
}

/**
 * Why an Indonesian number is not one: too short when adding digits would make it a mobile or
 * landline, too long when dropping some would; the ranges are libphonenumber's, not ours.
 */
function nationalReason(nsn: string): InvalidReason {
  const known = lengthReason(`+${INDONESIA}${nsn}`);
  if (known) return known;
  const usable = (candidate: string) => usability(new PhoneNumber(`+${INDONESIA}${candidate}`, metadata).getType()) ?? 'other';
  for (let padded = `${nsn}0`; padded.length <= MAX_DIGITS; padded += '0') {
    if (usable(padded) !== 'other') return 'too_short';
  }
  for (let cut = nsn.slice(0, -1); cut !== '' && lengthReason(`+${INDONESIA}${cut}`) === undefined; cut = cut.slice(0, -1)) {
    if (usable(cut) !== 'other') return 'too_long';
  }
  return 'invalid_number';
}

function lengthReason(e164: string): InvalidReason | undefined {
  const verdict = validatePhoneNumberLength(e164, metadata);
  if (verdict === 'TOO_SHORT') return 'too_short';
  if (verdict === 'TOO_LONG') return 'too_long';
  return undefined;
}

const PLUS = 43;
const SLASH = 47;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
