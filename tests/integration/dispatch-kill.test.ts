import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApp, createApp } from '../../main/app.js';
import { type RunningSimulator, startSimulator } from '../../main/gateways/index.js';
import { dispatchToEnd, FINAL_STATES, killDispatchRepeatedly } from '../support/dispatch-kills.js';
import { freshDatabase, type TestDatabase } from '../support/engines.js';
import { seedOutbox, useSimulator } from '../support/outbox-fixture.js';

const MESSAGES = Number(process.env.SIPEKA_KILL_MESSAGES ?? 5000);
const KILLS = Number(process.env.SIPEKA_KILL_COUNT ?? 20);

/**
 * The dispatcher is killed with SIGKILL at random moments while it sends thousands of
 * messages: the gateway must never receive one message twice, and every message must end
 * somewhere a person can see (sent, delivered, read, failed or unknown), none stuck.
 */
describe('dispatch survives SIGKILL', () => {
  let database: TestDatabase;
  let simulator: RunningSimulator;

  beforeAll(async () => {
    database = await freshDatabase('sqlite');
    simulator = await startSimulator({ latencyMs: 3, failRate: 0.01, seed: 7 });
    const app = await createApp({ db: database.db, env: { SIPEKA_DATA_DIR: database.dir } });
    await seedOutbox(app.ledger.db, MESSAGES);
    await useSimulator(app.ledger.db, simulator.url, { ratePerSecond: 0, maxAttempts: 3 });
    await closeApp(app);
  });

  afterAll(async () => {
    await simulator.close();
    await database.drop();
  });

  it(`never sends a message twice through ${KILLS} kills`, async () => {
    const { kills, runs } = await killDispatchRepeatedly(database, simulator, { kills: KILLS });
    const final = await dispatchToEnd(database);
    expect(final.code, final.stderr).toBe(0);

    expect(simulator.duplicates()).toBe(0);
    const app = await createApp({ db: database.db, env: { SIPEKA_DATA_DIR: database.dir }, migrate: false });
    try {
      const rows = await app.ledger.db.selectFrom('outbox').select(['id', 'state', 'gateway_message_id']).execute();
      expect(rows).toHaveLength(MESSAGES);
      const stuck = rows.filter((r) => !FINAL_STATES.has(r.state));
      expect(stuck.map((r) => `${r.id}:${r.state}`)).toEqual([]);
      const received = new Set(simulator.received.map((m) => m.ref));
      // Whatever we recorded as sent, the gateway has; whatever the gateway has, we did not lose.
      for (const r of rows) {
        if (r.state === 'sent') expect(received.has(String(r.id))).toBe(true);
        if (received.has(String(r.id))) expect(['sent', 'delivered', 'read', 'failed', 'unknown']).toContain(r.state);
      }
      const unknown = rows.filter((r) => r.state === 'unknown').length;
      expect(kills).toBeGreaterThanOrEqual(KILLS);
      // Each kill can strand at most the messages in flight (concurrency 16).
      expect(unknown).toBeLessThanOrEqual(kills * 16);
      process.stderr.write(`kill test: ${runs} runs, ${kills} kills, ${simulator.received.length} received, ${unknown} unknown, ${final.json.sent} sent by the last run\n`);
    } finally {
      await closeApp(app);
    }
  }, 600_000);
});
