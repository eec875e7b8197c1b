import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * The outbox searched and paged on the server (issue 7), and one dispatcher per ledger.
 *
 * `outbox_state_id` lets "messages in state S, after id N" read a page straight from the index
 * instead of sorting every row in that state; `outbox_state_code` groups failures by their
 * gateway code without touching the rest of the outbox; `outbox_counts` holds everything the
 * summary groups by, in its order, so the screen's counts (polled every 1.5 s) read the index
 * alone instead of every message's body; `outbox_recipient` finds a number typed from its start
 * (message-search.ts). Plan-date ranges use `outbox_plan_date` (0004).
 *
 * `dispatch_leases` holds who dispatches now (host, pid, a random owner id) and until when:
 * the holder renews it while it sends, a second dispatcher is refused while it is valid, and a
 * holder that died without releasing it loses it when it expires (or at once when its process
 * is gone from this host).
 */
export function messageSearch(_engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createIndex('outbox_state_id').on('outbox').columns(['state', 'id']).execute();
      await db.schema.createIndex('outbox_state_code').on('outbox').columns(['state', 'error_code']).execute();
      await db.schema.createIndex('outbox_counts').on('outbox').columns(['channel', 'stage', 'state']).execute();
      await db.schema.createIndex('outbox_recipient').on('outbox').columns(['recipient', 'id']).execute();
      await db.schema
        .createTable('dispatch_leases')
        // One row per lease name; `dispatch` is the only one.
        .addColumn('name', 'varchar(20)', (c) => c.primaryKey())
        .addColumn('owner', 'varchar(120)', (c) => c.notNull())
        .addColumn('host', 'varchar(255)', (c) => c.notNull())
        .addColumn('pid', 'integer', (c) => c.notNull())
        .addColumn('acquired_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('renewed_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
        .execute();
    },
  };
}
