import { type ChildProcess, spawn } from 'node:child_process';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../main/gateways/index.js';
import { acquireDispatchLease } from '../../main/reminders/dispatch-lease.js';
import { dispatchOutbox } from '../../main/reminders/dispatcher.js';
import { runCli, SIPEKA_BIN } from '../support/cli.js';
import { testEngines } from '../support/engines.js';
import { seedOutbox, useSimulator } from '../support/outbox-fixture.js';
import { createTestApp, seedUsers, type TestApp } from '../support/test-app.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testEngines())('one dispatcher per ledger (%s)', (engine) => {
  let t: TestApp;
  let simulator: RunningSimulator | null = null;
  const children: ChildProcess[] = [];

  afterEach(async () => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    await simulator?.close();
    simulator = null;
    await t?.close();
  });

  const now = () => t.clock.now();

  it('refuses a second dispatcher while the lease is held, naming its host, pid and start', async () => {
    t = await createTestApp(engine);
    const first = await acquireDispatchLease(t.app.ledger.db, { now, host: 'pc-penagihan-1', pid: 4242, isAlive: () => true });
    await expect(acquireDispatchLease(t.app.ledger.db, { now, host: 'pc-penagihan-2', pid: 777 })).rejects.toMatchObject({
      code: 'DISPATCH_LEASE_HELD',
      params: { host: 'pc-penagihan-1', pid: '4242', since: '2026-11-23T01:00:00.000Z' },
    });
    await first.release();
    const second = await acquireDispatchLease(t.app.ledger.db, { now, host: 'pc-penagihan-2', pid: 777 });
    await second.release();
  });

  it('lets another PC take over a lease whose holder stopped renewing it, and tells the old holder it lost it', async () => {
    t = await createTestApp(engine);
    const stalled = await acquireDispatchLease(t.app.ledger.db, { now, ttlMs: 1000, host: 'pc-penagihan-1', pid: 4242 });
    t.clock.advance(999);
    await expect(acquireDispatchLease(t.app.ledger.db, { now, ttlMs: 1000, host: 'pc-penagihan-2', pid: 777 })).rejects.toMatchObject({ code: 'DISPATCH_LEASE_HELD' });
    t.clock.advance(1);
    const next = await acquireDispatchLease(t.app.ledger.db, { now, ttlMs: 1000, host: 'pc-penagihan-2', pid: 777 });
    // The stalled holder's next renewal (every ttl/3) finds the lease gone.
    await expect.poll(() => stalled.lost, { timeout: 2000 }).toBe(true);
    expect(next.lost).toBe(false);
    await stalled.release();
    // Releasing a lost lease leaves the new holder's alone.
    await expect(acquireDispatchLease(t.app.ledger.db, { now, host: 'pc-penagihan-3', pid: 1 })).rejects.toMatchObject({ params: { host: 'pc-penagihan-2' } });
    await next.release();
  });

  it('takes over at once from a dead process on the same host, without waiting for the expiry', async () => {
    t = await createTestApp(engine);
    await acquireDispatchLease(t.app.ledger.db, { now, host: os.hostname(), pid: 4242, isAlive: () => true });
    const taken = await acquireDispatchLease(t.app.ledger.db, { now, host: os.hostname(), pid: 4343, isAlive: (pid) => pid !== 4242 });
    await taken.release();
  });

  it('keeps a renewed lease past its first expiry while dispatching, and releases it at the end', async () => {
    t = await createTestApp(engine);
    const lease = await acquireDispatchLease(t.app.ledger.db, { now, ttlMs: 300, host: 'pc-penagihan-1', pid: 4242 });
    for (let i = 0; i < 5; i += 1) {
      t.clock.advance(100);
      await sleep(120);
    }
    await expect(acquireDispatchLease(t.app.ledger.db, { now, host: 'pc-penagihan-2', pid: 777 })).rejects.toMatchObject({ code: 'DISPATCH_LEASE_HELD' });
    expect(lease.lost).toBe(false);
    await lease.release();
    expect(await t.app.ledger.db.selectFrom('dispatch_leases').selectAll().execute()).toEqual([]);
  });

  it('refuses dispatchOutbox in this process while another holds the lease, before touching any message', async () => {
    t = await createTestApp(engine);
    await seedOutbox(t.app.ledger.db, 3);
    await t.app.ledger.db.updateTable('outbox').set({ state: 'sending' }).where('id', '=', 1).execute();
    const other = await acquireDispatchLease(t.app.ledger.db, { now, host: 'pc-penagihan-2', pid: 777 });
    await expect(dispatchOutbox(t.app)).rejects.toMatchObject({ code: 'DISPATCH_LEASE_HELD' });
    // The other dispatcher's in-flight message stays `sending`, not `unknown`.
    expect((await t.app.ledger.db.selectFrom('outbox').select('state').where('id', '=', 1).executeTakeFirstOrThrow()).state).toBe('sending');
    await other.release();
  });

  it('shows officers a dispatch running in another process, and refuses to start a second one from the screen', async () => {
    t = await createTestApp(engine);
    await seedUsers(t);
    const officer = t.client();
    await officer.login('officer', 'rahasia-officer');
    expect(await officer.call('dispatch.status', {})).toEqual({ job: null, paused: false, elsewhere: null });
    const other = await acquireDispatchLease(t.app.ledger.db, { now, host: 'server-kantor', pid: 31337 });
    expect((await officer.call('dispatch.status', {})).elsewhere).toEqual({ host: 'server-kantor', pid: 31337, since: '2026-11-23T01:00:00.000Z' });
    await expect(officer.call('dispatch.start', { untilEmpty: true })).rejects.toMatchObject({ code: 'DISPATCH_LEASE_HELD', params: { host: 'server-kantor', pid: '31337' } });
    await other.release();
    expect((await officer.call('dispatch.status', {})).elsewhere).toBeNull();
  });

  it('refuses a second `sipeka dispatch` process while one sends, and the next one takes over after a SIGKILL', async () => {
    t = await createTestApp(engine);
    // 400 messages at 40/s: the first process sends for about ten seconds.
    simulator = await startSimulator({ seed: 3, rateLimit: 0 });
    await seedOutbox(t.app.ledger.db, 400);
    await useSimulator(t.app.ledger.db, simulator.url, { ratePerSecond: 40 });
    const env = { ...process.env, SIPEKA_DATA_DIR: t.database.dir };
    const first = spawn(process.execPath, [SIPEKA_BIN, ...t.database.flags, '--json', 'dispatch', '--until-empty'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(first);
    const sim = simulator;
    await expect.poll(() => sim.received.length, { timeout: 30_000, interval: 50 }).toBeGreaterThan(0);

    const second = await runCli([...t.database.flags, '--json', 'dispatch', '--until-empty'], { env: { SIPEKA_DATA_DIR: t.database.dir } });
    expect(second.code).toBe(1);
    const error = second.json().error;
    expect(error.code).toBe('DISPATCH_LEASE_HELD');
    expect(error.message_en).toContain(`Dispatch is already running on ${os.hostname()} (pid ${first.pid}) since 20`);
    expect(second.stderr).toContain(`Pengiriman sudah berjalan di ${os.hostname()}`);

    const exited = new Promise((resolve) => first.on('exit', resolve));
    first.kill('SIGKILL');
    await exited;
    const sentBeforeKill = sim.received.length;
    expect(sentBeforeKill).toBeLessThan(400);

    const third = await runCli([...t.database.flags, '--json', 'dispatch', '--until-empty'], { env: { SIPEKA_DATA_DIR: t.database.dir } });
    expect(third.code, third.stderr).toBe(0);
    const result = third.json();
    expect(result.sent + result.interrupted + result.confirmed).toBeGreaterThan(0);
    expect(sim.duplicates()).toBe(0);
    const left = await t.app.ledger.db.selectFrom('outbox').select('id').where('state', 'in', ['queued', 'sending']).execute();
    expect(left).toEqual([]);
    expect(await t.app.ledger.db.selectFrom('dispatch_leases').selectAll().execute()).toEqual([]);
  }, 120_000);
});
