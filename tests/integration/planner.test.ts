import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync, type SnapshotBill, type SyncSource } from '../../main/ledger/index.js';
import { planReminders } from '../../main/reminders/index.js';
import { runScheduledPlan } from '../../main/reminders/schedule.js';
import { addDays } from '../../main/reminders/stages.js';
import { testEngines } from '../support/engines.js';
import { snapshotBill } from '../support/snapshot-bill.js';
import { createTestApp, seedUsers, type TestApp, type TestClient } from '../support/test-app.js';

/** 08:00 WIB on a day. */
const morning = (day: string) => `${day}T01:00:00.000Z`;

function taxpayerBill(n: number, kodeBayar: string, over: Partial<SnapshotBill> = {}): SnapshotBill {
  return snapshotBill(kodeBayar, {
    npwpd: `P.2.01000${String(n).padStart(2, '0')}.16.02`,
    namaWp: `Rumah Makan Nomor ${n}`,
    namaObjek: `RM ${n}`,
    rawPhone: `08123456${String(n).padStart(4, '0')}`,
    ...over,
  });
}

async function sync(t: TestApp, bills: SnapshotBill[], tag: string): Promise<void> {
  const source: SyncSource = { fileName: `${tag}.xlsx`, sha256: tag, sheet: 'Daftar Ketetapan', mapping: {}, bills, finish: () => ({ rowsRead: bills.length, duplicates: 0, rejects: [] }) };
  await runSync(t.app.ledger.db, source, { dryRun: false, actor: 'test', now: t.clock.now() });
}

async function approveAllTemplates(t: TestApp): Promise<void> {
  await t.app.ledger.db.updateTable('templates').set({ status: 'approved', meta_status: 'approved', decided_by: 'head', decided_at: t.clock.now().toISOString() }).execute();
}

interface Sent {
  npwpd: string;
  stage: string;
  planDate: string;
  notBefore: string;
  channel: string;
  billIds: number[];
  body: string;
}

async function outbox(t: TestApp): Promise<Sent[]> {
  const rows = await t.app.ledger.db
    .selectFrom('outbox')
    .innerJoin('taxpayers', 'taxpayers.id', 'outbox.taxpayer_id')
    .select(['taxpayers.npwpd', 'outbox.stage', 'outbox.plan_date', 'outbox.not_before', 'outbox.channel', 'outbox.bill_ids', 'outbox.body'])
    // Payment thank-yous have their own tests (thank-you.test.ts); these follow the reminder stages.
    .where('outbox.kind', '=', 'reminder')
    .orderBy('outbox.id')
    .execute();
  return rows.map((r) => ({ npwpd: r.npwpd ?? '', stage: r.stage, planDate: r.plan_date, notBefore: r.not_before, channel: r.channel, billIds: JSON.parse(r.bill_ids) as number[], body: r.body }));
}

const stagesOf = (sent: Sent[], n: number) => sent.filter((s) => s.npwpd === `P.2.01000${String(n).padStart(2, '0')}.16.02`).map((s) => `${s.stage} ${s.planDate}`);

describe.each(testEngines())('the reminder planner on %s', (engine) => {
  describe('over a simulated month and a half', () => {
    let t: TestApp;
    let officer: TestClient;
    const start = '2026-11-30'; // a Monday
    const ledger = (paidE: boolean) => [
      taxpayerBill(1, 'KB-A', { dueDate: '2026-12-14' }), // due in 14 days
      taxpayerBill(2, 'KB-B', { dueDate: '2026-12-07' }), // due in 7 days
      taxpayerBill(3, 'KB-C', { dueDate: '2026-12-03' }), // due in 3 days
      taxpayerBill(4, 'KB-D', { dueDate: '2026-11-29' }), // overdue since yesterday
      taxpayerBill(5, 'KB-E', { dueDate: '2026-12-14', status: paidE ? 'paid' : 'unpaid', paidDate: paidE ? '2026-12-08' : null }),
      // Three bills of one taxpayer due the same day: one message.
      taxpayerBill(6, 'KB-F1', { dueDate: '2026-12-10', principal: 100_000 }),
      taxpayerBill(6, 'KB-F2', { dueDate: '2026-12-10', principal: 200_000, namaObjek: 'RM 6 Cabang' }),
      taxpayerBill(6, 'KB-F3', { dueDate: '2026-12-10', principal: 300_000, namaObjek: 'RM 6 Pasar' }),
      taxpayerBill(7, 'KB-G', { dueDate: '2026-12-14', rawPhone: null }), // nobody to message
      taxpayerBill(8, 'KB-H', { dueDate: '2026-12-28' }), // H-3 falls on Christmas
      taxpayerBill(9, 'KB-O', { dueDate: '2026-12-14' }), // opted out
    ];
    const pagedDryRuns: unknown[] = [];
    const runs: { day: string; runId: number; planned: number; again: number; skipped: Record<string, number> }[] = [];

    beforeAll(async () => {
      t = await createTestApp(engine);
      t.clock.set(morning(start));
      await seedUsers(t);
      officer = t.client();
      await officer.login('officer', 'rahasia-officer');
      await approveAllTemplates(t);
      await sync(t, ledger(false), 'v1');
      await t.app.ledger.db.insertInto('opt_outs').values({ phone: '+6281234560009', at: t.clock.now().toISOString(), source: 'reply', text: 'STOP' }).execute();
      await officer.call('reminders.addHoliday', { day: '2026-12-25', name: 'Hari Raya Natal' });
      for (const pageRows of [1, 2, undefined]) {
        pagedDryRuns.push(await planReminders(t.app.ledger.db, { actor: 'test', now: t.clock.now(), dryRun: true, pageRows }));
      }
      for (let day = start; day <= '2027-01-14'; day = addDays(day, 1)) {
        t.clock.set(morning(day));
        if (day === '2026-12-08') await sync(t, ledger(true), 'v2');
        await officer.login('officer', 'rahasia-officer');
        const first = await officer.call('reminders.plan', {});
        const again = await officer.call('reminders.plan', {});
        runs.push({ day, runId: first.plan_run_id ?? 0, planned: first.planned, again: again.planned, skipped: first.skipped });
      }
    }, 240_000);
    afterAll(async () => {
      await t.close();
    });

    it('gives bills due in 14, 7, 3 days and overdue exactly their stages, each once', async () => {
      const sent = await outbox(t);
      expect(stagesOf(sent, 1)).toEqual(['H-14 2026-11-30', 'H-7 2026-12-07', 'H-3 2026-12-11', 'H+1 2026-12-15', 'H+7 2026-12-21', 'H+30 2027-01-13']);
      expect(stagesOf(sent, 2)).toEqual(['H-7 2026-11-30', 'H-3 2026-12-04', 'H+1 2026-12-08', 'H+7 2026-12-14', 'H+30 2027-01-06']);
      expect(stagesOf(sent, 3)).toEqual(['H-3 2026-11-30', 'H+1 2026-12-04', 'H+7 2026-12-10', 'H+30 2027-01-02']);
      expect(stagesOf(sent, 4)).toEqual(['H+1 2026-11-30', 'H+7 2026-12-06', 'H+30 2026-12-29']);
      expect(sent.every((s) => s.channel === 'whatsapp')).toBe(true);
    });

    it('plans nothing new when the planner runs twice', () => {
      expect(runs.every((r) => r.again === 0)).toBe(true);
      expect(runs.find((r) => r.day === start)?.planned).toBe(6);
    });

    it('stops reminding a bill once it is paid, and reports the reminder it saved', async () => {
      const sent = await outbox(t);
      expect(stagesOf(sent, 5)).toEqual(['H-14 2026-11-30', 'H-7 2026-12-07']);
      expect(runs.find((r) => r.day === '2026-12-11')?.skipped.paid).toBe(1);
    });

    it('plans the same whatever the page size: a taxpayer is never split between pages', () => {
      expect(pagedDryRuns[0]).toMatchObject({ planned: 6 });
      expect(pagedDryRuns[1]).toEqual(pagedDryRuns[0]);
      expect(pagedDryRuns[2]).toEqual(pagedDryRuns[0]);
    });

    it('sends several bills of one taxpayer due the same day in one message', async () => {
      const f = (await outbox(t)).filter((s) => s.npwpd === 'P.2.0100006.16.02');
      expect(f.map((s) => s.stage)).toEqual(['H-14', 'H-7', 'H-3', 'H+1', 'H+7', 'H+30']);
      for (const message of f) expect(message.billIds).toHaveLength(3);
      expect(f[0]?.body).toContain('dan 1 tagihan lain');
      expect(f[0]?.body).toContain('Rp 600.000');
    });

    it('skips taxpayers nobody can reach or who opted out, with the reason', async () => {
      const sent = await outbox(t);
      expect(stagesOf(sent, 7)).toEqual([]);
      expect(stagesOf(sent, 9)).toEqual([]);
      const first = runs.find((r) => r.day === start);
      expect(first?.skipped).toMatchObject({ no_contact: 1, opted_out: 1 });
      const skips = await t.app.ledger.db.selectFrom('reminder_skips').select(['reason', 'stage']).where('plan_run_id', '=', first?.runId ?? 0).orderBy('reason').execute();
      expect(skips).toEqual([
        { reason: 'no_contact', stage: 'H-14' },
        { reason: 'opted_out', stage: 'H-14' },
      ]);
    });

    it('shifts sending off Sundays and holidays into the next working morning', async () => {
      const sent = await outbox(t);
      const sunday = sent.find((s) => s.npwpd === 'P.2.0100004.16.02' && s.stage === 'H+7');
      expect(sunday?.planDate).toBe('2026-12-06');
      expect(sunday?.notBefore).toBe('2026-12-07T01:00:00.000Z');
      const christmas = sent.find((s) => s.npwpd === 'P.2.0100008.16.02' && s.stage === 'H-3');
      expect(christmas?.planDate).toBe('2026-12-25');
      expect(christmas?.notBefore).toBe('2026-12-26T01:00:00.000Z');
      const weekday = sent.find((s) => s.npwpd === 'P.2.0100001.16.02' && s.stage === 'H-7');
      expect(weekday?.notBefore).toBe('2026-12-07T01:00:00.000Z');
    });

    it('records each run with its counts', async () => {
      const { runs: recorded } = await officer.call('reminders.planRuns', { limit: 500 });
      expect(recorded).toHaveLength(runs.length * 2);
      expect(recorded.at(-1)).toMatchObject({ planDate: start, planned: 6, actor: 'officer' });
    });
  });

  describe('after downtime', () => {
    let t: TestApp;
    const bills = [
      taxpayerBill(11, 'KB-S', { dueDate: '2026-12-05' }),
      taxpayerBill(12, 'KB-U', { dueDate: '2026-12-03' }),
      taxpayerBill(13, 'KB-V', { dueDate: '2026-11-27' }),
    ];
    // Added to the ledger while the planner was down: H-14, H-7 and H-3 all passed unplanned.
    const late = taxpayerBill(14, 'KB-W', { dueDate: '2026-12-06' });

    beforeAll(async () => {
      t = await createTestApp(engine);
      t.clock.set(morning('2026-12-01'));
      await approveAllTemplates(t);
      await sync(t, bills, 'v1');
    });
    afterAll(async () => {
      await t.close();
    });

    it('catches up with only the latest stage that still applies, never a burst', async () => {
      expect((await runScheduledPlan(t.app))?.planned).toBe(3);
      // Down from 2 to 4 December.
      await sync(t, [...bills, late], 'v2');
      t.clock.set(morning('2026-12-05'));
      const restart = await runScheduledPlan(t.app);
      expect(restart?.planned).toBe(4);
      const sent = await outbox(t);
      expect(stagesOf(sent, 11)).toEqual(['H-7 2026-12-01', 'H-3 2026-12-05']);
      expect(stagesOf(sent, 12)).toEqual(['H-3 2026-12-01', 'H+1 2026-12-05']);
      expect(stagesOf(sent, 13)).toEqual(['H+1 2026-12-01', 'H+7 2026-12-05']);
      expect(stagesOf(sent, 14)).toEqual(['H-3 2026-12-05']);
    });

    it('runs the daily plan once, at the configured time', async () => {
      t.clock.set('2026-12-07T00:59:00.000Z'); // 07:59 WIB
      expect(await runScheduledPlan(t.app)).toBeNull();
      t.clock.set('2026-12-07T01:00:00.000Z');
      expect((await runScheduledPlan(t.app))?.date).toBe('2026-12-07');
      t.clock.set('2026-12-07T05:00:00.000Z');
      expect(await runScheduledPlan(t.app)).toBeNull();
    });

    it('changes nothing on a dry run', async () => {
      t.clock.set(morning('2026-12-10'));
      const before = await outbox(t);
      const runsBefore = await t.app.ledger.db.selectFrom('plan_runs').select('id').execute();
      const dry = await t.client().call('reminders.plan', { dryRun: true }).catch((e: unknown) => e);
      expect(dry).toBeInstanceOf(Error); // not signed in
      const result = await planReminders(t.app.ledger.db, { dryRun: true, actor: 'test', now: t.clock.now() });
      expect(result.dry_run).toBe(true);
      expect(result.planned).toBeGreaterThan(0);
      expect(await outbox(t)).toEqual(before);
      expect(await t.app.ledger.db.selectFrom('plan_runs').select('id').execute()).toEqual(runsBefore);
    });
  });
});
