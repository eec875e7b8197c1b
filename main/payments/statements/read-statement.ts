import { createHash } from 'node:crypto';
import { UserError } from '../../../shared/errors.js';
import {
  type CellValue,
  columnLetter,
  ImportFileError,
  normaliseHeader,
  openSpreadsheet,
  parseDate,
  parseRupiah,
  REJECT_REASONS,
  type RejectReason,
  type SheetRow,
} from '../../ledger/import/index.js';
import { headerKey, mappedFieldCount, missingFields, recogniseHeaderRow, type StatementField, type StatementMapping } from './statement-columns.js';

/** A bank line as read from the statement, before it is stored. */
export interface StatementLineInput {
  rowNumber: number;
  date: string;
  description: string;
  reference: string | null;
  direction: 'C' | 'D';
  amount: number;
  /** Identifies the bank line across overlapping statements (see lineKey). */
  key: string;
}

export interface ReadStatementResult {
  fileName: string;
  sheet: string;
  headerRow: number;
  headers: string[];
  headerKey: string;
  mapping: StatementMapping;
  lines: StatementLineInput[];
}

export interface ReadStatementOptions {
  fileName: string;
  /** The mapping remembered for a header layout, if any. */
  profileFor?: (headerKey: string) => Promise<StatementMapping | null>;
  /** The treasurer's own mapping, which wins over recognition and profiles. */
  mapping?: StatementMapping | undefined;
  timeZone?: string;
}

/** The header is looked for in this many rows below the bank's letterhead. */
export const STATEMENT_HEADER_ROWS = 30;
/** A header names at least this many statement fields. */
const MIN_HEADER_FIELDS = 3;
const CSV_DELIMITERS = [';', ',', '\t', '|'] as const;
/** Words of rows that carry amounts but are not transactions: balances, totals. */
const SKIP_WORDS = /\b(saldo|total|jumlah|mutasi|subtotal|opening|closing|balance)\b/i;

/**
 * Reads a bank statement (xlsx, xls or CSV) through the SIMPADA readers: finds the header row
 * under the bank's letterhead, maps its columns, and reads every transaction. One unreadable
 * cell rejects the whole file — a statement is the bank's record, and half of one would make
 * the day look unreconciled for the wrong reason — with a message naming file, row and column.
 */
export async function readStatement(file: string, options: ReadStatementOptions): Promise<ReadStatementResult> {
  const table = await findTable(file, options);
  const mapping = options.mapping ?? (await options.profileFor?.(table.headerKey)) ?? table.recognised;
  const missing = missingFields(mapping);
  if (missing.length > 0) throw new UserError('STATEMENT_MISSING_COLUMNS', { file: options.fileName, columns: missing.join(', '), row: table.headerRow });

  const lines: StatementLineInput[] = [];
  const problems: CellProblem[] = [];
  const occurrences = new Map<string, number>();
  for (const row of table.rows) {
    const read = readLine(row, mapping, table.headers, options.timeZone);
    if (read === null) continue;
    if ('problem' in read) {
      problems.push(read.problem);
      continue;
    }
    const base = [read.date, read.reference ?? '', read.amount, read.direction, normaliseText(read.description)].join('|');
    const occurrence = (occurrences.get(base) ?? 0) + 1;
    occurrences.set(base, occurrence);
    lines.push({ ...read, rowNumber: row.rowNumber, key: lineKey(base, occurrence) });
  }
  if (problems.length > 0) throw cellError(options.fileName, problems, table.headers);
  if (lines.length === 0) throw new UserError('STATEMENT_EMPTY', { file: options.fileName });
  return { fileName: options.fileName, sheet: table.sheet, headerRow: table.headerRow, headers: table.headers, headerKey: table.headerKey, mapping, lines };
}

/**
 * Two identical lines in one statement are two transfers, so the key counts occurrences of the
 * same date, reference, amount and description within the file: the same file again, or a
 * later statement overlapping it, yields the same keys and adds nothing.
 */
export function lineKey(base: string, occurrence: number): string {
  return createHash('sha256').update(`${base}|${occurrence}`).digest('hex');
}

interface Table {
  sheet: string;
  headerRow: number;
  headers: string[];
  headerKey: string;
  recognised: StatementMapping;
  rows: SheetRow[];
}

/** The first sheet with a header row; a CSV is tried with each separator until one yields it. */
async function findTable(file: string, options: ReadStatementOptions): Promise<Table> {
  const first = await tableIn(file, options, undefined);
  if (first.table) return first.table;
  if (first.kind === 'csv') {
    for (const delimiter of CSV_DELIMITERS) {
      const retry = await tableIn(file, options, delimiter);
      if (retry.table) return retry.table;
    }
  }
  throw new UserError('STATEMENT_NO_HEADER', { file: options.fileName, rows: STATEMENT_HEADER_ROWS });
}

async function tableIn(file: string, options: ReadStatementOptions, delimiter: (typeof CSV_DELIMITERS)[number] | undefined): Promise<{ kind: string; table: Table | null }> {
  try {
    return await tableFrom(file, options, delimiter);
  } catch (err) {
    // Under heavy load ExcelJS's unzip stream has been seen to report a sound, small file as
    // ended early (FILE_ENDED); a statement is read whole in milliseconds, so read it once more
    // before calling the file damaged. A truly damaged file fails the second time too.
    if (!(err instanceof UserError && err.params.code === 'CORRUPT_FILE')) throw err;
    return tableFrom(file, options, delimiter);
  }
}

async function tableFrom(file: string, options: ReadStatementOptions, delimiter: (typeof CSV_DELIMITERS)[number] | undefined): Promise<{ kind: string; table: Table | null }> {
  try {
    const spreadsheet = await openSpreadsheet(file, { fileName: options.fileName, ...(delimiter ? { delimiter } : {}) });
    const bySheet = new Map<string, SheetRow[]>();
    for await (const row of spreadsheet.rows()) {
      const rows = bySheet.get(row.sheet) ?? [];
      if (rows.length === 0) bySheet.set(row.sheet, rows);
      rows.push(row);
    }
    for (const [sheet, rows] of bySheet) {
      const table = headerIn(sheet, rows, options.mapping) ?? (await rememberedHeaderIn(sheet, rows, options.profileFor));
      if (table) return { kind: spreadsheet.kind, table };
    }
    return { kind: spreadsheet.kind, table: null };
  } catch (err) {
    if (err instanceof ImportFileError) throw new UserError('IMPORT_FILE', { message_id: err.message_id, message_en: err.message_en, code: err.code });
    throw err;
  }
}

function headerIn(sheet: string, rows: SheetRow[], given: StatementMapping | undefined): Table | null {
  let best: { index: number; mapping: StatementMapping } | null = null;
  for (let i = 0; i < Math.min(rows.length, STATEMENT_HEADER_ROWS); i++) {
    const mapping = recogniseHeaderRow(rows[i]!.cells.map(text));
    if (mappedFieldCount(mapping) >= MIN_HEADER_FIELDS && (!best || mappedFieldCount(mapping) > mappedFieldCount(best.mapping))) best = { index: i, mapping };
  }
  // With the treasurer's own mapping, an unrecognisable header is the first row with text in
  // the columns mapped: the bank's names for them do not matter.
  if (!best && given) {
    const index = rows.slice(0, STATEMENT_HEADER_ROWS).findIndex((r) => Object.values(given).every((c) => text(r.cells[c]) !== ''));
    if (index >= 0) best = { index, mapping: {} };
  }
  if (!best) return null;
  const headerRow = rows[best.index]!;
  const headers = headerRow.cells.map(text);
  return { sheet, headerRow: headerRow.rowNumber, headers, headerKey: headerKey(headers), recognised: best.mapping, rows: rows.slice(best.index + 1) };
}

/** A layout no synonym recognises, but whose header a treasurer mapped before. */
async function rememberedHeaderIn(sheet: string, rows: SheetRow[], profileFor: ReadStatementOptions['profileFor']): Promise<Table | null> {
  if (!profileFor) return null;
  for (let i = 0; i < Math.min(rows.length, STATEMENT_HEADER_ROWS); i++) {
    const headers = rows[i]!.cells.map(text);
    if (headers.filter((h) => h !== '').length < 2) continue;
    const key = headerKey(headers);
    const mapping = await profileFor(key);
    if (mapping) return { sheet, headerRow: rows[i]!.rowNumber, headers, headerKey: key, recognised: mapping, rows: rows.slice(i + 1) };
  }
  return null;
}

type Read = Omit<StatementLineInput, 'rowNumber' | 'key'>;

interface CellProblem {
  row: number;
  column: number;
  value: string;
  reason: string;
  reasonEn: string;
}

function readLine(row: SheetRow, mapping: StatementMapping, headers: string[], timeZone: string | undefined): Read | { problem: CellProblem } | null {
  const cell = (field: StatementField): CellValue => (mapping[field] === undefined ? null : (row.cells[mapping[field]!] ?? null));
  const cells = row.cells.map(text);
  if (cells.every((c) => c === '')) return null;
  // A repeated header on the next page.
  if (mapping.date !== undefined && normaliseHeader(cells[mapping.date] ?? '') === normaliseHeader(headers[mapping.date] ?? '') && cells[mapping.date] !== '') return null;

  const movement = readMovement(row, mapping, cell);
  if (movement && 'problem' in movement) return movement;
  const dateCell = cell('date');
  if (text(dateCell) === '') {
    // Opening and closing balances, totals, page sub-totals, or a wrapped description.
    if (!movement || cells.some((c) => SKIP_WORDS.test(c))) return null;
    return problem(row, mapping.date!, dateCell, 'MISSING_DATE');
  }
  const date = parseDate(dateCell, timeZone ? { timeZone } : {});
  if (!date.ok) return problem(row, mapping.date!, dateCell, date.reason);
  if (!movement) return null;
  return {
    date: date.value!,
    description: text(cell('description')).replace(/\s+/g, ' '),
    reference: text(cell('reference')).trim() || null,
    direction: movement.direction,
    amount: movement.amount,
  };
}

/** Money in or out on this row, null when the row moves nothing (a balance line). */
function readMovement(row: SheetRow, mapping: StatementMapping, cell: (f: StatementField) => CellValue): { direction: 'C' | 'D'; amount: number } | { problem: CellProblem } | null {
  if (mapping.credit !== undefined) {
    const credit = parseRupiah(cell('credit'));
    if (!credit.ok) return problem(row, mapping.credit, cell('credit'), credit.reason);
    if (credit.value) return { direction: 'C', amount: credit.value };
    if (mapping.debit !== undefined) {
      const debit = parseRupiah(cell('debit'));
      if (!debit.ok) return problem(row, mapping.debit, cell('debit'), debit.reason);
      if (debit.value) return { direction: 'D', amount: debit.value };
    }
    if (mapping.amount === undefined) return null;
  }
  const column = mapping.amount!;
  const raw = cell('amount');
  let amountText = typeof raw === 'number' ? raw : text(raw);
  let direction: 'C' | 'D' | null = null;
  if (typeof amountText === 'string') {
    // BCA and others print the flag inside the amount: `1.250.000,00 CR`; a minus is money out.
    const flagged = /^(.*?)\s*\b(CR|DB|DR|K|D|C)\.?$/i.exec(amountText.trim());
    if (flagged && /\d/.test(flagged[1]!)) [amountText, direction] = [flagged[1]!, flagFor(flagged[2]!)];
    if (amountText.trim().startsWith('-')) [amountText, direction] = [amountText.trim().slice(1), 'D'];
  } else if (amountText < 0) [amountText, direction] = [-amountText, 'D'];
  const amount = parseRupiah(amountText);
  if (!amount.ok) return problem(row, column, raw, amount.reason);
  if (!amount.value) return null;
  if (mapping.direction !== undefined) {
    const flagText = text(cell('direction')).trim();
    const flag = flagFor(flagText);
    if (flag === null) return problem(row, mapping.direction, cell('direction'), 'UNREADABLE_FLAG');
    direction = flag;
  }
  return { direction: direction ?? 'C', amount: amount.value };
}

function flagFor(flag: string): 'C' | 'D' | null {
  const f = flag.toUpperCase().replace(/[^A-Z]/g, '');
  if (['C', 'CR', 'K', 'KR', 'KREDIT', 'CREDIT'].includes(f)) return 'C';
  if (['D', 'DB', 'DR', 'DEBET', 'DEBIT'].includes(f)) return 'D';
  return null;
}

const OWN_REASONS = {
  MISSING_DATE: { id: 'Tanggal transaksi kosong.', en: 'The transaction date is empty.' },
  UNREADABLE_FLAG: { id: 'Tanda debet/kredit tidak dikenal (gunakan D/K, DB/CR).', en: 'Unknown debit/credit flag (use D/K, DB/CR).' },
} as const;

function problem(row: SheetRow, column: number, value: CellValue, reason: RejectReason | keyof typeof OWN_REASONS): { problem: CellProblem } {
  const words = reason in OWN_REASONS ? OWN_REASONS[reason as keyof typeof OWN_REASONS] : REJECT_REASONS[reason as RejectReason];
  return { problem: { row: row.rowNumber, column, value: text(value), reason: words.id.replace('{max}', '1.000.000.000.000'), reasonEn: words.en.replace('{max}', '1,000,000,000,000') } };
}

function cellError(fileName: string, problems: CellProblem[], headers: string[]): UserError {
  const first = problems[0]!;
  const more = problems.length - 1;
  return new UserError('STATEMENT_BAD_CELL', {
    file: fileName,
    row: first.row,
    column: columnLetter(first.column),
    header: headers[first.column] ?? '',
    value: first.value,
    reason: first.reason,
    reasonEn: first.reasonEn,
    more: more > 0 ? `Ada ${more} sel lain yang juga bermasalah. ` : '',
    moreEn: more > 0 ? `${more} more cell(s) have problems too. ` : '',
  });
}

function text(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value).trim();
}

function normaliseText(description: string): string {
  return description.toUpperCase().replace(/\s+/g, ' ').trim();
}
