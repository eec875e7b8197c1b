import { describe, expect, it } from 'vitest';
import type { CellValue } from './cells.js';
import { classifyRow, findHeaderRow, HEADER_SCAN_ROWS } from './find-table.js';
import { detectMapping, fieldColumns, normaliseHeader } from './mapping.js';

const HEADER = ['No', 'Kode Bayar', 'NPWPD', 'Nama WP', 'Pokok', 'Denda', 'Jatuh Tempo'];

describe('findHeaderRow', () => {
  it('skips title rows and blank rows above the header', () => {
    const rows: CellValue[][] = [['BADAN PENGELOLA PAJAK DAERAH'], ['DAFTAR KETETAPAN'], ['Dicetak: 01/09/2026'], [], HEADER, [1, 'A1', 'P.1', 'BUDI', 1000, 0, '10/09/2026']];
    expect(findHeaderRow(rows)).toEqual({ index: 4, score: 6, complete: true });
  });

  it('prefers a complete header over a summary table naming more fields', () => {
    const summary = ['Jenis Pajak', 'Kecamatan', 'Kelurahan', 'Pokok', 'Denda', 'Status', 'Tahun'];
    expect(findHeaderRow([summary, [], HEADER])?.index).toBe(2);
  });

  it('finds no header among title rows', () => {
    expect(findHeaderRow([['LAPORAN'], ['Kolom 1', 'Kolom 2', 'Kolom 3'], ['Pajak', 'x']])).toBeNull();
  });

  it('reports an incomplete header so the missing columns can be named', () => {
    expect(findHeaderRow([['Kode Bayar', 'NPWPD', 'Pokok']])).toEqual({ index: 0, score: 3, complete: false });
  });

  it(`looks at the first ${HEADER_SCAN_ROWS} rows only`, () => {
    const rows: CellValue[][] = [...Array.from({ length: HEADER_SCAN_ROWS }, () => ['judul']), HEADER];
    expect(findHeaderRow(rows)).toBeNull();
  });

  it('counts header texts the officer mapped', () => {
    expect(findHeaderRow([['ID', 'Nilai', 'Batas']], { byHeader: { id: 'kode_bayar', nilai: 'pokok', batas: 'jatuh_tempo' } })?.score).toBe(3);
  });
});

describe('classifyRow', () => {
  const columns = fieldColumns(detectMapping(HEADER));
  const header = HEADER.map(normaliseHeader);
  const kind = (cells: CellValue[]) => classifyRow(cells, columns, header);

  it('takes a row with a bill code or a taxpayer as data, even when it will be rejected', () => {
    expect(kind([1, 'A1', 'P.1', 'BUDI', 1000, 0, '10/09/2026'])).toBe('data');
    expect(kind([2, null, 'P.2', 'SITI', 1000, 0, '10/09/2026'])).toBe('data');
    expect(kind([3, 'A3', null, null, 'satu juta'])).toBe('data');
  });

  it('skips blank rows', () => {
    expect(kind([])).toBe('blank');
    expect(kind([null, '  ', ''])).toBe('blank');
  });

  it.each([
    [[null, 'TOTAL', null, null, 99000]],
    [[null, null, null, 'JUMLAH', 99000, 1000]],
    [[null, null, null, 'Sub Total Halaman 1', 99000]],
    [['Jumlah', null, null, null, 99000]],
    [[null, 'Grand Total', null, null, 99000]],
  ])('skips the total row %j', (cells) => {
    expect(kind(cells)).toBe('total');
  });

  it('does not take a business called Total for a total row', () => {
    expect(kind([1, 'A9', 'P.9', 'TOTAL MOTOR', 1000, 0, '10/09/2026'])).toBe('data');
  });

  it('skips the header repeated on every printed page', () => {
    expect(kind(HEADER)).toBe('repeated_header');
    expect(kind(HEADER.map((h) => h.toUpperCase()))).toBe('repeated_header');
  });

  it('skips rows whose only filled cells are amounts: carried-over sub-totals', () => {
    expect(kind([null, null, null, null, 12345000])).toBe('not_a_bill');
    expect(kind([null, null, null, null, 12345000, 5000])).toBe('not_a_bill');
  });

  it('skips a footer in an unmapped column', () => {
    expect(kind(['Dicetak oleh: admin'])).toBe('not_a_bill');
    expect(kind(['Halaman 2 dari 10', null, null, null])).toBe('not_a_bill');
  });
});
