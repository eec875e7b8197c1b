import { describe, expect, it } from 'vitest';
import { capaian, cumulativeTarget, nko, quarterOf, validQuarters } from './targets.js';

describe('capaian as LAKIN reports state it', () => {
  it('shows realisation over target capped at 120 % and keeps the uncapped value', () => {
    expect(capaian(150, 100)).toEqual({ value: 1.5, shown: 1.2 });
    expect(capaian(120, 100)).toEqual({ value: 1.2, shown: 1.2 });
    expect(capaian(61, 100)).toEqual({ value: 0.61, shown: 0.61 });
  });

  it('has no capaian without a target', () => {
    expect(capaian(100, null)).toEqual({ value: null, shown: null });
    expect(capaian(100, 0)).toEqual({ value: null, shown: null });
  });

  it('gives 20 / 45 / 70 / 100 % of the yearly target by the end of quarters I–IV', () => {
    expect([1, 2, 3, 4].map((q) => cumulativeTarget(1_000_000, [20, 45, 70, 100], q as 1 | 2 | 3 | 4))).toEqual([200_000, 450_000, 700_000, 1_000_000]);
    expect([1, 3, 4, 6, 7, 12].map(quarterOf)).toEqual([1, 1, 2, 2, 3, 4]);
  });

  it('weighs capped capaian into the NKO and leaves out indicators without one', () => {
    expect(nko([{ weight: 60, capaian: 1.5 }, { weight: 40, capaian: 0.5 }])).toBeCloseTo((60 * 1.2 + 40 * 0.5) / 100, 10);
    expect(nko([{ weight: 60, capaian: null }, { weight: 40, capaian: 0.5 }])).toBe(0.5);
    expect(nko([{ weight: 60, capaian: null }])).toBeNull();
  });

  it('accepts only cumulative quarterly shares that rise to 100 %', () => {
    expect(validQuarters([20, 45, 70, 100])).toBe(true);
    expect(validQuarters([25, 25, 50, 100])).toBe(true);
    expect(validQuarters([20, 45, 40, 100])).toBe(false);
    expect(validQuarters([20, 45, 70, 90])).toBe(false);
  });
});
