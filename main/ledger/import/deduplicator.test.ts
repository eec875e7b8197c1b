import { describe, expect, it } from 'vitest';
import { detectMapping, fieldColumns } from './mapping.js';
import { Deduplicator } from './deduplicator.js';
import { parseRow, type ParsedBill } from './parse-row.js';

const HEADER = ['Kode Bayar', 'NPWPD', 'Nama WP', 'Pokok', 'Jatuh Tempo', 'Status', 'No HP'];
const plan = { sheet: 'Data', columns: fieldColumns(detectMapping(HEADER)) };
const bill = (rowNumber: number, cells: (string | number | Date | null)[]): ParsedBill => {
  const result = parseRow({ sheet: 'Data', rowNumber, cells }, plan);
  if (!('ok' in result)) throw new Error('rejected');
  return result.ok;
};

describe('Deduplicator', () => {
  it('lets the first row of a bill code through', () => {
    expect(new Deduplicator().check(bill(2, ['K1', 'P.1', 'BUDI', 1250000, '10/09/2026', 'BELUM LUNAS', '0812-3456-7890']))).toEqual({ kind: 'first' });
  });

  it('counts a repeated row as a duplicate however its cells were written', () => {
    const dedupe = new Deduplicator();
    dedupe.check(bill(2, ['K1', 'P.1', 'BUDI SANTOSO', 1250000, new Date(Date.UTC(2026, 8, 10)), 'BELUM LUNAS', '0812-3456-7890']));
    expect(dedupe.check(bill(9, [' k1 ', 'p.1', '  budi  santoso', 'Rp 1.250.000,00', '10/09/2026', 'Belum Bayar', '0812 3456 7890']))).toEqual({
      kind: 'duplicate',
      first: { sheet: 'Data', row: 2 },
    });
  });

  it('calls a repeated bill code with different values a conflict, naming the first row', () => {
    const dedupe = new Deduplicator();
    dedupe.check(bill(2, ['K1', 'P.1', 'BUDI', 1250000, '10/09/2026', 'BELUM LUNAS', null]));
    expect(dedupe.check(bill(9, ['K1', 'P.1', 'BUDI', 1350000, '10/09/2026', 'BELUM LUNAS', null]))).toEqual({ kind: 'conflict', first: { sheet: 'Data', row: 2 } });
    expect(dedupe.check(bill(10, ['K1', 'P.1', 'BUDI', 1250000, '10/09/2026', 'LUNAS', null]))).toEqual({ kind: 'conflict', first: { sheet: 'Data', row: 2 } });
  });

  it('keeps one entry per bill code', () => {
    const dedupe = new Deduplicator();
    for (let i = 0; i < 100; i++) dedupe.check(bill(i + 2, [`K${i % 10}`, 'P.1', 'BUDI', 1000, '10/09/2026', null, null]));
    expect(dedupe.size).toBe(10);
  });
});
