/** The screen's period (a WIB day or a month) and the statement mapping's column letters, as the API takes them. */

export type PeriodKind = 'day' | 'month';

/** `2026-11-23` for a day, `2026-11` for its month: the form `reconciliation.*` takes. */
export function periodOf(kind: PeriodKind, day: string): string {
  return kind === 'day' ? day : day.slice(0, 7);
}

/** `A` → 0, `Z` → 25, `AB` → 27; null for anything that is not a column letter. */
export function columnIndex(letters: string): number | null {
  const text = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,2}$/.test(text)) return null;
  let index = 0;
  for (const char of text) index = index * 26 + (char.charCodeAt(0) - 64);
  return index - 1;
}

/**
 * The letters typed per field to the mapping `statements.import` takes; blank fields are left
 * out, and the first letter that is not a column is returned so the form can name it.
 */
export function mappingFromLetters(letters: Readonly<Record<string, string>>): { mapping: Record<string, number> } | { invalid: string } {
  const mapping: Record<string, number> = {};
  for (const [field, typed] of Object.entries(letters)) {
    if (typed.trim() === '') continue;
    const index = columnIndex(typed);
    if (index === null) return { invalid: typed };
    mapping[field] = index;
  }
  return { mapping };
}
