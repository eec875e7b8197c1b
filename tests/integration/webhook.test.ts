import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureSimulatorGateway, saveGateway, startSimulator, stopBuiltInSimulator, type RunningSimulator } from '../../main/gateways/index.js';
import { dispatchOutbox } from '../../main/reminders/dispatcher.js';
import { type RunningServer, startServer } from '../../main/server/index.js';
import { testEngines } from '../support/engines.js';
import { seedOutbox } from '../support/outbox-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const APP_SECRET = 'meta-app-secret-for-tests';
const VERIFY_TOKEN = 'verify-me';

describe.each(testEngines())('WhatsApp webhook (%s)', (engine) => {
  let t: TestApp;
  let server: RunningServer;
  let simulator: RunningSimulator;

  afterEach(async () => {
    await simulator?.close();
    await server?.close();
    await t?.close();
  });

  async function setup(simulatorOptions: Parameters<typeof startSimulator>[0] = {}) {
    t = await createTestApp(engine);
    server = await startServer(t.app, { port: 0 });
    simulator = await startSimulator({ webhookUrl: `${server.url}webhooks/whatsapp`, appSecret: APP_SECRET, statusDelayMs: 20, seed: 3, ...simulatorOptions });
    await saveGateway(t.app.ledger.db, t.app.location.dataDir, { channel: 'whatsapp', kind: 'simulator', config: { baseUrl: simulator.url, ratePerSecond: 0 }, secrets: { appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN } }, 'test', t.clock.now());
  }

  const post = (body: string, signature: string) =>
    fetch(`${server.url}webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body });
  const sign = (body: string) => `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}`;
  const statuses = (...items: Record<string, unknown>[]) => JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: { statuses: items } }] }] });

  it('answers Meta’s subscription check only with the right verify token', async () => {
    await setup();
    const ok = await fetch(`${server.url}webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await fetch(`${server.url}webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`);
    expect(wrong.status).toBe(403);
  });

  it('refuses a notification with a bad signature and changes nothing', async () => {
    // The simulator's own signed statuses would arrive meanwhile: only ours may reach the server.
    await setup({ webhookUrl: null });
    const [id] = await seedOutbox(t.app.ledger.db, 1);
    await dispatchOutbox(t.app);
    const before = await t.app.ledger.db.selectFrom('outbox').selectAll().where('id', '=', id as number).executeTakeFirstOrThrow();
    const body = statuses({ id: before.gateway_message_id, status: 'read', timestamp: '1763860000', biz_opaque_callback_data: String(id) });
    expect((await post(body, 'sha256=' + '0'.repeat(64))).status).toBe(401);
    expect((await post(body, '')).status).toBe(401);
    expect((await post(`${body} `, sign(body))).status).toBe(401);
    const after = await t.app.ledger.db.selectFrom('outbox').select(['state', 'read_at']).where('id', '=', id as number).executeTakeFirstOrThrow();
    expect(after.read_at).toBeNull();
  });

  it('ends in read when read arrives before delivered, and a late failed does not undo it', async () => {
    await setup({ webhookUrl: null });
    const [id] = await seedOutbox(t.app.ledger.db, 1);
    await dispatchOutbox(t.app);
    const { gateway_message_id: wamid } = await t.app.ledger.db.selectFrom('outbox').select('gateway_message_id').where('id', '=', id as number).executeTakeFirstOrThrow();
    for (const [status, ts] of [['read', '1763860030'], ['delivered', '1763860020'], ['sent', '1763860010'], ['failed', '1763860040']] as const) {
      const body = statuses({ id: wamid, status, timestamp: ts, biz_opaque_callback_data: String(id), ...(status === 'failed' ? { errors: [{ code: 131026, title: 'Message undeliverable' }] } : {}) });
      expect((await post(body, sign(body))).status).toBe(200);
    }
    const row = await t.app.ledger.db.selectFrom('outbox').selectAll().where('id', '=', id as number).executeTakeFirstOrThrow();
    expect(row.state).toBe('read');
    expect(row.read_at).toBe(new Date(1763860030_000).toISOString());
    expect(row.delivered_at).not.toBeNull();
    const events = await t.app.ledger.db.selectFrom('message_events').select('state').where('outbox_id', '=', id as number).orderBy('id').execute();
    expect(events.map((e) => e.state)).toEqual(['sending', 'sent', 'read', 'delivered', 'sent', 'failed']);
  });

  it('follows the simulator’s signed statuses to delivered and read', async () => {
    await setup({ readRate: 1 });
    const ids = await seedOutbox(t.app.ledger.db, 20);
    const result = await dispatchOutbox(t.app);
    expect(result.sent).toBe(20);
    await waitFor(async () => {
      const read = await t.app.ledger.db.selectFrom('outbox').select('id').where('state', '=', 'read').execute();
      return read.length === ids.length;
    });
    expect(simulator.duplicates()).toBe(0);
  });

  it('a new install sends to the built-in simulator, whose statuses come back to serve', async () => {
    t = await createTestApp(engine);
    server = await startServer(t.app, { port: 0 });
    const builtIn = await ensureSimulatorGateway(t.app, server.url);
    try {
      await seedOutbox(t.app.ledger.db, 3);
      expect(await dispatchOutbox(t.app)).toMatchObject({ sent: 3 });
      expect(builtIn?.received).toHaveLength(3);
      await waitFor(async () => (await t.app.ledger.db.selectFrom('outbox').select('id').where('state', '=', 'read').execute()).length === 3);
    } finally {
      await stopBuiltInSimulator();
    }
  });

  it('opts a taxpayer out on BERHENTI and cancels the queued message to that number', async () => {
    await setup({ webhookUrl: null });
    const ids = await seedOutbox(t.app.ledger.db, 2);
    const { recipient } = await t.app.ledger.db.selectFrom('outbox').select('recipient').where('id', '=', ids[0] as number).executeTakeFirstOrThrow();
    const inbound = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: { messages: [{ from: recipient.slice(1), id: 'wamid.IN1', timestamp: '1763860000', type: 'text', text: { body: ' Berhenti ' } }] } }] }] });
    expect((await post(inbound, sign(inbound))).status).toBe(200);
    const result = await dispatchOutbox(t.app);
    expect(result).toMatchObject({ sent: 1, cancelled: 1 });
    const row = await t.app.ledger.db.selectFrom('outbox').select(['state', 'error_code']).where('id', '=', ids[0] as number).executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'cancelled', error_code: 'opted_out' });
    expect(simulator.received.map((m) => m.ref)).toEqual([String(ids[1])]);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
