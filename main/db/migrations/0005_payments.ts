import type { Kysely } from 'kysely';
import { withId } from '../ddl.js';
import type { Engine } from '../engine.js';

/**
 * Money coming in: the banks and e-wallets that may call the partner API, every call they made
 * (the replay store and the 90-day audit trail), their SNAP access tokens, the payments recorded
 * (by a partner or at the counter), and the periods the treasurer signed off.
 */
export function payments(engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('partners')
        .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        // HMAC needs the secret itself, so it is sealed (AES-256-GCM), never hashed.
        .addColumn('secret_sealed', 'text', (c) => c.notNull())
        .addColumn('ip_allowlist', 'text', (c) => c.notNull())
        .addColumn('va_prefix', 'varchar(8)', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'varchar(80)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('secret_rotated_at', 'varchar(30)', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('partner_tokens')
        .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('partner_id', 'varchar(40)', (c) => c.notNull().references('partners.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
        .execute();

      await withId(db.schema.createTable('partner_requests'), engine)
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        // As claimed by the caller: an unknown partner's calls are logged too.
        .addColumn('partner_id', 'varchar(40)')
        .addColumn('api', 'varchar(8)', (c) => c.notNull())
        .addColumn('endpoint', 'varchar(60)', (c) => c.notNull())
        .addColumn('address', 'varchar(60)', (c) => c.notNull())
        // `payment:<request_id>`, `snap-payment:<day>:<X-EXTERNAL-ID>` …; null when not replayable.
        .addColumn('idempotency_key', 'varchar(200)')
        .addColumn('body_sha256', 'varchar(64)', (c) => c.notNull())
        // Kept 90 days (partner-api.md), then pruned; the rest of the row stays.
        .addColumn('body', 'text')
        .addColumn('tax_id', 'varchar(60)')
        .addColumn('http_status', 'integer', (c) => c.notNull())
        .addColumn('result_code', 'varchar(10)', (c) => c.notNull())
        // The first answer, returned again to a replay.
        .addColumn('response', 'text')
        .addColumn('latency_ms', 'integer', (c) => c.notNull())
        // The database, not the handler's care, keeps a replayed request from paying twice.
        .addUniqueConstraint('partner_requests_once', ['partner_id', 'idempotency_key'])
        .execute();
      await db.schema.createIndex('partner_requests_at').on('partner_requests').column('at').execute();

      await withId(db.schema.createTable('payments'), engine)
        .addColumn('bill_id', 'bigint', (c) => c.notNull().references('bills.id').unique())
        // A partner's id, or `LOKET` for the agency's own counter.
        .addColumn('partner_id', 'varchar(40)', (c) => c.notNull())
        .addColumn('partner_ref', 'varchar(80)', (c) => c.notNull())
        .addColumn('request_id', 'varchar(80)')
        .addColumn('receipt_number', 'varchar(40)', (c) => c.notNull().unique())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('principal', 'bigint', (c) => c.notNull())
        .addColumn('penalty', 'bigint', (c) => c.notNull())
        .addColumn('admin_fee', 'bigint', (c) => c.notNull())
        // The instant the taxpayer paid (UTC) and its calendar day in the agency's zone.
        .addColumn('paid_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('paid_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('recorded_by', 'varchar(80)', (c) => c.notNull())
        .addColumn('recorded_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('note', 'text')
        .addUniqueConstraint('payments_partner_ref', ['partner_id', 'partner_ref'])
        .execute();
      await db.schema.createIndex('payments_paid_date').on('payments').columns(['paid_date', 'partner_id']).execute();

      await db.schema
        .createTable('period_locks')
        // `YYYY-MM-DD` for a day, `YYYY-MM` for a month.
        .addColumn('period', 'varchar(10)', (c) => c.primaryKey())
        .addColumn('kind', 'varchar(6)', (c) => c.notNull())
        .addColumn('state', 'varchar(10)', (c) => c.notNull())
        .addColumn('signed_by', 'varchar(80)', (c) => c.notNull())
        .addColumn('signed_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('unlocked_by', 'varchar(80)')
        .addColumn('unlocked_at', 'varchar(30)')
        .addColumn('unlock_reason', 'text')
        .execute();
    },
  };
}
