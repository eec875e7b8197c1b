import type { Kysely } from 'kysely';
import type { LakinRowData, TargetRow } from '../../shared/api/dashboard.js';
import { resolveScope } from '../../shared/dashboard/scope.js';
import { capaian, nko, quarterOf } from '../../shared/dashboard/targets.js';
import type { Database } from '../db/schema.js';
import { complianceByMonth, reachRows, receiptsByMonth } from './figures.js';
import { dueBy, resolveTarget } from './targets.js';

type Quad<T> = [T, T, T, T];
const QUARTERS = [1, 2, 3, 4] as const;
const NO_FILTER = { taxType: null, kecamatan: null };

export interface LakinTable {
  year: number;
  asOf: string;
  currentQuarter: number;
  rows: LakinRowData[];
  nko: number | null;
}

/**
 * The performance table as LAKIN reports state it: per indicator its weight, cumulative target
 * and realisation at the end of each quarter (a quarter not yet begun has none), capaian capped at
 * 120 %, and the NKO over the weighted indicators at the latest quarter begun. Rates are percent.
 */
export async function lakinTable(db: Kysely<Database>, year: number, today: string, targets: readonly TargetRow[]): Promise<LakinTable> {
  const scope = resolveScope(today, { year });
  const currentQuarter = scope.asOfMonth === 0 ? 0 : quarterOf(scope.asOfMonth);
  const begun = (q: number) => q <= currentQuarter;
  const throughMonth = (q: number) => `${year}-${String(Math.min(q * 3, scope.asOfMonth)).padStart(2, '0')}`;
  const [receipts, compliance, reach] = await Promise.all([receiptsByMonth(db, year, NO_FILTER), complianceByMonth(db, scope.dueFrom, scope.dueTo, NO_FILTER), reachRows(db, NO_FILTER)]);

  const revenueRow = (taxType: string | null): LakinRowData => {
    const target = resolveTarget(targets, 'revenue', taxType, null);
    const mine = receipts.filter((r) => taxType === null || r.taxType === taxType);
    const realisations = QUARTERS.map((q) => (begun(q) ? mine.filter((r) => r.month <= throughMonth(q)).reduce((s, r) => s + r.amount, 0) : null)) as Quad<number | null>;
    const quarterTargets = QUARTERS.map((q) => (target ? dueBy(target, q) : null)) as Quad<number | null>;
    return {
      indicator: 'revenue',
      taxType: taxType ?? '*',
      unit: 'rupiah',
      weight: taxType === null ? (target?.weight ?? weightOf(targets, 'revenue')) : 0,
      targets: quarterTargets,
      realisations,
      capaian: QUARTERS.map((q) => capped(realisations[q - 1] ?? null, quarterTargets[q - 1] ?? null)) as Quad<number | null>,
    };
  };

  const complianceTarget = resolveTarget(targets, 'compliance', null, null);
  const complianceRealisations = QUARTERS.map((q) => {
    if (!begun(q)) return null;
    const months = compliance.filter((m) => m.month <= `${year}-${String(q * 3).padStart(2, '0')}`);
    const due = months.reduce((s, m) => s + m.due, 0);
    return due === 0 ? null : (100 * months.reduce((s, m) => s + m.onTime, 0)) / due;
  }) as Quad<number | null>;
  const complianceTargets = QUARTERS.map((q) => (complianceTarget ? dueBy(complianceTarget, q) / 100 : null)) as Quad<number | null>;

  // Reachability is what the contacts are now: it has a realisation for the current quarter only.
  const reachTarget = resolveTarget(targets, 'reachability', null, null);
  const reachTotal = reach.reduce((s, r) => s + r.taxpayers, 0);
  const reachable = reach.filter((r) => r.reach === 'whatsapp' || r.reach === 'sms').reduce((s, r) => s + r.taxpayers, 0);
  const reachRealisations = QUARTERS.map((q) => (q === currentQuarter && reachTotal > 0 ? (100 * reachable) / reachTotal : null)) as Quad<number | null>;
  const reachTargets = QUARTERS.map(() => (reachTarget ? reachTarget.yearly / 100 : null)) as Quad<number | null>;

  const taxTypes = [...new Set([...receipts.map((r) => r.taxType), ...targets.filter((t) => t.indicator === 'revenue' && t.taxType !== '*' && t.target > 0).map((t) => t.taxType)])].sort();
  const rows: LakinRowData[] = [
    revenueRow(null),
    ...taxTypes.map((t) => revenueRow(t)),
    {
      indicator: 'compliance',
      taxType: '*',
      unit: 'percent',
      weight: complianceTarget?.weight ?? weightOf(targets, 'compliance'),
      targets: complianceTargets,
      realisations: complianceRealisations,
      capaian: QUARTERS.map((q) => capped(complianceRealisations[q - 1] ?? null, complianceTargets[q - 1] ?? null)) as Quad<number | null>,
    },
    {
      indicator: 'reachability',
      taxType: '*',
      unit: 'percent',
      weight: reachTarget?.weight ?? weightOf(targets, 'reachability'),
      targets: reachTargets,
      realisations: reachRealisations,
      capaian: QUARTERS.map((q) => capped(reachRealisations[q - 1] ?? null, reachTargets[q - 1] ?? null)) as Quad<number | null>,
    },
  ];
  const index = currentQuarter - 1;
  return {
    year,
    asOf: today,
    currentQuarter,
    rows,
    nko: currentQuarter === 0 ? null : nko(rows.filter((r) => r.weight > 0).map((r) => ({ weight: r.weight, capaian: r.capaian[index] ?? null }))),
  };
}

function capped(realisation: number | null, target: number | null): number | null {
  return realisation === null ? null : capaian(realisation, target).shown;
}

function weightOf(targets: readonly TargetRow[], indicator: TargetRow['indicator']): number {
  return targets.find((t) => t.indicator === indicator && t.taxType === '*')?.weight ?? 0;
}
