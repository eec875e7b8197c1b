import { type Insertable, type Kysely, sql } from 'kysely';
import { bulkInsert } from '../db/bulk-insert.js';
import type { BillsTable, Database, LedgerChangesTable } from '../db/schema.js';
import { billFields, diffBill, diffFields, type FieldChange, taxpayerFields } from './bill-diff.js';
import { notifyContactCellsChanged } from './contact-cell-listeners.js';
import { ledgerFingerprint } from './ledger-fingerprint.js';
import { notifyBillsPaid } from './paid-bill-listeners.js';
import { findMissing } from './sync-missing.js';
import { emptyReport, pushSample, type SyncReport } from './sync-report.js';
import { objectKey, type SnapshotBill, type SnapshotReject, taxpayerKey } from './snapshot.js';

/** Bills are compared and written this many at a time: one query per table per chunk. */
const CHUNK = 1000;
const ANALYZE_AFTER = 1000;

export interface SyncSource {
  fileName: string;
  sha256: string;
  sheet: string | null;
  mapping: unknown;
  /** See SyncRunsTable.options_key. */
  optionsKey?: string;
  bills: AsyncIterable<SnapshotBill> | Iterable<SnapshotBill>;
  /** Read after `bills` is exhausted: what the parser counted on the way. */
  finish(): { rowsRead: number; duplicates: number; rejects: SnapshotReject[]; rejectedRows?: number; sheet?: string | null };
}

export interface SyncOptions {
  dryRun: boolean;
  actor: string;
  now: Date;
  signal?: AbortSignal;
  onProgress?: (billsDone: number) => void;
  /** Runs inside the apply's transaction just before it commits (audit row, saved mapping); not on a dry run. */
  beforeCommit?: (trx: Kysely<Database>, report: SyncReport) => Promise<void>;
}

class DryRunRollback extends Error {
  constructor(readonly report: SyncReport) {
    super('dry run');
  }
}

/**
 * Applies one export to the ledger in one transaction: all of it or none of it. A dry run
 * runs exactly the same code and rolls back, so the preview is what apply will do.
 */
export async function runSync(db: Kysely<Database>, source: SyncSource, options: SyncOptions): Promise<SyncReport> {
  try {
    const report = await db.transaction().execute(async (trx) => {
      const contactCells: number[] = [];
      const paidBills: number[] = [];
      const report = await syncInTransaction(trx, source, options, contactCells, paidBills);
      if (options.dryRun) throw new DryRunRollback(report);
      if (contactCells.length) await notifyContactCellsChanged(trx, contactCells, options.now);
      if (paidBills.length) await notifyBillsPaid(trx, paidBills, options.now);
      await options.beforeCommit?.(trx, report);
      await trx.updateTable('sync_runs').set({ ledger_fingerprint: await ledgerFingerprint(trx) }).where('id', '=', report.runId as number).execute();
      return report;
    });
    // A large change skews the planner's statistics (which index is selective): refresh them,
    // so ledger searches stay fast. ANALYZE is the same statement on SQLite and PostgreSQL.
    if (report.bills.inserted + report.bills.updated + report.taxpayers.inserted >= ANALYZE_AFTER) await sql`analyze`.execute(db);
    return report;
  } catch (err) {
    if (err instanceof DryRunRollback) return { ...err.report, runId: null };
    throw err;
  }
}

async function syncInTransaction(trx: Kysely<Database>, source: SyncSource, options: SyncOptions, contactCells: number[], paidBills: number[]): Promise<SyncReport> {
  const report = emptyReport({ fileName: source.fileName, sha256: source.sha256, sheet: source.sheet, dryRun: options.dryRun });
  const at = options.now.toISOString();
  report.sameFileRuns = (
    await trx.selectFrom('sync_runs').select(['id', 'created_at', 'created_by']).where('sha256', '=', source.sha256).where('status', '=', 'applied').orderBy('id').execute()
  ).map((r) => ({ id: r.id, createdAt: r.created_at, createdBy: r.created_by }));

  const run = await trx
    .insertInto('sync_runs')
    .values({ file_name: source.fileName, sha256: source.sha256, sheet: source.sheet, mapping: JSON.stringify(source.mapping ?? null), options_key: source.optionsKey ?? null, status: 'applied', rows_read: 0, counts: '{}', created_by: options.actor, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const runId = Number(run.id);
  report.runId = runId;

  const state: RunState = { trx, runId, at, report, contactCells, paidBills, taxpayerIds: new Map(), objectIds: new Map(), seen: new Set(), scope: new Set(), emptyBefore: await ledgerIsEmpty(trx) };
  let chunk: SnapshotBill[] = [];
  let done = 0;
  for await (const bill of source.bills) {
    if (state.seen.has(bill.kodeBayar)) {
      report.duplicates += 1;
      continue;
    }
    state.seen.add(bill.kodeBayar);
    chunk.push(bill);
    if (chunk.length >= CHUNK) {
      options.signal?.throwIfAborted();
      await applyChunk(state, chunk);
      done += chunk.length;
      options.onProgress?.(done);
      chunk = [];
    }
  }
  if (chunk.length) await applyChunk(state, chunk);
  options.onProgress?.(done + chunk.length);

  const parsed = source.finish();
  report.rowsRead = parsed.rowsRead;
  if (parsed.sheet) report.sheet = parsed.sheet;
  report.duplicates += parsed.duplicates;
  // One row may break several rules: the count is of rows, the list of reasons.
  report.rejectedCount = parsed.rejectedRows ?? parsed.rejects.length;
  report.rejected = parsed.rejects;
  await writeRejects(trx, runId, parsed.rejects);

  const missing = state.emptyBefore ? { count: 0, sample: [] } : await findMissing(trx, state.scope, state.seen, runId);
  report.missingFromSnapshot = missing.count;
  report.missing = missing.sample;

  const { rejected: _all, ...counts } = report;
  await trx.updateTable('sync_runs').set({ sheet: report.sheet, rows_read: report.rowsRead, counts: JSON.stringify({ ...counts, rejected: [] }) }).where('id', '=', runId).execute();
  return report;
}

interface RunState {
  trx: Kysely<Database>;
  runId: number;
  at: string;
  report: SyncReport;
  /** Taxpayers whose phone or email cell this run added or changed (for the contacts module). */
  contactCells: number[];
  /** Bills this run turned from unpaid to paid (for the reminders module). */
  paidBills: number[];
  taxpayerIds: Map<string, number>;
  objectIds: Map<string, number>;
  seen: Set<string>;
  /** `(tax type, year, status class)` the file covers: bills outside it are not "missing". */
  scope: Set<string>;
  /** A first import finds nothing to compare with; it skips the lookups (the run's own rows are in the maps above). */
  emptyBefore: boolean;
}

async function ledgerIsEmpty(trx: Kysely<Database>): Promise<boolean> {
  const [bill, taxpayer, object] = await Promise.all([
    trx.selectFrom('bills').select('id').limit(1).executeTakeFirst(),
    trx.selectFrom('taxpayers').select('id').limit(1).executeTakeFirst(),
    trx.selectFrom('tax_objects').select('id').limit(1).executeTakeFirst(),
  ]);
  return !bill && !taxpayer && !object;
}

async function applyChunk(state: RunState, bills: SnapshotBill[]): Promise<void> {
  await resolveTaxpayers(state, bills);
  await resolveObjects(state, bills);
  const { trx, runId, at, report } = state;
  const existing = new Map(
    state.emptyBefore ? [] : (await trx.selectFrom('bills').selectAll().where('kode_bayar', 'in', bills.map((b) => b.kodeBayar)).execute()).map((b) => [b.kode_bayar, b]),
  );
  const inserts: Insertable<BillsTable>[] = [];
  const changeRows: ChangeRow[] = [];
  for (const bill of bills) {
    for (const status of bill.status === 'paid' ? ['paid', 'unpaid'] : ['unpaid']) state.scope.add(`${bill.taxType}|${bill.tahun ?? ''}|${status}`);
    const tpId = state.taxpayerIds.get(taxpayerKey(bill)) as number;
    const fields = billFields(bill, tpId, state.objectIds.get(objectKey(bill)) ?? null);
    const old = existing.get(bill.kodeBayar);
    const verdict = diffBill(old, fields);
    if (verdict.kind === 'insert') {
      inserts.push({ kode_bayar: bill.kodeBayar, ...fields, created_run_id: runId, updated_run_id: runId, created_at: at, updated_at: at });
      report.bills.inserted += 1;
      pushSample(report.samples.inserted, { kodeBayar: bill.kodeBayar, taxpayer: bill.namaWp, principal: bill.principal, dueDate: bill.dueDate, status: bill.status });
    } else if (verdict.kind === 'unchanged') {
      report.bills.unchanged += 1;
    } else if (verdict.kind === 'conflict-only') {
      report.bills.unchanged += 1;
      report.conflicts.push(verdict.conflict);
    } else if (old) {
      await trx
        .updateTable('bills')
        .set({ ...Object.fromEntries(verdict.changes.map((c) => [c.field, c.new])), updated_run_id: runId, updated_at: at })
        .where('id', '=', old.id)
        .execute();
      for (const change of [...verdict.changes, touched(old)]) changeRows.push(changeRow(runId, 'bill', old.id, change));
      report.bills.updated += 1;
      if (verdict.newlyPaid) {
        report.bills.newlyPaid += 1;
        state.paidBills.push(old.id);
      }
      if (verdict.conflict) report.conflicts.push(verdict.conflict);
      pushSample(report.samples.updated, { kodeBayar: bill.kodeBayar, taxpayer: bill.namaWp, changes: verdict.changes });
    }
  }
  if (inserts.length) await bulkInsert(trx, 'bills', BILL_COLUMNS, inserts);
  if (changeRows.length) await bulkInsert(trx, 'ledger_changes', CHANGE_COLUMNS, changeRows);
}

const BILL_COLUMNS = [
  'kode_bayar', 'taxpayer_id', 'object_id', 'tax_type', 'tax_type_label', 'masa_pajak', 'tahun', 'principal', 'penalty', 'due_date', 'status',
  'paid_date', 'paid_source', 'kohir', 'tgl_penetapan', 'created_run_id', 'updated_run_id', 'created_at', 'updated_at',
] as const;
const CHANGE_COLUMNS = ['run_id', 'entity', 'entity_id', 'kind', 'field', 'old_value', 'new_value'] as const;
const TAXPAYER_COLUMNS = [
  'taxpayer_key', 'npwpd', 'name', 'name_search', 'address', 'kecamatan', 'kelurahan', 'raw_phone', 'raw_email', 'created_run_id', 'updated_run_id', 'created_at', 'updated_at',
] as const;
const OBJECT_COLUMNS = ['object_key', 'taxpayer_id', 'nop', 'name', 'tax_type', 'address', 'kecamatan', 'kelurahan', 'created_run_id', 'created_at'] as const;

async function resolveTaxpayers(state: RunState, bills: SnapshotBill[]): Promise<void> {
  const { trx, runId, at, report } = state;
  const firstByKey = new Map<string, SnapshotBill>();
  for (const bill of bills) {
    const key = taxpayerKey(bill);
    if (!state.taxpayerIds.has(key) && !firstByKey.has(key)) firstByKey.set(key, bill);
  }
  if (firstByKey.size === 0) return;
  const existing = state.emptyBefore ? [] : await trx.selectFrom('taxpayers').selectAll().where('taxpayer_key', 'in', [...firstByKey.keys()]).execute();
  const changeRows: ChangeRow[] = [];
  for (const row of existing) {
    state.taxpayerIds.set(row.taxpayer_key, row.id);
    const incoming = taxpayerFields(firstByKey.get(row.taxpayer_key) as SnapshotBill);
    const changes = diffFields(
      { npwpd: row.npwpd, name: row.name, name_search: row.name_search, address: row.address, kecamatan: row.kecamatan, kelurahan: row.kelurahan, raw_phone: row.raw_phone, raw_email: row.raw_email },
      incoming,
    );
    if (changes.length === 0) continue;
    if (changes.some((c) => c.field === 'raw_phone' || c.field === 'raw_email')) state.contactCells.push(row.id);
    await trx.updateTable('taxpayers').set({ ...incoming, updated_run_id: runId, updated_at: at }).where('id', '=', row.id).execute();
    for (const change of [...changes, touched(row)]) changeRows.push(changeRow(runId, 'taxpayer', row.id, change));
    report.taxpayers.updated += 1;
    pushSample(report.samples.changedTaxpayers, { key: row.taxpayer_key, name: incoming.name, changes });
  }
  const fresh = [...firstByKey.entries()].filter(([key]) => !state.taxpayerIds.has(key));
  if (fresh.length) {
    const inserted = await bulkInsert(
      trx,
      'taxpayers',
      TAXPAYER_COLUMNS,
      fresh.map(([key, bill]) => ({ taxpayer_key: key, ...taxpayerFields(bill), created_run_id: runId, updated_run_id: runId, created_at: at, updated_at: at })),
      { returning: ['id', 'taxpayer_key'] },
    );
    for (const row of inserted) {
      state.taxpayerIds.set(row.taxpayer_key, Number(row.id));
      state.contactCells.push(Number(row.id));
    }
    report.taxpayers.inserted += inserted.length;
    for (const [key, bill] of fresh) pushSample(report.samples.newTaxpayers, { key, name: bill.namaWp });
  }
  if (changeRows.length) await bulkInsert(trx, 'ledger_changes', CHANGE_COLUMNS, changeRows);
}

async function resolveObjects(state: RunState, bills: SnapshotBill[]): Promise<void> {
  const { trx, runId, at } = state;
  const firstByKey = new Map<string, SnapshotBill>();
  for (const bill of bills) {
    const key = objectKey(bill);
    if (!state.objectIds.has(key) && !firstByKey.has(key)) firstByKey.set(key, bill);
  }
  if (firstByKey.size === 0) return;
  const existing = state.emptyBefore ? [] : await trx.selectFrom('tax_objects').select(['id', 'object_key']).where('object_key', 'in', [...firstByKey.keys()]).execute();
  for (const row of existing) state.objectIds.set(row.object_key, row.id);
  const fresh = [...firstByKey.entries()].filter(([key]) => !state.objectIds.has(key));
  if (fresh.length === 0) return;
  const inserted = await bulkInsert(
    trx,
    'tax_objects',
    OBJECT_COLUMNS,
    fresh.map(([key, bill]) => ({
        object_key: key,
        taxpayer_id: state.taxpayerIds.get(taxpayerKey(bill)) as number,
        nop: bill.nop,
        name: bill.namaObjek,
        tax_type: bill.taxType,
        address: bill.alamat,
        kecamatan: bill.kecamatan,
        kelurahan: bill.kelurahan,
      created_run_id: runId,
      created_at: at,
    })),
    { returning: ['id', 'object_key'] },
  );
  for (const row of inserted) state.objectIds.set(row.object_key, Number(row.id));
}

type ChangeRow = Insertable<LedgerChangesTable>;

/** Values are stored as JSON so undo restores numbers as numbers and null as null. */
function changeRow(runId: number, entity: 'bill' | 'taxpayer', entityId: number, change: FieldChange): ChangeRow {
  return { run_id: runId, entity, entity_id: entityId, kind: 'update', field: change.field, old_value: JSON.stringify(change.old ?? null), new_value: JSON.stringify(change.new ?? null) };
}

/** The row's bookkeeping before this run touched it, so undo puts that back too. */
function touched(row: { updated_run_id: number | null; updated_at: string }): FieldChange {
  return { field: '_touched', old: { updated_run_id: row.updated_run_id, updated_at: row.updated_at }, new: null };
}

async function writeRejects(trx: Kysely<Database>, runId: number, rejects: SnapshotReject[]): Promise<void> {
  for (let i = 0; i < rejects.length; i += CHUNK) {
    const rows = rejects.slice(i, i + CHUNK).map((r) => ({ run_id: runId, sheet: r.sheet, row_number: r.row, column_name: r.column, value: r.value.slice(0, 500), reason_code: r.code, reason: r.reason, reason_en: r.reasonEn ?? r.reason }));
    await bulkInsert(trx, 'sync_rejects', ['run_id', 'sheet', 'row_number', 'column_name', 'value', 'reason_code', 'reason', 'reason_en'], rows);
  }
}
