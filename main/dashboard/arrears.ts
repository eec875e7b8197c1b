import type { Kysely } from 'kysely';
import type { KpiResult } from '../../shared/api/dashboard.js';
import { UserError } from '../../shared/errors.js';
import { addDays } from '../../shared/dashboard/calendar.js';
import { AGING_BOUNDS, AGING_BUCKETS, agingBucketOf, isAgingBucket } from '../../shared/reports/aging.js';
import type { Database } from '../db/schema.js';
import { ALL, EACH, type FigureFilters, overdueByDay } from './figures.js';

type Arrears = KpiResult['arrears'];
type Group = Arrears['byTaxType'][number];

/** Unpaid bills past their due date today, by age (days overdue), tax type and kecamatan. */
export async function arrearsFigures(db: Kysely<Database>, today: string, filters: FigureFilters): Promise<Arrears> {
  const taxType = filters.taxType ?? ALL;
  const kecamatan = filters.kecamatan ?? ALL;
  const [totals, perTaxType, perKecamatan] = await Promise.all([
    overdueByDay(db, today, { taxType, kecamatan }),
    overdueByDay(db, today, { taxType: filters.taxType ?? EACH, kecamatan }),
    overdueByDay(db, today, { taxType, kecamatan: filters.kecamatan ?? EACH }),
  ]);
  const total = newGroup(null);
  const byTaxType = new Map<string, Group>();
  const byKecamatan = new Map<string, Group>();
  const tally = (days: typeof totals, group: (day: (typeof totals)[number]) => Group) => {
    for (const day of days) {
      const bucket = agingBucketOf(day.dueDate, today);
      if (bucket !== null) add(group(day), bucket, day.bills, day.principal);
    }
  };
  tally(totals, () => total);
  tally(perTaxType, (day) => groupOf(byTaxType, day.taxType));
  tally(perKecamatan, (day) => groupOf(byKecamatan, day.kecamatan));
  const sorted = (groups: Map<string, Group>) => [...groups.values()].sort((a, b) => b.principal - a.principal || String(a.key).localeCompare(String(b.key)));
  return {
    bills: total.bills,
    principal: total.principal,
    buckets: total.buckets,
    byTaxType: sorted(byTaxType),
    // The rollup keeps a taxpayer without a kecamatan under ''; the contract says null.
    byKecamatan: sorted(byKecamatan).map((g) => ({ ...g, key: g.key === '' ? null : g.key })),
  };
}

/** The due dates of the bills in one aging bucket today: `to` inclusive, `from` null for the open-ended oldest. */
export function bucketDueRange(bucket: string, today: string): { from: string | null; to: string } {
  const found = isAgingBucket(bucket) ? AGING_BOUNDS.find((b) => b.bucket === bucket) : undefined;
  if (!found) throw new UserError('DASHBOARD_BUCKET_UNKNOWN', { bucket, known: AGING_BUCKETS.join(', ') });
  return { from: found.max === null ? null : addDays(today, -found.max), to: addDays(today, -found.min) };
}

function groupOf(groups: Map<string, Group>, key: string): Group {
  let group = groups.get(key);
  if (!group) groups.set(key, (group = newGroup(key)));
  return group;
}

function newGroup(key: string | null): Group {
  return { key, bills: 0, principal: 0, buckets: AGING_BUCKETS.map((bucket) => ({ bucket, bills: 0, principal: 0 })) };
}

function add(group: Group, bucket: string, bills: number, principal: number): void {
  group.bills += bills;
  group.principal += principal;
  const figure = group.buckets.find((b) => b.bucket === bucket);
  if (figure) {
    figure.bills += bills;
    figure.principal += principal;
  }
}
