import { describe, expect, it } from 'vitest';
import { addMonths, latePenalty, monthsLate } from './calendar.js';

describe('late months under UU 1/2022', () => {
  it('counts every month or part of a month after the due date, at most 24', () => {
    expect(monthsLate('2026-08-10', '2026-08-10')).toBe(0);
    expect(monthsLate('2026-08-10', '2026-08-11')).toBe(1);
    expect(monthsLate('2026-08-10', '2026-09-10')).toBe(1);
    expect(monthsLate('2026-08-10', '2026-09-11')).toBe(2);
    expect(monthsLate('2026-08-31', '2026-09-30')).toBe(1);
    expect(monthsLate('2020-01-10', '2026-01-10')).toBe(24);
  });

  it('charges 1 % of the principal per late month', () => {
    expect(latePenalty(1_250_000, '2026-08-10', '2026-10-01')).toBe(25_000);
    expect(latePenalty(1_250_000, '2026-08-10', '2026-08-01')).toBe(0);
  });

  it('moves masa across year ends', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });
});
