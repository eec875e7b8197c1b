import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { App } from '../../main/api/context.js';
import { dispatch } from '../../main/api/dispatch.js';
import { closeApp, createApp } from '../../main/app.js';
import { freshRollups, rollupsSettled } from '../../main/dashboard/index.js';
import { bulkInsert } from '../../main/db/bulk-insert.js';
import type { Database } from '../../main/db/schema.js';
import { generateDemo } from '../../main/ledger/demo/index.js';
import { runSync } from '../../main/ledger/index.js';
import { ManualClock } from '../../main/platform/clock.js';
import type { In, ProcedureName } from '../../shared/api/index.js';
import { addDays } from '../../shared/dashboard/calendar.js';
import { type Figure, round } from './figure.js';

const TODAY = '2026-11-23';
const NOW = '2026-11-23T03:00:00.000Z';
const STAGES = [
  ['H-14', -14],
  ['H-7', -7],
  ['H-3', -3],
  ['H+1', 1],
  ['H+7', 7],
  ['H+30', 30],
] as const;
const RUNS = 40;

/**
 * The head's dashboard over 1,000,000 bills and 1,000,000 messages: every query it makes (p95 of
 * repeated calls through the dispatcher, rollups current), the cost of checking that they are,
 * and what a rebuild costs after the ledger or the outbox moved.
 */
export default async function dashboardBench(): Promise<Figure[]> {
  const scale = Number(process.env.SIPEKA_BENCH_SCALE ?? '1');
  const bills = Math.round(1_000_000 * scale);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-bench-dashboard-'));
  const clock = new ManualClock(NOW);
  const app = await createApp({ db: path.join(dir, 'ledger.db'), env: { SIPEKA_DATA_DIR: dir }, clock });
  try {
    await buildLedger(app, bills);
    const messages = await fillOutbox(app, bills);
    const size = `${(bills / 1e6).toLocaleString('en')}M bills, ${(messages / 1e6).toLocaleString('en', { maximumFractionDigits: 2 })}M messages`;

    const first = await timed(() => freshRollups(app));
    const check = await p95(() => freshRollups(app));
    const figures: Figure[] = [
      { figure: `first build of the rollups (${size})`, value: round(first.ms / 1000), unit: 's' },
      ...(await app.ledger.db.selectFrom('dashboard_rollup_state').select(['part', 'build_ms']).orderBy('part').execute()).map((r) => ({ figure: `… of which the ${r.part} part`, value: round(r.build_ms / 1000), unit: 's' })),
      { figure: 'check that the rollups are current (no rebuild), p95', value: round(check, 2), unit: 'ms' },
    ];

    const head = { userId: null, username: 'kepala', role: 'head' as const };
    const call = <N extends ProcedureName>(name: N, input: In<N>) => dispatch(app, { procedure: name, input, session: { token: null, set: () => undefined }, origin: 'bench', actor: head });
    const kecamatan = (await app.ledger.db.selectFrom('taxpayers').select('kecamatan').where('kecamatan', 'is not', null).limit(1).executeTakeFirstOrThrow()).kecamatan as string;
    const queries: [string, () => Promise<unknown>][] = [
      ['dashboard.kpi, whole year', () => call('dashboard.kpi', { year: 2026 })],
      ['dashboard.kpi, one month + tax type + kecamatan', () => call('dashboard.kpi', { period: '2026-08', taxType: 'PBJT_MAKMIN', kecamatan })],
      ['dashboard.kpi, one kecamatan', () => call('dashboard.kpi', { kecamatan })],
      ['dashboard.lakin', () => call('dashboard.lakin', { year: 2026 })],
      ['drill: arrears 91–180 days, first page with count', () => call('dashboard.bills', { figure: 'arrears', bucket: '91-180' })],
      ['drill: largest arrears in one kecamatan', () => call('dashboard.bills', { figure: 'largest', kecamatan })],
      ['drill: bills paid in one month', () => call('dashboard.bills', { figure: 'realisation', month: '2026-08' })],
      ['drill: late bills due in one month, one tax type', () => call('dashboard.bills', { figure: 'compliance_late', month: '2026-08', taxType: 'PBJT_MAKMIN' })],
      ['drill: bills reminded at H-7 on WhatsApp in one month, paid within 7 days', () => call('dashboard.bills', { figure: 'reminded', period: '2026-08', stage: 'H-7', channel: 'whatsapp', window: 'paid7' })],
    ];
    for (const [name, run] of queries) figures.push({ figure: `${name}, p95`, value: round(await p95(run), 1), unit: 'ms', target: '≤ 200' });

    // A status arrives from the gateway, then a payment: at this size the parts are rebuilt in the
    // background while requests read the previous build; measured are the request itself, the
    // requests and small writes made while the rebuild runs, and how long the rebuild takes.
    clock.advance(60_000);
    await app.ledger.db.updateTable('outbox').set({ state: 'read', updated_at: clock.now().toISOString() }).where('id', '=', 1).execute();
    figures.push(...(await duringRebuild('a message status changed (messages part)', () => call('dashboard.kpi', { year: 2026 }), app)));
    const unpaid = await app.ledger.db.selectFrom('bills').select(['id', 'principal']).where('status', '=', 'unpaid').limit(1).executeTakeFirstOrThrow();
    await app.ledger.db.updateTable('bills').set({ status: 'paid', paid_date: TODAY, paid_source: 'payment', updated_at: clock.now().toISOString() }).where('id', '=', unpaid.id).execute();
    await app.ledger.db
      .insertInto('payments')
      .values({ bill_id: unpaid.id, partner_id: 'LOKET', partner_ref: 'BENCH-1', request_id: null, receipt_number: 'BENCH-1', amount: unpaid.principal, principal: unpaid.principal, penalty: 0, admin_fee: 0, paid_at: NOW, paid_date: TODAY, recorded_by: 'bench', recorded_at: NOW, note: null })
      .execute();
    figures.push(...(await duringRebuild('a payment (both parts)', () => call('dashboard.kpi', { year: 2026 }), app)));
    return figures;
  } finally {
    await closeApp(app);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function buildLedger(app: App, target: number): Promise<void> {
  let count = 0;
  function* limited() {
    for (const bill of generateDemo({ taxpayers: target, seed: 11, today: TODAY })) {
      if (count++ >= target) return;
      yield bill;
    }
  }
  await runSync(app.ledger.db, { fileName: 'bench', sha256: 'bench', sheet: null, mapping: null, bills: limited(), finish: () => ({ rowsRead: target, duplicates: 0, rejects: [] }) }, { dryRun: false, actor: 'bench', now: new Date(NOW) });
}

/**
 * One message per bill, as if a year of daily plans had reminded every bill once at a stage
 * before or after its due date; most were read, some only delivered or sent, a few failed.
 * Written straight into the outbox: the planner's own speed is planner.bench.ts's figure.
 */
export async function fillOutbox(app: App, target: number): Promise<number> {
  const db = app.ledger.db;
  let afterId = 0;
  let written = 0;
  const columns = ['kind', 'taxpayer_id', 'stage', 'due_date', 'channel', 'plan_run_id', 'plan_date', 'bill_ids', 'template_id', 'recipient', 'body', 'parameters', 'state', 'attempts', 'not_before', 'next_attempt_at', 'gateway', 'gateway_message_id', 'error_code', 'error_detail', 'created_at', 'updated_at', 'sending_at', 'sent_at', 'delivered_at', 'read_at', 'failed_at'] as const;
  while (written < target) {
    const page = await db.selectFrom('bills').select(['id', 'taxpayer_id', 'due_date']).where('id', '>', afterId).orderBy('id').limit(20_000).execute();
    if (page.length === 0) break;
    const rows = page.map((b) => {
      const i = Number(b.id);
      const [stage, offset] = STAGES[i % STAGES.length] as (typeof STAGES)[number];
      const planned = addDays(b.due_date, offset);
      const planDate = planned > TODAY ? TODAY : planned;
      const at = `${planDate}T02:00:00.000Z`;
      const roll = i % 20;
      const state = roll < 14 ? 'read' : roll < 17 ? 'delivered' : roll < 19 ? 'sent' : 'failed';
      return {
        kind: 'reminder',
        taxpayer_id: b.taxpayer_id,
        stage,
        // The outbox is unique per taxpayer, stage, due date and channel; one message per bill here.
        due_date: `B${String(i).padStart(9, '0')}`,
        channel: i % 7 === 0 ? 'sms' : 'whatsapp',
        plan_run_id: null,
        plan_date: planDate,
        bill_ids: JSON.stringify([i]),
        template_id: null,
        recipient: `+62812${String(i).padStart(8, '0')}`,
        body: 'pengingat',
        parameters: '[]',
        state,
        attempts: 1,
        not_before: at,
        next_attempt_at: at,
        gateway: 'simulator',
        gateway_message_id: `wamid.${i}`,
        error_code: null,
        error_detail: null,
        created_at: at,
        updated_at: at,
        sending_at: at,
        sent_at: state === 'failed' ? null : at,
        delivered_at: state === 'read' || state === 'delivered' ? at : null,
        read_at: state === 'read' ? at : null,
        failed_at: state === 'failed' ? at : null,
      };
    });
    await db.transaction().execute((trx) => bulkInsert<Database, 'outbox'>(trx, 'outbox', columns, rows));
    written += rows.length;
    afterId = Number(page[page.length - 1]?.id);
  }
  return written;
}

/**
 * The first request after a change (it starts the background rebuild), then requests and small
 * writes to the bills table every 25 ms until the rebuild is stored: the worst of each says
 * whether the office kept working meanwhile.
 */
async function duringRebuild(change: string, request: () => Promise<unknown>, app: App): Promise<Figure[]> {
  const first = await timed(request);
  const started = performance.now();
  const settled = rollupsSettled(app).then(() => performance.now() - started);
  let done = false;
  void settled.then(() => (done = true));
  const reads: number[] = [];
  const writes: number[] = [];
  while (!done) {
    reads.push((await timed(request)).ms);
    writes.push((await timed(() => app.ledger.db.updateTable('bills').set({ updated_at: new Date().toISOString() }).where('id', '=', 1).execute())).ms);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const worst = (xs: number[]) => (xs.length ? Math.max(...xs) : NaN);
  return [
    { figure: `after ${change}: dashboard.kpi answers from the previous build in`, value: round(first.ms, 1), unit: 'ms', target: '≤ 200' },
    { figure: '… background rebuild until stored', value: round((await settled) / 1000), unit: 's' },
    { figure: `… meanwhile: slowest of ${reads.length} dashboard.kpi calls`, value: round(worst(reads), 1), unit: 'ms' },
    { figure: '… meanwhile: slowest small write to bills', value: round(worst(writes), 1), unit: 'ms' },
  ];
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
}

async function p95(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) times.push((await timed(run)).ms);
  times.sort((a, b) => a - b);
  return times[Math.ceil(0.95 * times.length) - 1] ?? NaN;
}
