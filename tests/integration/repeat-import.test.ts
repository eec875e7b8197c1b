import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ImportRequest, runImport, type SyncReport } from '../../main/ledger/index.js';
import { testEngines } from '../support/engines.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/simpada');

describe.each(testEngines())('importing the same export again on %s', (engine) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(engine);
  });
  afterEach(async () => {
    await t.close();
  });

  const importFile = (name: string, over: Partial<ImportRequest> = {}) =>
    runImport(
      t.app,
      { file: path.join(FIXTURES, name), fileName: name, dryRun: false, actor: { username: 'budi', role: 'officer' }, origin: 'test', parser: 'inline', ...over },
      new AbortController().signal,
      () => undefined,
    );
  const comparable = ({ runId: _r, sameFileRuns: _s, repeatOf: _p, ...rest }: SyncReport) => rest;

  it('answers a repeat into an unchanged ledger from the last run, exactly as reading the file would', async () => {
    await importFile('simpada-messy.xlsx');
    const read = await importFile('simpada-messy.xlsx', { reuse: false });
    const repeat = await importFile('simpada-messy.xlsx');
    expect(read.repeatOf).toBeNull();
    expect(repeat.repeatOf).toBe(read.runId);
    expect(comparable(repeat)).toEqual(comparable(read));
    expect(repeat.bills).toEqual({ inserted: 0, updated: 0, unchanged: 18, newlyPaid: 0 });
    expect(repeat.sameFileRuns.map((r) => r.id)).toEqual([expect.any(Number), read.runId]);
    const rejects = await t.app.ledger.db.selectFrom('sync_rejects').select('row_number').where('run_id', '=', repeat.runId as number).execute();
    expect(rejects.map((r) => r.row_number)).toEqual(read.rejected.map((r) => r.row));
  });

  it('reads the file again once anything in the ledger changed since', async () => {
    await importFile('simpada-messy.xlsx');
    t.clock.advance(60_000);
    await t.app.ledger.db
      .updateTable('bills')
      .set({ status: 'paid', paid_date: '2026-11-20', paid_source: 'payment', updated_at: t.clock.now().toISOString() })
      .where('id', '=', 1)
      .execute();
    const again = await importFile('simpada-messy.xlsx');
    expect(again.repeatOf).toBeNull();
    expect(again.conflicts.length + again.bills.unchanged).toBeGreaterThan(0);
  });

  it('reads the file again after another export, and after that export is undone answers from the run again', async () => {
    const first = await importFile('simpada-messy.xlsx');
    const later = await importFile('simpada-snapshot-2.xlsx');
    expect((await importFile('simpada-messy.xlsx', { dryRun: true })).repeatOf).toBeNull();
    const { undoRun } = await import('../../main/ledger/index.js');
    await t.app.ledger.db.transaction().execute((trx) => undoRun(trx, later.runId as number, 'budi', t.clock.now()));
    expect((await importFile('simpada-messy.xlsx', { dryRun: true })).repeatOf).toBe(first.runId);
  });
});
