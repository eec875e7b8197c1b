import { describe, expect, it } from 'vitest';
import type { CellValue } from './cells.js';
import { detectMapping, fieldColumns } from './mapping.js';
import { parseRow, type ParsedBill, type Reject, type TablePlan } from './parse-row.js';

const HEADER = [
  'No. SKPD', 'NPWPD', 'Nama WP', 'Nama Usaha', 'Alamat', 'Kec.', 'Kelurahan', 'Jenis Pajak', 'Rekening', 'Masa', 'Tahun',
  'Kohir', 'Tgl Penetapan', 'Pokok', 'Denda', 'Jatuh Tempo', 'Status', 'Tgl Bayar', 'No HP', 'Email', 'NOP',
];
const plan = (header: string[] = HEADER): TablePlan => ({ sheet: 'Data', columns: fieldColumns(detectMapping(header)) });

type Cells = Partial<Record<(typeof HEADER)[number], CellValue>>;
const BASE: Cells = {
  'No. SKPD': '160226070000101', NPWPD: 'P.2.0100001.16.02', 'Nama WP': 'BUDI SANTOSO', Pokok: 1250000, 'Jatuh Tempo': new Date(Date.UTC(2026, 8, 10)),
};
const row = (cells: Cells, header: string[] = HEADER) => ({ sheet: 'Data', rowNumber: 7, cells: header.map((h) => cells[h] ?? null) });
const bill = (cells: Cells): ParsedBill => {
  const result = parseRow(row({ ...BASE, ...cells }), plan());
  if (!('ok' in result)) throw new Error(`rejected: ${JSON.stringify(result.rejects)}`);
  return result.ok;
};
const rejects = (cells: Cells, header?: string[]): Reject[] => {
  const result = parseRow(row({ ...BASE, ...cells }, header), plan(header));
  if ('ok' in result) throw new Error('accepted');
  return result.rejects;
};

describe('parseRow', () => {
  it('reads a complete row into a bill with canonical values', () => {
    expect(
      bill({
        'Nama Usaha': 'RM. PADANG SEDERHANA', Alamat: ' Jl.  Lintas Timur No. 5 ', 'Kec.': 'KAYUAGUNG', Kelurahan: 'sukadana', 'Jenis Pajak': 'Pajak Restoran',
        Masa: 'Agustus', Tahun: 2026, Kohir: 101, 'Tgl Penetapan': '15/08/2026', Denda: 'Rp 12.500', Status: 'LUNAS', 'Tgl Bayar': '05-09-2026',
        'No HP': ' 0812-3456-7890 ', Email: 'Budi@Example.com',
      }),
    ).toEqual({
      sheet: 'Data', row: 7, kodeBayar: '160226070000101', npwpd: 'P.2.0100001.16.02', namaWp: 'Budi Santoso', namaWpRaw: 'BUDI SANTOSO',
      namaObjek: 'RM. Padang Sederhana', alamat: 'Jl. Lintas Timur No. 5', kecamatan: 'Kayuagung', kelurahan: 'Sukadana', nop: null,
      taxType: 'PBJT_MAKMIN', taxTypeLabel: 'Pajak Restoran', masaPajak: '2026-08', tahun: 2026, principal: 1250000, penalty: 12500,
      dueDate: '2026-09-10', status: 'paid', paidDate: '2026-09-05', kohir: '101', tglPenetapan: '2026-08-15',
      rawPhone: ' 0812-3456-7890 ', rawEmail: 'Budi@Example.com',
    });
  });

  it('defaults the penalty to 0 and the status to unpaid', () => {
    expect(bill({})).toMatchObject({ penalty: 0, status: 'unpaid', paidDate: null, taxType: 'LAINNYA', taxTypeLabel: '' });
  });

  it('takes a row without status but with a payment date as paid', () => {
    expect(bill({ 'Tgl Bayar': '02/09/2026' })).toMatchObject({ status: 'paid', paidDate: '2026-09-02' });
  });

  it('derives the tax type from the Rekening when Jenis Pajak is absent or unknown', () => {
    expect(bill({ Rekening: '4.1.01.07.01 Pajak Restoran' })).toMatchObject({ taxType: 'PBJT_MAKMIN', taxTypeLabel: '4.1.01.07.01 Pajak Restoran' });
    expect(bill({ 'Jenis Pajak': 'PJ-07', Rekening: '4.1.01.06.01 Pajak Hotel' })).toMatchObject({ taxType: 'PBJT_HOTEL', taxTypeLabel: 'PJ-07' });
  });

  it('combines a month-only period with the Tahun column, and keeps a yearly period as the year', () => {
    expect(bill({ Masa: 8, Tahun: '2026' })).toMatchObject({ masaPajak: '2026-08', tahun: 2026 });
    expect(bill({ Masa: '2026' })).toMatchObject({ masaPajak: '2026', tahun: 2026 });
    expect(bill({ Masa: 'Desember 2025', Tahun: 2026 })).toMatchObject({ masaPajak: '2025-12', tahun: 2026 });
  });

  it('formats an 18-digit NOP and keeps contact cells exactly as they came', () => {
    expect(bill({ NOP: '160201000100100010', 'No HP': 81234567890, Email: 'Email kosong' })).toMatchObject({
      nop: '16.02.010.001.001-0001.0', rawPhone: '81234567890', rawEmail: 'Email kosong',
    });
  });

  it('accepts a taxpayer known only by name, or only by NPWPD', () => {
    expect(bill({ NPWPD: null })).toMatchObject({ npwpd: null, namaWp: 'Budi Santoso' });
    expect(bill({ 'Nama WP': null })).toMatchObject({ npwpd: 'P.2.0100001.16.02', namaWp: null, namaWpRaw: null });
  });

  it('splits a combined Nama / Alamat column', () => {
    const header = ['Kode Bayar', 'Nama / Alamat', 'Pokok', 'Jatuh Tempo'];
    const result = parseRow({ sheet: 'Data', rowNumber: 2, cells: ['K1', 'SITI AMINAH / Jl. Merdeka 12', 1000, '10/09/2026'] }, plan(header));
    expect(result).toMatchObject({ ok: { namaWp: 'Siti Aminah', namaWpRaw: 'SITI AMINAH', alamat: 'Jl. Merdeka 12' } });
    const twoLines = parseRow({ sheet: 'Data', rowNumber: 3, cells: ['K2', 'BUDI\nDesa Paku RT 2', 1000, '10/09/2026'] }, plan(header));
    expect(twoLines).toMatchObject({ ok: { namaWp: 'Budi', alamat: 'Desa Paku RT 2' } });
  });

  it('rejects a row without a bill code, naming the column as the file has it', () => {
    expect(rejects({ 'No. SKPD': null })).toEqual([
      {
        sheet: 'Data', row: 7, column: 'No. SKPD', columnLetter: 'A', value: '', reason: 'MISSING_BILL_CODE', params: {},
        message_id: 'Kode bayar kosong.', message_en: 'The bill code is empty.',
      },
    ]);
  });

  it.each([
    [{ Pokok: 'satu juta' }, 'Pokok', 'N', 'satu juta', 'UNREADABLE_AMOUNT'],
    [{ Pokok: null }, 'Pokok', 'N', '', 'MISSING_AMOUNT'],
    [{ Pokok: '-1.000' }, 'Pokok', 'N', '-1.000', 'NEGATIVE_AMOUNT'],
    [{ Pokok: 'Rp 1.250.000,50' }, 'Pokok', 'N', 'Rp 1.250.000,50', 'FRACTIONAL_AMOUNT'],
    [{ Denda: 'abc' }, 'Denda', 'O', 'abc', 'UNREADABLE_AMOUNT'],
    [{ 'Jatuh Tempo': '31/02/2026' }, 'Jatuh Tempo', 'P', '31/02/2026', 'UNREADABLE_DATE'],
    [{ 'Jatuh Tempo': null }, 'Jatuh Tempo', 'P', '', 'MISSING_DUE_DATE'],
    [{ 'Jatuh Tempo': '01/01/1901' }, 'Jatuh Tempo', 'P', '01/01/1901', 'DATE_OUT_OF_RANGE'],
    [{ 'Tgl Bayar': 'kemarin' }, 'Tgl Bayar', 'R', 'kemarin', 'UNREADABLE_DATE'],
    [{ Status: 'PROSES' }, 'Status', 'Q', 'PROSES', 'UNREADABLE_STATUS'],
    [{ Masa: 'Triwulan 3' }, 'Masa', 'J', 'Triwulan 3', 'UNREADABLE_PERIOD'],
    [{ Tahun: 'dua ribu' }, 'Tahun', 'K', 'dua ribu', 'UNREADABLE_YEAR'],
    [{ 'No. SKPD': Number('160226070000101234') }, 'No. SKPD', 'A', '160226070000101250', 'NUMBER_PRECISION_LOST'],
    [{ NOP: Number('160201000100100010') }, 'NOP', 'U', '160201000100100000', 'NUMBER_PRECISION_LOST'],
  ] as const)('rejects %j with the column, its letter, the value and the reason', (cells, column, letter, value, reason) => {
    expect(rejects(cells as Cells)).toMatchObject([{ column, columnLetter: letter, value, reason }]);
  });

  it('rejects a row with neither NPWPD nor name, naming both columns', () => {
    expect(rejects({ NPWPD: null, 'Nama WP': '  ' })).toMatchObject([{ column: 'NPWPD / Nama WP', columnLetter: 'B/C', reason: 'MISSING_TAXPAYER' }]);
  });

  it('rejects a month without a year when there is no Tahun column', () => {
    expect(rejects({ Masa: 'Agustus' })).toMatchObject([{ column: 'Masa / Tahun', reason: 'PERIOD_WITHOUT_YEAR' }]);
  });

  it('lists every problem of a row, not just the first', () => {
    expect(rejects({ Pokok: 'Rp 1.250.000,50', 'Jatuh Tempo': null }).map((r) => r.reason)).toEqual(['FRACTIONAL_AMOUNT', 'MISSING_DUE_DATE']);
  });

  it('names the field when the column is not in the file at all', () => {
    const header = ['NPWPD', 'Pokok', 'Jatuh Tempo'];
    expect(rejects({}, header)).toMatchObject([{ column: 'Kode Bayar', columnLetter: '', reason: 'MISSING_BILL_CODE' }]);
  });

  it('gives reasons in Indonesian and English', () => {
    const [reject] = rejects({ Pokok: 99_999_999_999_999 });
    expect(reject).toMatchObject({ reason: 'AMOUNT_TOO_LARGE', message_id: 'Jumlah melebihi Rp 1.000.000.000.000; periksa sel ini.', message_en: 'The amount exceeds Rp 1.000.000.000.000; check this cell.' });
  });
});
