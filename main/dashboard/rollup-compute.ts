import { type Kysely, sql } from 'kysely';
import { daysBetween } from '../../shared/dashboard/calendar.js';
import type { Database } from '../db/schema.js';
import { ledgerVersion, outboxVersion } from './rollup-version.js';
import { type ComputedPart, LEDGER_TABLES, MESSAGE_TABLES, withMargins } from './rollup-tables.js';

/** A bill's kecamatan is its taxpayer's, as on the bills and contacts screens; none is ''. */
const kecamatan = sql<string>`coalesce(${sql.ref('taxpayers.kecamatan')}, '')`;
const SENT_STATES = ['sent', 'delivered', 'read'] as const;

/*
 * The rollups are computed by reads alone and written afterwards in one short transaction
 * (rollups.ts), so computing them never holds the ledger's writer: on SQLite a rebuild over a
 * million bills runs on its own read connection in a worker thread while payments keep landing.
 * The version is read before the rows, so the rows are never older than the version stored
 * with them; a change in between only causes one more rebuild.
 */

/** Bills per due day, money received per month, and reachability. */
export async function computeLedgerRollups(db: Kysely<Database>): Promise<ComputedPart> {
  const started = performance.now();
  const version = await ledgerVersion(db);
  const billDays = await db
    .selectFrom('bills')
    .innerJoin('taxpayers', 'taxpayers.id', 'bills.taxpayer_id')
    .select((eb) => [
      'bills.tax_type',
      kecamatan.as('kecamatan'),
      'bills.due_date',
      eb.fn.countAll().as('bills'),
      eb.fn.sum(eb.case().when(eb.and([eb('bills.status', '=', 'paid'), eb('bills.paid_date', '<=', eb.ref('bills.due_date'))])).then(1).else(0).end()).as('on_time_bills'),
      eb.fn.sum(eb.case().when('bills.status', '=', 'unpaid').then(1).else(0).end()).as('unpaid_bills'),
      eb.fn.sum(eb.case().when('bills.status', '=', 'unpaid').then(eb.ref('bills.principal')).else(0).end()).as('unpaid_principal'),
    ])
    .groupBy(['bills.tax_type', 'taxpayers.kecamatan', 'bills.due_date'])
    .execute();

  const paidMonth = sql<string>`substr(${sql.ref('bills.paid_date')}, 1, 7)`;
  const receipts = await db
    .selectFrom('bills')
    .innerJoin('taxpayers', 'taxpayers.id', 'bills.taxpayer_id')
    .leftJoin('payments', 'payments.bill_id', 'bills.id')
    .where('bills.status', '=', 'paid')
    .where('bills.paid_date', 'is not', null)
    // A payment in SI PEKA says what was received; a bill SIMPADA reports paid, its principal and penalty.
    .select((eb) => ['bills.tax_type', kecamatan.as('kecamatan'), paidMonth.as('paid_month'), eb.fn.countAll().as('bills'), eb.fn.sum(eb.fn.coalesce('payments.amount', eb('bills.principal', '+', eb.ref('bills.penalty')))).as('amount')])
    .groupBy(['bills.tax_type', 'taxpayers.kecamatan', paidMonth])
    .execute();

  return {
    part: 'ledger',
    version,
    tables: [
      { table: LEDGER_TABLES.billDays, rows: withMargins(LEDGER_TABLES.billDays, billDays) },
      { table: LEDGER_TABLES.receipts, rows: withMargins(LEDGER_TABLES.receipts, receipts) },
      { table: LEDGER_TABLES.reach, rows: withMargins(LEDGER_TABLES.reach, await reach(db)) },
    ],
    ms: Math.round(performance.now() - started),
  };
}

async function reach(db: Kysely<Database>) {
  // Unpaid bills are summed per taxpayer and tax type from the covering index first, so only one
  // row per taxpayer meets the contacts join (as main/contacts/reachability.ts does).
  const perTaxpayerAndType = db
    .selectFrom('bills')
    .select((eb) => ['bills.taxpayer_id', 'bills.tax_type', eb.fn.sum<number>('bills.principal').as('principal')])
    .where('bills.status', '=', 'unpaid')
    .groupBy(['bills.taxpayer_id', 'bills.tax_type']);
  const byType = await db
    .selectFrom(perTaxpayerAndType.as('u'))
    .innerJoin('contacts', 'contacts.taxpayer_id', 'u.taxpayer_id')
    .innerJoin('taxpayers', 'taxpayers.id', 'u.taxpayer_id')
    .select((eb) => [kecamatan.as('kecamatan'), 'u.tax_type', 'contacts.reach', eb.fn.countAll().as('taxpayers'), eb.fn.sum('u.principal').as('principal')])
    .groupBy(['taxpayers.kecamatan', 'u.tax_type', 'contacts.reach'])
    .execute();
  const perTaxpayer = db
    .selectFrom('bills')
    .select((eb) => ['bills.taxpayer_id', eb.fn.sum<number>('bills.principal').as('principal')])
    .where('bills.status', '=', 'unpaid')
    .groupBy('bills.taxpayer_id');
  const all = await db
    .selectFrom('contacts')
    .innerJoin('taxpayers', 'taxpayers.id', 'contacts.taxpayer_id')
    .leftJoin(perTaxpayer.as('u'), 'u.taxpayer_id', 'contacts.taxpayer_id')
    .select((eb) => [kecamatan.as('kecamatan'), sql<string>`'*'`.as('tax_type'), 'contacts.reach', eb.fn.countAll().as('taxpayers'), eb.fn.coalesce(eb.fn.sum('u.principal'), sql<number>`0`).as('principal')])
    .groupBy(['taxpayers.kecamatan', 'contacts.reach'])
    .execute();
  return [...byType, ...all];
}

/**
 * The reminder funnel, the never-reminded comparison group, and messages by channel. Reads
 * dash_message_bills, which must hold every message up to the outbox version read here
 * (expandNewMessages runs first).
 */
export async function computeMessageRollups(db: Kysely<Database>): Promise<ComputedPart> {
  const started = performance.now();
  const version = `${await ledgerVersion(db)}|${await outboxVersion(db)}`;
  const planMonth = sql<string>`substr(${sql.ref('outbox.plan_date')}, 1, 7)`;
  const funnel = await db
    .selectFrom('dash_message_bills as mb')
    .innerJoin('outbox', 'outbox.id', 'mb.outbox_id')
    .innerJoin('bills', 'bills.id', 'mb.bill_id')
    .innerJoin('taxpayers', 'taxpayers.id', 'bills.taxpayer_id')
    .where('outbox.kind', '=', 'reminder')
    .where('outbox.state', 'in', SENT_STATES)
    .select((eb) => [
      'bills.tax_type',
      kecamatan.as('kecamatan'),
      'outbox.stage',
      'outbox.channel',
      planMonth.as('plan_month'),
      eb.fn.countAll().as('sent'),
      eb.fn.sum(eb.case().when('outbox.state', 'in', ['delivered', 'read']).then(1).else(0).end()).as('delivered'),
      eb.fn.sum(eb.case().when('outbox.state', '=', 'read').then(1).else(0).end()).as('read_count'),
      eb.fn.sum(eb.case().when(eb.and([eb('bills.status', '=', 'paid'), eb('bills.paid_date', '<=', eb.ref('mb.plus7'))])).then(1).else(0).end()).as('paid7'),
      eb.fn.sum(eb.case().when(eb.and([eb('bills.status', '=', 'paid'), eb('bills.paid_date', '<=', eb.ref('mb.plus14'))])).then(1).else(0).end()).as('paid14'),
    ])
    .groupBy(['bills.tax_type', 'taxpayers.kecamatan', 'outbox.stage', 'outbox.channel', planMonth])
    .execute();

  const everyMessage = await db
    .selectFrom('outbox')
    .innerJoin('taxpayers', 'taxpayers.id', 'outbox.taxpayer_id')
    .where('outbox.state', 'in', SENT_STATES)
    .select((eb) => ['outbox.kind', 'outbox.channel', planMonth.as('plan_month'), kecamatan.as('kecamatan'), sql<string>`'*'`.as('tax_type'), eb.fn.countAll().as('messages')])
    .groupBy(['outbox.kind', 'outbox.channel', planMonth, 'taxpayers.kecamatan'])
    .execute();
  const byTaxType = await db
    .selectFrom('dash_message_bills as mb')
    .innerJoin('outbox', 'outbox.id', 'mb.outbox_id')
    .innerJoin('bills', 'bills.id', 'mb.bill_id')
    .innerJoin('taxpayers', 'taxpayers.id', 'outbox.taxpayer_id')
    .where('outbox.state', 'in', SENT_STATES)
    .select((eb) => ['outbox.kind', 'outbox.channel', planMonth.as('plan_month'), kecamatan.as('kecamatan'), 'bills.tax_type', eb.fn.count('outbox.id').distinct().as('messages')])
    .groupBy(['outbox.kind', 'outbox.channel', planMonth, 'taxpayers.kecamatan', 'bills.tax_type'])
    .execute();

  return {
    part: 'messages',
    version,
    tables: [
      { table: MESSAGE_TABLES.funnel, rows: withMargins(MESSAGE_TABLES.funnel, funnel) },
      { table: MESSAGE_TABLES.unreminded, rows: withMargins(MESSAGE_TABLES.unreminded, await unreminded(db)) },
      { table: MESSAGE_TABLES.messages, rows: withMargins(MESSAGE_TABLES.messages, [...everyMessage, ...byTaxType]) },
    ],
    ms: Math.round(performance.now() - started),
  };
}

/** How far from the due date a paid date may lie and still matter to a stage's window. */
const EARLIEST_OFFSET = -31;
const LATEST_OFFSET = 75;
const PAID_BEFORE_ANY_STAGE = '0000-00-00';
const PAID_AFTER_EVERY_WINDOW = '9999-12-31';

/**
 * Bills no reminder was ever planned for, by due day and paid day. A paid day far from the due
 * day is folded into "before any stage" or "after every window", which keeps the rollup to a
 * few rows per due day while every comparison the funnel makes stays exact.
 */
async function unreminded(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('bills')
    .innerJoin('taxpayers', 'taxpayers.id', 'bills.taxpayer_id')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('dash_message_bills as mb').select('mb.bill_id').whereRef('mb.bill_id', '=', 'bills.id').where('mb.kind', '=', 'reminder'))))
    .select((eb) => ['bills.tax_type', kecamatan.as('kecamatan'), 'bills.due_date', 'bills.paid_date', 'bills.status', eb.fn.countAll<number>().as('n')])
    .groupBy(['bills.tax_type', 'taxpayers.kecamatan', 'bills.due_date', 'bills.paid_date', 'bills.status'])
    .execute();
  const folded = new Map<string, { tax_type: string; kecamatan: string; due_date: string; paid_date: string; bills: number }>();
  for (const r of rows) {
    const paid = r.status === 'paid' && r.paid_date ? foldPaidDate(r.due_date, r.paid_date) : '';
    const key = `${r.tax_type}\u0000${r.kecamatan}\u0000${r.due_date}\u0000${paid}`;
    const row = folded.get(key);
    if (row) row.bills += Number(r.n);
    else folded.set(key, { tax_type: r.tax_type, kecamatan: r.kecamatan, due_date: r.due_date, paid_date: paid, bills: Number(r.n) });
  }
  return [...folded.values()];
}

export function foldPaidDate(dueDate: string, paidDate: string): string {
  const offset = daysBetween(dueDate, paidDate);
  if (offset < EARLIEST_OFFSET) return PAID_BEFORE_ANY_STAGE;
  if (offset > LATEST_OFFSET) return PAID_AFTER_EVERY_WINDOW;
  return paidDate;
}
