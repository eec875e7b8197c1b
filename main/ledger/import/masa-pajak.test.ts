import { describe, expect, it } from 'vitest';
import { parseMasaPajak } from './masa-pajak.js';

const masa = (year: number | null, month: number | null) => ({ ok: true, value: { year, month } });

describe('parseMasaPajak', () => {
  it.each([
    ['Agustus', masa(null, 8)],
    ['AGUSTUS', masa(null, 8)],
    ['Agu', masa(null, 8)],
    ['Agt.', masa(null, 8)],
    ['Januari 2026', masa(2026, 1)],
    ['Agustus 2026', masa(2026, 8)],
    ['Agu-2026', masa(2026, 8)],
    ['Agu-26', masa(2026, 8)],
    ['Masa Agustus 2026', masa(2026, 8)],
    ['01/2026', masa(2026, 1)],
    ['1-2026', masa(2026, 1)],
    ['2026-08', masa(2026, 8)],
    ['2026/08', masa(2026, 8)],
    ['08', masa(null, 8)],
    ['2026', masa(2026, null)],
    ['202608', masa(2026, 8)],
    ['Januari s/d Desember 2026', masa(2026, null)],
    ['Jan - Des 2026', masa(2026, null)],
    ['31/08/2026', masa(2026, 8)],
  ] as const)('reads %j', (input, expected) => {
    expect(parseMasaPajak(input)).toEqual(expected);
  });

  it('reads numbers: a month, a year, or a serial', () => {
    expect(parseMasaPajak(8)).toEqual(masa(null, 8));
    expect(parseMasaPajak(2026)).toEqual(masa(2026, null));
    expect(parseMasaPajak(46235)).toEqual(masa(2026, 8));
  });

  it('reads a date cell Excel shows as Agu-26 as its month', () => {
    expect(parseMasaPajak(new Date(Date.UTC(2026, 7, 1)))).toEqual(masa(2026, 8));
  });

  it.each([null, '', '-'])('reads %j as no period', (input) => {
    expect(parseMasaPajak(input)).toEqual({ ok: true, value: null });
  });

  it.each(['Agustusan', '13', '13/2026', '2026-13', 'Maret s/d Juni 2026', 8.5, 1989, true, 'triwulan 3'])('refuses %j', (input) => {
    expect(parseMasaPajak(input)).toEqual({ ok: false, reason: 'UNREADABLE_PERIOD' });
  });
});
