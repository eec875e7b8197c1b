import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/schema.js';

/** Reads of the dashboard's rollups (rollups.ts), each a small grouped query on an indexed range. */
export interface FigureFilters {
  taxType: string | null;
  kecamatan: string | null;
}

type Filterable = 'dash_receipts' | 'dash_bill_days' | 'dash_funnel' | 'dash_unreminded';

/** `*` in a rollup's tax type or kecamatan is its margin: the sum over all of them (rollups.ts). */
export const ALL = '*';
/** Every tax type (or kecamatan) on its own row, rather than their margin. */
export const EACH = null;

/**
 * The rollups share `tax_type` and `kecamatan` columns; every panel picks its rows the same way:
 * a value, the margin (`*`), or each value (`EACH`).
 */
function filtered<T extends Filterable, O>(query: SelectQueryBuilder<Database, T, O>, filters: { taxType: string | null; kecamatan: string | null }): SelectQueryBuilder<Database, T, O> {
  let q = query as unknown as SelectQueryBuilder<Database, 'dash_receipts', O>;
  q = filters.taxType === EACH ? q.where('tax_type', '<>', ALL) : q.where('tax_type', '=', filters.taxType);
  q = filters.kecamatan === EACH ? q.where('kecamatan', '<>', ALL) : q.where('kecamatan', '=', filters.kecamatan);
  return q as unknown as SelectQueryBuilder<Database, T, O>;
}

/** The one cell (or margin) the filters name. */
function cell(filters: FigureFilters) {
  return { taxType: filters.taxType ?? ALL, kecamatan: filters.kecamatan ?? ALL };
}

export async function receiptsByMonth(db: Kysely<Database>, year: number, filters: FigureFilters) {
  const rows = await filtered(
    db
      .selectFrom('dash_receipts')
      .select((eb) => ['paid_month', 'tax_type', eb.fn.sum<number>('bills').as('bills'), eb.fn.sum<number>('amount').as('amount')])
      .where('paid_month', '>=', `${year}-01`)
      .where('paid_month', '<=', `${year}-12`)
      .groupBy(['paid_month', 'tax_type']),
    { taxType: filters.taxType ?? EACH, kecamatan: filters.kecamatan ?? ALL },
  ).execute();
  return rows.map((r) => ({ month: r.paid_month, taxType: r.tax_type, bills: Number(r.bills), amount: Number(r.amount) }));
}

/** Bills due per month in [from, to] and how many of them were paid by their due date. */
export async function complianceByMonth(db: Kysely<Database>, from: string, to: string, filters: FigureFilters) {
  if (to < from) return [];
  const rows = await filtered(
    db
      .selectFrom('dash_bill_days')
      .select((eb) => ['due_date', eb.fn.sum<number>('bills').as('bills'), eb.fn.sum<number>('on_time_bills').as('on_time')])
      .where('due_date', '>=', from)
      .where('due_date', '<=', to)
      .groupBy('due_date'),
    cell(filters),
  ).execute();
  const byMonth = new Map<string, { due: number; onTime: number }>();
  for (const r of rows) {
    const month = r.due_date.slice(0, 7);
    const m = byMonth.get(month) ?? { due: 0, onTime: 0 };
    m.due += Number(r.bills);
    m.onTime += Number(r.on_time);
    byMonth.set(month, m);
  }
  return [...byMonth.entries()].map(([month, m]) => ({ month, ...m })).sort((a, b) => a.month.localeCompare(b.month));
}

/** Unpaid bills due before `today`, per due day, tax type and kecamatan (`EACH`, a value, or `*`). */
export async function overdueByDay(db: Kysely<Database>, today: string, filters: { taxType: string | null; kecamatan: string | null }) {
  const rows = await filtered(
    db
      .selectFrom('dash_bill_days')
      .select((eb) => ['due_date', 'tax_type', 'kecamatan', eb.fn.sum<number>('unpaid_bills').as('bills'), eb.fn.sum<number>('unpaid_principal').as('principal')])
      .where('due_date', '<', today)
      .where('unpaid_bills', '>', 0)
      .groupBy(['due_date', 'tax_type', 'kecamatan']),
    filters,
  ).execute();
  return rows.map((r) => ({ dueDate: r.due_date, taxType: r.tax_type, kecamatan: r.kecamatan, bills: Number(r.bills), principal: Number(r.principal) }));
}

export async function funnelRows(db: Kysely<Database>, months: readonly string[], filters: FigureFilters) {
  const rows = await filtered(
    db
      .selectFrom('dash_funnel')
      .select((eb) => [
        'stage',
        'channel',
        eb.fn.sum<number>('sent').as('sent'),
        eb.fn.sum<number>('delivered').as('delivered'),
        eb.fn.sum<number>('read_count').as('read'),
        eb.fn.sum<number>('paid7').as('paid7'),
        eb.fn.sum<number>('paid14').as('paid14'),
      ])
      .where('plan_month', 'in', months)
      .groupBy(['stage', 'channel']),
    cell(filters),
  ).execute();
  return rows.map((r) => ({ stage: r.stage, channel: r.channel, sent: Number(r.sent), delivered: Number(r.delivered), read: Number(r.read), paid7: Number(r.paid7), paid14: Number(r.paid14) }));
}

export async function unremindedRows(db: Kysely<Database>, dueFrom: string, dueTo: string, filters: FigureFilters) {
  const rows = await filtered(
    db
      .selectFrom('dash_unreminded')
      .select((eb) => ['due_date', 'paid_date', eb.fn.sum<number>('bills').as('bills')])
      .where('due_date', '>=', dueFrom)
      .where('due_date', '<=', dueTo)
      .groupBy(['due_date', 'paid_date']),
    cell(filters),
  ).execute();
  return rows.map((r) => ({ dueDate: r.due_date, paidDate: r.paid_date, bills: Number(r.bills) }));
}

export async function reachRows(db: Kysely<Database>, filters: FigureFilters) {
  let q = db
    .selectFrom('dash_reach')
    .select((eb) => ['reach', eb.fn.sum<number>('taxpayers').as('taxpayers'), eb.fn.sum<number>('principal').as('principal')])
    .where('tax_type', '=', filters.taxType ?? '*')
    .groupBy('reach');
  if (filters.kecamatan !== null) q = q.where('kecamatan', '=', filters.kecamatan);
  return (await q.execute()).map((r) => ({ reach: r.reach, taxpayers: Number(r.taxpayers), principal: Number(r.principal) }));
}

export async function messageRows(db: Kysely<Database>, months: readonly string[], filters: FigureFilters) {
  const q = db
    .selectFrom('dash_messages')
    .select((eb) => ['kind', 'channel', eb.fn.sum<number>('messages').as('messages')])
    .where('plan_month', 'in', months)
    .where('tax_type', '=', filters.taxType ?? ALL)
    .where('kecamatan', '=', filters.kecamatan ?? ALL)
    .groupBy(['kind', 'channel']);
  return (await q.execute()).map((r) => ({ kind: r.kind, channel: r.channel, messages: Number(r.messages) }));
}
