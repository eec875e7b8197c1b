/**
 * A name as officers want to read it in a message: `  budi   SANTOSO` is `Budi Santoso`,
 * `RM. PADANG SEDERHANA` is `RM. Padang Sederhana`, `cv. maju jaya` is `CV. Maju Jaya`,
 * `HJ. SITI AMINAH, S.E.` is `Hj. Siti Aminah, S.E.`. Only names typed all in lower or all in
 * upper case are re-cased; a name with mixed case is somebody's deliberate spelling and is
 * kept (spaces tidied).
 */

/** Business forms and abbreviations written in capitals. */
const UPPER = new Set([
  'PT', 'CV', 'UD', 'RM', 'PD', 'TB', 'TK', 'KUD', 'KSU', 'KSP', 'SPBU', 'BUMD', 'BUMN', 'BUMDES', 'PO', 'UPTD', 'PDAM', 'PLN',
  'RS', 'RSU', 'RSUD', 'SMA', 'SMP', 'SD', 'SMK', 'TBK', 'PERSERO', 'II', 'III', 'IV', 'VI', 'VII', 'VIII', 'IX', 'XI', 'XII',
  'OKI', 'WP', 'ATM', 'SPBE', 'CCTV', 'KFC', 'ABT',
]);

/** Titles with their own casing. */
const TITLES: Record<string, string> = {
  H: 'H', HJ: 'Hj', IR: 'Ir', DR: 'Dr', DRS: 'Drs', DRA: 'Dra', PROF: 'Prof', DRG: 'Drg', ST: 'ST', SE: 'SE', SH: 'SH', SPD: 'SPd', MM: 'MM', MSI: 'MSi', AMD: 'AMd', SKM: 'SKM',
  SKED: 'SKed', SPDI: 'SPdI',
};

export function displayName(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const name = raw.replace(/[\s\u00a0]+/g, ' ').trim();
  if (name === '') return null;
  const lower = /\p{Ll}/u.test(name);
  const upper = /\p{Lu}/u.test(name);
  if (lower === upper) return name;
  return name.replace(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu, (word, offset: number) => caseWord(word, name, offset));
}

function caseWord(word: string, name: string, offset: number): string {
  const upper = word.toUpperCase();
  const next = name[offset + word.length];
  // Initials and dotted degrees: `a.` → `A.`, `s.e.` → `S.E.`
  if (word.length === 1 && next === '.' && !(upper in TITLES)) return upper;
  if (UPPER.has(upper)) return upper;
  if (upper in TITLES && (next === '.' || next === ',' || next === undefined || name[offset - 2] === ',')) return TITLES[upper] ?? word;
  return upper.charAt(0) + word.slice(1).toLowerCase();
}
