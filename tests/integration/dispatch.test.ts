import { afterEach, describe, expect, it } from 'vitest';
import { type Gateway, GatewayError, gatewayConfigSchema, type ResolvedGateway, type RunningSimulator, startSimulator } from '../../main/gateways/index.js';
import { dispatchOutbox } from '../../main/reminders/dispatcher.js';
import { runCli } from '../support/cli.js';
import { testEngines } from '../support/engines.js';
import { seedOutbox, useSimulator } from '../support/outbox-fixture.js';
import { createTestApp, seedUsers, type TestApp } from '../support/test-app.js';

describe.each(testEngines())('dispatcher (%s)', (engine) => {
  let t: TestApp;
  let simulator: RunningSimulator | null = null;

  afterEach(async () => {
    await simulator?.close();
    simulator = null;
    await t?.close();
  });

  async function withSimulator(options: Parameters<typeof startSimulator>[0] = {}, config: Record<string, unknown> = {}) {
    t = await createTestApp(engine);
    simulator = await startSimulator({ seed: 1, ...options });
    await useSimulator(t.app.ledger.db, simulator.url, config);
    return simulator;
  }

  const states = async () => (await t.app.ledger.db.selectFrom('outbox').select(['id', 'state', 'attempts', 'error_code']).orderBy('id').execute());

  /** A gateway answering from a script, one answer per call. */
  function scripted(answers: (string | GatewayError)[]): { calls: string[]; gateways: (channel: 'whatsapp' | 'sms') => Promise<ResolvedGateway> } {
    const calls: string[] = [];
    const gateway: Gateway = {
      name: 'scripted',
      async send(message) {
        calls.push(message.ref);
        const answer = answers.shift() ?? 'wamid.OK';
        if (answer instanceof GatewayError) throw answer;
        return { id: answer };
      },
    };
    const config = gatewayConfigSchema.parse({ ratePerSecond: 0, maxAttempts: 3 });
    return { calls, gateways: async (channel) => ({ channel, kind: 'simulator', config, gateway, appSecret: null, verifyToken: null }) };
  }

  it('sends each queued message once, as a template with its parameters in order', async () => {
    const sim = await withSimulator();
    const ids = await seedOutbox(t.app.ledger.db, 30);
    const result = await dispatchOutbox(t.app);
    expect(result).toMatchObject({ sent: 30, failed: 0, retried: 0, unknown: 0 });
    expect(await dispatchOutbox(t.app)).toMatchObject({ sent: 0 });
    expect(sim.received).toHaveLength(30);
    expect(sim.duplicates()).toBe(0);
    const first = sim.received.find((m) => m.ref === String(ids[0]));
    expect(first?.parameters).toEqual(['Warung Uji 0', 'Pajak Restoran', 'Rp 1000000', '30-11-2026']);
    expect((await states()).every((r) => r.state === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('skips a message whose bill was paid after planning', async () => {
    const sim = await withSimulator();
    const ids = await seedOutbox(t.app.ledger.db, 3, { paid: (i) => i === 1 });
    expect(await dispatchOutbox(t.app)).toMatchObject({ sent: 2, cancelled: 1 });
    expect(sim.received.map((m) => m.ref)).not.toContain(String(ids[1]));
    expect((await states())[1]).toMatchObject({ state: 'cancelled', error_code: 'bill_paid' });
  });

  it('retries a transient error with backoff, and fails a permanent one at once', async () => {
    t = await createTestApp(engine);
    const ids = await seedOutbox(t.app.ledger.db, 2);
    const { calls, gateways } = scripted([new GatewayError('transient', 'HTTP_503', 'busy'), new GatewayError('permanent', '131026', 'Message undeliverable', 'not_on_whatsapp')]);
    expect(await dispatchOutbox(t.app, { gateways, concurrency: 1 })).toMatchObject({ sent: 0, retried: 1, failed: 1 });
    const [retried, failed] = await states();
    expect(retried).toMatchObject({ state: 'queued', attempts: 1, error_code: 'HTTP_503' });
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, error_code: '131026' });
    // Not before its backoff has passed…
    expect(await dispatchOutbox(t.app, { gateways })).toMatchObject({ sent: 0 });
    t.clock.advance(5_000);
    expect(await dispatchOutbox(t.app, { gateways })).toMatchObject({ sent: 1 });
    expect(calls).toEqual([String(ids[0]), String(ids[1]), String(ids[0])]);
  });

  it('gives up on transient errors after the last attempt', async () => {
    t = await createTestApp(engine);
    await seedOutbox(t.app.ledger.db, 1);
    const busy = () => new GatewayError('transient', '130429', 'Rate limit hit');
    const { gateways } = scripted([busy(), busy(), busy()]);
    for (let i = 0; i < 3; i++) {
      await dispatchOutbox(t.app, { gateways });
      t.clock.advance(600_000);
    }
    expect((await states())[0]).toMatchObject({ state: 'failed', attempts: 3, error_code: '130429' });
  });

  it('never resends a message left sending by a crash: it becomes unknown, or sent when the gateway has it', async () => {
    const sim = await withSimulator();
    const ids = await seedOutbox(t.app.ledger.db, 3);
    // A crashed run: message 0 reached the gateway, message 1 did not, both left `sending`.
    await fetch(`${sim.url}/v21.0/SIMULATOR/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ to: '6281300000001', type: 'template', template: { name: 'x' }, biz_opaque_callback_data: String(ids[0]) }) });
    await t.app.ledger.db.updateTable('outbox').set({ state: 'sending', attempts: 1 }).where('id', 'in', [ids[0] as number, ids[1] as number]).execute();
    const result = await dispatchOutbox(t.app);
    expect(result).toMatchObject({ interrupted: 2, confirmed: 1, sent: 1 });
    expect((await states()).map((r) => r.state)).toEqual(['sent', 'unknown', 'sent']);
    expect(sim.duplicates()).toBe(0);
    expect(sim.received.map((m) => m.ref)).toEqual([String(ids[0]), String(ids[2])]);
    // An officer checked: the taxpayer never got message 1, so it goes again.
    await seedUsers(t);
    const officer = t.client();
    await officer.login('officer', 'rahasia-officer');
    await expect(officer.call('messages.resolve', { id: ids[0] as number, decision: 'requeue' })).rejects.toMatchObject({ code: 'MESSAGE_NOT_UNKNOWN' });
    expect(await officer.call('messages.resolve', { id: ids[1] as number, decision: 'requeue', note: 'ditelepon: belum terima' })).toEqual({ id: ids[1], state: 'queued' });
    expect(await dispatchOutbox(t.app)).toMatchObject({ sent: 1 });
    expect(sim.received.map((m) => m.ref)).toEqual([String(ids[0]), String(ids[2]), String(ids[1])]);
  });

  it('stops at the daily cap of unique recipients', async () => {
    const sim = await withSimulator({}, { dailyCap: 5 });
    await seedOutbox(t.app.ledger.db, 8);
    expect(await dispatchOutbox(t.app, { concurrency: 1 })).toMatchObject({ sent: 5, stopped: 'daily_cap' });
    expect(sim.received).toHaveLength(5);
  });

  it('runs as a job an officer can pause, resume and cancel', async () => {
    await withSimulator({}, { ratePerSecond: 20 });
    await seedUsers(t);
    const officer = t.client();
    await officer.login('officer', 'rahasia-officer');
    await seedOutbox(t.app.ledger.db, 200);
    const job = await officer.call('dispatch.start', {});
    await expect(officer.call('dispatch.start', {})).rejects.toMatchObject({ code: 'DISPATCH_RUNNING' });
    expect((await officer.call('dispatch.pause', {})).paused).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    const pausedAt = (await officer.call('messages.summary', {})).byState.sent;
    await new Promise((r) => setTimeout(r, 300));
    expect((await officer.call('messages.summary', {})).byState.sent).toBeLessThanOrEqual(pausedAt + 16);
    await officer.call('dispatch.resume', {});
    await new Promise((r) => setTimeout(r, 300));
    await officer.call('dispatch.cancel', {});
    const done = await t.app.jobs.wait(job.id);
    expect(done.state).toBe('cancelled');
    const summary = await officer.call('messages.summary', {});
    expect(summary.byState.sent).toBeGreaterThan(0);
    expect(summary.byState.sent).toBeLessThan(200);
    expect(summary.byState.sending).toBe(0);
    const audit = await t.app.ledger.db.selectFrom('audit_log').select('action').where('action', 'like', 'dispatch.%').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['dispatch.cancel', 'dispatch.pause', 'dispatch.resume', 'dispatch.start']);
  });

  it('dispatches from the command line and lists the messages', async () => {
    await withSimulator();
    await seedOutbox(t.app.ledger.db, 5);
    const flags = t.database.flags;
    const env = { SIPEKA_DATA_DIR: t.database.dir };
    const run = await runCli([...flags, '--json', 'dispatch', '--until-empty'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ sent: 5, failed: 0, retried: 0, unknown: 0 });
    expect(Object.keys(run.json())).toEqual(expect.arrayContaining(['sent', 'failed', 'retried', 'unknown', 'rate_per_s']));
    const list = await runCli([...flags, '--json', 'messages', 'list', '--state', 'sent', '--npwpd', 'P.TEST.3'], { env });
    expect(list.json().messages).toHaveLength(1);
    expect(list.json().messages[0]).toMatchObject({ npwpd: 'P.TEST.3', state: 'sent', attempts: 1 });
    const summary = await runCli([...flags, '--json', 'messages', 'summary'], { env });
    expect(summary.json()).toMatchObject({ total: 5, byState: { sent: 5 } });
  });

  it('configures a gateway from the command line, never printing its secret, and sends a test message through it', async () => {
    t = await createTestApp(engine);
    simulator = await startSimulator({ seed: 1 });
    const flags = t.database.flags;
    const secret = 'rahasia-aplikasi-meta-123';
    const env = { SIPEKA_DATA_DIR: t.database.dir, SIPEKA_GATEWAY_APP_SECRET: secret };
    const set = await runCli([...flags, '--json', 'gateway', 'set', 'whatsapp', '--kind', 'simulator', '--base-url', simulator.url, '--rate', '10'], { env });
    expect(set.code, set.stderr).toBe(0);
    expect(set.json()).toMatchObject({ channel: 'whatsapp', kind: 'simulator' });
    expect(set.json().secretsSet).toContain('appSecret');
    expect(set.stdout + set.stderr).not.toContain(secret);
    const test = await runCli([...flags, '--json', 'gateway', 'test', 'whatsapp', '--to', '+6281234567891'], { env });
    expect(test.code, test.stderr).toBe(0);
    expect(test.json().id).toMatch(/^wamid\./);
    expect(simulator.received).toHaveLength(1);
  });
});
