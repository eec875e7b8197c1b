import type { Kysely, Selectable } from 'kysely';
import { UserError } from '../../shared/errors.js';
import type { Database, LedgerChangesTable } from '../db/schema.js';
import { notifyContactCellsChanged, notifyTaxpayersRemoving } from './contact-cell-listeners.js';

export interface UndoResult {
  runId: number;
  billsRemoved: number;
  billsRestored: number;
  taxpayersRemoved: number;
  taxpayersRestored: number;
}

const TABLE = { bill: 'bills', taxpayer: 'taxpayers' } as const;

/**
 * Undoes the latest sync run: every field it changed gets its old value back and every row it
 * added is removed. Refused when anything it wrote has changed since (a payment, an officer's
 * edit): undo must never throw away work done after the import.
 */
export async function undoRun(trx: Kysely<Database>, runId: number, actor: string, now: Date): Promise<UndoResult> {
  const run = await trx.selectFrom('sync_runs').selectAll().where('id', '=', runId).executeTakeFirst();
  if (!run) throw new UserError('SYNC_RUN_NOT_FOUND', { runId });
  if (run.status === 'undone') throw new UserError('SYNC_ALREADY_UNDONE', { runId });
  const later = await trx.selectFrom('sync_runs').select('id').where('id', '>', runId).where('status', '=', 'applied').orderBy('id', 'desc').executeTakeFirst();
  if (later) throw new UserError('SYNC_NOT_LAST', { runId, later: later.id });

  const changes = await trx.selectFrom('ledger_changes').selectAll().where('run_id', '=', runId).orderBy('id', 'desc').execute();
  await assertUnchangedSince(trx, runId, changes);

  let billsRestored = 0;
  let taxpayersRestored = 0;
  for (const change of changes) {
    if (change.entity !== 'bill' && change.entity !== 'taxpayer') continue;
    const old = JSON.parse(change.old_value ?? 'null') as unknown;
    const set = change.field === '_touched' ? (old as Record<string, unknown>) : { [change.field as string]: old };
    if (change.field === '_touched') {
      if (change.entity === 'bill') billsRestored += 1;
      else taxpayersRestored += 1;
    }
    await trx.updateTable(TABLE[change.entity]).set(set).where('id', '=', change.entity_id).execute();
  }
  const bills = await trx.deleteFrom('bills').where('created_run_id', '=', runId).executeTakeFirst();
  await trx.deleteFrom('tax_objects').where('created_run_id', '=', runId).execute();
  await notifyTaxpayersRemoving(trx, runId, now);
  const taxpayers = await trx.deleteFrom('taxpayers').where('created_run_id', '=', runId).executeTakeFirst();
  // Removed taxpayers take their contacts with them (cascade); restored cells are cleaned again.
  const restoredCells = changes.filter((c) => c.entity === 'taxpayer' && (c.field === 'raw_phone' || c.field === 'raw_email')).map((c) => c.entity_id);
  await notifyContactCellsChanged(trx, [...new Set(restoredCells)], now);
  await trx.updateTable('sync_runs').set({ status: 'undone', undone_by: actor, undone_at: now.toISOString() }).where('id', '=', runId).execute();
  return {
    runId,
    billsRemoved: Number(bills.numDeletedRows),
    billsRestored,
    taxpayersRemoved: Number(taxpayers.numDeletedRows),
    taxpayersRestored,
  };
}

async function assertUnchangedSince(trx: Kysely<Database>, runId: number, changes: Selectable<LedgerChangesTable>[]): Promise<void> {
  const conflicts: string[] = [];
  for (const entity of ['bill', 'taxpayer'] as const) {
    const fieldChanges = changes.filter((c) => c.entity === entity && c.field && c.field !== '_touched');
    const ids = [...new Set(fieldChanges.map((c) => c.entity_id))];
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await trx.selectFrom(TABLE[entity]).selectAll().where('id', 'in', ids.slice(i, i + 500)).execute();
      const byId = new Map(rows.map((r) => [r.id, r as unknown as Record<string, unknown>]));
      for (const change of fieldChanges) {
        const row = byId.get(change.entity_id);
        if (!row) continue;
        if (JSON.stringify(row[change.field as string] ?? null) !== change.new_value) conflicts.push(`${entity} ${change.entity_id} ${change.field}`);
      }
    }
  }
  const paidSince = await trx
    .selectFrom('bills')
    .select('kode_bayar')
    .where('created_run_id', '=', runId)
    .where('paid_source', '=', 'payment')
    .execute();
  for (const bill of paidSince) conflicts.push(`bill ${bill.kode_bayar} paid in SI PEKA`);
  if (conflicts.length) throw new UserError('SYNC_UNDO_CONFLICT', { runId, count: conflicts.length, example: conflicts[0] as string });
}
