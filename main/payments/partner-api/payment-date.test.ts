import { describe, expect, it } from 'vitest';
import { paymentDateProblem } from './payment-date.js';

const NOW = new Date('2026-11-23T03:00:00Z');

describe('a reported payment date', () => {
  it('is accepted from thirty days ago up to five minutes ahead of our clock', () => {
    expect(paymentDateProblem(new Date('2026-11-23T03:04:59Z'), NOW)).toBeNull();
    expect(paymentDateProblem(new Date('2026-10-24T03:00:00Z'), NOW)).toBeNull();
  });

  it('is refused further in the future or more than thirty days old, saying which', () => {
    expect(paymentDateProblem(new Date('2026-11-23T03:05:01Z'), NOW)).toBe('payment_date: di masa depan');
    expect(paymentDateProblem(new Date('2026-10-24T02:59:59Z'), NOW)).toBe('payment_date: lebih dari 30 hari yang lalu');
    expect(paymentDateProblem(new Date('2025-11-23T03:00:00Z'), NOW)).toMatch(/30 hari/);
  });
});
