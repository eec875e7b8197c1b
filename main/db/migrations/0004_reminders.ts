import type { Kysely } from 'kysely';
import { withId } from '../ddl.js';
import type { Engine } from '../engine.js';

/**
 * The reminder engine: stages and holidays officers edit, planner runs and what they skipped,
 * the outbox (one row per message, unique per taxpayer, stage, due date and channel, so
 * planning twice plans nothing new), each message's events, opt-outs, and the gateways.
 */
export function reminders(engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withId(db.schema.createTable('reminder_stages'), engine)
        .addColumn('code', 'varchar(20)', (c) => c.notNull())
        .addColumn('offset_days', 'integer', (c) => c.notNull())
        .addColumn('tax_type', 'varchar(30)', (c) => c.notNull())
        .addColumn('channels', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('updated_by', 'varchar(80)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addUniqueConstraint('reminder_stages_code_type', ['code', 'tax_type'])
        .execute();

      await db.schema
        .createTable('holidays')
        .addColumn('day', 'varchar(10)', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_by', 'varchar(80)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();

      await withId(db.schema.createTable('plan_runs'), engine)
        .addColumn('plan_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('actor', 'varchar(80)', (c) => c.notNull())
        .addColumn('started_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('planned', 'bigint', (c) => c.notNull())
        .addColumn('skipped', 'bigint', (c) => c.notNull())
        .addColumn('counts', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('plan_runs_date').on('plan_runs').column('plan_date').execute();

      await withId(db.schema.createTable('outbox'), engine)
        .addColumn('kind', 'varchar(12)', (c) => c.notNull())
        .addColumn('taxpayer_id', 'bigint', (c) => c.notNull().references('taxpayers.id'))
        .addColumn('stage', 'varchar(20)', (c) => c.notNull())
        .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('channel', 'varchar(12)', (c) => c.notNull())
        .addColumn('plan_run_id', 'bigint')
        .addColumn('plan_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('bill_ids', 'text', (c) => c.notNull())
        .addColumn('template_id', 'bigint')
        .addColumn('recipient', 'varchar(20)', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('parameters', 'text', (c) => c.notNull())
        .addColumn('state', 'varchar(12)', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('not_before', 'varchar(30)', (c) => c.notNull())
        .addColumn('next_attempt_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('gateway', 'varchar(20)')
        .addColumn('gateway_message_id', 'varchar(120)')
        .addColumn('error_code', 'varchar(40)')
        .addColumn('error_detail', 'text')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('sending_at', 'varchar(30)')
        .addColumn('sent_at', 'varchar(30)')
        .addColumn('delivered_at', 'varchar(30)')
        .addColumn('read_at', 'varchar(30)')
        .addColumn('failed_at', 'varchar(30)')
        // The promise "never twice per moment" is kept by the database, not by the planner's care.
        .addUniqueConstraint('outbox_once_per_moment', ['taxpayer_id', 'stage', 'due_date', 'channel'])
        .execute();
      await db.schema.createIndex('outbox_due_work').on('outbox').columns(['state', 'next_attempt_at']).execute();
      await db.schema.createIndex('outbox_taxpayer').on('outbox').columns(['taxpayer_id', 'id']).execute();
      await db.schema.createIndex('outbox_gateway_id').on('outbox').column('gateway_message_id').execute();
      await db.schema.createIndex('outbox_plan_date').on('outbox').columns(['plan_date', 'stage', 'channel']).execute();

      await withId(db.schema.createTable('reminder_skips'), engine)
        .addColumn('plan_run_id', 'bigint', (c) => c.notNull().references('plan_runs.id').onDelete('cascade'))
        .addColumn('plan_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('taxpayer_id', 'bigint', (c) => c.notNull())
        .addColumn('stage', 'varchar(20)', (c) => c.notNull())
        .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('channel', 'varchar(12)')
        .addColumn('reason', 'varchar(30)', (c) => c.notNull())
        .addColumn('bill_ids', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('reminder_skips_run').on('reminder_skips').columns(['plan_run_id', 'reason']).execute();
      await db.schema.createIndex('reminder_skips_taxpayer').on('reminder_skips').column('taxpayer_id').execute();

      await withId(db.schema.createTable('message_events'), engine)
        .addColumn('outbox_id', 'bigint', (c) => c.notNull().references('outbox.id').onDelete('cascade'))
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .addColumn('state', 'varchar(12)', (c) => c.notNull())
        .addColumn('detail', 'text')
        .execute();
      await db.schema.createIndex('message_events_outbox').on('message_events').columns(['outbox_id', 'id']).execute();

      await db.schema
        .createTable('opt_outs')
        .addColumn('phone', 'varchar(20)', (c) => c.primaryKey())
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .addColumn('source', 'varchar(20)', (c) => c.notNull())
        .addColumn('text', 'text')
        .execute();

      // What each taxpayer owes per tax type, read from the index alone: reachability of unpaid
      // principal and the planner's and dashboard's per-taxpayer sums.
      await db.schema.createIndex('bills_unpaid_by_taxpayer').on('bills').columns(['status', 'taxpayer_id', 'tax_type', 'principal']).execute();

      await db.schema
        .createTable('gateways')
        .addColumn('channel', 'varchar(12)', (c) => c.primaryKey())
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('config', 'text', (c) => c.notNull())
        .addColumn('secrets', 'text')
        .addColumn('updated_by', 'varchar(80)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
    },
  };
}
