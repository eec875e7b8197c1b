import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { closeApp, createApp } from '../../main/app.js';
import { runCli } from '../support/cli.js';
import { freshDatabases, testEngines, type TestDatabase } from '../support/engines.js';

const AS_OF = '2026-11-23';
const fresh = freshDatabases();

async function ledgerRows(d: TestDatabase) {
  const app = await createApp({ db: d.db, databaseUrl: d.databaseUrl, env: { SIPEKA_DATA_DIR: d.dir } });
  try {
    const db = app.ledger.db;
    return {
      runs: await db.selectFrom('sync_runs').select(['id', 'file_name', 'status', 'rows_read']).orderBy('id').execute(),
      taxpayers: Number((await db.selectFrom('taxpayers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
      bills: await db.selectFrom('bills').select(['kode_bayar', 'principal', 'created_run_id']).execute(),
    };
  } finally {
    await closeApp(app);
  }
}

describe.each(testEngines())('sipeka demo on %s', (engine) => {
  it('fills an empty ledger through one ordinary sync run and refuses to do it again without --force', async () => {
    const d = await fresh(engine);
    const env = { SIPEKA_DATA_DIR: d.dir };
    const run = await runCli([...d.flags, '--json', 'demo', '--taxpayers', '50', '--seed', '7', '--as-of', AS_OF], { env });
    expect(run.code, run.stderr).toBe(0);
    const made = run.json();
    expect(made).toMatchObject({ file_name: 'demo:seed=7,taxpayers=50', taxpayers: 50, taxpayers_inserted: 50, as_of: AS_OF });
    expect(made.bills).toBeGreaterThan(50);
    expect(made.bills_inserted).toBe(made.bills);
    expect(made.paid_bills + made.unpaid_bills).toBe(made.bills);

    const summary = (await runCli([...d.flags, '--json', 'ledger', 'summary', '--as-of', AS_OF], { env })).json();
    expect(summary).toMatchObject({ taxpayers: 50, bills: made.bills, paid_bills: made.paid_bills, unpaid_bills: made.unpaid_bills, overdue_bills: made.overdue_bills });

    const ledger = await ledgerRows(d);
    expect(ledger.runs).toEqual([{ id: made.run_id, file_name: 'demo:seed=7,taxpayers=50', status: 'applied', rows_read: made.bills }]);
    expect(ledger.taxpayers).toBe(50);
    expect(ledger.bills).toHaveLength(made.bills);
    expect(ledger.bills.every((b) => b.created_run_id === made.run_id)).toBe(true);

    const again = await runCli([...d.flags, '--json', 'demo', '--taxpayers', '50', '--seed', '7', '--as-of', AS_OF], { env });
    expect(again.code).toBe(1);
    expect(again.json().error).toMatchObject({ code: 'LEDGER_NOT_EMPTY' });
    expect((await ledgerRows(d)).runs).toHaveLength(1);

    const forced = await runCli([...d.flags, '--json', 'demo', '--taxpayers', '50', '--seed', '7', '--as-of', AS_OF, '--force'], { env });
    expect(forced.code, forced.stderr).toBe(0);
    // The same seed makes the same bills: the second run finds them all unchanged.
    expect(forced.json()).toMatchObject({ bills: made.bills, bills_inserted: 0, bills_updated: 0, taxpayers_inserted: 0 });
  });

  it('exports the ledger as a SIMPADA-style workbook whose JUMLAH row adds up', async () => {
    const d = await fresh(engine);
    const env = { SIPEKA_DATA_DIR: d.dir };
    const made = (await runCli([...d.flags, '--json', 'demo', '--taxpayers', '50', '--seed', '7', '--as-of', AS_OF], { env })).json();
    const file = path.join(d.dir, 'out.xlsx');
    const exported = await runCli([...d.flags, '--json', 'demo', 'export', file, '--as-of', AS_OF], { env });
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.json()).toMatchObject({ file, format: 'xlsx', rows: made.bills, source: 'ledger' });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect([1, 2, 3, 4].map((r) => sheet.getCell(r, 1).value)).toEqual(['PEMERINTAH KABUPATEN OGAN KOMERING ILIR', 'BADAN PENGELOLA PAJAK DAERAH', 'DAFTAR KETETAPAN PAJAK', 'Dicetak: 23/11/2026']);
    const header = (sheet.getRow(6).values as unknown[]).slice(1);
    expect(header).toEqual(['No', 'NPWPD', 'Nama WP', 'Alamat', 'Kecamatan', 'Kelurahan', 'Jenis Pajak', 'NOP', 'Nama Objek Pajak', 'Masa Pajak', 'Tahun', 'Kode Bayar', 'Pokok Pajak', 'Denda', 'Jatuh Tempo', 'Tgl Bayar', 'Status', 'No HP', 'Email']);
    const pokok = header.indexOf('Pokok Pajak') + 1;
    let sum = 0;
    let row = 7;
    for (; sheet.getCell(row, 1).value !== 'JUMLAH'; row++) sum += sheet.getCell(row, pokok).value as number;
    expect(row - 7).toBe(made.bills);
    expect(sheet.getCell(row, pokok).value).toBe(sum);
    const ledger = await ledgerRows(d);
    expect(sum).toBe(ledger.bills.reduce((s, b) => s + Number(b.principal), 0));

    const twice = await runCli([...d.flags, '--json', 'demo', 'export', file], { env });
    expect(twice.json().error.code).toBe('FILE_EXISTS');
  });
});

describe('sipeka demo export of generated data', () => {
  it('needs no database and writes the same file for the same seed', async () => {
    const d = await fresh('sqlite');
    const env = { SIPEKA_DATA_DIR: d.dir };
    const files = ['a.csv', 'b.csv'].map((f) => path.join(d.dir, f));
    for (const file of files) {
      const res = await runCli(['--db', d.db as string, '--json', 'demo', 'export', file, '--taxpayers', '30', '--seed', '7', '--as-of', AS_OF, '--rows', '100'], { env });
      expect(res.code, res.stderr).toBe(0);
      expect(res.json()).toMatchObject({ format: 'csv', rows: 100, source: 'generated' });
    }
    expect(fs.readFileSync(files[0] as string).equals(fs.readFileSync(files[1] as string))).toBe(true);
    expect(fs.existsSync(d.db as string)).toBe(false);
  });
});
