import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Cheap fingerprints of what the dashboard's rollups are derived from, read from primary keys
 * and small tables only, so checking them costs milliseconds at a million bills:
 * - the ledger moves with every sync run and undo (sync_runs), every payment (payments), every
 *   officer's or gateway's contact change (contact_changes) and every new bill;
 * - the outbox moves with every message planned (max id) and every state change (updated_at,
 *   indexed by migration 0007).
 */
export async function ledgerVersion(db: Kysely<Database>): Promise<string> {
  const [runs, payments, bills, contacts] = await Promise.all([
    db
      .selectFrom('sync_runs')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('id'), eb.fn.sum<number>(eb.case().when('status', '=', 'undone').then(1).else(0).end()).as('undone')])
      .executeTakeFirstOrThrow(),
    db.selectFrom('payments').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('id')]).executeTakeFirstOrThrow(),
    db.selectFrom('bills').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow(),
    db.selectFrom('contact_changes').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow(),
  ]);
  return stringify([runs.n, runs.id, runs.undone, payments.n, payments.id, bills.id, contacts.id]);
}

export async function outboxVersion(db: Kysely<Database>): Promise<string> {
  const [ids, updated] = await Promise.all([
    db.selectFrom('outbox').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow(),
    db.selectFrom('outbox').select((eb) => eb.fn.max('updated_at').as('at')).executeTakeFirstOrThrow(),
  ]);
  return stringify([ids.id, updated.at]);
}

function stringify(values: unknown[]): string {
  return JSON.stringify(values.map((v) => (v === null || v === undefined ? null : String(v))));
}
