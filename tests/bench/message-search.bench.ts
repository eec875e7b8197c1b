import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Ctx } from '../../main/api/context.js';
import { closeApp, createApp } from '../../main/app.js';
import { messageProcedures } from '../../main/reminders/message-procedures.js';
import { messagesList, messagesSummary } from '../../shared/api/messages.js';
import type { In } from '../../shared/api/index.js';
import { seedOutbox } from '../support/outbox-fixture.js';
import { type Figure, median, round } from './figure.js';

/**
 * The Pengingat screen's server-side search over an outbox of 500,000 messages (a year of a
 * large kabupaten's reminders, planned over 250 working days): 1 % failed under four codes, a
 * fifth on SMS at stage H-3, a third delivered. Each query runs 7 times; the figure is the
 * median (p50) and the worst.
 * SIPEKA_BENCH_SCALE=0.1 runs 50,000.
 */
const DAYS = 250;

/** Day d of the 250 days planned, counted back from 2026-11-23 (calendar days; enough for distinct dates). */
function planDate(d: number): string {
  return new Date(Date.UTC(2026, 10, 23 - (DAYS - 1 - d))).toISOString().slice(0, 10);
}

export default async function messageSearchBench(): Promise<Figure[]> {
  const count = Math.max(1000, Math.round(500_000 * Number(process.env.SIPEKA_BENCH_SCALE ?? '1')));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-bench-search-'));
  const app = await createApp({ db: path.join(dir, 'ledger.db'), env: { SIPEKA_DATA_DIR: dir } });
  try {
    const t0 = performance.now();
    await seedOutbox(app.ledger.db, count);
    const db = app.ledger.db;
    await db.updateTable('outbox').set({ stage: 'H-3', channel: 'sms' }).where(sql<number>`id % 5`, '=', 0).execute();
    const perDay = Math.ceil(count / DAYS);
    for (let d = 0; d < DAYS; d += 1) {
      await db.updateTable('outbox').set({ plan_date: planDate(d) }).where('id', '>', d * perDay).where('id', '<=', (d + 1) * perDay).execute();
    }
    await db.updateTable('outbox').set({ state: 'delivered' }).where(sql<number>`id % 3`, '=', 0).execute();
    for (const [k, code] of ['131026', '130429', '131047', 'TIMEOUT'].entries()) {
      await db.updateTable('outbox').set({ state: 'failed', error_code: code }).where(sql<number>`id % 400`, '=', k * 100 + 7).execute();
    }
    await sql`ANALYZE`.execute(db);
    const seedSeconds = (performance.now() - t0) / 1000;

    const lastDay = planDate(DAYS - 1);
    const ctx = { app, db } as unknown as Ctx;
    const list = (input: Partial<In<'messages.list'>>) => messageProcedures['messages.list'](ctx, messagesList.input.parse(input));
    const summary = (input: Partial<In<'messages.summary'>>) => messageProcedures['messages.summary'](ctx, messagesSummary.input.parse(input));
    const time = async (run: () => Promise<unknown>) => {
      const ms: number[] = [];
      for (let i = 0; i < 7; i += 1) {
        const s = performance.now();
        await run();
        ms.push(performance.now() - s);
      }
      return { p50: median(ms), worst: Math.max(...ms) };
    };
    const page = { order: 'newest' as const, limit: 100 };
    const cases: [string, () => Promise<unknown>][] = [
      ['first page, newest first', () => list(page)],
      ['page 50 by keyset (beforeId)', async () => list({ ...page, beforeId: count - 5000 })],
      ['failed only, newest first', () => list({ ...page, state: 'failed' })],
      ['stage H-3 + SMS + one plan date', () => list({ ...page, stage: 'H-3', channel: 'sms', from: lastDay, to: lastDay })],
      ['search a number typed from its start (0813-000…)', () => list({ ...page, search: `0813-${String(Math.floor(count / 2)).padStart(8, '0')}` })],
      ['search the last digits of a number (reads every row)', () => list({ ...page, search: `${String(Math.floor(count / 2)).padStart(8, '0')}1`.slice(-7) })],
      ['search an NPWPD fragment, lower case', () => list({ ...page, search: `p.test.${Math.floor(count / 3)}` })],
      ['search with no match (scans everything)', () => list({ ...page, search: 'tidak-ada' })],
      ['summary (counts, stages, failures by reason)', () => summary({})],
      ['summary of one plan date on SMS', () => summary({ channel: 'sms', from: lastDay, to: lastDay })],
    ];
    const figures: Figure[] = [{ figure: `seed an outbox of ${count.toLocaleString('en')} messages (with taxpayers and bills)`, value: round(seedSeconds), unit: 's' }];
    for (const [label, run] of cases) {
      const t = await time(run);
      figures.push({ figure: `messages at ${count.toLocaleString('en')}: ${label}`, value: round(t.p50, 1), unit: `ms p50 (worst ${round(t.worst, 1)})`, target: '≤ 100 ms' });
    }
    return figures;
  } finally {
    await closeApp(app);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
