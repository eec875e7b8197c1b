import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeApp, createApp } from '../../main/app.js';
import { runSync, type SnapshotBill } from '../../main/ledger/index.js';
import { writeSettings } from '../../main/platform/settings.js';
import { reportsDir } from '../../main/reports/report-files.js';
import { runCli } from '../support/cli.js';
import { freshDatabases, testEngines } from '../support/engines.js';
import { snapshotBill } from '../support/snapshot-bill.js';
import { evaluateSum, readReport, rowWithLabel, sheetOf, cell } from './reports-read-back.js';

const fresh = freshDatabases();
const NOW = '2026-11-23T07:05:00.000Z';

const BILLS: SnapshotBill[] = [
  snapshotBill('T1', { dueDate: '2026-10-10', principal: 1_250_000 }),
  snapshotBill('T2', { npwpd: 'P.2.0100009.16.02', namaWp: '=1+1', dueDate: '2025-08-10', principal: 2_000_000, masaPajak: '2025-07', tahun: 2025 }),
  snapshotBill('PAID', { masaPajak: '2026-02', dueDate: '2026-03-10', principal: 500_000, status: 'paid', paidDate: '2026-03-09' }),
];

async function ledger(engine: 'sqlite' | 'postgres') {
  const d = await fresh(engine);
  const env = { SIPEKA_DATA_DIR: d.dir, SIPEKA_FAKE_NOW: NOW };
  const app = await createApp({ db: d.db, databaseUrl: d.databaseUrl, env: { SIPEKA_DATA_DIR: d.dir } });
  try {
    await runSync(app.ledger.db, { fileName: 't.xlsx', sha256: 't', sheet: 'S', mapping: {}, bills: BILLS, finish: () => ({ rowsRead: BILLS.length, duplicates: 0, rejects: [] }) }, { dryRun: false, actor: 'test', now: new Date(NOW) });
    await writeSettings(app.ledger.db, { treasurerName: 'Siti Rahmawati', treasurerNip: '198203142006042011' }, 'test', new Date(NOW));
  } finally {
    await closeApp(app);
  }
  return { d, sipeka: (...args: string[]) => runCli([...d.flags, '--json', ...args], { env }) };
}

describe.each(testEngines())('sipeka report on %s', (engine) => {
  it('writes the arrears list to --out and prints one JSON object with its rows and totals', async () => {
    const { d, sipeka } = await ledger(engine);
    const out = path.join(d.dir, 'tunggakan.xlsx');
    const r = await sipeka('report', 'arrears', '--as-of', '2026-11-23', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = r.json();
    expect(json).toMatchObject({ report: 'arrears', path: out, rows: 2, period: '23 November 2026', totals: { principal: 3_250_000 } });
    expect(Object.keys(json)).toEqual(['report', 'period', 'fileName', 'rows', 'path', 'totals', 'sheets']);
    const sheet = sheetOf(readReport(out), 'Daftar Tunggakan');
    const totalsRow = rowWithLabel(sheet, 'JUMLAH');
    expect(evaluateSum(sheet, cell(sheet, `L${totalsRow}`)!.f!)).toBe(3_250_000);
    // The workbook moved to --out; nothing is left in the export folder.
    expect(fs.readdirSync(reportsDir(d.dir))).toEqual([]);
  });

  it('writes the yearly revenue and the dispatch log of a range', async () => {
    const { d, sipeka } = await ledger(engine);
    const revenue = await sipeka('report', 'revenue', '--period', '2026', '--out', path.join(d.dir, 'rekap.xlsx'));
    expect(revenue.code).toBe(0);
    expect(revenue.json()).toMatchObject({ report: 'revenue', period: 'Tahun 2026', rows: 1, totals: { m03: 500_000, total: 500_000 } });
    const log = await sipeka('report', 'dispatch', '--from', '2026-11-01', '--to', '2026-11-23', '--out', path.join(d.dir, 'log.xlsx'));
    expect(log.code).toBe(0);
    expect(log.json()).toMatchObject({ report: 'dispatch', rows: 0, period: '1 November 2026 – 23 November 2026' });
    expect(fs.existsSync(path.join(d.dir, 'log.xlsx'))).toBe(true);
  });

  it('explains a period it cannot use and an unknown report, writing nothing', async () => {
    const { d, sipeka } = await ledger(engine);
    const out = path.join(d.dir, 'x.xlsx');
    const bad = await sipeka('report', 'revenue', '--period', '2026-13', '--out', out);
    expect(bad.code).toBe(1);
    expect(bad.json().error).toMatchObject({ code: 'REPORT_PERIOD_INVALID', message_en: expect.stringContaining('2026-13 is not YYYY-MM or YYYY') });
    const backwards = await sipeka('report', 'dispatch', '--from', '2026-11-10', '--to', '2026-11-01', '--out', out);
    expect(backwards.code).toBe(1);
    expect(backwards.json().error.code).toBe('REPORT_PERIOD_INVALID');
    const unknown = await sipeka('report', 'laba-rugi', '--out', out);
    expect(unknown.code).toBe(1);
    expect(unknown.json().error).toMatchObject({ code: 'INVALID_INPUT', params: { field: 'name' } });
    expect(fs.existsSync(out)).toBe(false);
  });
});
