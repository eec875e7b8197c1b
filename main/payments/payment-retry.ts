import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { isUniqueViolation } from '../db/unique-violation.js';

/**
 * Runs a payment in its own transaction and, when a concurrent duplicate broke a unique
 * constraint on payments, once more in a fresh one: the second attempt sees the payment that
 * won and answers duplicate or already paid. On PostgreSQL the violation has aborted the first
 * transaction, so retrying inside it is impossible.
 */
export async function inPaymentTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(work);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return db.transaction().execute(work);
  }
}
