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
