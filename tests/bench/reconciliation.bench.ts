import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeApp, createApp } from '../../main/app.js';
import { bulkInsert } from '../../main/db/bulk-insert.js';
import { generateDemo } from '../../main/ledger/demo/index.js';
import { runSync } from '../../main/ledger/index.js';
import { rematchDays } from '../../main/payments/reconciliation/rematch.js';
import { reconciliationStatus } from '../../main/payments/reconciliation/status.js';
import { daysOf } from '../../main/payments/reconciliation/days.js';
import { importStatement } from '../../main/payments/statements/import-statement.js';
import { type Figure, round } from './figure.js';

const TODAY = '2026-11-23';
const NOW = new Date('2026-11-23T01:00:00Z');

/**
 * Reconciling a statement of 100,000 credits against a ledger of 1,000,000 bills (demo data):
 * the credits are the bank's side of bills paid in the last months — 60 % naming the partner's
 * reference of a recorded payment, 30 % a kode bayar, 10 % only the taxpayer's name (the fuzzy
 * rule) — read from a CSV, stored, and matched in one transaction, as `statements.import` does.
 */
export default async function reconciliationBench(): Promise<Figure[]> {
  const scale = Number(process.env.SIPEKA_BENCH_SCALE ?? '1');
  const billTarget = Math.round(1_000_000 * scale);
  const creditTarget = Math.round(100_000 * scale);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-bench-recon-'));
  const app = await createApp({ db: path.join(dir, 'ledger.db'), env: { SIPEKA_DATA_DIR: dir } });
  const db = app.ledger.db;
  try {
    let count = 0;
    function* limited() {
      for (const bill of generateDemo({ taxpayers: billTarget, seed: 7, today: TODAY })) {
        if (count++ >= billTarget) return;
        yield bill;
      }
    }
    const t0 = performance.now();
    await runSync(db, { fileName: 'bench', sha256: 'bench', sheet: null, mapping: null, bills: limited(), finish: () => ({ rowsRead: billTarget, duplicates: 0, rejects: [] }) }, { dryRun: false, actor: 'bench', now: NOW });
    const buildSeconds = (performance.now() - t0) / 1000;

    // The most recently paid bills are what the bank credited.
    const paid = await db
      .selectFrom('bills')
      .innerJoin('taxpayers', 'taxpayers.id', 'bills.taxpayer_id')
      .select(['bills.id', 'bills.kode_bayar', 'bills.principal', 'bills.penalty', 'bills.paid_date', 'taxpayers.name'])
      .where('bills.status', '=', 'paid')
      .orderBy('bills.paid_date', 'desc')
      .limit(creditTarget)
      .execute();
    const payments: object[] = [];
    const lines: string[] = ['Tanggal;Keterangan;No Referensi;Debet;Kredit;Saldo'];
    paid.forEach((b, i) => {
      const amount = Number(b.principal) + Number(b.penalty);
      const [y, m, d] = b.paid_date!.split('-');
      const date = `${d}/${m}/${y}`;
      if (i % 10 < 6) {
        payments.push({ bill_id: b.id, partner_id: 'BSB', partner_ref: `BSB${b.id}`, request_id: null, receipt_number: `BENCH/${b.id}`, amount, principal: Number(b.principal), penalty: Number(b.penalty), admin_fee: 0, paid_at: `${b.paid_date}T03:00:00.000Z`, paid_date: b.paid_date, recorded_by: 'bench', recorded_at: NOW.toISOString(), note: null });
        lines.push(`${date};TRF BSB BSB${b.id} PAJAK;FT${i};;${amount};`);
      } else if (i % 10 < 9) lines.push(`${date};SETORAN KB ${b.kode_bayar};FT${i};;${amount};`);
      else lines.push(`${date};SETORAN TUNAI ${b.name.replace(/;/g, ' ')};FT${i};;${amount};`);
    });
    await bulkInsert(db, 'payments', ['bill_id', 'partner_id', 'partner_ref', 'request_id', 'receipt_number', 'amount', 'principal', 'penalty', 'admin_fee', 'paid_at', 'paid_date', 'recorded_by', 'recorded_at', 'note'], payments);
    const file = path.join(dir, 'rekening-koran.csv');
    fs.writeFileSync(file, lines.join('\n') + '\n');

    const t1 = performance.now();
    const result = await db.transaction().execute((trx) => importStatement(trx, { file, fileName: 'rekening-koran.csv', sha256: 'bench', actor: 'bench', now: NOW }));
    const importSeconds = (performance.now() - t1) / 1000;

    const t2 = performance.now();
    await db.transaction().execute((trx) => rematchDays(trx, result.days));
    const rematchSeconds = (performance.now() - t2) / 1000;

    const month = result.days[result.days.length - 1]!.slice(0, 7);
    const t3 = performance.now();
    const status = await reconciliationStatus(db, month);
    const statusSeconds = (performance.now() - t3) / 1000;

    const size = `${creditTarget.toLocaleString('en')} credits vs ${billTarget.toLocaleString('en')} bills`;
    const exceptions = Object.entries(result.exceptions).map(([c, n]) => `${c} ${n.toLocaleString('en')}`).join(', ');
    return [
      { figure: `build a ${billTarget.toLocaleString('en')}-bill ledger + ${payments.length.toLocaleString('en')} payments`, value: round(buildSeconds), unit: 's' },
      { figure: `import + match a statement of ${size} over ${result.days.length} days (${result.matched.toLocaleString('en')} matched; ${exceptions})`, value: round(importSeconds), unit: 's', target: '≤ 15' },
      { figure: `match the same ${result.days.length} days again (nothing changes)`, value: round(rematchSeconds), unit: 's', target: '≤ 15' },
      { figure: `status of ${month} (${daysOf(month).length} days, ${(status.credits.count + status.classes.no_credit.count + status.classes.never_credited.count).toLocaleString('en')} items)`, value: round(statusSeconds), unit: 's' },
    ];
  } finally {
    await closeApp(app);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
