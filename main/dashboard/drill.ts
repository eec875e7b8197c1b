import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { z } from 'zod';
import type { drillInput } from '../../shared/api/dashboard.js';
import { daysBetween, lastDayOfMonth } from '../../shared/dashboard/calendar.js';
import type { Database } from '../db/schema.js';
import { bucketDueRange } from './arrears.js';
import { ALL } from './figures.js';
import { scopeOf } from './kpi.js';

type Drill = Omit<z.output<typeof drillInput>, 'limit' | 'offset'>;
type BillsOnly = SelectQueryBuilder<Database, 'bills', object>;

/** Counting every bill behind a big figure costs more than showing them; past this the screen says "10.000+". */
export const DRILL_COUNT_CAP = 10_000;

export interface DrillRow {
  id: number;
  kodeBayar: string;
  taxpayerId: number;
  npwpd: string | null;
  taxpayerName: string;
  kecamatan: string | null;
  nop: string | null;
  objectName: string | null;
  taxType: string;
  taxTypeLabel: string;
  masaPajak: string | null;
  tahun: number | null;
  principal: number;
  penalty: number;
  dueDate: string;
  status: 'paid' | 'unpaid';
  paidDate: string | null;
  daysOverdue: number | null;
  paidAmount: number | null;
}

/**
 * The bills behind one figure of the dashboard, largest principal first: the same conditions the
 * rollups summed, said on `bills` and its indexes, so the list and the figure agree.
 */
export async function drillBills(db: Kysely<Database>, drill: Drill, page: { limit: number; offset: number }, today: string): Promise<{ rows: DrillRow[]; total: number; totalCapped: boolean }> {
  const matching = conditions(db, db.selectFrom('bills'), drill, today);
  const ids = matching.select('bills.id').orderBy('bills.principal', 'desc').orderBy('bills.id', 'desc').limit(page.limit).offset(page.offset);
  const rowsQuery = db
    .selectFrom('bills')
    .innerJoin('taxpayers', 'taxpayers.id', 'bills.taxpayer_id')
    .leftJoin('tax_objects as o', 'o.id', 'bills.object_id')
    .leftJoin('payments', 'payments.bill_id', 'bills.id')
    .where('bills.id', 'in', ids)
    .select([
      'bills.id as id',
      'bills.kode_bayar as kodeBayar',
      'bills.taxpayer_id as taxpayerId',
      'taxpayers.npwpd as npwpd',
      'taxpayers.name as taxpayerName',
      'taxpayers.kecamatan as kecamatan',
      'o.nop as nop',
      'o.name as objectName',
      'bills.tax_type as taxType',
      'bills.tax_type_label as taxTypeLabel',
      'bills.masa_pajak as masaPajak',
      'bills.tahun as tahun',
      'bills.principal as principal',
      'bills.penalty as penalty',
      'bills.due_date as dueDate',
      'bills.status as status',
      'bills.paid_date as paidDate',
      'payments.amount as paymentAmount',
    ])
    .orderBy('bills.principal', 'desc')
    .orderBy('bills.id', 'desc');
  const capped = db.selectFrom(matching.select('bills.id').limit(DRILL_COUNT_CAP + 1).as('matches')).select((eb) => eb.fn.countAll<number>().as('n'));
  const [rows, summed] = await Promise.all([rowsQuery.execute(), totalFromRollups(db, drill, today)]);
  const n = summed ?? Number((await capped.executeTakeFirstOrThrow()).n);
  return {
    rows: rows.map(({ paymentAmount, ...r }) => ({
      ...r,
      id: Number(r.id),
      taxpayerId: Number(r.taxpayerId),
      tahun: r.tahun === null ? null : Number(r.tahun),
      principal: Number(r.principal),
      penalty: Number(r.penalty),
      daysOverdue: r.status === 'unpaid' && r.dueDate < today ? daysBetween(r.dueDate, today) : null,
      paidAmount: r.status === 'paid' ? Number(paymentAmount ?? Number(r.principal) + Number(r.penalty)) : null,
    })),
    total: summed ?? Math.min(n, DRILL_COUNT_CAP),
    totalCapped: summed === null && n > DRILL_COUNT_CAP,
  };
}

function conditions(db: Kysely<Database>, query: BillsOnly, drill: Drill, today: string): BillsOnly {
  const scope = scopeOf(drill, today);
  let q = query;
  if (drill.taxType) q = q.where('bills.tax_type', '=', drill.taxType);
  if (drill.kecamatan) q = q.where('bills.taxpayer_id', 'in', db.selectFrom('taxpayers').select('id').where('kecamatan', '=', drill.kecamatan));
  switch (drill.figure) {
    case 'realisation': {
      const from = drill.month ?? scope.months[0];
      const to = drill.month ?? scope.months[scope.months.length - 1];
      return q
        .where('bills.status', '=', 'paid')
        .where('bills.paid_date', '>=', `${from}-01`)
        .where('bills.paid_date', '<=', lastDayOfMonth(to as string));
    }
    case 'arrears':
    case 'largest': {
      q = q.where('bills.status', '=', 'unpaid').where('bills.due_date', '<', today);
      if (drill.figure === 'arrears' && drill.bucket) {
        const range = bucketDueRange(drill.bucket, today);
        if (range.from) q = q.where('bills.due_date', '>=', range.from);
        q = q.where('bills.due_date', '<=', range.to);
      }
      return q;
    }
    case 'reminded': {
      const from = `${drill.month ?? scope.months[0]}-01`;
      const to = lastDayOfMonth(drill.month ?? (scope.months[scope.months.length - 1] as string));
      // The same messages and windows the funnel counted (rollups.ts), one stage's month read from its index.
      let reminded = db
        .selectFrom('dash_message_bills as mb')
        .innerJoin('outbox', 'outbox.id', 'mb.outbox_id')
        .innerJoin('bills as b', 'b.id', 'mb.bill_id')
        .select('mb.bill_id')
        .where('mb.kind', '=', 'reminder')
        .where('outbox.state', 'in', ['sent', 'delivered', 'read'])
        .where('mb.plan_date', '>=', from)
        .where('mb.plan_date', '<=', to);
      if (drill.stage) reminded = reminded.where('mb.stage', '=', drill.stage);
      if (drill.channel) reminded = reminded.where('mb.channel', '=', drill.channel);
      if (drill.window === 'paid7' || drill.window === 'paid14') {
        reminded = reminded.where('b.status', '=', 'paid').where('b.paid_date', '<=', (eb) => eb.ref(drill.window === 'paid7' ? 'mb.plus7' : 'mb.plus14'));
      }
      return q.where('bills.id', 'in', reminded);
    }
    case 'compliance_on_time':
    case 'compliance_late': {
      const from = drill.month ? `${drill.month}-01` : scope.dueFrom;
      const end = drill.month ? lastDayOfMonth(drill.month) : scope.dueTo;
      q = q.where('bills.due_date', '>=', from).where('bills.due_date', '<=', end < scope.dueTo ? end : scope.dueTo);
      if (drill.figure === 'compliance_on_time') return q.where('bills.status', '=', 'paid').where('bills.paid_date', '<=', (eb) => eb.ref('bills.due_date'));
      return q.where((eb) => eb.or([eb('bills.status', '=', 'unpaid'), eb('bills.paid_date', 'is', null), eb('bills.paid_date', '>', eb.ref('bills.due_date'))]));
    }
  }
}

/**
 * How many bills stand behind an arrears or funnel figure, read from the rollup the figure came
 * from: exact, and without counting tens of thousands of bills. Null for the other figures,
 * which count their bills (up to DRILL_COUNT_CAP).
 */
async function totalFromRollups(db: Kysely<Database>, drill: Drill, today: string): Promise<number | null> {
  const taxType = drill.taxType ?? ALL;
  const kecamatan = drill.kecamatan ?? ALL;
  if (drill.figure === 'arrears' || drill.figure === 'largest') {
    let q = db
      .selectFrom('dash_bill_days')
      .select((eb) => eb.fn.sum<number>('unpaid_bills').as('n'))
      .where('tax_type', '=', taxType)
      .where('kecamatan', '=', kecamatan)
      .where('due_date', '<', today);
    if (drill.figure === 'arrears' && drill.bucket) {
      const range = bucketDueRange(drill.bucket, today);
      if (range.from) q = q.where('due_date', '>=', range.from);
      q = q.where('due_date', '<=', range.to);
    }
    return Number((await q.executeTakeFirst())?.n ?? 0);
  }
  if (drill.figure === 'reminded' && drill.stage && drill.channel) {
    const scope = scopeOf(drill, today);
    const column = drill.window === 'paid7' ? 'paid7' : drill.window === 'paid14' ? 'paid14' : 'sent';
    const row = await db
      .selectFrom('dash_funnel')
      .select((eb) => eb.fn.sum<number>(column).as('n'))
      .where('tax_type', '=', taxType)
      .where('kecamatan', '=', kecamatan)
      .where('stage', '=', drill.stage)
      .where('channel', '=', drill.channel)
      .where('plan_month', 'in', drill.month ? [drill.month] : scope.months)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
  return null;
}
