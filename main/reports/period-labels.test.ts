import { describe, expect, it } from 'vitest';
import { lastDayOfMonth, monthLabel, printedAtLabel, rangeLabel } from './period-labels.js';

describe('period labels', () => {
  it('names a month in Indonesian', () => {
    expect(monthLabel('2026-11')).toBe('November 2026');
    expect(monthLabel('2026-02')).toBe('Februari 2026');
  });

  it('names a whole month as the month, one day as the day, anything else as a range', () => {
    expect(rangeLabel('2026-02-01', '2026-02-28')).toBe('Februari 2026');
    expect(rangeLabel('2026-11-23', '2026-11-23')).toBe('23 November 2026');
    expect(rangeLabel('2026-11-01', '2026-11-23')).toBe('1 November 2026 – 23 November 2026');
  });

  it('finds the last day of a month, leap years included', () => {
    expect(lastDayOfMonth('2028-02-10')).toBe('2028-02-29');
    expect(lastDayOfMonth('2026-12-01')).toBe('2026-12-31');
  });

  it('prints the wall clock of the agency zone with a dot between hours and minutes', () => {
    expect(printedAtLabel(new Date('2026-11-23T07:05:00Z'), 'Asia/Jakarta')).toBe('Dicetak: 23/11/2026 14.05 WIB');
    expect(printedAtLabel(new Date('2026-11-23T17:30:00Z'), 'Asia/Makassar')).toBe('Dicetak: 24/11/2026 01.30 WITA');
  });
});
