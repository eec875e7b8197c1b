import { createHash } from 'node:crypto';
import { normaliseHeader } from '../../ledger/import/index.js';

/**
 * Which column of a bank statement holds what. Indonesian banks print the same few columns
 * under many names; a statement either has separate Debet and Kredit columns, or one amount
 * column (`Mutasi`, `Jumlah`, `Nominal`) with a flag (`D/K`, `CR/DB`) beside it or inside it
 * (`1.250.000,00 CR`). The balance is printed but never used.
 */
export const STATEMENT_FIELDS = ['date', 'description', 'reference', 'debit', 'credit', 'amount', 'direction', 'balance'] as const;
export type StatementField = (typeof STATEMENT_FIELDS)[number];
export type StatementMapping = Partial<Record<StatementField, number>>;

const SYNONYMS: Record<StatementField, string[]> = {
  date: ['tanggal', 'tgl', 'tgl transaksi', 'tanggal transaksi', 'tanggal valuta', 'tgl valuta', 'date', 'transaction date', 'value date', 'posting date', 'tgl posting'],
  description: ['keterangan', 'uraian', 'deskripsi', 'description', 'uraian transaksi', 'keterangan transaksi', 'remark', 'remarks', 'berita'],
  reference: ['no referensi', 'referensi', 'no ref', 'ref', 'nomor referensi', 'reference', 'reference no', 'ref no', 'no reference', 'no transaksi'],
  debit: ['debet', 'debit', 'mutasi debet', 'mutasi debit', 'db'],
  credit: ['kredit', 'credit', 'mutasi kredit', 'cr'],
  amount: ['mutasi', 'jumlah', 'nominal', 'amount', 'nilai'],
  direction: ['d k', 'dk', 'cr db', 'db cr', 'd c', 'c d', 'jenis mutasi', 'tipe'],
  balance: ['saldo', 'balance', 'saldo akhir', 'running balance'],
};

/** Words the CLI's `--mapping` accepts for each field, Indonesian and English. */
export const FIELD_WORDS: Record<string, StatementField> = {
  date: 'date', tanggal: 'date',
  description: 'description', keterangan: 'description', uraian: 'description',
  reference: 'reference', referensi: 'reference', ref: 'reference',
  debit: 'debit', debet: 'debit',
  credit: 'credit', kredit: 'credit',
  amount: 'amount', jumlah: 'amount', mutasi: 'amount',
  direction: 'direction', dk: 'direction',
  balance: 'balance', saldo: 'balance',
};

const BY_HEADER = new Map<string, StatementField>(STATEMENT_FIELDS.flatMap((field) => SYNONYMS[field].map((s) => [s, field] as [string, StatementField])));

/** The field a header cell names, or null. */
export function recogniseStatementHeader(text: string): StatementField | null {
  return BY_HEADER.get(normaliseHeader(text)) ?? null;
}

/** The first column naming each field; a row naming fewer than three fields is not a header. */
export function recogniseHeaderRow(headers: readonly string[]): StatementMapping {
  const mapping: StatementMapping = {};
  headers.forEach((header, index) => {
    const field = recogniseStatementHeader(header);
    if (field && mapping[field] === undefined) mapping[field] = index;
  });
  return mapping;
}

export function mappedFieldCount(mapping: StatementMapping): number {
  return Object.keys(mapping).length;
}

/** What a usable mapping lacks: a date, some text to match on, and a way to tell credits. */
export function missingFields(mapping: StatementMapping): string[] {
  const missing: string[] = [];
  if (mapping.date === undefined) missing.push('tanggal/date');
  if (mapping.description === undefined && mapping.reference === undefined) missing.push('keterangan/description');
  if (mapping.credit === undefined && mapping.amount === undefined) missing.push('kredit/credit');
  return missing;
}

/** One bank's layout: the same header cells give the same key, whatever the rows below. */
export function headerKey(headers: readonly string[]): string {
  return createHash('sha256').update(headers.map(normaliseHeader).join('|')).digest('hex');
}
