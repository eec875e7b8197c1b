import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Called inside a sync's (or undo's) transaction with the taxpayers whose phone or email cell
 * it added or changed. The contacts module listens: it owns the cleaned contacts, the ledger
 * only the raw cells, and the two must commit together so a crash never leaves them apart.
 */
export type ContactCellsListener = (trx: Kysely<Database>, taxpayerIds: readonly number[], now: Date) => Promise<unknown>;

const listeners = new Set<ContactCellsListener>();

/** Registered once by the composition root (main/app.ts). */
export function onContactCellsChanged(listener: ContactCellsListener): void {
  listeners.add(listener);
}

export async function notifyContactCellsChanged(trx: Kysely<Database>, taxpayerIds: readonly number[], now: Date): Promise<void> {
  for (const listener of listeners) await listener(trx, taxpayerIds, now);
}

/**
 * Called inside an undo's transaction just before it removes the taxpayers the run created
 * (their contacts go with them, by cascade): the contacts module keeps what officers and
 * gateways taught us about them, for when an import creates them again.
 */
export type TaxpayersRemovingListener = (trx: Kysely<Database>, createdByRunId: number, now: Date) => Promise<unknown>;

const removingListeners = new Set<TaxpayersRemovingListener>();

export function onTaxpayersRemoving(listener: TaxpayersRemovingListener): void {
  removingListeners.add(listener);
}

export async function notifyTaxpayersRemoving(trx: Kysely<Database>, createdByRunId: number, now: Date): Promise<void> {
  for (const listener of removingListeners) await listener(trx, createdByRunId, now);
}
