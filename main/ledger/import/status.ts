import type { CellValue } from './cells.js';

/**
 * A payment-status cell: `LUNAS`, `Lunas`, `SUDAH BAYAR` are paid; `BELUM LUNAS`,
 * `BELUM BAYAR` are not. Partial payment (`LUNAS SEBAGIAN`, `KURANG BAYAR`) still leaves
 * arrears, so it is unpaid. Anything else is `unknown` and the row is rejected rather than
 * guessed: a wrong "paid" silences the reminders of a taxpayer who owes.
 */
export type PaymentStatus = 'paid' | 'unpaid' | 'unknown';

const UNPAID = /^(belum|blm|tidak|tdk|terhutang|tunggak|tunggakan|kurang|unpaid|not paid|outstanding|n|t)\b|\bsebagian\b/;
const PAID = /^(lunas|sudah|sdh|telah|terbayar|dibayar|paid|y|ya)\b/;

export function parseStatus(value: CellValue): PaymentStatus {
  if (typeof value === 'boolean') return value ? 'paid' : 'unpaid';
  if (typeof value !== 'string') return 'unknown';
  const text = value.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
  if (UNPAID.test(text)) return 'unpaid';
  if (PAID.test(text)) return 'paid';
  return 'unknown';
}
