import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeApp, createApp } from '../../main/app.js';
import { generateDemo } from '../../main/ledger/demo/index.js';
import { runSync } from '../../main/ledger/index.js';
import { findPayableBill, recordPayment } from '../../main/payments/index.js';
import { type Figure, round } from './figure.js';

const TODAY = '2026-11-23';
const NOW = new Date('2026-11-23T03:00:00Z');
const SAMPLES = 2000;

/**
 * The payments core over a ledger of 1,000,000 bills (demo data, SQLite): finding a bill by its
 * kode bayar or its PBB-P2 NOP, and recording a payment (bill paid, reminders cancelled,
 * thank-you queued, payment row) in its own transaction — what every partner inquiry and
 * payment spends inside the database, before HTTP and signatures.
 */
export default async function paymentsBench(): Promise<Figure[]> {
  const target = Math.round(1_000_000 * Number(process.env.SIPEKA_BENCH_SCALE ?? '1'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-bench-payments-'));
  const app = await createApp({ db: path.join(dir, 'ledger.db'), env: { SIPEKA_DATA_DIR: dir } });
  try {
    let count = 0;
    function* limited() {
      for (const bill of generateDemo({ taxpayers: target, seed: 5, today: TODAY })) {
        if (count++ >= target) return;
        yield bill;
      }
    }
    await runSync(app.ledger.db, { fileName: 'bench', sha256: 'bench', sheet: null, mapping: null, bills: limited(), finish: () => ({ rowsRead: target, duplicates: 0, rejects: [] }) }, { dryRun: false, actor: 'bench', now: NOW });
    await app.ledger.db.updateTable('templates').set({ status: 'approved', meta_status: 'approved', decided_by: 'bench', decided_at: NOW.toISOString() }).execute();

    const db = app.ledger.db;
    const total = Number((await db.selectFrom('bills').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    // Evenly spread unpaid bills, and NOPs of PBB-P2 objects, so the samples are not all hot pages.
    const unpaid = await db.selectFrom('bills').select(['id', 'kode_bayar']).where('status', '=', 'unpaid').orderBy('id').execute();
    const codes = spread(unpaid, SAMPLES);
    const nops = spread(await db.selectFrom('tax_objects').select('nop').where('tax_type', '=', 'PBB_P2').where('nop', 'is not', null).execute(), SAMPLES).map((r) => r.nop as string);

    const byCode = await timeEach(codes, (b) => findPayableBill(db, b.kode_bayar, { today: TODAY }));
    const byNop = await timeEach(nops, (nop) => findPayableBill(db, nop.replace(/\D/g, ''), { today: TODAY }));
    let n = 0;
    const pay = await timeEach(codes.slice(0, SAMPLES / 2), (b) =>
      db.transaction().execute(async (trx) => {
        const bill = await findPayableBill(trx, b.kode_bayar, { today: TODAY });
        if (!bill || bill.status === 'paid') return;
        const result = await recordPayment(
          trx,
          { billId: bill.id, partnerId: 'BENCH', partnerRef: `REF-${n++}`, requestId: null, amountPaid: bill.totalAmount, paidAt: NOW, recordedBy: 'bench', expectedTotal: bill.totalAmount, principal: bill.principal, penalty: bill.penalty, adminFee: bill.adminFee },
          NOW,
        );
        if (!result.ok) throw new Error(`bench payment refused: ${result.reason}`);
      }),
    );
    const size = `${total.toLocaleString('en')} bills`;
    return [
      { figure: `find a bill by kode bayar, p50 (${size})`, value: round(byCode.p50, 2), unit: 'ms' },
      { figure: `find a bill by kode bayar, p99 (${size})`, value: round(byCode.p99, 2), unit: 'ms', target: '< 100 with HTTP' },
      { figure: `find the oldest unpaid year by NOP, p99 (${size})`, value: round(byNop.p99, 2), unit: 'ms', target: '< 100 with HTTP' },
      { figure: `look up and record a payment in one transaction, p50 (${size})`, value: round(pay.p50, 2), unit: 'ms' },
      { figure: `look up and record a payment in one transaction, p99 (${size})`, value: round(pay.p99, 2), unit: 'ms', target: '< 100 with HTTP' },
    ];
  } finally {
    await closeApp(app);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function spread<T>(rows: T[], count: number): T[] {
  if (rows.length <= count) return rows;
  const step = rows.length / count;
  return Array.from({ length: count }, (_, i) => rows[Math.floor(i * step)] as T);
}

async function timeEach<T>(items: T[], work: (item: T) => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (const item of items) {
    const start = performance.now();
    await work(item);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99) };
}
