import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeApp, createApp } from '../../main/app.js';
import { problemCounts, reviewQueue } from '../../main/contacts/contact-queue.js';
import { reachability } from '../../main/contacts/index.js';
import { generateDemo } from '../../main/ledger/demo/index.js';
import { runSync } from '../../main/ledger/index.js';
import type { ContactProblem } from '../../shared/api/contacts.js';
import { type Figure, round } from './figure.js';

/**
 * The contacts review queue on a ledger of 1,000,000 taxpayers (one bill each, so the import
 * is about taxpayers): the import with contact cleaning, then the queue's first pages.
 */
export default async function contactsQueueBench(): Promise<Figure[]> {
  const target = Math.round(1_000_000 * Number(process.env.SIPEKA_BENCH_SCALE ?? '1'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-bench-contacts-'));
  const app = await createApp({ db: path.join(dir, 'ledger.db'), env: { SIPEKA_DATA_DIR: dir } });
  try {
    let kecamatan = '';
    function* oneBillPerTaxpayer() {
      let last = '';
      let count = 0;
      for (const bill of generateDemo({ taxpayers: target, seed: 5, today: '2026-11-23' })) {
        const key = bill.npwpd ?? bill.namaWp;
        if (key === last) continue;
        last = key;
        kecamatan ||= bill.kecamatan ?? '';
        if (count++ >= target) return;
        yield bill;
      }
    }
    const t0 = performance.now();
    await runSync(app.ledger.db, { fileName: 'bench', sha256: 'bench', sheet: null, mapping: null, bills: oneBillPerTaxpayer(), finish: () => ({ rowsRead: target, duplicates: 0, rejects: [] }) }, { dryRun: false, actor: 'bench', now: new Date() });
    const buildSeconds = (performance.now() - t0) / 1000;
    const taxpayers = Number((await app.ledger.db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    const db = app.ledger.reader;
    const cases: [string, { problem?: ContactProblem; kecamatan?: string; search?: string }][] = [
      ['any problem', {}],
      ['invalid numbers', { problem: 'invalid' }],
      ['missing numbers', { problem: 'missing' }],
      ['shared numbers', { problem: 'shared' }],
      ['several numbers', { problem: 'several' }],
      [`invalid in one kecamatan (${kecamatan})`, { problem: 'invalid', kecamatan }],
      ['any problem, name search', { search: 'PEMPEK' }],
      ['any problem, number search', { search: '0812' }],
      ['any problem, search inside names only (contains fallback)', { search: 'CELIMPUNGAN' }],
    ];
    const figures: Figure[] = [{ figure: `import ${taxpayers.toLocaleString('en')} taxpayers with their contacts cleaned (one sync run)`, value: round(buildSeconds), unit: 's' }];
    for (const [label, filters] of cases) {
      figures.push({ figure: `review queue first page: ${label} (p95 of 12)`, value: await p95(() => reviewQueue(db, filters, { limit: 50, offset: 0 }, 3)), unit: 'ms', target: '≤ 100' });
    }
    figures.push({ figure: 'problem counts, all eight (p95 of 12)', value: await p95(() => problemCounts(db, {}, 3)), unit: 'ms' });
    figures.push({ figure: 'reachability by kecamatan and tax type (p95 of 12)', value: await p95(() => reachability(db, {})), unit: 'ms' });
    return figures;
  } finally {
    await closeApp(app);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function p95(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 12; i += 1) {
    const s = performance.now();
    await run();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return round(times[Math.floor(times.length * 0.95) - 1] ?? NaN, 1);
}
