import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportFileError } from './errors.js';
import { headerKey } from './mapping.js';
import { iterateExport, parseExport, type ExportProgress } from './parse-export.js';
import type { ParsedBill } from './parse-row.js';

const FIXTURES = fileURLToPath(new URL('../../../tests/fixtures/simpada/', import.meta.url));
const fixture = (name: string) => path.join(FIXTURES, name);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-parse-export-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('parseExport on the messy SIMPADA report', () => {
  it('reads exactly what the report holds: 32 rows, 18 bills, 1 duplicate, 8 rejected rows', async () => {
    const result = await parseExport(fixture('simpada-messy.xlsx'));
    expect(result).toMatchObject({ fileName: 'simpada-messy.xlsx', kind: 'xlsx', rowsRead: 32, billCount: 18, duplicateCount: 1, rejectedRowCount: 8, listsTruncated: false });
    expect(result.bills).toHaveLength(18);
    expect(result.bills.map((b) => b.row)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 29, 33, 36]);
  });

  it('skips the cover sheet, the title rows, the sub-total, the repeated header, the lone amount, the footer and the TOTAL', async () => {
    const { sheets } = await parseExport(fixture('simpada-messy.xlsx'));
    expect(sheets.map((s) => [s.name, s.status, s.headerRow])).toEqual([
      ['Sampul', 'no_header', null],
      ['Daftar Ketetapan', 'imported', 5],
    ]);
    expect(sheets[1]).toMatchObject({ rowsRead: 32, bills: 18, duplicates: 1, rejectedRows: 8, skipped: { blank: 0, total: 2, repeatedHeader: 1, notABill: 2 } });
    expect(sheets[1]?.mapping?.missingRequired).toEqual([]);
  });

  it('counts row 21 as a duplicate of row 6, however differently its cells were written', async () => {
    const { duplicates } = await parseExport(fixture('simpada-messy.xlsx'));
    expect(duplicates).toEqual([{ sheet: 'Daftar Ketetapan', row: 21, kodeBayar: '160226070000101', firstSheet: 'Daftar Ketetapan', firstRow: 6 }]);
  });

  it('rejects each bad row with its row, column as in the file, Excel letter, value and reason', async () => {
    const { rejects } = await parseExport(fixture('simpada-messy.xlsx'));
    expect(rejects.map((r) => [r.row, r.column, r.columnLetter, r.value, r.reason])).toEqual([
      [22, 'No. SKPD', 'B', '160226070000103', 'CONFLICTING_DUPLICATE'],
      [23, 'No. SKPD', 'B', '', 'MISSING_BILL_CODE'],
      [24, 'Pokok Pajak (Rp)', 'O', 'satu juta', 'UNREADABLE_AMOUNT'],
      [25, 'Tgl Jatuh Tempo', 'Q', '31/02/2026', 'UNREADABLE_DATE'],
      [26, 'No. SKPD', 'B', '160226070000101250', 'NUMBER_PRECISION_LOST'],
      [27, 'Status Bayar', 'R', 'PROSES', 'UNREADABLE_STATUS'],
      [28, 'Pokok Pajak (Rp)', 'O', '-500.000', 'NEGATIVE_AMOUNT'],
      [34, 'Pokok Pajak (Rp)', 'O', 'Rp 1.250.000,50', 'FRACTIONAL_AMOUNT'],
      [34, 'Tgl Jatuh Tempo', 'Q', '', 'MISSING_DUE_DATE'],
    ]);
    expect(rejects[0]?.message_id).toBe('Kode bayar 160226070000103 sudah ada di baris 8 (lembar "Daftar Ketetapan") dengan data berbeda.');
    expect(rejects.every((r) => r.sheet === 'Daftar Ketetapan')).toBe(true);
  });

  it('reads every amount, date, status and tax-type spelling into canonical values', async () => {
    const { bills } = await parseExport(fixture('simpada-messy.xlsx'));
    const byRow = new Map(bills.map((b) => [b.row, b]));
    const pick = (row: number, keys: (keyof ParsedBill)[]) => Object.fromEntries(keys.map((k) => [k, byRow.get(row)?.[k]]));
    const money: (keyof ParsedBill)[] = ['principal', 'penalty', 'dueDate', 'status', 'paidDate', 'taxType', 'masaPajak'];
    expect(pick(6, money)).toEqual({ principal: 1250000, penalty: 0, dueDate: '2026-09-10', status: 'unpaid', paidDate: null, taxType: 'PBJT_MAKMIN', masaPajak: '2026-08' });
    expect(pick(7, money)).toEqual({ principal: 1250000, penalty: 0, dueDate: '2026-09-10', status: 'unpaid', paidDate: null, taxType: 'PBJT_MAKMIN', masaPajak: '2026-08' });
    expect(pick(8, money)).toEqual({ principal: 3500000, penalty: 35000, dueDate: '2026-09-10', status: 'paid', paidDate: '2026-09-05', taxType: 'PBJT_HOTEL', masaPajak: '2026-08' });
    expect(pick(9, money)).toEqual({ principal: 2000000, penalty: 0, dueDate: '2026-09-10', status: 'paid', paidDate: '2026-09-03', taxType: 'PBJT_HOTEL', masaPajak: '2026-08' });
    expect(pick(10, money)).toEqual({ principal: 750000, penalty: 7500, dueDate: '2026-09-10', status: 'paid', paidDate: '2026-09-01', taxType: 'PBJT_PARKIR', masaPajak: '2026-08' });
    expect(pick(11, money)).toEqual({ principal: 1250000, penalty: 0, dueDate: '2026-09-10', status: 'unpaid', paidDate: null, taxType: 'PBJT_MAKMIN', masaPajak: '2026-08' });
    expect(pick(12, money)).toEqual({ principal: 2400000, penalty: 48000, dueDate: '2026-08-10', status: 'unpaid', paidDate: null, taxType: 'PBJT_HIBURAN', masaPajak: '2026-07' });
    expect(pick(13, money)).toEqual({ principal: 6000000, penalty: 0, dueDate: '2026-02-14', status: 'paid', paidDate: '2026-02-01', taxType: 'REKLAME', masaPajak: '2026' });
    expect(pick(14, ['taxType', 'status'])).toEqual({ taxType: 'AIR_TANAH', status: 'unpaid' });
    expect(pick(15, ['taxType', 'dueDate', 'nop', 'npwpd'])).toEqual({ taxType: 'PBB_P2', dueDate: '2026-08-31', nop: '16.02.010.001.001-0001.0', npwpd: null });
    expect(pick(16, ['taxType', 'dueDate', 'nop', 'principal', 'paidDate'])).toEqual({ taxType: 'PBB_P2', dueDate: '2026-08-31', nop: '16.02.010.001.001-0002.0', principal: 275000, paidDate: '2026-08-20' });
    expect(pick(17, ['taxType', 'namaWp'])).toEqual({ taxType: 'BPHTB', namaWp: 'Hj. Siti Rohani' });
    expect(pick(18, ['taxType'])).toEqual({ taxType: 'MBLB' });
    expect(pick(19, ['taxType', 'status'])).toEqual({ taxType: 'WALET', status: 'paid' });
    expect(pick(20, ['taxType', 'namaWp'])).toEqual({ taxType: 'PBJT_LISTRIK', namaWp: 'PT PLN (PERSERO)' });
    expect(pick(29, ['kodeBayar', 'status', 'paidDate'])).toEqual({ kodeBayar: '160226070000129', status: 'paid', paidDate: '2026-09-02' });
    expect(pick(33, ['namaWp', 'namaObjek', 'principal', 'rawPhone'])).toEqual({ namaWp: 'René Siregar', namaObjek: 'Café Bengawan Solo', principal: 1750000, rawPhone: '0813-1111-2222 / 0812-3333-4444' });
    expect(pick(36, ['penalty', 'kecamatan', 'namaWp'])).toEqual({ penalty: 6000, kecamatan: 'Kayuagung', namaWp: 'Parkir Mall OKI' });
  });

  it('tidies names and NPWPDs but keeps contact cells as they came', async () => {
    const { bills } = await parseExport(fixture('simpada-messy.xlsx'));
    expect(bills.slice(0, 3).map((b) => [b.npwpd, b.namaWp, b.namaWpRaw, b.rawPhone, b.rawEmail])).toEqual([
      ['P.2.0100001.16.02', 'Budi Santoso', 'BUDI SANTOSO', '081234567890', 'budi@example.com'],
      ['P.2.0100002.16.02', 'Siti Aminah', 'siti aminah', '0812-3456-7891', 'Email kosong'],
      ['P.2.0100003.16.02', 'CV. Maju Jaya', 'CV. MAJU JAYA', '+62 812-3456-7892', 'maju.jaya@example.com'],
    ]);
    expect(bills.find((b) => b.row === 12)?.rawPhone).toBe('81234567896');
  });

  it.each(['simpada-messy.xls', 'simpada-messy-html.xls', 'simpada-messy-1252.csv', 'simpada-messy-utf8-bom.csv', 'simpada-messy-tab.txt'])(
    'reads the same bills, duplicates and rejects from %s as from the .xlsx',
    async (name) => {
      const reference = await parseExport(fixture('simpada-messy.xlsx'), { sheets: ['Daftar Ketetapan'] });
      const other = await parseExport(fixture(name));
      const withoutSheet = <T extends { sheet: string }>(items: T[]) => items.map(({ sheet: _, ...rest }) => rest);
      expect(withoutSheet(other.bills)).toEqual(withoutSheet(reference.bills));
      expect(other.duplicates.map((d) => [d.row, d.firstRow])).toEqual(reference.duplicates.map((d) => [d.row, d.firstRow]));
      expect(other.rejects.map((r) => [r.row, r.columnLetter, r.reason])).toEqual(reference.rejects.map((r) => [r.row, r.columnLetter, r.reason]));
      expect([other.rowsRead, other.billCount, other.duplicateCount, other.rejectedRowCount]).toEqual([32, 18, 1, 8]);
    },
  );
});

describe('parseExport on a later snapshot', () => {
  it('reads the next export with other header names: 19 bills, two now paid, one new pair, one gone', async () => {
    const before = await parseExport(fixture('simpada-messy.xlsx'));
    const after = await parseExport(fixture('simpada-snapshot-2.xlsx'));
    expect([after.rowsRead, after.billCount, after.duplicateCount, after.rejectedRowCount]).toEqual([19, 19, 0, 0]);
    const codesBefore = new Set(before.bills.map((b) => b.kodeBayar));
    const codesAfter = new Set(after.bills.map((b) => b.kodeBayar));
    expect([...codesBefore].filter((c) => !codesAfter.has(c))).toEqual(['160226070000109']);
    expect([...codesAfter].filter((c) => !codesBefore.has(c))).toEqual(['160226090000201', '160226090000202']);
    const paidNow = after.bills.filter((b) => b.status === 'paid' && before.bills.find((x) => x.kodeBayar === b.kodeBayar)?.status === 'unpaid');
    expect(paidNow.map((b) => [b.kodeBayar, b.paidDate])).toEqual([
      ['160226070000101', '2026-09-09'],
      ['160226070000102', '2026-09-10'],
    ]);
    expect(after.sheets[0]?.mapping?.columns.map((c) => c.field)).toEqual([
      'kode_bayar', 'npwpd', 'nama_wp', 'nama_objek', 'alamat', 'kecamatan', 'kelurahan', 'jenis_pajak', 'masa_pajak', 'tahun', 'kohir',
      'tgl_penetapan', 'pokok', 'denda', 'jatuh_tempo', 'status', 'tgl_bayar', 'no_hp', 'email', 'nop',
    ]);
  });
});

describe('parseExport options', () => {
  const csv = (name: string, text: string) => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it("uses the officer's mapping for a header it does not know, and reports where the mapping came from", async () => {
    const file = csv('unknown-headers.csv', 'ID Tagihan;Wajib;Nilai;Batas\nK1;BUDI;1.000;10/09/2026\n');
    await expect(parseExport(file)).rejects.toMatchObject({ code: 'NO_HEADER' });
    const mapping = { byHeader: { 'ID Tagihan': 'kode_bayar', Wajib: 'nama_wp', Nilai: 'pokok', Batas: 'jatuh_tempo' } } as const;
    const result = await parseExport(file, { mapping });
    expect(result.bills.map((b) => [b.kodeBayar, b.namaWp, b.principal, b.dueDate])).toEqual([['K1', 'Budi', 1000, '2026-09-10']]);
    expect(result.sheets[0]?.mapping?.source).toBe('user');
  });

  it('reuses a saved profile for the same header row, without asking', async () => {
    const file = csv('profiled.csv', 'ID Tagihan;Wajib;Nilai;Batas\nK1;BUDI;1.000;10/09/2026\n');
    const profile = { headerKey: headerKey(['ID Tagihan', 'Wajib', 'Nilai', 'Batas']), columns: ['kode_bayar', 'nama_wp', 'pokok', 'jatuh_tempo'] as const };
    const result = await parseExport(file, { profiles: [{ ...profile, columns: [...profile.columns] }], headerRow: 1 });
    expect(result.billCount).toBe(1);
    expect(result.sheets[0]?.mapping?.source).toBe('profile');
  });

  it('takes the header row the officer points at', async () => {
    const file = csv('pointed.csv', 'Kode Bayar;NPWPD;Pokok;Jatuh Tempo\nringkasan;;;\nKode Bayar;Nama WP;Pokok;Jatuh Tempo\nK1;BUDI;1000;10/09/2026\n');
    const result = await parseExport(file, { headerRow: 3 });
    expect(result.sheets[0]?.headerRow).toBe(3);
    expect(result.bills.map((b) => b.namaWp)).toEqual(['Budi']);
  });

  it('imports every sheet with a usable header and de-duplicates across them', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const header = ['Kode Bayar', 'NPWPD', 'Pokok', 'Jatuh Tempo'];
    workbook.addWorksheet('Halaman 1').addRows([header, ['K1', 'P.1', 1000, '10/09/2026'], ['K2', 'P.2', 2000, '10/09/2026']]);
    workbook.addWorksheet('Rekap').addRows([['Jenis Pajak', 'Pokok', 'Denda'], ['Pajak Restoran', 3000, 0]]);
    workbook.addWorksheet('Halaman 2').addRows([header, ['K2', 'P.2', 2000, '10/09/2026'], ['K3', 'P.3', 3000, '10/09/2026']]);
    const file = path.join(tmp, 'pages.xlsx');
    await workbook.xlsx.writeFile(file);
    const result = await parseExport(file);
    expect(result.sheets.map((s) => [s.name, s.status])).toEqual([
      ['Halaman 1', 'imported'],
      ['Rekap', 'missing_columns'],
      ['Halaman 2', 'imported'],
    ]);
    expect(result.bills.map((b) => [b.sheet, b.kodeBayar])).toEqual([
      ['Halaman 1', 'K1'],
      ['Halaman 1', 'K2'],
      ['Halaman 2', 'K3'],
    ]);
    expect(result.duplicates).toEqual([{ sheet: 'Halaman 2', row: 2, kodeBayar: 'K2', firstSheet: 'Halaman 1', firstRow: 3 }]);
    expect((await parseExport(file, { sheets: ['Halaman 2'] })).bills.map((b) => b.kodeBayar)).toEqual(['K2', 'K3']);
  });

  it('keeps the lists short but the counts exact', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `K${i};;1000;10/09/2026`);
    const file = csv('many-rejects.csv', ['Kode Bayar;NPWPD;Pokok;Jatuh Tempo', ...rows, ''].join('\n'));
    const result = await parseExport(file, { maxListed: 10 });
    expect([result.rejectedRowCount, result.rejects.length, result.listsTruncated]).toEqual([50, 10, true]);
  });

  it('reports progress with the running counts', async () => {
    const progress: ExportProgress[] = [];
    await parseExport(fixture('simpada-messy-1252.csv'), { onProgress: (p) => progress.push(p), progressEvery: 20 });
    expect(progress.map((p) => p.rowsRead)).toEqual([20, 38]);
    expect(progress.at(-1)).toMatchObject({ bills: 18, duplicates: 1, rejectedRows: 8 });
  });

  it('can be cancelled half-way', async () => {
    const controller = new AbortController();
    const err = await parseExport(fixture('simpada-messy.xlsx'), { signal: controller.signal, onProgress: () => controller.abort(), progressEvery: 5 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as ImportFileError).code).toBe('CANCELLED');
  });

  it('streams bills one by one and returns the summary at the end', async () => {
    const run = iterateExport(fixture('simpada-messy.xlsx'));
    const first = await run.next();
    expect(first.done).toBe(false);
    expect((first.value as ParsedBill).kodeBayar).toBe('160226070000101');
    let next = await run.next();
    while (!next.done) next = await run.next();
    expect(next.value.billCount).toBe(18);
  });
});
