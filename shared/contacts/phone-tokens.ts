// A cell's text cut into digit groups and words, before deciding which groups form one number.

export const PHONE_LABELS = new Set(['hp', 'wa', 'whatsapp', 'telp', 'tlp', 'telepon', 'telpon', 'tel', 'phone', 'no', 'nomor', 'nomer', 'kontak', 'hub', 'kantor', 'rumah']);
/** `ext 12`, `x12`, `psw. 12` (pesawat): the digits after them are an extension, not a number. */
const EXTENSION_WORDS = new Set(['ext', 'ex', 'x', 'ekst', 'extension', 'psw', 'pes', 'pesawat']);
/** Between two digit groups of one number: spaces, dashes, dots, brackets, slashes, quotes. */
const SOFT_SEPARATORS = new Set([..." -.()/'\"+\u2013\u2014"].map((c) => c.charCodeAt(0)));

/** `0`, `00`, `000-000` are placeholders, alone or beside a number (`0812… / 0`). */
export function withoutZeroStretches(run: Group[]): Group[] {
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

export interface Group {
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
export function tokenise(text: string): { runs: Group[][]; words: string[] } {
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

/** The text from the first group to the last, with the bracket of `(0711) 352000` and, if asked, letters glued on. */
export function spanText(text: string, first: Group | undefined, last: Group | undefined, gluedLetters = false): string {
  let start = first?.start ?? 0;
  let end = last?.end ?? text.length;
  if (text[start - 1] === '(' && text.lastIndexOf(')', end - 1) >= start) start -= 1;
  while (gluedLetters && isLetter(text.charCodeAt(end))) end += 1;
  return text.slice(start, end).trim();
}

const PLUS = 43;
const SLASH = 47;

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
