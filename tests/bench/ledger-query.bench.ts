import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeApp, createApp } from '../../main/app.js';
import { generateDemo } from '../../main/ledger/demo/index.js';
import { runSync } from '../../main/ledger/index.js';
import { queryBills, type BillPage } from '../../main/ledger/bill-query.js';
import { type Figure, round } from './figure.js';

/** Ledger search and filtered, sorted pages of bills on a ledger of 1,000,000 bills. */
export default async function ledgerQueryBench(): Promise<Figure[]> {
  const target = Math.round(1_000_000 * Number(process.env.SIPEKA_BENCH_SCALE ?? '1'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-bench-ledger-'));
  const app = await createApp({ db: path.join(dir, 'ledger.db'), env: { SIPEKA_DATA_DIR: dir } });
  try {
    let count = 0;
    let sampleName = '';
    let sampleCode = '';
    function* limited() {
      for (const bill of generateDemo({ taxpayers: target, seed: 11, today: '2026-11-23' })) {
        if (count === 777) {
          sampleName = bill.namaWp.split(' ').slice(-1)[0] ?? bill.namaWp;
          sampleCode = bill.kodeBayar;
        }
        if (count++ >= target) return;
        yield bill;
      }
    }
    const t0 = performance.now();
    await runSync(app.ledger.db, { fileName: 'bench', sha256: 'bench', sheet: null, mapping: null, bills: limited(), finish: () => ({ rowsRead: target, duplicates: 0, rejects: [] }) }, { dryRun: false, actor: 'bench', now: new Date() });
    const buildSeconds = (performance.now() - t0) / 1000;

    const base: BillPage = { filter: {}, sort: 'dueDate', direction: 'asc', limit: 100, offset: 0, withTotal: true };
    const cases: [string, BillPage][] = [
      ['first page by due date, with total', base],
      ['unpaid + overdue, by principal desc, with total', { ...base, filter: { status: 'unpaid', overdue: true }, sort: 'principal', direction: 'desc' }],
      ['tax type + kecamatan, by taxpayer name', { ...base, filter: { taxType: 'PBJT_MAKMIN', kecamatan: 'Kota Kayuagung' }, sort: 'taxpayerName' }],
      [`search a name fragment ("${sampleName}")`, { ...base, filter: { search: sampleName } }],
      ['search an exact kode bayar', { ...base, filter: { search: sampleCode } }],
      ['page 500 while scrolling (no total)', { ...base, offset: 50_000, withTotal: false }],
    ];
    const figures: Figure[] = [{ figure: `build a ${target.toLocaleString('en')}-bill ledger (one sync run)`, value: round(buildSeconds), unit: 's' }];
    for (const [label, page] of cases) {
      const times: number[] = [];
      for (let i = 0; i < 12; i += 1) {
        const s = performance.now();
        await queryBills(app.ledger.reader, page, '2026-11-23');
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      figures.push({ figure: `bills: ${label} (p95 of 12)`, value: round(times[Math.floor(times.length * 0.95) - 1] ?? NaN, 1), unit: 'ms', target: '≤ 100' });
    }
    return figures;
  } finally {
    await closeApp(app);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
