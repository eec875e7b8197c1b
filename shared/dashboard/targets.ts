/**
 * Targets and capaian the way LAKIN reports of tax offices state them (domain.md, "What the head
 * of agency watches"): a yearly target per indicator with cumulative quarterly targets, a
 * realisation, capaian = realisation ÷ target shown capped at 120 %, and the NKO as the weighted
 * mean of the capped capaian.
 */
export const INDICATORS = ['revenue', 'compliance', 'reachability'] as const;
export type Indicator = (typeof INDICATORS)[number];

/** The cumulative share of the yearly target due by the end of quarters I–IV, in percent. */
export const DEFAULT_QUARTERS: readonly [number, number, number, number] = [20, 45, 70, 100];
/** A rate's target holds all year: the same rate is expected at the end of each quarter. */
export const RATE_QUARTERS: readonly [number, number, number, number] = [100, 100, 100, 100];
export const DEFAULT_WEIGHTS: Record<Indicator, number> = { revenue: 60, compliance: 20, reachability: 20 };
/** Rates without a target the head entered: basis points (8000 = 80 %). */
export const DEFAULT_RATE_TARGETS: Record<Exclude<Indicator, 'revenue'>, number> = { compliance: 8_000, reachability: 9_000 };

export const CAPAIAN_CAP = 1.2;

export interface Capaian {
  /** realisation ÷ target; null without a target. */
  value: number | null;
  /** The same, capped at 120 % as LAKIN reports show it. */
  shown: number | null;
}

export function capaian(realisation: number, target: number | null): Capaian {
  if (target === null || target <= 0) return { value: null, shown: null };
  const value = realisation / target;
  return { value, shown: Math.min(value, CAPAIAN_CAP) };
}

/** 1–4 for a month 1–12. */
export function quarterOf(month: number): 1 | 2 | 3 | 4 {
  return (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4;
}

/** The part of a yearly target due by the end of `quarter`, rounded to whole units. */
export function cumulativeTarget(yearly: number, quarters: readonly number[], quarter: 1 | 2 | 3 | 4): number {
  return Math.round((yearly * (quarters[quarter - 1] ?? 100)) / 100);
}

/** Weighted mean of capped capaian over the indicators that have one; null when none has. */
export function nko(items: readonly { weight: number; capaian: number | null }[]): number | null {
  let weights = 0;
  let sum = 0;
  for (const item of items) {
    if (item.capaian === null || item.weight <= 0) continue;
    weights += item.weight;
    sum += item.weight * Math.min(item.capaian, CAPAIAN_CAP);
  }
  return weights === 0 ? null : sum / weights;
}

/** Quarterly shares must rise to 100 %: a cumulative target never falls. */
export function validQuarters(quarters: readonly number[]): boolean {
  return quarters.length === 4 && quarters.every((q, i) => q >= 0 && q <= 100 && (i === 0 || q >= (quarters[i - 1] ?? 0))) && quarters[3] === 100;
}
