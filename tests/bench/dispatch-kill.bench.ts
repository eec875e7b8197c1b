import { closeApp, createApp } from '../../main/app.js';
import { startSimulator } from '../../main/gateways/index.js';
import { dispatchToEnd, FINAL_STATES, killDispatchRepeatedly } from '../support/dispatch-kills.js';
import { freshDatabase } from '../support/engines.js';
import { seedOutbox, useSimulator } from '../support/outbox-fixture.js';
import { type Figure, round } from './figure.js';

/**
 * The kill test at bench scale: 10,000 queued messages, `sipeka dispatch --until-empty` started
 * as a child process and SIGKILLed 100 times at random moments (0–400 ms into its sending), then
 * one last run left to finish. Each restart must take the dispatch lease over from the dead
 * process at once and turn its in-flight messages into `unknown`; the gateway must never see a
 * message twice. SIPEKA_BENCH_SCALE scales messages and kills (0.1: 1,000 and 10).
 */
export default async function dispatchKillBench(): Promise<Figure[]> {
  const scale = Number(process.env.SIPEKA_BENCH_SCALE ?? '1');
  const messages = Math.max(200, Math.round(10_000 * scale));
  const kills = Math.max(5, Math.round(100 * scale));
  const database = await freshDatabase('sqlite');
  const simulator = await startSimulator({ latencyMs: 3, failRate: 0.01, seed: 7 });
  try {
    const app = await createApp({ db: database.db, env: { SIPEKA_DATA_DIR: database.dir } });
    await seedOutbox(app.ledger.db, messages);
    await useSimulator(app.ledger.db, simulator.url, { ratePerSecond: 0, maxAttempts: 3 });
    await closeApp(app);

    const t0 = performance.now();
    const run = await killDispatchRepeatedly(database, simulator, { kills });
    const killSeconds = (performance.now() - t0) / 1000;
    const final = await dispatchToEnd(database);
    const totalSeconds = (performance.now() - t0) / 1000;
    if (final.code !== 0) throw new Error(`the last dispatch failed: ${final.stderr}`);

    const check = await createApp({ db: database.db, env: { SIPEKA_DATA_DIR: database.dir }, migrate: false });
    try {
      const rows = await check.ledger.db.selectFrom('outbox').select(['state']).execute();
      const count = (state: string) => rows.filter((r) => r.state === state).length;
      const stuck = rows.filter((r) => !FINAL_STATES.has(r.state)).length;
      return [
        { figure: `kill bench: ${messages.toLocaleString('en')} messages, SIGKILLs of the dispatcher (runs started)`, value: run.kills, unit: `kills (${run.runs} runs) in ${round(killSeconds)} s, ${round(totalSeconds)} s with the last run`, target: `${kills}` },
        { figure: '  … duplicates the simulator received', value: simulator.duplicates(), unit: `of ${simulator.received.length.toLocaleString('en')} received`, target: '0' },
        { figure: '  … messages left `unknown` (in flight at a kill) · stuck queued/sending', value: count('unknown'), unit: `· ${stuck} stuck`, target: `≤ ${run.kills * 16} · 0` },
        { figure: '  … sent/delivered/read · failed', value: count('sent') + count('delivered') + count('read'), unit: `· ${count('failed')} failed` },
        { figure: '  … sent by the last run (took the lease over from a killed one)', value: final.json.sent ?? 0, unit: 'messages' },
      ];
    } finally {
      await closeApp(check);
    }
  } finally {
    await simulator.close();
    await database.drop();
  }
}
