import { describe, expect, it } from 'vitest';
import { MAX_RUPIAH, parseRupiah } from './rupiah.js';

const amount = (value: number) => ({ ok: true, value });
const refused = (reason: string) => ({ ok: false, reason });

describe('parseRupiah', () => {
  it.each([
    [1250000, 1250000],
    ['1250000', 1250000],
    ['1.250.000', 1250000],
    ['Rp 1.250.000', 1250000],
    ['Rp. 1.250.000,00', 1250000],
    ['Rp1.250.000', 1250000],
    ['rp. 1.250.000', 1250000],
    ['IDR 1.250.000', 1250000],
    ['Rp 1.250.000,-', 1250000],
    ['1.250.000,-', 1250000],
    ['1.250.000,0', 1250000],
    ['1250000,00', 1250000],
    ['  1.250.000  ', 1250000],
    ['1\u00a0250\u00a0000', 1250000],
    ['1 250 000', 1250000],
    ['1.250', 1250],
    ['125.00', 125],
    ['1250000.00', 1250000],
    ['1,250,000', 1250000],
    ['1,250,000.00', 1250000],
    ['1,250.00', 1250],
    ['0', 0],
    ['Rp -', 0],
    ['Rp. -', 0],
  ] as const)('reads %j as %d', (input, expected) => {
    expect(parseRupiah(input)).toEqual(amount(expected));
  });

  it('reads Rp. 1.250.000,00 as 1250000', () => {
    expect(parseRupiah('Rp. 1.250.000,00')).toEqual(amount(1250000));
  });

  it('ignores the float noise of a number cell Excel computed', () => {
    expect(parseRupiah(1250000.0000000002)).toEqual(amount(1250000));
    expect(parseRupiah(0.1 + 0.2 - 0.3)).toEqual(amount(0));
  });

  it.each([null, '', '   ', '-', '--', '—'])('reads the empty cell %j as no amount', (input) => {
    expect(parseRupiah(input)).toEqual({ ok: true, value: null });
  });

  it.each(['Rp 1.250.000,50', '1250000,5', '1.250.000,01', '1250000.50', 1250000.5, '1,250,000.50', '1,250'])('refuses the fraction of a Rupiah in %j', (input) => {
    expect(parseRupiah(input)).toEqual(refused('FRACTIONAL_AMOUNT'));
  });

  it('refuses a fraction too small to see in floating point', () => {
    expect(parseRupiah('1250000,0000000001')).toEqual(refused('FRACTIONAL_AMOUNT'));
  });

  it.each(['-500.000', '-500000', '(500.000)', 'Rp -500.000', '-Rp 500.000', '500.000-', -1, -1250000])('refuses the negative amount %j', (input) => {
    expect(parseRupiah(input)).toEqual(refused(input === '500.000-' ? 'UNREADABLE_AMOUNT' : 'NEGATIVE_AMOUNT'));
  });

  it.each(['satu juta', 'Rp', 'abc', '1.25.000', '12.50.000', '1..250', '1.250.000.00', 'Rp 1,250', '1e6', '#N/A', 'Rp 1.250.000 (lunas)', true, new Date(0), Number.NaN, Infinity])(
    'refuses the unreadable amount %j',
    (input) => {
      const result = parseRupiah(input);
      expect(result.ok).toBe(false);
    },
  );

  it('refuses an absurd amount above Rp 1 trillion', () => {
    expect(parseRupiah(MAX_RUPIAH)).toEqual(amount(MAX_RUPIAH));
    expect(parseRupiah(MAX_RUPIAH + 1)).toEqual(refused('AMOUNT_TOO_LARGE'));
    expect(parseRupiah('99.999.999.999.999')).toEqual(refused('AMOUNT_TOO_LARGE'));
  });

  it('reads an unreadable amount as UNREADABLE_AMOUNT, not a guess', () => {
    expect(parseRupiah('satu juta')).toEqual(refused('UNREADABLE_AMOUNT'));
    expect(parseRupiah('1.25')).toEqual(refused('FRACTIONAL_AMOUNT'));
  });
});
