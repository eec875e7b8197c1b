import { describe, expect, it } from 'vitest';
import { monthsLate, penaltyAsOf } from './penalty.js';

const rule = { percentPerMonth: 1, maxMonths: 24 };
const bill = { principal: 1_250_000, dueDate: '2026-08-10', exportPenalty: 0 };

describe('late-payment penalty', () => {
  it('is 0 on the due day and before it', () => {
    expect(penaltyAsOf(bill, '2026-08-10', rule)).toBe(0);
    expect(penaltyAsOf(bill, '2026-07-01', rule)).toBe(0);
  });

  it('counts one month from the day after the due date', () => {
    expect(monthsLate('2026-08-10', '2026-08-11')).toBe(1);
    expect(penaltyAsOf(bill, '2026-08-11', rule)).toBe(12_500);
  });

  it('still counts one month on the same day of the next month, two from the day after', () => {
    expect(monthsLate('2026-08-10', '2026-09-10')).toBe(1);
    expect(monthsLate('2026-08-10', '2026-09-11')).toBe(2);
    expect(penaltyAsOf(bill, '2026-09-11', rule)).toBe(25_000);
  });

  it('ends a month due on the 31st on the last day of a shorter month', () => {
    expect(monthsLate('2026-08-31', '2026-09-30')).toBe(1);
    expect(monthsLate('2026-08-31', '2026-10-01')).toBe(2);
    expect(monthsLate('2026-01-31', '2026-02-28')).toBe(1);
    expect(monthsLate('2026-01-31', '2026-03-01')).toBe(2);
  });

  it('counts across a year end', () => {
    expect(monthsLate('2025-12-10', '2026-01-10')).toBe(1);
    expect(monthsLate('2025-12-10', '2026-01-11')).toBe(2);
  });

  it('stops at 24 months', () => {
    expect(penaltyAsOf(bill, '2028-08-10', rule)).toBe(300_000);
    expect(penaltyAsOf(bill, '2031-01-01', rule)).toBe(300_000);
  });

  it('rounds down to whole Rupiah', () => {
    expect(penaltyAsOf({ ...bill, principal: 99_999 }, '2026-08-11', rule)).toBe(999);
  });

  it('takes the export penalty when it is larger', () => {
    expect(penaltyAsOf({ ...bill, exportPenalty: 50_000 }, '2026-08-11', rule)).toBe(50_000);
    expect(penaltyAsOf({ ...bill, exportPenalty: 5_000 }, '2026-09-11', rule)).toBe(25_000);
  });

  it('follows the percentage and cap the agency set', () => {
    expect(penaltyAsOf(bill, '2026-12-11', { percentPerMonth: 2, maxMonths: 3 })).toBe(75_000);
  });
});
