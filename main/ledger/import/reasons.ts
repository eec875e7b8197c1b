import { fillTemplate, type ImportErrorParams } from './errors.js';

/**
 * Why one row was not imported. The row is listed for the officer with its sheet, row number,
 * column and cell value; the rest of the file is imported.
 */
export const REJECT_REASONS = {
  MISSING_BILL_CODE: { id: 'Kode bayar kosong.', en: 'The bill code is empty.' },
  NUMBER_PRECISION_LOST: {
    id: 'Angka lebih dari 15 digit disimpan sebagai angka sehingga digit terakhirnya hilang; format kolom sebagai Teks lalu ekspor ulang.',
    en: 'A number of more than 15 digits was stored as a number, so its last digits are lost; format the column as Text and export again.',
  },
  UNREADABLE_CODE: { id: 'Kode tidak terbaca.', en: 'The code cannot be read.' },
  MISSING_TAXPAYER: { id: 'NPWPD dan nama wajib pajak kosong.', en: 'Both the NPWPD and the taxpayer name are empty.' },
  MISSING_AMOUNT: { id: 'Pokok pajak kosong.', en: 'The principal is empty.' },
  UNREADABLE_AMOUNT: { id: 'Jumlah tidak terbaca sebagai Rupiah (contoh: 1.250.000).', en: 'The amount cannot be read as Rupiah (e.g. 1.250.000).' },
  FRACTIONAL_AMOUNT: { id: 'Jumlah mengandung pecahan Rupiah (sen).', en: 'The amount has a fraction of a Rupiah.' },
  NEGATIVE_AMOUNT: { id: 'Jumlah negatif.', en: 'The amount is negative.' },
  AMOUNT_TOO_LARGE: { id: 'Jumlah melebihi Rp {max}; periksa sel ini.', en: 'The amount exceeds Rp {max}; check this cell.' },
  MISSING_DUE_DATE: { id: 'Tanggal jatuh tempo kosong.', en: 'The due date is empty.' },
  UNREADABLE_DATE: { id: 'Tanggal tidak terbaca (contoh: 31/08/2026 atau 31 Agustus 2026).', en: 'The date cannot be read (e.g. 31/08/2026 or 31 Agustus 2026).' },
  DATE_OUT_OF_RANGE: { id: 'Tanggal di luar rentang wajar (1990–2100).', en: 'The date is outside the plausible range (1990–2100).' },
  UNREADABLE_STATUS: { id: 'Status bayar tidak dikenal (gunakan LUNAS atau BELUM LUNAS).', en: 'Unknown payment status (use LUNAS or BELUM LUNAS).' },
  UNREADABLE_PERIOD: { id: 'Masa pajak tidak terbaca (contoh: Agustus 2026 atau 08/2026).', en: 'The tax period cannot be read (e.g. Agustus 2026 or 08/2026).' },
  PERIOD_WITHOUT_YEAR: { id: 'Masa pajak tanpa tahun, dan kolom tahun kosong.', en: 'The tax period has no year and the year column is empty.' },
  UNREADABLE_YEAR: { id: 'Tahun pajak tidak terbaca.', en: 'The tax year cannot be read.' },
  CONFLICTING_DUPLICATE: {
    id: 'Kode bayar {kodeBayar} sudah ada di baris {firstRow} (lembar "{firstSheet}") dengan data berbeda.',
    en: 'Bill code {kodeBayar} already appears in row {firstRow} (sheet "{firstSheet}") with different values.',
  },
} as const satisfies Record<string, { id: string; en: string }>;

export type RejectReason = keyof typeof REJECT_REASONS;

/** What a value parser says: a value (null for an empty cell) or why the cell is unreadable. */
export type ValueResult<T> = { ok: true; value: T | null } | { ok: false; reason: RejectReason };

export function reasonMessages(reason: RejectReason, params: ImportErrorParams = {}): { message_id: string; message_en: string } {
  return { message_id: fillTemplate(REJECT_REASONS[reason].id, params), message_en: fillTemplate(REJECT_REASONS[reason].en, params) };
}
