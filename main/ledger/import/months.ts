/**
 * Month names as they appear in exports: Indonesian full names and the abbreviations officers
 * and SIMPADA versions use (`Agt`, `Agu`, `Nop`, `Peb`), and English ones from Excel running in
 * an English locale.
 */
const MONTHS: readonly (readonly string[])[] = [
  ['januari', 'jan', 'january'],
  ['februari', 'feb', 'pebruari', 'peb', 'february'],
  ['maret', 'mar', 'march'],
  ['april', 'apr'],
  ['mei', 'may'],
  ['juni', 'jun', 'june'],
  ['juli', 'jul', 'july'],
  ['agustus', 'agu', 'agt', 'ags', 'agst', 'aug', 'august'],
  ['september', 'sep', 'sept'],
  ['oktober', 'okt', 'oct', 'october'],
  ['november', 'nov', 'nop', 'nopember'],
  ['desember', 'des', 'dec', 'december'],
];

const BY_NAME = new Map(MONTHS.flatMap((names, i) => names.map((name) => [name, i + 1] as [string, number])));

/** 1–12 for a month name or abbreviation in any case (a trailing dot allowed), else null. */
export function monthNumber(name: string): number | null {
  return BY_NAME.get(name.toLowerCase().replace(/\.$/, '')) ?? null;
}
