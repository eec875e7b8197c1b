import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Called inside a sync's transaction with the bills it turned from unpaid to paid (never bills
 * first imported already paid). The reminders module listens: it cancels the reminders a payment
 * made pointless and queues the thank-you, and both must commit with the payment or not at all.
 */
export type BillsPaidListener = (trx: Kysely<Database>, billIds: readonly number[], now: Date) => Promise<unknown>;

const listeners = new Set<BillsPaidListener>();

/** Registered once by the composition root (main/app.ts). */
export function onBillsPaid(listener: BillsPaidListener): void {
  listeners.add(listener);
}

export async function notifyBillsPaid(trx: Kysely<Database>, billIds: readonly number[], now: Date): Promise<void> {
  for (const listener of listeners) await listener(trx, billIds, now);
}
