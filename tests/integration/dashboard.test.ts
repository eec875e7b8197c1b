import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { MESSAGES_MAX_AGE_MS, rollupsSettled, setRollupPolicy } from '../../main/dashboard/rollups.js';
import type { Database } from '../../main/db/schema.js';
import { runSync, type SnapshotBill, type SyncSource } from '../../main/ledger/index.js';
import { testEngines } from '../support/engines.js';
import { snapshotBill } from '../support/snapshot-bill.js';
import { createTestApp, seedUsers, type TestApp, type TestClient } from '../support/test-app.js';

/**
 * The dashboard's figures against values computed by hand on a small fixed ledger, seen on
 * Monday 23 November 2026 (WIB). Taxpayer A lives in Kayuagung with a WhatsApp number; B in
 * Tanjung Lubuk without any number.
 */
const A = { npwpd: 'P.2.0100001.16.02', namaWp: 'Rumah Makan Pindang', kecamatan: 'Kayuagung', rawPhone: '0812-3456-7890' };
const B = { npwpd: 'P.2.0100002.16.02', namaWp: 'Hotel Sriwijaya', kecamatan: 'Tanjung Lubuk', rawPhone: '-' };

const AGING_LEDGER: SnapshotBill[] = [
  // Days overdue on 2026-11-23 sit on both sides of each bucket boundary.
  snapshotBill('D30', { ...A, dueDate: '2026-10-24', principal: 100_000 }),
  snapshotBill('D31', { ...A, dueDate: '2026-10-23', principal: 200_000 }),
  snapshotBill('D90', { ...B, dueDate: '2026-08-25', principal: 300_000 }),
  snapshotBill('D91', { ...B, dueDate: '2026-08-24', principal: 400_000 }),
  snapshotBill('D365', { ...A, dueDate: '2025-11-23', principal: 500_000, masaPajak: '2025-10', tahun: 2025 }),
  snapshotBill('D366', { ...A, dueDate: '2025-11-22', principal: 600_000, taxType: 'REKLAME', taxTypeLabel: 'Pajak Reklame', masaPajak: '2025', tahun: 2025 }),
  // Due today: not overdue yet, and not yet a compliance case.
  snapshotBill('DTODAY', { ...A, dueDate: '2026-11-23', principal: 700_000 }),
  // Paid: on time in February, late in March, and through SI PEKA in May (the payment says what came in).
  snapshotBill('P1', { ...A, masaPajak: '2026-01', dueDate: '2026-02-10', principal: 1_000_000, status: 'paid', paidDate: '2026-02-10' }),
  snapshotBill('P2', { ...B, masaPajak: '2026-01', dueDate: '2026-02-10', principal: 2_000_000, penalty: 20_000, status: 'paid', paidDate: '2026-03-05' }),
  snapshotBill('P3', { ...A, masaPajak: '2026-04', dueDate: '2026-05-10', principal: 3_000_000, status: 'paid', paidDate: '2026-05-20' }),
];

async function sync(t: TestApp, bills: SnapshotBill[], tag: string): Promise<void> {
  const source: SyncSource = { fileName: `${tag}.xlsx`, sha256: tag, sheet: 'Daftar Tunggakan', mapping: {}, bills, finish: () => ({ rowsRead: bills.length, duplicates: 0, rejects: [] }) };
  await runSync(t.app.ledger.db, source, { dryRun: false, actor: 'test', now: t.clock.now() });
}

async function billId(db: Kysely<Database>, kodeBayar: string): Promise<number> {
  return Number((await db.selectFrom('bills').select('id').where('kode_bayar', '=', kodeBayar).executeTakeFirstOrThrow()).id);
}

/** A payment recorded in SI PEKA for a bill, with the amount the partner credited. */
async function recordPayment(db: Kysely<Database>, kodeBayar: string, amount: number, paidDate: string): Promise<void> {
  const id = await billId(db, kodeBayar);
  await db
    .insertInto('payments')
    .values({ bill_id: id, partner_id: 'LOKET', partner_ref: `REF-${kodeBayar}`, request_id: null, receipt_number: `RCPT-${kodeBayar}`, amount, principal: amount, penalty: 0, admin_fee: 0, paid_at: `${paidDate}T03:00:00.000Z`, paid_date: paidDate, recorded_by: 'test', recorded_at: `${paidDate}T03:00:00.000Z`, note: null })
    .execute();
}

describe.each(testEngines())('the head’s dashboard on %s', (engine) => {
  let t: TestApp;
  let head: TestClient;

  beforeEach(async () => {
    t = await createTestApp(engine);
    await seedUsers(t);
    head = t.client();
    await head.login('head', 'rahasia-head');
  });
  afterEach(async () => {
    await t.close();
  });

  describe('on the aging ledger', () => {
    beforeEach(async () => {
      await sync(t, AGING_LEDGER, 'aging');
      await recordPayment(t.app.ledger.db, 'P3', 3_100_000, '2026-05-20');
    });

    it('puts 30 days overdue in 0–30, 31 and 90 in 31–90, 91 in 91–180, 365 in 181–365 and 366 in > 365', async () => {
      const { arrears } = await head.call('dashboard.kpi', {});
      expect(arrears.buckets).toEqual([
        { bucket: '0-30', bills: 1, principal: 100_000 },
        { bucket: '31-90', bills: 2, principal: 500_000 },
        { bucket: '91-180', bills: 1, principal: 400_000 },
        { bucket: '181-365', bills: 1, principal: 500_000 },
        { bucket: '>365', bills: 1, principal: 600_000 },
      ]);
      expect(arrears).toMatchObject({ bills: 6, principal: 2_100_000 });
      expect(arrears.byKecamatan.map((g) => [g.key, g.bills, g.principal])).toEqual([
        ['Kayuagung', 4, 1_400_000],
        ['Tanjung Lubuk', 2, 700_000],
      ]);
      expect(arrears.byTaxType.map((g) => [g.key, g.principal])).toEqual([
        ['PBJT_MAKMIN', 1_500_000],
        ['REKLAME', 600_000],
      ]);
    });

    it('counts realisation by paid date, taking the payment’s amount when SI PEKA recorded one', async () => {
      const { realisation } = await head.call('dashboard.kpi', { year: 2026 });
      const months = Object.fromEntries(realisation.byMonth.map((m) => [m.month, m.realisation]));
      expect(months).toMatchObject({ '2026-02': 1_000_000, '2026-03': 2_020_000, '2026-05': 3_100_000, '2026-11': 0 });
      expect(realisation).toMatchObject({ total: 6_120_000, bills: 3, cumulative: 6_120_000, asOfMonth: 11, quarter: 4, yearlyTarget: null, capaian: { value: null, shown: null } });
    });

    it('measures capaian against the cumulative target of the quarter and shows it capped at 120 %', async () => {
      await head.call('dashboard.setTargets', {
        year: 2026,
        targets: [
          { indicator: 'revenue', taxType: '*', target: 10_000_000 },
          { indicator: 'revenue', taxType: 'PBJT_MAKMIN', target: 1_000_000 },
        ],
      });
      const year = await head.call('dashboard.kpi', { year: 2026 });
      // 20 / 45 / 70 / 100 % of Rp 10 juta by the end of each quarter, drawn as a step line.
      expect(year.realisation.byMonth.map((m) => m.cumulativeTarget)).toEqual([2, 2, 2, 4.5, 4.5, 4.5, 7, 7, 7, 10, 10, 10].map((j) => j * 1_000_000));
      expect(year.realisation).toMatchObject({ quarterTarget: 10_000_000, capaian: { value: 0.612, shown: 0.612 } });
      const makmin = year.realisation.byTaxType.find((r) => r.taxType === 'PBJT_MAKMIN');
      expect(makmin).toMatchObject({ realisation: 6_120_000, target: 1_000_000, capaian: { value: 6.12, shown: 1.2 } });

      const march = await head.call('dashboard.kpi', { period: '2026-03' });
      // March alone brought Rp 2.020.000; by the end of March Rp 3.020.000 against the first quarter's Rp 2 juta.
      expect(march.realisation).toMatchObject({ total: 2_020_000, cumulative: 3_020_000, quarter: 1, quarterTarget: 2_000_000, capaian: { value: 1.51, shown: 1.2 } });
    });

    it('counts compliance over bills due by yesterday: paid on the due date is on time, a day later is late', async () => {
      const { compliance } = await head.call('dashboard.kpi', { year: 2026 });
      expect(compliance).toMatchObject({ due: 7, onTime: 1, target: 0.8 });
      expect(compliance.rate).toBeCloseTo(1 / 7, 10);
      expect(compliance.byMonth).toEqual([
        { month: '2026-02', due: 2, onTime: 1, rate: 0.5 },
        { month: '2026-05', due: 1, onTime: 0, rate: 0 },
        { month: '2026-08', due: 2, onTime: 0, rate: 0 },
        { month: '2026-10', due: 2, onTime: 0, rate: 0 },
      ]);
    });

    it('narrows every panel to one kecamatan', async () => {
      const kpi = await head.call('dashboard.kpi', { year: 2026, kecamatan: 'Tanjung Lubuk' });
      expect(kpi.arrears).toMatchObject({ bills: 2, principal: 700_000 });
      expect(kpi.realisation.total).toBe(2_020_000);
      expect(kpi.compliance).toMatchObject({ due: 3, onTime: 0 });
      expect(kpi.reachability.taxpayers).toEqual({ whatsapp: 0, sms: 0, none: 1, total: 1 });
      // Targets are set for the agency and per tax type, not per kecamatan.
      expect(kpi.realisation.quarterTarget).toBeNull();
    });

    it('reports reachability of taxpayers and of unpaid principal', async () => {
      const { reachability } = await head.call('dashboard.kpi', {});
      expect(reachability.taxpayers).toEqual({ whatsapp: 1, sms: 0, none: 1, total: 2 });
      expect(reachability.principal).toEqual({ whatsapp: 2_100_000, sms: 0, none: 700_000, total: 2_800_000 });
      expect(reachability).toMatchObject({ rate: 0.5, principalRate: 0.75, target: 0.9 });
    });

    it('drills into the bills behind the 91–180 and 31–90 day arrears, largest first', async () => {
      const old = await head.call('dashboard.bills', { figure: 'arrears', bucket: '91-180' });
      expect(old.rows.map((r) => [r.kodeBayar, r.daysOverdue])).toEqual([['D91', 91]]);
      const middle = await head.call('dashboard.bills', { figure: 'arrears', bucket: '31-90' });
      expect(middle.rows.map((r) => [r.kodeBayar, r.daysOverdue])).toEqual([
        ['D90', 90],
        ['D31', 31],
      ]);
      expect(middle.total).toBe(2);
      const largest = await head.call('dashboard.bills', { figure: 'largest', kecamatan: 'Kayuagung', limit: 2 });
      expect(largest.rows.map((r) => r.kodeBayar)).toEqual(['D366', 'D365']);
      const paidInMay = await head.call('dashboard.bills', { figure: 'realisation', month: '2026-05' });
      expect(paidInMay.rows.map((r) => [r.kodeBayar, r.paidAmount])).toEqual([['P3', 3_100_000]]);
      const late = await head.call('dashboard.bills', { figure: 'compliance_late', year: 2026 });
      expect(late.total).toBe(6);
      await expect(head.call('dashboard.bills', { figure: 'arrears', bucket: '1-2' })).rejects.toMatchObject({ code: 'DASHBOARD_BUCKET_UNKNOWN' });
    });

    it('states the LAKIN-style table per quarter with the NKO as the weighted mean of capped capaian', async () => {
      await head.call('dashboard.setTargets', { year: 2026, targets: [{ indicator: 'revenue', taxType: '*', target: 10_000_000 }] });
      const lakin = await head.call('dashboard.lakin', { year: 2026 });
      expect(lakin.currentQuarter).toBe(4);
      const revenue = lakin.rows.find((r) => r.indicator === 'revenue' && r.taxType === '*');
      expect(revenue).toMatchObject({ weight: 60, targets: [2_000_000, 4_500_000, 7_000_000, 10_000_000], realisations: [3_020_000, 6_120_000, 6_120_000, 6_120_000] });
      expect(revenue?.capaian[0]).toBe(1.2);
      expect(revenue?.capaian[1]).toBe(1.2);
      expect(revenue?.capaian[2]).toBeCloseTo(6.12 / 7, 10);
      expect(revenue?.capaian[3]).toBeCloseTo(0.612, 10);
      const compliance = lakin.rows.find((r) => r.indicator === 'compliance');
      expect(compliance?.realisations[0]).toBe(50);
      expect(compliance?.realisations[3]).toBeCloseTo(100 / 7, 10);
      const reach = lakin.rows.find((r) => r.indicator === 'reachability');
      expect(reach?.realisations).toEqual([null, null, null, 50]);
      expect(lakin.nko).toBeCloseTo((60 * 0.612 + 20 * (1 / 7 / 0.8) + 20 * (0.5 / 0.9)) / 100, 10);
      const file = await head.call('dashboard.lakinXlsx', { year: 2026 });
      expect(file.fileName).toBe('kinerja-2026-per-2026-11-23.xlsx');
      expect(Buffer.from(file.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
    });

    it('rebuilds its rollups when a sync changes the ledger, and not otherwise', async () => {
      const before = await head.call('dashboard.kpi', {});
      expect(before.arrears.bills).toBe(6);
      const builtAt = before.builtAt;
      t.clock.advance(60_000);
      expect((await head.call('dashboard.kpi', {})).builtAt).toBe(builtAt);
      await sync(t, AGING_LEDGER.map((b) => (b.kodeBayar === 'D91' ? { ...b, status: 'paid', paidDate: '2026-11-20' } : b)), 'aging-2');
      const after = await head.call('dashboard.kpi', {});
      expect(after.builtAt).not.toBe(builtAt);
      expect(after.arrears.buckets.find((b) => b.bucket === '91-180')).toEqual({ bucket: '91-180', bills: 0, principal: 0 });
      expect(after.realisation.byMonth.find((m) => m.month === '2026-11')?.realisation).toBe(400_000);
    });

    it('on a large ledger shows the previous figures, saying so, while newer ones are computed in the background', async () => {
      setRollupPolicy(t.app, { backgroundFromRows: 1 });
      const before = await head.call('dashboard.kpi', {});
      expect(before).toMatchObject({ refreshing: false, arrears: { bills: 6 } });
      t.clock.advance(60_000);
      await sync(t, AGING_LEDGER.map((b) => (b.kodeBayar === 'D91' ? { ...b, status: 'paid', paidDate: '2026-11-20' } : b)), 'aging-2');

      const meanwhile = await head.call('dashboard.kpi', {});
      expect(meanwhile).toMatchObject({ refreshing: true, builtAt: before.builtAt });
      expect(meanwhile.arrears.buckets.find((b) => b.bucket === '91-180')).toEqual({ bucket: '91-180', bills: 1, principal: 400_000 });

      await rollupsSettled(t.app);
      const after = await head.call('dashboard.kpi', {});
      expect(after.refreshing).toBe(false);
      expect(after.builtAt).not.toBe(before.builtAt);
      expect(after.arrears.buckets.find((b) => b.bucket === '91-180')).toEqual({ bucket: '91-180', bills: 0, principal: 0 });
      expect(after.realisation.byMonth.find((m) => m.month === '2026-11')?.realisation).toBe(400_000);
    });

    it('refuses rising quarterly targets that do not end at 100 %, and lets only the head and admin see the dashboard', async () => {
      await expect(head.call('dashboard.setTargets', { year: 2026, targets: [{ indicator: 'revenue', taxType: '*', target: 1, quarters: [20, 45, 40, 100] }] })).rejects.toMatchObject({ code: 'DASHBOARD_QUARTERS_INVALID' });
      const officer = t.client();
      await officer.login('officer', 'rahasia-officer');
      await expect(officer.call('dashboard.kpi', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  });

  describe('reminder effect', () => {
    const due = '2026-10-10';
    const FUNNEL: SnapshotBill[] = [
      snapshotBill('F1', { ...A, dueDate: due, status: 'paid', paidDate: '2026-10-10' }),
      snapshotBill('F2', { ...A, dueDate: due, status: 'paid', paidDate: '2026-10-11' }),
      snapshotBill('F3', { ...A, dueDate: due, status: 'paid', paidDate: '2026-10-18' }),
      snapshotBill('F4', { ...A, dueDate: due }),
      // Never reminded: paid two days after the H-7 day, paid before it, and never paid.
      snapshotBill('C5', { ...A, dueDate: due, status: 'paid', paidDate: '2026-10-05' }),
      snapshotBill('C6', { ...A, dueDate: due, status: 'paid', paidDate: '2026-09-30' }),
      snapshotBill('C7', { ...A, dueDate: due }),
    ];

    async function remind(code: string, channel: 'whatsapp' | 'sms', state: 'sent' | 'delivered' | 'read' | 'failed', stage = 'H-7', planDate = '2026-10-03') {
      const db = t.app.ledger.db;
      const bill = await db.selectFrom('bills').select(['id', 'taxpayer_id']).where('kode_bayar', '=', code).executeTakeFirstOrThrow();
      const at = `${planDate}T02:00:00.000Z`;
      await db
        .insertInto('outbox')
        .values({
          kind: 'reminder',
          taxpayer_id: bill.taxpayer_id,
          stage: `${stage}`,
          // One message per bill here: the unique moment key includes the due date, so each bill gets its own.
          due_date: `${code}`,
          channel,
          plan_run_id: null,
          plan_date: planDate,
          bill_ids: JSON.stringify([Number(bill.id)]),
          template_id: null,
          recipient: '+6281234567890',
          body: 'pengingat',
          parameters: '[]',
          state,
          attempts: 1,
          not_before: at,
          next_attempt_at: at,
          gateway: 'simulator',
          gateway_message_id: null,
          error_code: null,
          error_detail: null,
          created_at: at,
          updated_at: at,
          sending_at: at,
          sent_at: state === 'failed' ? null : at,
          delivered_at: state === 'delivered' || state === 'read' ? at : null,
          read_at: state === 'read' ? at : null,
          failed_at: state === 'failed' ? at : null,
        })
        .execute();
    }

    beforeEach(async () => {
      await sync(t, FUNNEL, 'funnel');
      await remind('F1', 'whatsapp', 'read');
      await remind('F2', 'whatsapp', 'delivered');
      await remind('F3', 'sms', 'sent');
      await remind('F4', 'whatsapp', 'failed');
    });

    it('counts paid within 7 days on the 7th day after the reminder, within 14 on the 8th, and neither on the 15th', async () => {
      const { funnel } = await head.call('dashboard.kpi', { period: '2026-10' });
      expect(funnel.byStageChannel).toEqual([
        { stage: 'H-7', channel: 'sms', sent: 1, delivered: 0, read: 0, paid7: 0, paid14: 0 },
        { stage: 'H-7', channel: 'whatsapp', sent: 2, delivered: 2, read: 1, paid7: 1, paid14: 2 },
      ]);
      expect(funnel.totals).toEqual({ sent: 3, delivered: 2, read: 1, paid7: 1, paid14: 2 });
    });

    it('lists the reminded bills behind each step of the funnel', async () => {
      const codes = async (input: { stage?: string; channel?: 'whatsapp' | 'sms'; window?: 'sent' | 'paid7' | 'paid14' }) =>
        (await head.call('dashboard.bills', { figure: 'reminded', period: '2026-10', ...input })).rows.map((r) => r.kodeBayar).sort();
      expect(await codes({ stage: 'H-7' })).toEqual(['F1', 'F2', 'F3']);
      expect(await codes({ stage: 'H-7', channel: 'whatsapp', window: 'paid7' })).toEqual(['F1']);
      expect(await codes({ stage: 'H-7', channel: 'whatsapp', window: 'paid14' })).toEqual(['F1', 'F2']);
      expect(await codes({ stage: 'H-7', channel: 'sms', window: 'paid14' })).toEqual([]);
    });

    it('compares with bills never reminded that were still unpaid on the stage’s day', async () => {
      const { funnel } = await head.call('dashboard.kpi', { period: '2026-10' });
      const control = Object.fromEntries(funnel.control.map((c) => [c.stage, c]));
      // H-7 is 3 October: C5 (paid the 5th) and C7 (unpaid) count, C6 was paid before it.
      expect(control['H-7']).toEqual({ stage: 'H-7', bills: 2, paid7: 1, paid14: 1 });
      // H-3 is 7 October: only C7 was still unpaid. H-14 fell in September.
      expect(control['H-3']).toEqual({ stage: 'H-3', bills: 1, paid7: 0, paid14: 0 });
      expect(control['H-14']).toEqual({ stage: 'H-14', bills: 0, paid7: 0, paid14: 0 });
    });

    it('prices the channels and the savings against paper letters from the settings', async () => {
      const kpi = await head.call('dashboard.kpi', { period: '2026-10' });
      expect(kpi.channels).toEqual([
        { channel: 'whatsapp', messages: 2, costPerMessage: 330, cost: 660 },
        { channel: 'sms', messages: 1, costPerMessage: 450, cost: 450 },
      ]);
      expect(kpi.savings).toEqual({ reminders: 3, paperLetterCost: 6_000, messageCost: 1_110, saved: 3 * 6_000 - 1_110 });
      const admin = t.client();
      await admin.login('admin', 'rahasia-admin');
      await admin.call('settings.update', { changes: { paperLetterCost: 10_000 } });
      expect((await head.call('dashboard.kpi', { period: '2026-10' })).savings.saved).toBe(30_000 - 1_110);
    });

    it('follows a message’s state as the gateway reports it, at most a minute late', async () => {
      expect((await head.call('dashboard.kpi', { period: '2026-10' })).funnel.totals.read).toBe(1);
      t.clock.advance(1000);
      await t.app.ledger.db.updateTable('outbox').set({ state: 'read', updated_at: t.clock.now().toISOString() }).where('channel', '=', 'sms').execute();
      expect((await head.call('dashboard.kpi', { period: '2026-10' })).funnel.totals).toMatchObject({ delivered: 2, read: 1 });
      t.clock.advance(MESSAGES_MAX_AGE_MS);
      expect((await head.call('dashboard.kpi', { period: '2026-10' })).funnel.totals).toMatchObject({ delivered: 3, read: 2 });
    });
  });
});
