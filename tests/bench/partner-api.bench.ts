import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { closeApp, createApp } from '../../main/app.js';
import { generateDemo } from '../../main/ledger/demo/index.js';
import { runSync } from '../../main/ledger/index.js';
import { findPayableBill } from '../../main/payments/index.js';
import { agencyDay } from '../../main/payments/partner-api/agency-day.js';
import { startWorker } from '../../main/platform/worker.js';
import { newPartnerSecret, sealPartnerSecret } from '../../main/payments/partner-secrets.js';
import { startPartnerApiServer } from '../../main/server/partner-api-server.js';
import { paymentCodeOf } from '../../shared/payments/payment-code.js';
import { type Figure, round } from './figure.js';
import type { ClientWorkerInput, ClientWorkerResult } from './partner-client-worker.js';

const TODAY = '2026-11-23';
const NOW = new Date('2026-11-23T03:00:00Z');
const CALLS = Number(process.env.SIPEKA_BENCH_PARTNER_CALLS ?? '10000');
const CONCURRENCY = Number(process.env.SIPEKA_BENCH_PARTNER_CONCURRENCY ?? '16');

/**
 * Issue 8's benchmark: 10,000 signed v1 payment calls at concurrency 16, over real HTTP on
 * loopback, against a 1,000,000-bill ledger (demo data, SQLite). The client signs and sends from
 * a worker thread (partner-client-worker.ts); the latency includes signing and parsing on both sides. SQLite unless
 * SIPEKA_BENCH_PG_URL names a PostgreSQL server. Afterwards the
 * ledger is counted: every `00` must be one payment of one distinct bill, and nothing else.
 */
export default async function partnerApiBench(): Promise<Figure[]> {
  const target = Math.round(1_000_000 * Number(process.env.SIPEKA_BENCH_SCALE ?? '1'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-bench-partner-'));
  const pgAdmin = process.env.SIPEKA_BENCH_PG_URL;
  const pgDatabase = pgAdmin ? `sipeka_bench_${randomBytes(4).toString('hex')}` : null;
  if (pgAdmin && pgDatabase) await adminQuery(pgAdmin, `create database ${pgDatabase}`);
  const databaseUrl = pgAdmin && pgDatabase ? withDatabase(pgAdmin, pgDatabase) : undefined;
  const app = await createApp({ db: databaseUrl ? undefined : path.join(dir, 'ledger.db'), databaseUrl, env: { SIPEKA_DATA_DIR: dir } });
  try {
    let count = 0;
    function* limited() {
      for (const bill of generateDemo({ taxpayers: target, seed: 8, today: TODAY })) {
        if (count++ >= target) return;
        yield bill;
      }
    }
    await runSync(app.ledger.db, { fileName: 'bench', sha256: 'bench', sheet: null, mapping: null, bills: limited(), finish: () => ({ rowsRead: target, duplicates: 0, rejects: [] }) }, { dryRun: false, actor: 'bench', now: NOW });
    const db = app.ledger.db;
    const total = Number((await db.selectFrom('bills').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    const secret = newPartnerSecret();
    const at = new Date().toISOString();
    await db
      .insertInto('partners')
      .values({ id: 'BENCH_BANK', name: 'Bench Bank', secret_sealed: sealPartnerSecret(app.location.dataDir, secret), ip_allowlist: JSON.stringify(['127.0.0.1/32', '::1/128']), va_prefix: '88000099', active: 1, created_by: 'bench', created_at: at, updated_at: at, secret_rotated_at: at })
      .execute();

    // Evenly spread unpaid bills, priced beforehand as the inquiry would have told the bank.
    const unpaid = await db.selectFrom('bills').select(['id', 'kode_bayar']).where('status', '=', 'unpaid').orderBy('id').execute();
    const step = unpaid.length / CALLS;
    // The server prices as of the agency's day (WIB), not UTC's.
    const today = agencyDay(new Date(), 'Asia/Jakarta');
    const targets: { code: string; amount: number }[] = [];
    for (let i = 0; i < CALLS && i * step < unpaid.length; i += 1) {
      const row = unpaid[Math.floor(i * step)] as { id: number; kode_bayar: string };
      const code = paymentCodeOf({ id: Number(row.id), kodeBayar: row.kode_bayar });
      const bill = await findPayableBill(db, code, { today });
      if (bill) targets.push({ code, amount: bill.totalAmount });
    }

    const server = await startPartnerApiServer(app, { port: 0 });
    // The bank calls from another thread (its own machine, in life), so the server's event loop is the server's alone.
    const worker = startWorker(new URL('./partner-client-worker.ts', import.meta.url), { url: server.url, partnerId: 'BENCH_BANK', secret, concurrency: CONCURRENCY, targets } satisfies ClientWorkerInput);
    const outcome = await new Promise<ClientWorkerResult>((resolve, reject) => {
      worker.once('message', (m: ClientWorkerResult | { error: string }) => ('error' in m ? reject(new Error(m.error)) : resolve(m)));
      worker.once('error', reject);
    });
    await worker.terminate();
    const { times, seconds } = outcome;
    const answers = new Map(outcome.answers);
    await server.close();

    const counted = await db
      .selectFrom('payments')
      .select((eb) => [eb.fn.countAll<number>().as('payments'), eb.fn.count<number>('bill_id').distinct().as('bills')])
      .where('partner_id', '=', 'BENCH_BANK')
      .executeTakeFirstOrThrow();
    const ok = answers.get('200/00') ?? 0;
    const payments = Number(counted.payments);
    times.sort((a, b) => a - b);
    const pct = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
    const size = `${total.toLocaleString('en')} bills, ${app.ledger.engine}`;
    const others = [...answers].filter(([k]) => k !== '200/00').map(([k, n]) => `${k}×${n}`).join(' ') || 'none';
    return [
      { figure: `${targets.length.toLocaleString('en')} signed v1 payments at concurrency ${CONCURRENCY}, p50 (${size})`, value: round(pct(0.5), 1), unit: 'ms' },
      { figure: `… p99`, value: round(pct(0.99), 1), unit: 'ms', target: '< 100' },
      { figure: `… throughput`, value: round(targets.length / seconds, 0), unit: 'payments/s' },
      { figure: `… lost (00 answered without a payment row, or a row without 00); other answers: ${others}`, value: Math.abs(ok - payments), unit: 'calls', target: '0' },
      { figure: `… double-credited (payments − distinct bills paid)`, value: payments - Number(counted.bills), unit: 'bills', target: '0' },
    ];
  } finally {
    await closeApp(app);
    if (pgAdmin && pgDatabase) await adminQuery(pgAdmin, `drop database if exists ${pgDatabase}`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `SIPEKA_BENCH_PG_URL=postgres://…/postgres` runs the bench on a fresh PostgreSQL database there. */
async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
