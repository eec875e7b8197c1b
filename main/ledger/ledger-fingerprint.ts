import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * A cheap summary of the ledger's rows that changes whenever a bill, taxpayer or object is
 * added, removed or changed: every writer of these tables sets `updated_at` (only the ledger
 * module writes them, see architecture.md), and undo restores it exactly.
 */
export async function ledgerFingerprint(db: Kysely<Database>): Promise<string> {
  const [bills, taxpayers, objects] = await Promise.all([
    db
      .selectFrom('bills')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.max('id').as('id'),
        eb.fn.max('updated_at').as('at'),
        // Two changes in the same millisecond leave updated_at as it was; these would still move.
        eb.fn.sum<number>(eb.case().when('status', '=', 'paid').then(1).else(0).end()).as('paid'),
        eb.fn.sum<number>('principal').as('principal'),
        eb.fn.sum<number>('penalty').as('penalty'),
      ])
      .executeTakeFirstOrThrow(),
    db.selectFrom('taxpayers').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('id'), eb.fn.max('updated_at').as('at')]).executeTakeFirstOrThrow(),
    db.selectFrom('tax_objects').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('id')]).executeTakeFirstOrThrow(),
  ]);
  return JSON.stringify([bills, taxpayers, objects].map((r) => Object.values(r).map((v) => (v === null ? null : String(v)))));
}
