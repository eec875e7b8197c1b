/** Words that say "no number" (`Tidak Ada`, `N/A`, `kosong`) or only label one (`HP`, `WA`, `Telp`). */
export function isNoInformation(words: readonly string[], labels: ReadonlySet<string>): boolean {
  return words.every((w) => NO_INFORMATION.has(w) || labels.has(w));
}

const NO_INFORMATION = new Set(['tidak', 'tdk', 'tak', 'ada', 'kosong', 'belum', 'blm', 'diketahui', 'punya', 'n', 'a', 'na', 'null', 'none', 'nil', 'nihil']);
