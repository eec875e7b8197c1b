import { type Kysely, sql } from 'kysely';
import { addDays, daysBetween } from '../../shared/dashboard/calendar.js';
import type { App } from '../api/context.js';
import { bulkInsert } from '../db/bulk-insert.js';
import type { Database } from '../db/schema.js';
import { ledgerVersion, outboxVersion } from './rollup-version.js';

/** A bill's kecamatan is its taxpayer's, as on the bills and contacts screens; none is ''. */
const kecamatan = sql<string>`coalesce(${sql.ref('taxpayers.kecamatan')}, '')`;
const SENT_STATES = ['sent', 'delivered', 'read'] as const;

export interface RollupStatus {
  /** When the message figures, the only ones that may lag, were built. */
  builtAt: string | null;
  /** Parts rebuilt by this call, with how long each took. */
  rebuilt: { part: 'ledger' | 'messages'; ms: number }[];
}

const inFlight = new WeakMap<object, Promise<RollupStatus>>();

/**
 * Gateway statuses arrive all day while a dispatch runs; rebuilding the message figures for each
 * would hold the writer for seconds at a million messages, so they may lag this long behind the
 * outbox (the screen says when its figures were built). Ledger changes are never late.
 */
export const MESSAGES_MAX_AGE_MS = 60_000;

/**
 * Makes the dashboard's rollups current, then the queries read them. A rollup is rebuilt whole,
 * in one transaction, when the fingerprint of what it derives from differs from the one stored
 * with it (the message figures: see MESSAGES_MAX_AGE_MS); otherwise this costs the few
 * primary-key reads of the fingerprints. Concurrent callers of one app share one rebuild.
 */
export function freshRollups(app: App): Promise<RollupStatus> {
  const running = inFlight.get(app);
  if (running) return running;
  const started = refresh(app, app.ledger.db, app.clock.now()).finally(() => inFlight.delete(app));
  inFlight.set(app, started);
  return started;
}

async function refresh(app: App, db: Kysely<Database>, now: Date): Promise<RollupStatus> {
  const stored = await readState(db);
  const ledger = await ledgerVersion(db);
  const messages = `${ledger}|${await outboxVersion(db)}`;
  const rebuilt: RollupStatus['rebuilt'] = [];
  const attempt = async (part: 'ledger' | 'messages', build: (trx: Kysely<Database>) => Promise<void>) => {
    try {
      rebuilt.push(await rebuild(db, part, now, build));
    } catch (err) {
      // Figures a little old (the screen says from when) beat no dashboard while the writer is busy.
      if (!stored.has(part)) throw err;
      app.logger.warn('dashboard rollups not rebuilt; showing the previous build', { part, error: err instanceof Error ? err.message : String(err) });
    }
  };
  if (stored.get('ledger')?.version !== ledger) await attempt('ledger', rebuildLedgerRollups);
  const built = stored.get('messages');
  // Paid dates decide the funnel, so a ledger change always rebuilds the message figures too.
  const ledgerMoved = built?.version.split('|')[0] !== ledger;
  const outboxMoved = built?.version !== messages;
  const old = !built || now.getTime() - Date.parse(built.built_at) >= MESSAGES_MAX_AGE_MS;
  if (ledgerMoved || (outboxMoved && old)) await attempt('messages', rebuildMessageRollups);
  const state = rebuilt.length > 0 ? await readState(db) : stored;
  return { builtAt: state.get('messages')?.built_at ?? null, rebuilt };
}

async function readState(db: Kysely<Database>) {
  const rows = await db.selectFrom('dashboard_rollup_state').selectAll().execute();
  return new Map(rows.map((r) => [r.part, r]));
}

async function rebuild(db: Kysely<Database>, part: 'ledger' | 'messages', now: Date, build: (trx: Kysely<Database>) => Promise<void>) {
  const started = performance.now();
  await db.transaction().execute(async (trx) => {
    // Read inside the transaction: what the rollup is built from is what this version names.
    const version = part === 'ledger' ? await ledgerVersion(trx) : `${await ledgerVersion(trx)}|${await outboxVersion(trx)}`;
    await build(trx);
    const ms = Math.round(performance.now() - started);
    const row = { part, version, built_at: now.toISOString(), build_ms: ms };
    await trx
      .insertInto('dashboard_rollup_state')
      .values(row)
      .onConflict((oc) => oc.column('part').doUpdateSet({ version, built_at: row.built_at, build_ms: ms }))
      .execute();
  });
  return { part, ms: Math.round(performance.now() - started) };
}

/** Bills per due day, money received per month, and reachability. */
export async function rebuildLedgerRollups(trx: Kysely<Database>): Promise<void> {
  await trx.deleteFrom('dash_bill_days').execute();
  await trx
    .insertInto('dash_bill_days')
    .columns(['tax_type', 'kecamatan', 'due_date', 'bills', 'on_time_bills', 'unpaid_bills', 'unpaid_principal'])
    .expression(
      trx
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
        .groupBy(['bills.tax_type', 'taxpayers.kecamatan', 'bills.due_date']),
    )
    .execute();
  await addMargins(trx, 'dash_bill_days', ['tax_type', 'kecamatan', 'due_date'], ['bills', 'on_time_bills', 'unpaid_bills', 'unpaid_principal'], ['tax_type', 'kecamatan']);

  const paidMonth = sql<string>`substr(${sql.ref('bills.paid_date')}, 1, 7)`;
  await trx.deleteFrom('dash_receipts').execute();
  await trx
    .insertInto('dash_receipts')
    .columns(['tax_type', 'kecamatan', 'paid_month', 'bills', 'amount'])
    .expression(
      trx
        .selectFrom('bills')
        .innerJoin('taxpayers', 'taxpayers.id', 'bills.taxpayer_id')
        .leftJoin('payments', 'payments.bill_id', 'bills.id')
        .where('bills.status', '=', 'paid')
        .where('bills.paid_date', 'is not', null)
        // A payment in SI PEKA says what was received; a bill SIMPADA reports paid, its principal and penalty.
        .select((eb) => ['bills.tax_type', kecamatan.as('kecamatan'), paidMonth.as('paid_month'), eb.fn.countAll().as('bills'), eb.fn.sum(eb.fn.coalesce('payments.amount', eb('bills.principal', '+', eb.ref('bills.penalty')))).as('amount')])
        .groupBy(['bills.tax_type', 'taxpayers.kecamatan', paidMonth]),
    )
    .execute();
  await addMargins(trx, 'dash_receipts', ['tax_type', 'kecamatan', 'paid_month'], ['bills', 'amount'], ['tax_type', 'kecamatan']);

  await rebuildReach(trx);
}

async function rebuildReach(trx: Kysely<Database>): Promise<void> {
  await trx.deleteFrom('dash_reach').execute();
  // Unpaid bills are summed per taxpayer and tax type from the covering index first, so only one
  // row per taxpayer meets the contacts join (as main/contacts/reachability.ts does).
  const perTaxpayerAndType = trx
    .selectFrom('bills')
    .select((eb) => ['bills.taxpayer_id', 'bills.tax_type', eb.fn.sum<number>('bills.principal').as('principal')])
    .where('bills.status', '=', 'unpaid')
    .groupBy(['bills.taxpayer_id', 'bills.tax_type']);
  await trx
    .insertInto('dash_reach')
    .columns(['kecamatan', 'tax_type', 'reach', 'taxpayers', 'principal'])
    .expression(
      trx
        .selectFrom(perTaxpayerAndType.as('u'))
        .innerJoin('contacts', 'contacts.taxpayer_id', 'u.taxpayer_id')
        .innerJoin('taxpayers', 'taxpayers.id', 'u.taxpayer_id')
        .select((eb) => [kecamatan.as('kecamatan'), 'u.tax_type', 'contacts.reach', eb.fn.countAll().as('taxpayers'), eb.fn.sum('u.principal').as('principal')])
        .groupBy(['taxpayers.kecamatan', 'u.tax_type', 'contacts.reach']),
    )
    .execute();
  const perTaxpayer = trx
    .selectFrom('bills')
    .select((eb) => ['bills.taxpayer_id', eb.fn.sum<number>('bills.principal').as('principal')])
    .where('bills.status', '=', 'unpaid')
    .groupBy('bills.taxpayer_id');
  await trx
    .insertInto('dash_reach')
    .columns(['kecamatan', 'tax_type', 'reach', 'taxpayers', 'principal'])
    .expression(
      trx
        .selectFrom('contacts')
        .innerJoin('taxpayers', 'taxpayers.id', 'contacts.taxpayer_id')
        .leftJoin(perTaxpayer.as('u'), 'u.taxpayer_id', 'contacts.taxpayer_id')
        .select((eb) => [kecamatan.as('kecamatan'), sql<string>`'*'`.as('tax_type'), 'contacts.reach', eb.fn.countAll().as('taxpayers'), eb.fn.coalesce(eb.fn.sum('u.principal'), sql<number>`0`).as('principal')])
        .groupBy(['taxpayers.kecamatan', 'contacts.reach']),
    )
    .execute();
}

/** The reminder funnel, the never-reminded comparison group, and messages by channel. */
export async function rebuildMessageRollups(trx: Kysely<Database>): Promise<void> {
  await expandNewMessages(trx);

  const planMonth = sql<string>`substr(${sql.ref('outbox.plan_date')}, 1, 7)`;
  await trx.deleteFrom('dash_funnel').execute();
  await trx
    .insertInto('dash_funnel')
    .columns(['tax_type', 'kecamatan', 'stage', 'channel', 'plan_month', 'sent', 'delivered', 'read_count', 'paid7', 'paid14'])
    .expression(
      trx
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
        .groupBy(['bills.tax_type', 'taxpayers.kecamatan', 'outbox.stage', 'outbox.channel', planMonth]),
    )
    .execute();
  await addMargins(trx, 'dash_funnel', ['tax_type', 'kecamatan', 'stage', 'channel', 'plan_month'], ['sent', 'delivered', 'read_count', 'paid7', 'paid14'], ['tax_type', 'kecamatan']);

  await rebuildUnreminded(trx);

  await trx.deleteFrom('dash_messages').execute();
  await trx
    .insertInto('dash_messages')
    .columns(['kind', 'channel', 'plan_month', 'kecamatan', 'tax_type', 'messages'])
    .expression(
      trx
        .selectFrom('outbox')
        .innerJoin('taxpayers', 'taxpayers.id', 'outbox.taxpayer_id')
        .where('outbox.state', 'in', SENT_STATES)
        .select((eb) => ['outbox.kind', 'outbox.channel', planMonth.as('plan_month'), kecamatan.as('kecamatan'), sql<string>`'*'`.as('tax_type'), eb.fn.countAll().as('messages')])
        .groupBy(['outbox.kind', 'outbox.channel', planMonth, 'taxpayers.kecamatan']),
    )
    .execute();
  await trx
    .insertInto('dash_messages')
    .columns(['kind', 'channel', 'plan_month', 'kecamatan', 'tax_type', 'messages'])
    .expression(
      trx
        .selectFrom('dash_message_bills as mb')
        .innerJoin('outbox', 'outbox.id', 'mb.outbox_id')
        .innerJoin('bills', 'bills.id', 'mb.bill_id')
        .innerJoin('taxpayers', 'taxpayers.id', 'outbox.taxpayer_id')
        .where('outbox.state', 'in', SENT_STATES)
        .select((eb) => ['outbox.kind', 'outbox.channel', planMonth.as('plan_month'), kecamatan.as('kecamatan'), 'bills.tax_type', eb.fn.count('outbox.id').distinct().as('messages')])
        .groupBy(['outbox.kind', 'outbox.channel', planMonth, 'taxpayers.kecamatan', 'bills.tax_type']),
    )
    .execute();
  // A message speaking of two tax types counts once under `*`, so only the kecamatan margin is a sum.
  await addMargins(trx, 'dash_messages', ['kind', 'channel', 'plan_month', 'kecamatan', 'tax_type'], ['messages'], ['kecamatan']);
}

/**
 * outbox.bill_ids is JSON, which the two engines unpack with different functions; messages never
 * change their bills, so each is unpacked here once, in order of id, as it appears.
 */
async function expandNewMessages(trx: Kysely<Database>): Promise<void> {
  const last = await trx.selectFrom('dash_message_bills').select((eb) => eb.fn.max('outbox_id').as('id')).executeTakeFirst();
  let afterId = Number(last?.id ?? 0);
  for (;;) {
    const page = await trx.selectFrom('outbox').select(['id', 'kind', 'stage', 'channel', 'plan_date', 'bill_ids']).where('id', '>', afterId).orderBy('id').limit(5000).execute();
    if (page.length === 0) return;
    const rows = page.flatMap((m) => {
      const common = { kind: m.kind, stage: m.stage, channel: m.channel, plan_date: m.plan_date, plus7: addDays(m.plan_date, 7), plus14: addDays(m.plan_date, 14) };
      return [...new Set(JSON.parse(m.bill_ids) as number[])].map((billId) => ({ outbox_id: Number(m.id), bill_id: billId, ...common }));
    });
    await bulkInsert(trx, 'dash_message_bills', ['outbox_id', 'bill_id', 'kind', 'stage', 'channel', 'plan_date', 'plus7', 'plus14'], rows);
    afterId = Number(page[page.length - 1]?.id);
  }
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
async function rebuildUnreminded(trx: Kysely<Database>): Promise<void> {
  await trx.deleteFrom('dash_unreminded').execute();
  const rows = await trx
    .selectFrom('bills')
    .innerJoin('taxpayers', 'taxpayers.id', 'bills.taxpayer_id')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('dash_message_bills as mb').select('mb.bill_id').whereRef('mb.bill_id', '=', 'bills.id').where('mb.kind', '=', 'reminder'),
        ),
      ),
    )
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
  await bulkInsert(trx, 'dash_unreminded', ['tax_type', 'kecamatan', 'due_date', 'paid_date', 'bills'], [...folded.values()]);
  await addMargins(trx, 'dash_unreminded', ['tax_type', 'kecamatan', 'due_date', 'paid_date'], ['bills'], ['tax_type', 'kecamatan']);
}

type Margin = 'tax_type' | 'kecamatan';

/**
 * Adds a rollup's margins: rows with `*` as the tax type, the kecamatan or both, summed from its
 * cells. A panel without that filter then reads the few margin rows instead of adding up every
 * (tax type, kecamatan) cell, which keeps each query to one indexed range at a million bills.
 */
async function addMargins(trx: Kysely<Database>, table: keyof Database & string, keys: readonly string[], sums: readonly string[], margins: readonly Margin[]): Promise<void> {
  const subsets = margins.length === 1 ? [margins] : [[margins[0]], [margins[1]], margins] as Margin[][];
  for (const subset of subsets) {
    const values = [...keys.map((k) => ((subset as string[]).includes(k) ? sql`'*'` : sql.ref(k))), ...sums.map((c) => sql`sum(${sql.ref(c)})`)];
    const groupBy = keys.filter((k) => !(subset as string[]).includes(k)).map((k) => sql.ref(k));
    const cells = sql.join(margins.map((m) => sql`${sql.ref(m)} <> '*'`), sql` and `);
    await sql`insert into ${sql.table(table)} (${sql.join([...keys, ...sums].map((c) => sql.ref(c)))}) select ${sql.join(values)} from ${sql.table(table)} where ${cells} group by ${sql.join(groupBy)}`.execute(trx);
  }
}

export function foldPaidDate(dueDate: string, paidDate: string): string {
  const offset = daysBetween(dueDate, paidDate);
  if (offset < EARLIEST_OFFSET) return PAID_BEFORE_ANY_STAGE;
  if (offset > LATEST_OFFSET) return PAID_AFTER_EVERY_WINDOW;
  return paidDate;
}
