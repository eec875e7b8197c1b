import { describe, expect, it } from 'vitest';
import { AGING_BOUNDS, AGING_BUCKETS, agingBucket, agingBucketLabel, agingBucketOf, daysOverdue, isAgingBucket } from './aging.js';

describe('agingBucket', () => {
  it('puts each boundary day in the bucket it closes and the next day in the following one', () => {
    expect(agingBucket(0)).toBe('0-30');
    expect(agingBucket(30)).toBe('0-30');
    expect(agingBucket(31)).toBe('31-90');
    expect(agingBucket(90)).toBe('31-90');
    expect(agingBucket(91)).toBe('91-180');
    expect(agingBucket(180)).toBe('91-180');
    expect(agingBucket(181)).toBe('181-365');
    expect(agingBucket(365)).toBe('181-365');
    expect(agingBucket(366)).toBe('>365');
    expect(agingBucket(5000)).toBe('>365');
  });

  it('gives no bucket to a bill that is not yet due', () => {
    expect(agingBucket(-1)).toBeNull();
  });

  it('refuses fractional days', () => {
    expect(() => agingBucket(30.5)).toThrow(RangeError);
  });

  it('has bounds that follow each other without gaps, in the order of AGING_BUCKETS', () => {
    expect(AGING_BOUNDS.map((b) => b.bucket)).toEqual([...AGING_BUCKETS]);
    for (let i = 1; i < AGING_BOUNDS.length; i++) expect(AGING_BOUNDS[i]!.min).toBe((AGING_BOUNDS[i - 1]!.max ?? NaN) + 1);
  });
});

describe('daysOverdue', () => {
  it('counts calendar days from the due date, zero on the due date itself', () => {
    expect(daysOverdue('2026-08-31', '2026-08-31')).toBe(0);
    expect(daysOverdue('2026-08-31', '2026-09-30')).toBe(30);
    expect(daysOverdue('2026-08-31', '2026-10-01')).toBe(31);
    expect(daysOverdue('2026-08-31', '2026-08-30')).toBe(-1);
  });

  it('counts a leap day', () => {
    expect(daysOverdue('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysOverdue('2025-01-01', '2026-01-01')).toBe(365);
  });

  it('refuses what is not a calendar date', () => {
    expect(() => daysOverdue('2026-02-30', '2026-03-01')).toThrow(RangeError);
    expect(() => daysOverdue('31/08/2026', '2026-09-01')).toThrow(/YYYY-MM-DD/);
  });
});

describe('agingBucketOf', () => {
  it('buckets a bill by its due date seen on a given day', () => {
    expect(agingBucketOf('2025-11-22', '2026-11-23')).toBe('>365');
    expect(agingBucketOf('2025-11-23', '2026-11-23')).toBe('181-365');
    expect(agingBucketOf('2026-12-10', '2026-11-23')).toBeNull();
  });
});

describe('labels', () => {
  it('names buckets in Indonesian and English', () => {
    expect(agingBucketLabel('31-90')).toBe('31–90 hari');
    expect(agingBucketLabel('>365', 'en')).toBe('> 365 days');
  });

  it('recognises bucket keys', () => {
    expect(isAgingBucket('91-180')).toBe(true);
    expect(isAgingBucket('90-180')).toBe(false);
  });
});
