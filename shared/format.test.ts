import { describe, expect, it } from 'vitest';
import { formatDate, formatDateShort, formatInstant, formatPercent, formatRupiah, zoneAbbreviation } from './format.js';

describe('formatRupiah', () => {
  it('groups thousands with dots after a plain space', () => {
    expect(formatRupiah(1_250_000)).toBe('Rp 1.250.000');
    expect(formatRupiah(0)).toBe('Rp 0');
    expect(formatRupiah(999)).toBe('Rp 999');
  });

  it('puts the minus sign before Rp', () => {
    expect(formatRupiah(-1_250_000)).toBe('-Rp 1.250.000');
  });

  it('shows sums beyond 2^31 in full', () => {
    expect(formatRupiah(12_345_678_901)).toBe('Rp 12.345.678.901');
  });
});

describe('formatPercent', () => {
  it('uses a decimal comma and a space before %', () => {
    expect(formatPercent(0.985)).toBe('98,5 %');
    expect(formatPercent(1)).toBe('100 %');
    expect(formatPercent(0.12345)).toBe('12,3 %');
  });
});

describe('formatDate', () => {
  it('writes the month in the UI language', () => {
    expect(formatDate('2026-08-31', 'id')).toBe('31 Agustus 2026');
    expect(formatDate('2026-08-31', 'en')).toBe('31 August 2026');
    expect(formatDate('2026-01-01', 'id')).toBe('1 Januari 2026');
  });

  it('refuses what is not a calendar date', () => {
    expect(() => formatDate('31/08/2026', 'id')).toThrow(/YYYY-MM-DD/);
  });
});

describe('formatDateShort', () => {
  it('writes day/month/year with leading zeros', () => {
    expect(formatDateShort('2026-08-31')).toBe('31/08/2026');
    expect(formatDateShort('2026-01-05')).toBe('05/01/2026');
  });
});

describe('formatInstant', () => {
  it('shows a UTC instant in WIB by default', () => {
    expect(formatInstant('2026-11-23T01:15:00Z', 'id')).toBe('23 November 2026 08.15 WIB');
    expect(formatInstant('2026-11-23T01:15:00Z', 'en')).toBe('23 November 2026 08:15 WIB');
  });

  it('moves to the next calendar day when the zone has passed midnight', () => {
    expect(formatInstant('2026-08-30T17:30:00Z', 'id')).toBe('31 Agustus 2026 00.30 WIB');
  });

  it('uses the agency zone and its Indonesian abbreviation', () => {
    expect(formatInstant('2026-11-23T01:15:00Z', 'id', 'Asia/Makassar')).toBe('23 November 2026 09.15 WITA');
    expect(formatInstant('2026-11-23T01:15:00Z', 'id', 'Asia/Jayapura')).toBe('23 November 2026 10.15 WIT');
  });

  it('falls back to the zone name Intl knows outside Indonesia', () => {
    expect(zoneAbbreviation('UTC')).toBe('UTC');
  });
});
