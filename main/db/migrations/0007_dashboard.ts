import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * The head of agency's dashboard: yearly targets per indicator (issue 9), and the rollups its
 * panels read instead of scanning a million bills and messages per request. Rollups are rebuilt
 * whole when a query finds them older than the ledger (`dashboard_rollup_state`), so they hold
 * nothing that is not derived from the ledger and the outbox.
 */
export function dashboard(_engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('kpi_targets')
        .addColumn('year', 'integer', (c) => c.notNull())
        // `revenue`, `compliance`, `reachability`.
        .addColumn('indicator', 'varchar(30)', (c) => c.notNull())
        // A tax type code, or `*` for the indicator as a whole.
        .addColumn('tax_type', 'varchar(30)', (c) => c.notNull())
        // Rupiah for revenue; basis points (8000 = 80 %) for rates.
        .addColumn('target', 'bigint', (c) => c.notNull())
        // Cumulative share of the yearly target due by the end of each quarter, in percent.
        .addColumn('q1', 'integer', (c) => c.notNull())
        .addColumn('q2', 'integer', (c) => c.notNull())
        .addColumn('q3', 'integer', (c) => c.notNull())
        .addColumn('q4', 'integer', (c) => c.notNull())
        // Weight in the NKO, the weighted mean of capaian.
        .addColumn('weight', 'integer', (c) => c.notNull())
        .addColumn('updated_by', 'varchar(80)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addPrimaryKeyConstraint('kpi_targets_pk', ['year', 'indicator', 'tax_type'])
        .execute();

      await db.schema
        .createTable('dashboard_rollup_state')
        // `ledger` (bills, receipts, reachability) or `messages` (the outbox and its bills).
        .addColumn('part', 'varchar(20)', (c) => c.primaryKey())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('built_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('build_ms', 'integer', (c) => c.notNull())
        .execute();

      // Bills per due day: arrears buckets and compliance are computed from the due date at query
      // time, so the rollup stays right when only the date moves on.
      await db.schema
        .createTable('dash_bill_days')
        .addColumn('tax_type', 'varchar(30)', (c) => c.notNull())
        .addColumn('kecamatan', 'varchar(100)', (c) => c.notNull())
        .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('bills', 'bigint', (c) => c.notNull())
        .addColumn('on_time_bills', 'bigint', (c) => c.notNull())
        .addColumn('unpaid_bills', 'bigint', (c) => c.notNull())
        .addColumn('unpaid_principal', 'bigint', (c) => c.notNull())
        .execute();
      // A panel reads one cell (or margin) over a range of days, or each tax type of one kecamatan.
      await db.schema.createIndex('dash_bill_days_cell').on('dash_bill_days').columns(['tax_type', 'kecamatan', 'due_date']).execute();
      await db.schema.createIndex('dash_bill_days_kecamatan').on('dash_bill_days').columns(['kecamatan', 'tax_type', 'due_date']).execute();

      // Money received per month (realisation), by the paid date.
      await db.schema
        .createTable('dash_receipts')
        .addColumn('tax_type', 'varchar(30)', (c) => c.notNull())
        .addColumn('kecamatan', 'varchar(100)', (c) => c.notNull())
        .addColumn('paid_month', 'varchar(7)', (c) => c.notNull())
        .addColumn('bills', 'bigint', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('dash_receipts_kecamatan').on('dash_receipts').columns(['kecamatan', 'tax_type', 'paid_month']).execute();

      // Who reminders can reach (contacts.reach): `*` rows count every taxpayer, a tax type's rows
      // the taxpayers owing it, with their unpaid principal.
      await db.schema
        .createTable('dash_reach')
        .addColumn('kecamatan', 'varchar(100)', (c) => c.notNull())
        .addColumn('tax_type', 'varchar(30)', (c) => c.notNull())
        .addColumn('reach', 'varchar(12)', (c) => c.notNull())
        .addColumn('taxpayers', 'bigint', (c) => c.notNull())
        .addColumn('principal', 'bigint', (c) => c.notNull())
        .execute();

      // Every rollup above and below also holds margins: `*` as tax type, kecamatan or both (rollups.ts).

      // Each message's bills, expanded once from outbox.bill_ids (JSON) as messages appear, with the
      // ends of the 7- and 14-day windows after the day it was planned for.
      // The message's kind, stage, channel and day never change, so they are copied here too: the
      // drill-down to reminded bills finds one stage's month without reading the outbox.
      await db.schema
        .createTable('dash_message_bills')
        .addColumn('outbox_id', 'bigint', (c) => c.notNull())
        .addColumn('bill_id', 'bigint', (c) => c.notNull())
        .addColumn('kind', 'varchar(12)', (c) => c.notNull())
        .addColumn('stage', 'varchar(20)', (c) => c.notNull())
        .addColumn('channel', 'varchar(12)', (c) => c.notNull())
        .addColumn('plan_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('plus7', 'varchar(10)', (c) => c.notNull())
        .addColumn('plus14', 'varchar(10)', (c) => c.notNull())
        .addPrimaryKeyConstraint('dash_message_bills_pk', ['outbox_id', 'bill_id'])
        .execute();
      await db.schema.createIndex('dash_message_bills_bill').on('dash_message_bills').columns(['bill_id', 'kind']).execute();
      await db.schema.createIndex('dash_message_bills_stage').on('dash_message_bills').columns(['stage', 'channel', 'plan_date']).execute();

      // The reminder funnel, one row per reminded bill and message summed: sent → delivered → read → paid.
      await db.schema
        .createTable('dash_funnel')
        .addColumn('tax_type', 'varchar(30)', (c) => c.notNull())
        .addColumn('kecamatan', 'varchar(100)', (c) => c.notNull())
        .addColumn('stage', 'varchar(20)', (c) => c.notNull())
        .addColumn('channel', 'varchar(12)', (c) => c.notNull())
        .addColumn('plan_month', 'varchar(7)', (c) => c.notNull())
        .addColumn('sent', 'bigint', (c) => c.notNull())
        .addColumn('delivered', 'bigint', (c) => c.notNull())
        .addColumn('read_count', 'bigint', (c) => c.notNull())
        .addColumn('paid7', 'bigint', (c) => c.notNull())
        .addColumn('paid14', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('dash_funnel_cell').on('dash_funnel').columns(['tax_type', 'kecamatan', 'plan_month']).execute();

      // Bills never reminded, by due day and the day they were paid: the comparison group.
      await db.schema
        .createTable('dash_unreminded')
        .addColumn('tax_type', 'varchar(30)', (c) => c.notNull())
        .addColumn('kecamatan', 'varchar(100)', (c) => c.notNull())
        .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
        // Empty while unpaid.
        .addColumn('paid_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('bills', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('dash_unreminded_cell').on('dash_unreminded').columns(['tax_type', 'kecamatan', 'due_date']).execute();

      // Messages that went out, by kind, channel and month: channel mix, cost and savings. `*`
      // counts each message once; a tax type's rows the messages speaking of a bill of it.
      await db.schema
        .createTable('dash_messages')
        .addColumn('kind', 'varchar(12)', (c) => c.notNull())
        .addColumn('channel', 'varchar(12)', (c) => c.notNull())
        .addColumn('plan_month', 'varchar(7)', (c) => c.notNull())
        .addColumn('kecamatan', 'varchar(100)', (c) => c.notNull())
        .addColumn('tax_type', 'varchar(30)', (c) => c.notNull())
        .addColumn('messages', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('dash_messages_cell').on('dash_messages').columns(['tax_type', 'kecamatan', 'plan_month']).execute();

      // What tells the dashboard the outbox changed without reading it: its newest update.
      await db.schema.createIndex('outbox_updated_at').on('outbox').column('updated_at').execute();
      // Drill-downs read the bills behind a figure from these alone (no row lookups), sorted by
      // principal: paid in a month (realisation), and due in a month (compliance).
      await db.schema.createIndex('bills_paid_date').on('bills').columns(['paid_date', 'tax_type', 'status', 'principal']).execute();
      await db.schema.createIndex('bills_due_cover').on('bills').columns(['due_date', 'tax_type', 'status', 'paid_date', 'principal']).execute();
    },
  };
}
