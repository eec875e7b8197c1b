import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { notifyBillsPaid } from './paid-bill-listeners.js';

/**
 * A payment recorded in SI PEKA turns its bill paid. Only the ledger writes bills, so the
 * payments module comes through here. The update is conditional on the bill still being unpaid:
 * of two payments racing for one bill, the database lets exactly one through, and the other
 * learns it came second (false). The paid-bill listeners (cancel pending reminders, queue the
 * thank-you) run in the same transaction as the payment.
 */
export async function markBillPaidByPayment(trx: Kysely<Database>, billId: number, paidDate: string, now: Date): Promise<boolean> {
  const result = await trx
    .updateTable('bills')
    .set({ status: 'paid', paid_date: paidDate, paid_source: 'payment', updated_at: now.toISOString() })
    .where('id', '=', billId)
    .where('status', '=', 'unpaid')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await notifyBillsPaid(trx, [billId], now);
  return true;
}
