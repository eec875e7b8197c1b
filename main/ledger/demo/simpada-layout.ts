import type { SnapshotBill } from '../snapshot.js';
import { BULAN } from './calendar.js';

/**
 * The layout of a SIMPADA "Daftar Ketetapan" report: title rows, a blank row, the header, one
 * row per bill and a JUMLAH row, as officers download it. Both the xlsx and the CSV writer
 * lay out these values; each formats them its own way.
 */
export const TITLE_LINES = ['PEMERINTAH KABUPATEN OGAN KOMERING ILIR', 'BADAN PENGELOLA PAJAK DAERAH', 'DAFTAR KETETAPAN PAJAK'] as const;

export type ColumnKind = 'text' | 'integer' | 'money' | 'date';

export const COLUMNS: readonly { header: string; kind: ColumnKind; width: number }[] = [
  { header: 'No', kind: 'integer', width: 7 },
  { header: 'NPWPD', kind: 'text', width: 19 },
  { header: 'Nama WP', kind: 'text', width: 30 },
  { header: 'Alamat', kind: 'text', width: 38 },
  { header: 'Kecamatan', kind: 'text', width: 18 },
  { header: 'Kelurahan', kind: 'text', width: 18 },
  { header: 'Jenis Pajak', kind: 'text', width: 30 },
  { header: 'NOP', kind: 'text', width: 25 },
  { header: 'Nama Objek Pajak', kind: 'text', width: 30 },
  { header: 'Masa Pajak', kind: 'text', width: 11 },
  { header: 'Tahun', kind: 'integer', width: 7 },
  { header: 'Kode Bayar', kind: 'text', width: 15 },
  { header: 'Pokok Pajak', kind: 'money', width: 14 },
  { header: 'Denda', kind: 'money', width: 12 },
  { header: 'Jatuh Tempo', kind: 'date', width: 12 },
  { header: 'Tgl Bayar', kind: 'date', width: 12 },
  { header: 'Status', kind: 'text', width: 12 },
  { header: 'No HP', kind: 'text', width: 28 },
  { header: 'Email', kind: 'text', width: 30 },
];

export const POKOK_COLUMN = COLUMNS.findIndex((c) => c.header === 'Pokok Pajak');
export const DENDA_COLUMN = COLUMNS.findIndex((c) => c.header === 'Denda');

/** A cell before formatting: dates stay `YYYY-MM-DD` until a writer turns them into its own form. */
export type LayoutValue = string | number | null;

/** What a format writer does with the rows it is given; `row` returns a promise only when the disk needs a pause. */
export interface ExportSink {
  row(values: LayoutValue[]): Promise<void> | undefined;
  finish(totals: { principal: number; penalty: number }): Promise<void>;
  abort(): void;
}

export function billRow(bill: SnapshotBill, no: number): LayoutValue[] {
  return [
    no,
    bill.npwpd,
    bill.namaWp,
    bill.alamat,
    bill.kecamatan,
    bill.kelurahan,
    bill.taxTypeLabel,
    bill.nop,
    bill.namaObjek,
    bill.masaPajak ? (BULAN[Number(bill.masaPajak.slice(5, 7)) - 1] ?? bill.masaPajak) : null,
    bill.tahun,
    bill.kodeBayar,
    bill.principal,
    bill.penalty,
    bill.dueDate,
    bill.paidDate,
    bill.status === 'paid' ? 'LUNAS' : 'BELUM LUNAS',
    bill.rawPhone,
    bill.rawEmail,
  ];
}

/** `Dicetak: 23/11/2026`. */
export function printedLine(isoDate: string): string {
  return `Dicetak: ${slashDate(isoDate)}`;
}

export function slashDate(isoDate: string): string {
  return `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}
