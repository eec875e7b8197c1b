import { cellText, columnLetter, type CellValue } from './cells.js';
import { FIELD_SYNONYMS, FIELDS, IGNORED_HEADERS, REQUIRED_GROUPS, type ColumnField, type Field } from './fields.js';

/**
 * Which column holds which field. Detection recognises the header synonyms of fields.ts; a saved
 * profile (looked up by the header row's key) replaces detection for a header row seen before;
 * the officer's own choices replace both.
 */
export interface ColumnMapping {
  index: number;
  letter: string;
  /** The header text as the file has it. */
  header: string;
  field: ColumnField;
  source: 'detected' | 'profile' | 'user';
}

export interface Mapping {
  headerKey: string;
  /** Where the mapping as a whole came from: the officer's overrides win over a profile over detection. */
  source: 'detected' | 'profile' | 'user';
  columns: ColumnMapping[];
  /** A field claimed by more than one column; the first (leftmost) one is used. */
  ambiguous: { field: Field; columns: number[] }[];
  missingRequired: { id: string; en: string }[];
}

/** The officer's choices, by 0-based column index or by header text (any case and spacing). */
export interface MappingOverrides {
  byIndex?: Record<number, Field | 'ignore'>;
  byHeader?: Record<string, Field | 'ignore'>;
}

/** A mapping remembered for a header row, reused silently when the same header comes back. */
export interface MappingProfile {
  headerKey: string;
  columns: ColumnField[];
}

export interface MappingOptions {
  overrides?: MappingOverrides;
  profiles?: readonly MappingProfile[];
}

export function detectMapping(headerCells: readonly CellValue[], options: MappingOptions = {}): Mapping {
  const key = headerKey(headerCells);
  const profile = options.profiles?.find((p) => p.headerKey === key);
  const byHeader = normaliseKeys(options.overrides?.byHeader);
  const byIndex = options.overrides?.byIndex ?? {};
  const width = Math.max(headerCells.length, ...Object.keys(byIndex).map((k) => Number(k) + 1).filter(Number.isFinite));
  let anyUser = false;
  const columns: ColumnMapping[] = [];
  for (let index = 0; index < width; index++) {
    const header = cellText(headerCells[index]).trim();
    const normalised = normaliseHeader(header);
    const user: string | undefined = byIndex[index] ?? byHeader.get(normalised);
    const saved = profile?.columns[index];
    let field: ColumnField;
    let source: ColumnMapping['source'];
    if (user && user !== 'unknown' && isColumnField(user)) {
      field = user;
      source = 'user';
      anyUser = true;
    } else if (saved && saved !== 'unknown' && isColumnField(saved)) {
      field = saved;
      source = 'profile';
    } else {
      field = recogniseHeader(normalised) ?? 'unknown';
      source = 'detected';
    }
    if (!header && field === 'unknown') continue;
    columns.push({ index, letter: columnLetter(index), header, field, source });
  }
  const claims = new Map<Field, number[]>();
  for (const column of columns) {
    if (column.field === 'unknown' || column.field === 'ignore') continue;
    claims.set(column.field, [...(claims.get(column.field) ?? []), column.index]);
  }
  const ambiguous = [...claims].filter(([, cols]) => cols.length > 1).map(([field, cols]) => ({ field, columns: cols }));
  const missingRequired = REQUIRED_GROUPS.filter((g) => !g.fields.some((f) => claims.has(f))).map(({ id, en }) => ({ id, en }));
  return { headerKey: key, source: anyUser ? 'user' : profile ? 'profile' : 'detected', columns, ambiguous, missingRequired };
}

/** A header row's signature: its normalised texts, so `Kode  Bayar` and `KODE BAYAR` match. */
export function headerKey(headerCells: readonly CellValue[]): string {
  const parts = Array.from(headerCells, (cell) => normaliseHeader(cellText(cell)));
  while (parts.length && parts[parts.length - 1] === '') parts.pop();
  return parts.join('|');
}

/** Lower case, accents and punctuation gone, `Rp`/`IDR` units dropped, single spaces. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((word) => word !== '' && word !== 'rp' && word !== 'idr')
    .join(' ');
}

const SYNONYM_INDEX = new Map<string, Field | 'ignore'>([
  ...FIELDS.flatMap((field) => FIELD_SYNONYMS[field].map((s) => [s, field] as [string, Field])),
  ...IGNORED_HEADERS.map((s) => [s, 'ignore'] as [string, 'ignore']),
]);

/** The field a normalised header names, `ignore` for a known non-field, or null. */
export function recogniseHeader(normalised: string): Field | 'ignore' | null {
  return SYNONYM_INDEX.get(normalised) ?? null;
}

/** Column of each field (the first, when ambiguous), with its header text and letter. */
export type FieldColumns = Partial<Record<Field, { index: number; header: string; letter: string }>>;

export function fieldColumns(mapping: Mapping): FieldColumns {
  const result: FieldColumns = {};
  for (const column of mapping.columns) {
    if (column.field === 'unknown' || column.field === 'ignore' || result[column.field]) continue;
    result[column.field] = { index: column.index, header: column.header || column.letter, letter: column.letter };
  }
  return result;
}

function isColumnField(value: string): value is ColumnField {
  return value === 'ignore' || value === 'unknown' || (FIELDS as readonly string[]).includes(value);
}

function normaliseKeys(byHeader: Record<string, Field | 'ignore'> | undefined): Map<string, Field | 'ignore'> {
  return new Map(Object.entries(byHeader ?? {}).map(([header, field]) => [normaliseHeader(header), field]));
}
