import type { Kysely } from 'kysely';
import type { TargetRow } from '../../shared/api/dashboard.js';
import { UserError } from '../../shared/errors.js';
import { DEFAULT_QUARTERS, DEFAULT_RATE_TARGETS, DEFAULT_WEIGHTS, INDICATORS, type Indicator, RATE_QUARTERS, validQuarters } from '../../shared/dashboard/targets.js';
import type { Database } from '../db/schema.js';

export const ALL = '*';

/** A target resolved for the figures: the cumulative amount (or rate) due by the end of each quarter. */
export interface ResolvedTarget {
  yearly: number;
  byQuarter: [number, number, number, number];
  weight: number;
}

/** The year's targets as entered, with the whole-indicator rows a head has not entered shown at their defaults. */
export async function readTargets(db: Kysely<Database>, year: number): Promise<(TargetRow & { stored: boolean })[]> {
  const rows = await db.selectFrom('kpi_targets').selectAll().where('year', '=', year).orderBy('indicator').orderBy('tax_type').execute();
  const stored = rows.map((r) => ({
    indicator: r.indicator as Indicator,
    taxType: r.tax_type,
    target: Number(r.target),
    quarters: [Number(r.q1), Number(r.q2), Number(r.q3), Number(r.q4)] as [number, number, number, number],
    weight: Number(r.weight),
    stored: true,
  }));
  const defaults = INDICATORS.filter((indicator) => !stored.some((r) => r.indicator === indicator && r.taxType === ALL)).map((indicator) => ({ ...defaultTarget(indicator), stored: false }));
  return [...stored, ...defaults].sort((a, b) => INDICATORS.indexOf(a.indicator) - INDICATORS.indexOf(b.indicator) || (a.taxType === ALL ? -1 : b.taxType === ALL ? 1 : a.taxType.localeCompare(b.taxType)));
}

function defaultTarget(indicator: Indicator): TargetRow {
  if (indicator === 'revenue') return { indicator, taxType: ALL, target: 0, quarters: [...DEFAULT_QUARTERS], weight: DEFAULT_WEIGHTS.revenue };
  return { indicator, taxType: ALL, target: DEFAULT_RATE_TARGETS[indicator], quarters: [...RATE_QUARTERS], weight: DEFAULT_WEIGHTS[indicator] };
}

export type TargetInput = Omit<TargetRow, 'quarters' | 'weight'> & Partial<Pick<TargetRow, 'quarters' | 'weight'>>;

export async function saveTargets(db: Kysely<Database>, year: number, targets: readonly TargetInput[], by: string, now: Date): Promise<TargetRow[]> {
  const saved: TargetRow[] = [];
  for (const input of targets) {
    const base = defaultTarget(input.indicator);
    const row: TargetRow = { ...input, quarters: input.quarters ?? base.quarters, weight: input.weight ?? (input.taxType === ALL ? base.weight : 0) };
    if (!validQuarters(row.quarters)) throw new UserError('DASHBOARD_QUARTERS_INVALID', { indicator: row.indicator, taxType: row.taxType, quarters: row.quarters.join('/') });
    if (row.indicator !== 'revenue' && row.target > 10_000) throw new UserError('DASHBOARD_RATE_TOO_HIGH', { indicator: row.indicator, target: row.target });
    const values = { target: row.target, q1: row.quarters[0], q2: row.quarters[1], q3: row.quarters[2], q4: row.quarters[3], weight: row.weight, updated_by: by, updated_at: now.toISOString() };
    await db
      .insertInto('kpi_targets')
      .values({ year, indicator: row.indicator, tax_type: row.taxType, ...values })
      .onConflict((oc) => oc.columns(['year', 'indicator', 'tax_type']).doUpdateSet(values))
      .execute();
    saved.push(row);
  }
  return saved;
}

/**
 * The target that applies to the figures under a filter. Targets are set per tax type and for the
 * agency as a whole, not per kecamatan: under a kecamatan filter no target applies. Revenue for
 * all tax types is the `*` row, else the sum of the tax types' rows.
 */
export function resolveTarget(rows: readonly TargetRow[], indicator: Indicator, taxType: string | null, kecamatan: string | null): ResolvedTarget | null {
  if (kecamatan) return null;
  const own = rows.find((r) => r.indicator === indicator && r.taxType === (taxType ?? ALL));
  const whole = rows.find((r) => r.indicator === indicator && r.taxType === ALL);
  if (indicator !== 'revenue') {
    const row = own ?? whole ?? defaultTarget(indicator);
    return { yearly: row.target, byQuarter: quarterly(row), weight: (whole ?? defaultTarget(indicator)).weight };
  }
  if (own && own.target > 0) return { yearly: own.target, byQuarter: quarterly(own), weight: own.weight };
  if (taxType) return null;
  const parts = rows.filter((r) => r.indicator === 'revenue' && r.taxType !== ALL && r.target > 0);
  if (parts.length === 0) return null;
  const byQuarter: [number, number, number, number] = [0, 0, 0, 0];
  for (const part of parts) quarterly(part).forEach((v, i) => (byQuarter[i] = (byQuarter[i] ?? 0) + v));
  return { yearly: parts.reduce((s, p) => s + p.target, 0), byQuarter, weight: (whole ?? defaultTarget('revenue')).weight };
}

/** The cumulative target due by the end of a quarter (1–4). */
export function dueBy(target: ResolvedTarget, quarter: number): number {
  return target.byQuarter[quarter - 1] ?? target.yearly;
}

function quarterly(row: TargetRow): [number, number, number, number] {
  return row.quarters.map((q) => Math.round((row.target * q) / 100)) as [number, number, number, number];
}
