import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { COUNTER_PARTNER_ID } from '../../../shared/api/payments.js';
import type { reconStatus } from '../../../shared/api/reconciliation.js';
import { UserError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';
import { RECON_CLASSES, type ReconClass } from './classes.js';
import { isPeriod, periodRange } from './days.js';

export type ReconStatus = z.infer<typeof reconStatus>;

/** A credit without a payment (a ledger-paid bill, or no bill) is counted under this partner. */
export const NO_PARTNER = '-';

export function checkedPeriod(period: string): { period: string; kind: 'day' | 'month'; from: string; to: string } {
  if (!isPeriod(period)) throw new UserError('RECON_BAD_PERIOD', { period });
  return { period, kind: period.length === 10 ? 'day' : 'month', ...periodRange(period) };
}

/**
 * Where a day or month stands: items per class, payments per partner against the credits
 * matched to them, and whether it is reconciled — every item matched or resolved.
 */
export async function reconciliationStatus(db: Kysely<Database>, period: string): Promise<ReconStatus> {
  const p = checkedPeriod(period);
  const rows = await db
    .selectFrom('recon_items')
    .select(['class', 'source', 'partner_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('amount').as('amount'), (eb) => eb.fn.count<number>('resolution').as('resolved')])
    .where('day', '>=', p.from)
    .where('day', '<=', p.to)
    .groupBy(['class', 'source', 'partner_id'])
    .execute();
  const classes = Object.fromEntries(RECON_CLASSES.map((c) => [c, { count: 0, amount: 0 }])) as ReconStatus['classes'];
  const credits = { count: 0, amount: 0 };
  const partners = new Map<string, { payments: number; paymentAmount: number; credits: number; creditAmount: number }>();
  const partner = (id: string) => partners.get(id) ?? partners.set(id, { payments: 0, paymentAmount: 0, credits: 0, creditAmount: 0 }).get(id)!;
  let resolved = 0;
  let open = 0;
  for (const r of rows) {
    const n = Number(r.n);
    const amount = Number(r.amount ?? 0);
    const c = classes[r.class as ReconClass];
    c.count += n;
    c.amount += amount;
    resolved += Number(r.resolved);
    if (r.class !== 'matched') open += n - Number(r.resolved);
    if (r.source === 'credit') {
      credits.count += n;
      credits.amount += amount;
      const of = partner(r.partner_id ?? NO_PARTNER);
      of.credits += n;
      of.creditAmount += amount;
    }
  }
  const payments = await db
    .selectFrom('payments')
    .select(['partner_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('amount').as('amount')])
    .where('paid_date', '>=', p.from)
    .where('paid_date', '<=', p.to)
    .groupBy('partner_id')
    .execute();
  const paymentTotals = { count: 0, amount: 0 };
  for (const r of payments) {
    const of = partner(r.partner_id);
    of.payments += Number(r.n);
    of.paymentAmount += Number(r.amount ?? 0);
    paymentTotals.count += Number(r.n);
    paymentTotals.amount += Number(r.amount ?? 0);
  }
  const lock = await db.selectFrom('period_locks').selectAll().where('period', 'in', p.kind === 'day' ? [p.period, p.period.slice(0, 7)] : [p.period]).orderBy('kind').execute();
  const current = lock.find((l) => l.state === 'locked') ?? lock.find((l) => l.period === p.period) ?? null;
  return {
    period: p.period,
    kind: p.kind,
    classes,
    resolved,
    open,
    credits,
    payments: paymentTotals,
    partners: [...partners]
      .sort(([a], [b]) => (a === NO_PARTNER ? 1 : b === NO_PARTNER ? -1 : a === COUNTER_PARTNER_ID ? 1 : b === COUNTER_PARTNER_ID ? -1 : a.localeCompare(b)))
      .map(([partnerId, t]) => ({ partnerId, ...t, difference: t.creditAmount - t.paymentAmount })),
    reconciled: open === 0,
    lock: current
      ? {
          state: current.state,
          kind: current.kind,
          period: current.period,
          signedBy: current.signed_by,
          signedAt: current.signed_at,
          unlockedBy: current.unlocked_by,
          unlockedAt: current.unlocked_at,
          unlockReason: current.unlock_reason,
        }
      : null,
  };
}
