import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSync, type SnapshotBill, type SyncSource, undoRun } from '../../main/ledger/index.js';
import { UserError } from '../../shared/errors.js';
import { testEngines } from '../support/engines.js';
import { snapshotBill } from '../support/snapshot-bill.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const bill = snapshotBill;

const hotel = { npwpd: 'P.2.0100002.16.02', namaWp: 'Hotel Kayuagung Indah', namaObjek: 'Hotel Kayuagung Indah', taxType: 'PBJT_HOTEL', taxTypeLabel: 'Pajak Hotel' };

const snapshotA = [
  bill('KB-001'),
  bill('KB-002', { masaPajak: '2026-08', dueDate: '2026-09-10' }),
  bill('KB-003', { ...hotel, principal: 4_500_000 }),
  bill('KB-004', { ...hotel, masaPajak: '2026-08', dueDate: '2026-09-10', principal: 4_750_000 }),
  bill('KB-005', { npwpd: null, namaWp: 'Parkir Pasar Kayuagung', alamat: 'Pasar Kayuagung', namaObjek: 'Parkir Pasar', taxType: 'PBJT_PARKIR', taxTypeLabel: 'Pajak Parkir', principal: 300_000 }),
];

function source(bills: SnapshotBill[], sha = 'sha-a', extra: Partial<ReturnType<SyncSource['finish']>> = {}): SyncSource {
  return {
    fileName: 'daftar-ketetapan.xlsx',
    sha256: sha,
    sheet: 'Sheet1',
    mapping: {},
    bills,
    finish: () => ({ rowsRead: bills.length + (extra.duplicates ?? 0) + (extra.rejects?.length ?? 0), duplicates: 0, rejects: [], ...extra }),
  };
}

async function ledgerState(t: TestApp) {
  const db = t.app.ledger.db;
  return {
    taxpayers: await db.selectFrom('taxpayers').selectAll().orderBy('id').execute(),
    objects: await db.selectFrom('tax_objects').selectAll().orderBy('id').execute(),
    bills: await db.selectFrom('bills').selectAll().orderBy('id').execute(),
  };
}

describe.each(testEngines())('syncing SIMPADA snapshots into the ledger on %s', (engine) => {
  let t: TestApp;
  const opts = () => ({ dryRun: false, actor: 'budi', now: t.clock.now() });
  beforeEach(async () => {
    t = await createTestApp(engine);
  });
  afterEach(async () => {
    await t.close();
  });

  it('a first import adds every bill, taxpayer and object', async () => {
    const report = await runSync(t.app.ledger.db, source(snapshotA), opts());
    expect(report.bills).toEqual({ inserted: 5, updated: 0, unchanged: 0, newlyPaid: 0 });
    expect(report.taxpayers).toEqual({ inserted: 3, updated: 0 });
    const state = await ledgerState(t);
    expect(state.bills).toHaveLength(5);
    expect(state.objects).toHaveLength(3);
    expect(state.taxpayers.find((tp) => tp.npwpd === null)?.taxpayer_key).toBe('NAMA:PARKIR PASAR KAYUAGUNG|PASAR KAYUAGUNG');
  });

  it('importing the same export again changes nothing and warns that the file was seen', async () => {
    const first = await runSync(t.app.ledger.db, source(snapshotA), opts());
    const before = await ledgerState(t);
    const again = await runSync(t.app.ledger.db, source(snapshotA), opts());
    expect(again.bills).toEqual({ inserted: 0, updated: 0, unchanged: 5, newlyPaid: 0 });
    expect(again.taxpayers).toEqual({ inserted: 0, updated: 0 });
    expect(again.sameFileRuns.map((r) => r.id)).toEqual([first.runId]);
    expect(await ledgerState(t)).toEqual(before);
  });

  it('a later export marks bills paid, changes amounts, adds bills and lists (never deletes) the missing', async () => {
    await runSync(t.app.ledger.db, source(snapshotA), opts());
    const newPhone = { rawPhone: '0813 1111 2222' };
    const later = [
      bill('KB-001', { status: 'paid', paidDate: '2026-08-09', ...newPhone }),
      bill('KB-002', { masaPajak: '2026-08', dueDate: '2026-09-10', principal: 1_300_000, ...newPhone }),
      snapshotA[2] as SnapshotBill,
      bill('KB-006', { masaPajak: '2026-09', dueDate: '2026-10-10', ...newPhone }),
    ];
    const report = await runSync(t.app.ledger.db, source(later, 'sha-b'), opts());
    expect(report.bills).toEqual({ inserted: 1, updated: 2, unchanged: 1, newlyPaid: 1 });
    expect(report.taxpayers).toEqual({ inserted: 0, updated: 1 });
    // KB-004 (a hotel bill, a tax type this export covers) is gone from it; the parking bill
    // KB-005 is of a tax type this export does not cover at all, so it is not "missing".
    expect(report.missingFromSnapshot).toBe(1);
    expect(report.missing[0]).toMatchObject({ kodeBayar: 'KB-004', taxpayer: 'Hotel Kayuagung Indah' });
    const changed = report.samples.updated.find((u) => u.kodeBayar === 'KB-002');
    expect(changed?.changes).toEqual([{ field: 'principal', old: 1_250_000, new: 1_300_000 }]);
    const bills = (await ledgerState(t)).bills;
    expect(bills).toHaveLength(6);
    expect(bills.find((b) => b.kode_bayar === 'KB-001')).toMatchObject({ status: 'paid', paid_date: '2026-08-09', paid_source: 'export' });
  });

  it('a dry run reports exactly what apply will do and writes nothing', async () => {
    await runSync(t.app.ledger.db, source(snapshotA), opts());
    const before = await ledgerState(t);
    const runsBefore = await t.app.ledger.db.selectFrom('sync_runs').selectAll().execute();
    const later = [bill('KB-001', { status: 'paid', paidDate: '2026-08-09' }), bill('KB-007', { masaPajak: '2026-10' })];
    const dry = await runSync(t.app.ledger.db, source(later, 'sha-c'), { ...opts(), dryRun: true });
    expect(dry.runId).toBeNull();
    expect(await ledgerState(t)).toEqual(before);
    expect(await t.app.ledger.db.selectFrom('sync_runs').selectAll().execute()).toEqual(runsBefore);
    const applied = await runSync(t.app.ledger.db, source(later, 'sha-c'), opts());
    expect({ ...applied, runId: null, dryRun: true }).toEqual(dry);
  });

  it('never turns a bill paid in SI PEKA back to unpaid because an older export says so', async () => {
    await runSync(t.app.ledger.db, source(snapshotA), opts());
    await t.app.ledger.db.updateTable('bills').set({ status: 'paid', paid_date: '2026-08-05', paid_source: 'payment' }).where('kode_bayar', '=', 'KB-003').execute();
    const report = await runSync(t.app.ledger.db, source(snapshotA, 'sha-a'), opts());
    expect(report.conflicts).toEqual([expect.objectContaining({ kodeBayar: 'KB-003', reason: 'paid-in-sipeka' })]);
    const kb3 = await t.app.ledger.db.selectFrom('bills').selectAll().where('kode_bayar', '=', 'KB-003').executeTakeFirstOrThrow();
    expect(kb3).toMatchObject({ status: 'paid', paid_source: 'payment', paid_date: '2026-08-05' });
  });

  it('undo restores every row the last run touched, exactly', async () => {
    await runSync(t.app.ledger.db, source(snapshotA), opts());
    const before = await ledgerState(t);
    t.clock.advance(3600_000);
    const later = [
      bill('KB-001', { status: 'paid', paidDate: '2026-08-09', namaWp: 'RM Pindang Pegagan Baru', rawPhone: '0813 9999 0000' }),
      bill('KB-008', { ...hotel, npwpd: 'P.2.0100009.16.02', namaWp: 'Wisma Baru' }),
    ];
    const run = await runSync(t.app.ledger.db, source(later, 'sha-d'), opts());
    expect(await ledgerState(t)).not.toEqual(before);
    const result = await t.app.ledger.db.transaction().execute((trx) => undoRun(trx, run.runId as number, 'budi', t.clock.now()));
    expect(result).toMatchObject({ billsRemoved: 1, billsRestored: 1, taxpayersRemoved: 1, taxpayersRestored: 1 });
    expect(await ledgerState(t)).toEqual(before);
  });

  it('undo is refused for a run that is not the latest, and twice', async () => {
    const a = await runSync(t.app.ledger.db, source(snapshotA), opts());
    const b = await runSync(t.app.ledger.db, source([bill('KB-009')], 'sha-e'), opts());
    const undo = (id: number) => t.app.ledger.db.transaction().execute((trx) => undoRun(trx, id, 'budi', t.clock.now()));
    await expect(undo(a.runId as number)).rejects.toThrow(UserError);
    await undo(b.runId as number);
    await expect(undo(b.runId as number)).rejects.toMatchObject({ code: 'SYNC_ALREADY_UNDONE' });
    await undo(a.runId as number);
    expect((await ledgerState(t)).bills).toHaveLength(0);
  });

  it('keeps the rejects the parser reported with the run', async () => {
    const rejects = [{ sheet: 'Sheet1', row: 14, column: 'Pokok (E)', value: 'dua juta', code: 'UNREADABLE_AMOUNT', reason: 'unreadable amount' }];
    const report = await runSync(t.app.ledger.db, source(snapshotA, 'sha-f', { rejects, duplicates: 2 }), opts());
    expect(report.rejectedCount).toBe(1);
    expect(report.duplicates).toBe(2);
    const stored = await t.app.ledger.db.selectFrom('sync_rejects').selectAll().where('run_id', '=', report.runId as number).execute();
    expect(stored).toMatchObject([{ row_number: 14, column_name: 'Pokok (E)', value: 'dua juta', reason: 'unreadable amount' }]);
  });
});
