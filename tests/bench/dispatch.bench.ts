import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeApp, createApp } from '../../main/app.js';
import { startSimulator } from '../../main/gateways/index.js';
import { dispatchOutbox } from '../../main/reminders/dispatcher.js';
import { seedOutbox, useSimulator } from '../support/outbox-fixture.js';
import { type Figure, round } from './figure.js';

/**
 * Queued messages dispatched to the simulator at Meta's default 80 messages/s (the simulator
 * itself answers 130429 above 80/s), then the same count with no limit: the dispatcher's own
 * ceiling on SQLite. Dispatcher and simulator share this process, so the peak RSS covers both.
 *
 * Scales: 10,000 messages by default (about two minutes at 80/s); SIPEKA_BENCH_DISPATCH=full
 * runs the 100,000 (about 21 minutes at 80/s, mostly waiting on the rate limit);
 * SIPEKA_BENCH_SCALE multiplies the default (0.1 runs 1,000).
 */
export default async function dispatchBench(): Promise<Figure[]> {
  const full = process.env.SIPEKA_BENCH_DISPATCH === 'full';
  const count = full ? 100_000 : Math.max(100, Math.round(10_000 * Number(process.env.SIPEKA_BENCH_SCALE ?? '1')));
  const figures: Figure[] = [];
  for (const [label, rate] of [['80/s', 80], ['unlimited', 0]] as const) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-bench-dispatch-'));
    const app = await createApp({ db: path.join(dir, 'ledger.db'), env: { SIPEKA_DATA_DIR: dir } });
    const simulator = await startSimulator({ rateLimit: rate, seed: 9 });
    try {
      await seedOutbox(app.ledger.db, count);
      await useSimulator(app.ledger.db, simulator.url, { ratePerSecond: rate });
      const t0 = performance.now();
      const result = await dispatchOutbox(app, { untilEmpty: true, concurrency: rate ? 16 : 64 });
      const seconds = (performance.now() - t0) / 1000;
      const achieved = result.sent / seconds;
      figures.push({ figure: `dispatch ${count.toLocaleString('en')} messages at ${label}: achieved rate`, value: round(achieved), unit: `msg/s in ${round(seconds)} s`, ...(rate ? { target: `≥ ${rate * 0.95} (95 %)` } : {}) });
      if (rate) figures.push({ figure: `  … share of the ${rate}/s target`, value: round((achieved / rate) * 100), unit: '%', target: '≥ 95 %' });
      figures.push({ figure: `  … sent / retried (429, 5xx) / failed / unknown`, value: result.sent, unit: `/ ${result.retried} / ${result.failed} / ${result.unknown}` });
      figures.push({ figure: `  … duplicates the simulator received`, value: simulator.duplicates(), unit: 'messages', target: '0' });
      // maxRSS only grows, so after each run it is the peak so far (this run included).
      figures.push({ figure: `  … peak RSS so far (dispatcher and simulator in one process)`, value: round(process.resourceUsage().maxRSS / 1024), unit: 'MB' });
    } finally {
      await simulator.close();
      await closeApp(app);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return figures;
}
