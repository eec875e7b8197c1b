import { describe, expect, it } from 'vitest';
import { canonicalCode, canonicalNop, canonicalNpwpd } from './identifiers.js';

/** What a number cell keeps of an 18-digit code or NOP: the nearest double, last digits gone. */
const lost = (digits: string) => Number(digits);

describe('canonicalNpwpd', () => {
  it.each([
    ['P.2.0100001.16.02', 'P.2.0100001.16.02'],
    ['  p.2.0100001.16.02 ', 'P.2.0100001.16.02'],
    ['P.2.0100001 .16.02', 'P.2.0100001.16.02'],
    ['P 2 0100001 16 02', 'P201000011602'],
    [1602010001, '1602010001'],
  ])('reads %j as %j', (input, expected) => {
    expect(canonicalNpwpd(input)).toBe(expected);
  });

  it.each([null, '', '  ', '-', 'Tidak Ada'])('reads the placeholder %j as no NPWPD', (input) => {
    expect(canonicalNpwpd(input)).toBeNull();
  });
});

describe('canonicalCode', () => {
  it('keeps a code typed as text exactly, including leading zeros', () => {
    expect(canonicalCode('000102')).toEqual({ ok: true, value: '000102' });
    expect(canonicalCode(' skpd/2026/001 ')).toEqual({ ok: true, value: 'SKPD/2026/001' });
  });

  it('reads a code of up to 15 digits from a number cell', () => {
    expect(canonicalCode(160226070000129)).toEqual({ ok: true, value: '160226070000129' });
  });

  it('refuses a longer code from a number cell: Excel kept only 15 digits of it', () => {
    expect(canonicalCode(lost('160226070000101234'))).toEqual({ ok: false, reason: 'NUMBER_PRECISION_LOST' });
    expect(canonicalCode('1,60226E+17')).toEqual({ ok: false, reason: 'NUMBER_PRECISION_LOST' });
    expect(canonicalCode('1.60226E+17')).toEqual({ ok: false, reason: 'NUMBER_PRECISION_LOST' });
  });

  it('refuses a fractional or negative number as a code', () => {
    expect(canonicalCode(12.5)).toEqual({ ok: false, reason: 'UNREADABLE_CODE' });
    expect(canonicalCode(-3)).toEqual({ ok: false, reason: 'UNREADABLE_CODE' });
    expect(canonicalCode(new Date(0))).toEqual({ ok: false, reason: 'UNREADABLE_CODE' });
  });
});

describe('canonicalNop', () => {
  it.each([
    ['16.02.010.001.001-0001.0', '16.02.010.001.001-0001.0'],
    ['160201000100100010', '16.02.010.001.001-0001.0'],
    ['16 02 010 001 001 0001 0', '16.02.010.001.001-0001.0'],
    ['16.02.010.001.001.0001.0', '16.02.010.001.001-0001.0'],
  ])('writes the 18-digit PBB NOP %j as %s', (input, expected) => {
    expect(canonicalNop(input)).toEqual({ ok: true, value: expected });
  });

  it('keeps another object number as written', () => {
    expect(canonicalNop(' RKL-2026-0007 ')).toEqual({ ok: true, value: 'RKL-2026-0007' });
    expect(canonicalNop('16.02.010')).toEqual({ ok: true, value: '16.02.010' });
    expect(canonicalNop(12345)).toEqual({ ok: true, value: '12345' });
  });

  it('refuses an 18-digit NOP that went through a number cell', () => {
    expect(canonicalNop(lost('160201000100100010'))).toEqual({ ok: false, reason: 'NUMBER_PRECISION_LOST' });
    expect(canonicalNop('1,60201E+17')).toEqual({ ok: false, reason: 'NUMBER_PRECISION_LOST' });
  });

  it.each([null, '', '-'])('reads %j as no NOP', (input) => {
    expect(canonicalNop(input)).toEqual({ ok: true, value: null });
  });
});
