import type { Kysely, Selectable } from 'kysely';
import { UserError } from '../../shared/errors.js';
import type { Database, SyncRejectsTable, SyncRunsTable } from '../db/schema.js';
import type { SnapshotReject } from './snapshot.js';
import type { SyncReport } from './sync-report.js';

/** The sync history screen and `sipeka import history`: each run with its counts. */
export async function runHistory(db: Kysely<Database>, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    db.selectFrom('sync_runs').selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    db.selectFrom('sync_runs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { runs: rows.map(toRunRow), total: Number(total.n) };
}

export async function runDetail(db: Kysely<Database>, runId: number, rejectsLimit: number) {
  const run = await db.selectFrom('sync_runs').selectAll().where('id', '=', runId).executeTakeFirst();
  if (!run) throw new UserError('SYNC_RUN_NOT_FOUND', { runId });
  const [rejects, total] = await Promise.all([
    db.selectFrom('sync_rejects').selectAll().where('run_id', '=', runId).orderBy('id').limit(rejectsLimit).execute(),
    db.selectFrom('sync_rejects').select((eb) => eb.fn.countAll<number>().as('n')).where('run_id', '=', runId).executeTakeFirstOrThrow(),
  ]);
  const counts = JSON.parse(run.counts) as Partial<SyncReport>;
  return {
    run: toRunRow(run),
    report: counts.bills ? ({ ...counts, rejected: [] } as SyncReport) : null,
    rejects: rejects.map(rejectFromRow),
    rejectsTotal: Number(total.n),
  };
}

/** A stored reject as the parser reported it. */
export function rejectFromRow(r: Pick<Selectable<SyncRejectsTable>, 'sheet' | 'row_number' | 'column_name' | 'value' | 'reason_code' | 'reason' | 'reason_en'>): SnapshotReject {
  return { sheet: r.sheet, row: r.row_number, column: r.column_name, value: r.value, code: r.reason_code, reason: r.reason, reasonEn: r.reason_en };
}

export async function runRejects(db: Kysely<Database>, runId: number) {
  const run = await db.selectFrom('sync_runs').select('id').where('id', '=', runId).executeTakeFirst();
  if (!run) throw new UserError('SYNC_RUN_NOT_FOUND', { runId });
  return db.selectFrom('sync_rejects').select(['sheet', 'row_number', 'column_name', 'value', 'reason_code', 'reason', 'reason_en']).where('run_id', '=', runId).orderBy('id').execute();
}

function toRunRow(run: Selectable<SyncRunsTable>) {
  const counts = JSON.parse(run.counts) as Partial<SyncReport>;
  return {
    id: run.id,
    fileName: run.file_name,
    sha256: run.sha256,
    sheet: run.sheet,
    status: run.status,
    rowsRead: Number(run.rows_read),
    inserted: counts.bills?.inserted ?? 0,
    updated: counts.bills?.updated ?? 0,
    unchanged: counts.bills?.unchanged ?? 0,
    newlyPaid: counts.bills?.newlyPaid ?? 0,
    duplicates: counts.duplicates ?? 0,
    rejectedCount: counts.rejectedCount ?? 0,
    missingFromSnapshot: counts.missingFromSnapshot ?? 0,
    createdBy: run.created_by,
    createdAt: run.created_at,
    undoneBy: run.undone_by,
    undoneAt: run.undone_at,
  };
}
