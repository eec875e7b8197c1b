import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeApp, createApp } from '../../main/app.js';
import { generateDemo } from '../../main/ledger/demo/index.js';
import { runSync } from '../../main/ledger/index.js';
import { planReminders } from '../../main/reminders/index.js';
import { type Figure, round } from './figure.js';

const TODAY = '2026-11-23';
const NOW = new Date('2026-11-23T01:00:00Z');

/** The reminder planner over a ledger of 1,000,000 bills (demo data; every taxpayer has a contact from the import). */
export default async function plannerBench(): Promise<Figure[]> {
  const target = Math.round(1_000_000 * Number(process.env.SIPEKA_BENCH_SCALE ?? '1'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-bench-planner-'));
  const app = await createApp({ db: path.join(dir, 'ledger.db'), env: { SIPEKA_DATA_DIR: dir } });
  try {
    let count = 0;
    function* limited() {
      for (const bill of generateDemo({ taxpayers: target, seed: 11, today: TODAY })) {
        if (count++ >= target) return;
        yield bill;
      }
    }
    const t0 = performance.now();
    await runSync(app.ledger.db, { fileName: 'bench', sha256: 'bench', sheet: null, mapping: null, bills: limited(), finish: () => ({ rowsRead: target, duplicates: 0, rejects: [] }) }, { dryRun: false, actor: 'bench', now: NOW });
    const buildSeconds = (performance.now() - t0) / 1000;
    await app.ledger.db.updateTable('templates').set({ status: 'approved', meta_status: 'approved', decided_by: 'bench', decided_at: NOW.toISOString() }).execute();

    const timed = async (dryRun: boolean) => {
      const s = performance.now();
      const result = await planReminders(app.ledger.db, { actor: 'bench', now: NOW, dryRun });
      return { seconds: (performance.now() - s) / 1000, result };
    };
    const dry = await timed(true);
    const first = await timed(false);
    const again = await timed(false);
    const skipped = Object.values(first.result.skipped).reduce((a, b) => a + b, 0);
    const size = `${target.toLocaleString('en')}-bill ledger`;
    return [
      { figure: `build a ${size} (one sync run)`, value: round(buildSeconds), unit: 's' },
      { figure: `plan a day, dry run (${dry.result.planned.toLocaleString('en')} messages counted)`, value: round(dry.seconds), unit: 's', target: '≤ 10' },
      { figure: `plan a day (${first.result.planned.toLocaleString('en')} messages, ${skipped.toLocaleString('en')} skips)`, value: round(first.seconds), unit: 's', target: '≤ 10' },
      { figure: `plan the same day again (${again.result.planned} new)`, value: round(again.seconds), unit: 's', target: '≤ 10' },
    ];
  } finally {
    await closeApp(app);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
