import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import { closeApp, createApp } from '../../main/app.js';
import { runCli } from '../support/cli.js';
import { freshDatabases, testEngines } from '../support/engines.js';
import { cell, readReport, sheetOf, allTexts } from './reports-read-back.js';
import { buildStatementLedger, STATEMENT_DAY } from './statements-ledger.js';

const fresh = freshDatabases();
const NOW = '2026-12-01T01:00:00.000Z';
const STATEMENT = path.resolve(__dirname, '../fixtures/statements/bank-sumsel-2026-11-30.xlsx');

/** The fixture ledger and one user per role, written in-process; only the commands under test spawn `sipeka`. */
async function ledger(engine: 'sqlite' | 'postgres') {
  const d = await fresh(engine);
  const app = await createApp({ db: d.db, databaseUrl: d.databaseUrl, env: { SIPEKA_DATA_DIR: d.dir } });
  try {
    await buildStatementLedger(app.ledger.db, new Date(NOW));
    const session = { token: null, set: () => undefined };
    for (const role of ['treasurer', 'head', 'officer'] as const) {
      await dispatch(app, { procedure: 'users.add', input: { username: `${role}1`, role, password: `rahasia-${role}` }, session, origin: 'test', actor: { userId: null, username: 'test', role: 'admin' } });
    }
  } finally {
    await closeApp(app);
  }
  const env = { SIPEKA_DATA_DIR: d.dir, SIPEKA_FAKE_NOW: NOW };
  return { dir: d.dir, sipeka: (...args: string[]) => runCli([...d.flags, '--json', ...args], { env }) };
}

describe.each(testEngines())('sipeka statements and reconcile on %s', (engine) => {
  it('imports a statement, resolves every exception, signs the day off as the treasurer and writes the workbook', async () => {
    const { dir, sipeka } = await ledger(engine);
    const imported = await sipeka('statements', 'import', STATEMENT);
    expect(imported.code).toBe(0);
    expect(imported.json()).toMatchObject({ credits: 7, matched: 3, duplicates: 0, exceptions: { underpaid: 1, overpaid: 1, paid_twice: 1, no_bill: 1, no_credit: 1, never_credited: 1 } });
    expect((await sipeka('statements', 'import', STATEMENT)).json()).toMatchObject({ credits: 0, duplicates: 8 });

    const status = (await sipeka('reconcile', '--date', STATEMENT_DAY)).json();
    expect(status).toMatchObject({ period: STATEMENT_DAY, reconciled: false, open: 6, classes: { matched: { count: 3 } } });

    const officer = await sipeka('--as', 'officer1', 'reconcile', 'signoff', '--date', STATEMENT_DAY);
    expect(officer.code).toBe(1);
    expect(officer.json().error.code).toBe('FORBIDDEN');
    const early = await sipeka('--as', 'treasurer1', 'reconcile', 'signoff', '--date', STATEMENT_DAY);
    expect(early.json().error.code).toBe('RECON_NOT_RECONCILED');

    const open = (await sipeka('reconcile', 'items', '--date', STATEMENT_DAY, '--open')).json().items as { id: number; class: string }[];
    expect(open.map((i) => i.class).sort()).toEqual(['never_credited', 'no_bill', 'no_credit', 'overpaid', 'paid_twice', 'underpaid']);
    for (const item of open) {
      const args = item.class === 'no_bill' ? ['--as', 'link', 'reconcile', 'resolve', String(item.id), '--bill', '320101000010'] : ['--as', item.class === 'underpaid' ? 'write_off' : 'accept', 'reconcile', 'resolve', String(item.id)];
      const resolved = await sipeka(...args, '--note', `catatan ${item.class}`, '--by', 'treasurer1');
      expect(resolved.code, resolved.stdout).toBe(0);
    }
    const signed = await sipeka('--as', 'treasurer1', 'reconcile', 'signoff', '--date', STATEMENT_DAY);
    expect(signed.json()).toMatchObject({ period: STATEMENT_DAY, signedBy: 'treasurer1', status: { reconciled: true } });

    const out = path.join(dir, 'rekonsiliasi.xlsx');
    const report = await sipeka('report', 'reconciliation', '--period', STATEMENT_DAY, '--out', out);
    expect(report.code, report.stdout + report.stderr).toBe(0);
    expect(report.json()).toMatchObject({ report: 'reconciliation', fileName: `rekonsiliasi-${STATEMENT_DAY}.xlsx` });
    const book = readReport(out);
    expect(book.SheetNames).toEqual(['Ringkasan', 'Cocok', 'Pengecualian']);
    const texts = allTexts(sheetOf(book, 'Ringkasan'));
    expect(texts).toEqual(expect.arrayContaining(['REKONSILIASI HARIAN PENERIMAAN', 'BSB', 'Bendahara Penerimaan']));
    expect(texts.some((t) => t.startsWith('Kurang bayar'))).toBe(true);
    const exceptions = allTexts(sheetOf(book, 'Pengecualian'));
    expect(exceptions).toEqual(expect.arrayContaining(['Kurang bayar', 'Dihapuskan', 'catatan underpaid']));
    expect(cell(sheetOf(book, 'Cocok'), 'A1')).toBeDefined();
    expect(fs.existsSync(out)).toBe(true);

    const unlocked = await sipeka('--as', 'head1', 'reconcile', 'unlock', '--date', STATEMENT_DAY, '--reason', 'Koreksi nota bank');
    expect(unlocked.json()).toMatchObject({ period: STATEMENT_DAY, unlockedBy: 'head1', reason: 'Koreksi nota bank' });
  }, 180_000);
});
