import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../main/db/schema.js';
import { runSync, type SnapshotBill, type SyncSource, undoRun } from '../../main/ledger/index.js';
import { findPayableBill, inPaymentTransaction, type PaymentInput, type PayableBill, recordPayment } from '../../main/payments/index.js';
import { planReminders } from '../../main/reminders/index.js';
import { generatedPaymentCode } from '../../shared/payments/payment-code.js';
import { testEngines } from '../support/engines.js';
import { snapshotBill } from '../support/snapshot-bill.js';
import { createTestApp, seedUsers, type TestApp } from '../support/test-app.js';

/** A Monday, 08:00 WIB: the H-7 reminder of the bills due on 7 December is planned. */
const MONDAY = '2026-11-30T01:00:00.000Z';
const TODAY = '2026-11-30';
const NOP = '16.02.010.001.001-0012.0';

const hotel = snapshotBill('1671261100012', { npwpd: 'P.2.0200001.16.02', namaWp: 'Hotel Nomor 1', namaObjek: 'Hotel 1', taxType: 'PBJT_HOTEL', taxTypeLabel: 'Pajak Hotel', masaPajak: '2026-11', dueDate: '2026-12-07', rawPhone: '081255550001' });
/** Letters in its kode bayar: it pays with a generated code. */
const billboard = snapshotBill('SKPD/2026/00123', { npwpd: 'P.2.0300001.16.02', namaWp: 'CV Papan Reklame', namaObjek: 'Billboard Jl. Lintas Timur', taxType: 'REKLAME', taxTypeLabel: 'Pajak Reklame', masaPajak: '2026', dueDate: '2026-08-10' });
/** Three years of one plot's land tax: 2023 paid, 2024 and 2025 not. */
const land = (tahun: number, status: 'paid' | 'unpaid') =>
  snapshotBill(`SPPT-${tahun}-0012`, {
    npwpd: null,
    namaWp: 'Muhammad Saleh',
    nop: NOP,
    namaObjek: null,
    taxType: 'PBB_P2',
    taxTypeLabel: 'PBB P2',
    masaPajak: null,
    tahun,
    principal: 150_000,
    dueDate: `${tahun}-08-31`,
    status,
    paidDate: status === 'paid' ? `${tahun}-08-01` : null,
  });
const LEDGER: SnapshotBill[] = [hotel, billboard, land(2023, 'paid'), land(2024, 'unpaid'), land(2025, 'unpaid')];

function source(bills: SnapshotBill[], tag: string): SyncSource {
  return { fileName: `${tag}.xlsx`, sha256: tag, sheet: 'Daftar Ketetapan', mapping: {}, bills, finish: () => ({ rowsRead: bills.length, duplicates: 0, rejects: [] }) };
}

describe.each(testEngines())('payments core on %s', (engine) => {
  let t: TestApp;
  afterEach(async () => {
    await t?.close();
  });
  const db = () => t.app.ledger.db;
  const sync = (bills: SnapshotBill[], tag: string) => runSync(db(), source(bills, tag), { dryRun: false, actor: 'test', now: t.clock.now() });

  /** The ledger above, every template approved, Monday's reminders planned. */
  async function ledger(): Promise<void> {
    t = await createTestApp(engine);
    t.clock.set(MONDAY);
    await db().updateTable('templates').set({ status: 'approved', meta_status: 'approved', decided_by: 'head', decided_at: MONDAY }).execute();
    await sync(LEDGER, 'v1');
    expect((await planReminders(db(), { actor: 'test', now: t.clock.now() })).planned).toBeGreaterThan(0);
  }

  const find = (taxId: string, taxYear?: number) => findPayableBill(db(), taxId, { today: TODAY, taxYear });
  const billByCode = async (kodeBayar: string) => db().selectFrom('bills').selectAll().where('kode_bayar', '=', kodeBayar).executeTakeFirstOrThrow();
  const payments = () => db().selectFrom('payments').selectAll().orderBy('id').execute();

  function paymentOf(bill: PayableBill, over: Partial<PaymentInput> = {}): PaymentInput {
    return {
      billId: bill.id,
      partnerId: 'BSB_MOBILE',
      partnerRef: 'TRX987654321',
      requestId: 'BSB160620250930151299',
      amountPaid: bill.totalAmount,
      paidAt: new Date('2026-11-30T02:31:05Z'),
      recordedBy: 'partner:BSB_MOBILE',
      expectedTotal: bill.totalAmount,
      principal: bill.principal,
      penalty: bill.penalty,
      adminFee: bill.adminFee,
      ...over,
    };
  }
  const pay = (input: PaymentInput, trxDb: Kysely<Database> = db()) => trxDb.transaction().execute((trx) => recordPayment(trx, input, t.clock.now()));

  async function outboxOf(kodeBayar: string) {
    const bill = await billByCode(kodeBayar);
    const rows = await db().selectFrom('outbox').select(['kind', 'state', 'error_code', 'bill_ids']).orderBy('id').execute();
    return rows.filter((r) => (JSON.parse(r.bill_ids) as number[]).includes(Number(bill.id))).map((r) => `${r.kind} ${r.state}`);
  }

  describe('finding the bill a taxpayer means', () => {
    it('finds a bill by its kode bayar and prices it as of today', async () => {
      await ledger();
      const bill = await find(' 1671261100012 ');
      expect(bill).toMatchObject({ kodeBayar: '1671261100012', paymentCode: '1671261100012', taxpayerName: 'Hotel Nomor 1', status: 'unpaid', principal: 1_250_000, penalty: 0, adminFee: 0, totalAmount: 1_250_000 });
      expect(bill?.description).toBe('PBJT JASA PERHOTELAN MASA NOVEMBER 2026');
    });

    it('finds a bill whose kode bayar has letters by its generated payment code, typed with dots and spaces', async () => {
      await ledger();
      const stored = await billByCode('SKPD/2026/00123');
      const code = generatedPaymentCode(Number(stored.id));
      const typed = `${code.slice(0, 5)}.${code.slice(5, 10)} ${code.slice(10)}`;
      const bill = await find(typed);
      expect(bill).toMatchObject({ id: Number(stored.id), kodeBayar: 'SKPD/2026/00123', paymentCode: code });
      // Due 10 August, paid-for as of 30 November: four months or part of one at 1 %.
      expect(bill).toMatchObject({ penalty: 50_000, totalAmount: 1_300_000 });
      expect(await find('skpd/2026/00123')).toMatchObject({ id: Number(stored.id) });
    });

    it('answers the oldest unpaid year for a NOP, a given year when asked, and the latest paid one when all are paid', async () => {
      await ledger();
      expect(await find('16.02.010.001.001-0012.0')).toMatchObject({ kodeBayar: 'SPPT-2024-0012', tahun: 2024, description: 'PBB-P2 TAHUN 2024', nop: NOP });
      expect(await find('160201000100100120')).toMatchObject({ tahun: 2024 });
      expect(await find('160201000100100120', 2025)).toMatchObject({ kodeBayar: 'SPPT-2025-0012', status: 'unpaid' });
      expect(await find('160201000100100120', 2023)).toMatchObject({ status: 'paid' });
      await sync([...LEDGER.slice(0, 3), { ...land(2024, 'paid') }, { ...land(2025, 'paid') }], 'v2');
      expect(await find('160201000100100120')).toMatchObject({ kodeBayar: 'SPPT-2025-0012', status: 'paid' });
    });

    it('finds nothing for an unknown code, a mistyped generated code or an unknown NOP', async () => {
      await ledger();
      const code = generatedPaymentCode(Number((await billByCode('SKPD/2026/00123')).id));
      const typo = code.slice(0, -1) + String((Number(code.slice(-1)) + 1) % 10);
      for (const taxId of ['999999', typo, '160201000100100999', '']) expect(await find(taxId)).toBeNull();
    });
  });

  describe('recording a payment', () => {
    it('marks the bill paid, records the payment, cancels its reminder and queues the thank-you, in one transaction', async () => {
      await ledger();
      expect(await outboxOf('1671261100012')).toEqual(['reminder queued']);
      const bill = (await find('1671261100012')) as PayableBill;
      const result = await pay(paymentOf(bill));
      expect(result).toEqual({ ok: true, paymentId: expect.any(Number), receiptNumber: `BPPD/20261130/${String(bill.id).padStart(7, '0')}` });
      expect(await billByCode('1671261100012')).toMatchObject({ status: 'paid', paid_date: '2026-11-30', paid_source: 'payment' });
      expect(await payments()).toMatchObject([
        { bill_id: bill.id, partner_id: 'BSB_MOBILE', partner_ref: 'TRX987654321', amount: 1_250_000, principal: 1_250_000, penalty: 0, paid_at: '2026-11-30T02:31:05.000Z', paid_date: '2026-11-30' },
      ]);
      expect(await outboxOf('1671261100012')).toEqual(['reminder cancelled', 'thank_you queued']);
    });

    it('leaves nothing behind when the transaction it ran in fails afterwards', async () => {
      await ledger();
      const bill = (await find('1671261100012')) as PayableBill;
      await expect(
        db()
          .transaction()
          .execute(async (trx) => {
            expect((await recordPayment(trx, paymentOf(bill), t.clock.now())).ok).toBe(true);
            throw new Error('the answer could not be written');
          }),
      ).rejects.toThrow('the answer could not be written');
      expect((await billByCode('1671261100012')).status).toBe('unpaid');
      expect(await payments()).toEqual([]);
      expect(await outboxOf('1671261100012')).toEqual(['reminder queued']);
    });

    it('answers duplicate_ref with the first payment when the same partner reference arrives twice', async () => {
      await ledger();
      const hotelBill = (await find('1671261100012')) as PayableBill;
      const first = await pay(paymentOf(hotelBill));
      const landBill = (await find(NOP)) as PayableBill;
      const again = await pay(paymentOf(landBill));
      expect(again).toEqual({ ok: false, reason: 'duplicate_ref', existing: { paymentId: first.ok ? first.paymentId : -1, receiptNumber: first.ok ? first.receiptNumber : '', billId: hotelBill.id } });
      expect(await payments()).toHaveLength(1);
      expect((await billByCode('SPPT-2024-0012')).status).toBe('unpaid');
    });

    it('refuses an amount that differs from the total and writes nothing', async () => {
      await ledger();
      const bill = (await find('1671261100012')) as PayableBill;
      expect(await pay(paymentOf(bill, { amountPaid: bill.totalAmount - 1 }))).toEqual({ ok: false, reason: 'amount_mismatch' });
      expect((await billByCode('1671261100012')).status).toBe('unpaid');
      expect(await payments()).toEqual([]);
      expect(await outboxOf('1671261100012')).toEqual(['reminder queued']);
    });

    it('answers already_paid, naming the payment, for a second payment of a paid bill', async () => {
      await ledger();
      const bill = (await find('1671261100012')) as PayableBill;
      const first = await pay(paymentOf(bill));
      const second = await pay(paymentOf(bill, { partnerId: 'GOPAY', partnerRef: 'GP-1' }));
      expect(second).toMatchObject({ ok: false, reason: 'already_paid', existing: { billId: bill.id, receiptNumber: first.ok ? first.receiptNumber : '' } });
      expect(await payments()).toHaveLength(1);
    });

    it('records exactly one payment when two partners pay the same bill at the same moment', async () => {
      await ledger();
      const bill = (await find('1671261100012')) as PayableBill;
      const race = await Promise.all(
        ['BSB_MOBILE', 'GOPAY'].map((partnerId) => inPaymentTransaction(db(), (trx) => recordPayment(trx, paymentOf(bill, { partnerId, partnerRef: `${partnerId}-1` }), t.clock.now()))),
      );
      expect(race.filter((r) => r.ok)).toHaveLength(1);
      expect(race.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(['already_paid']);
      expect(await payments()).toHaveLength(1);
      expect(await outboxOf('1671261100012')).toEqual(['reminder cancelled', 'thank_you queued']);
    });

    it('answers duplicate_ref, not already_paid, when the same payment arrives twice at the same moment', async () => {
      await ledger();
      const bill = (await find('1671261100012')) as PayableBill;
      const race = await Promise.all([1, 2].map(() => inPaymentTransaction(db(), (trx) => recordPayment(trx, paymentOf(bill), t.clock.now()))));
      expect(race.filter((r) => r.ok)).toHaveLength(1);
      expect(race.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(['duplicate_ref']);
      expect(await payments()).toHaveLength(1);
    });

    it('refuses a payment in a signed-off day only when asked to respect the lock', async () => {
      await ledger();
      await db().insertInto('period_locks').values({ period: '2026-11', kind: 'month', state: 'locked', signed_by: 'bendahara', signed_at: MONDAY, summary: '{}', unlocked_by: null, unlocked_at: null, unlock_reason: null }).execute();
      const bill = (await find('1671261100012')) as PayableBill;
      expect(await pay(paymentOf(bill, { respectPeriodLock: true }))).toEqual({ ok: false, reason: 'period_locked' });
      expect(await payments()).toEqual([]);
      // The bank already took the taxpayer's money: a partner payment is recorded regardless.
      expect((await pay(paymentOf(bill))).ok).toBe(true);
    });
  });

  describe('payment codes where people read them', () => {
    it("shows each bill's payment code, its virtual account at the first active partner, and a paid bill's payment on the taxpayer page", async () => {
      await ledger();
      await seedUsers(t);
      const admin = t.client();
      await admin.login('admin', 'rahasia-admin');
      const stored = await billByCode('SKPD/2026/00123');
      const code = generatedPaymentCode(Number(stored.id));
      const page = () => admin.call('ledger.taxpayer', { id: Number(stored.taxpayer_id) });
      expect((await page()).bills).toMatchObject([{ kodeBayar: 'SKPD/2026/00123', paymentCode: code, virtualAccount: null, payment: null }]);

      await admin.call('partners.add', { name: 'Bank Sumsel Babel', ipAllowlist: ['10.0.0.1'], vaPrefix: '98765432' });
      t.clock.advance(1000);
      await admin.call('partners.add', { name: 'GoPay', ipAllowlist: ['10.0.0.2'], vaPrefix: '11112222' });
      const bill = (await find(code)) as PayableBill;
      await pay(paymentOf(bill, { partnerRef: 'TRX-77' }));
      expect((await page()).bills).toMatchObject([
        { paymentCode: code, virtualAccount: `98765432${code}`, payment: { partnerId: 'BSB_MOBILE', partnerRef: 'TRX-77', receiptNumber: expect.stringMatching(/^BPPD\/20261130\//), amount: 1_300_000 } },
      ]);
    });

    it('fills {kode_bayar} with the payment code and {nomor_va} with the virtual account in messages', async () => {
      await ledger();
      await seedUsers(t);
      const admin = t.client();
      await admin.login('admin', 'rahasia-admin');
      const body = 'Yth. {nama_wp}, kode bayar {kode_bayar}, nomor VA {nomor_va}, total {total}. Terima kasih.';
      const draft = { channel: 'sms', language: 'id', purpose: 'H-7', body, metaName: null } as const;
      const preview = () => admin.call('templates.preview', { draft, sample: 'taxpayer', npwpd: 'P.2.0300001.16.02' });
      const code = generatedPaymentCode(Number((await billByCode('SKPD/2026/00123')).id));
      expect((await preview()).text).toContain(`kode bayar ${code}, nomor VA -,`);
      await admin.call('partners.add', { name: 'Bank Sumsel Babel', ipAllowlist: ['10.0.0.1'], vaPrefix: '98765432' });
      expect((await preview()).text).toContain(`kode bayar ${code}, nomor VA 98765432${code},`);
    });
  });

  describe('payments and later SIMPADA imports', () => {
    it('keeps a bill paid when a later export still says BELUM LUNAS, and undoing that import keeps the payment', async () => {
      await ledger();
      const bill = (await find('1671261100012')) as PayableBill;
      expect((await pay(paymentOf(bill))).ok).toBe(true);
      // Still unpaid in SIMPADA, and a corrected phone number so the run changes something.
      const report = await sync([{ ...hotel, rawPhone: '081255559999' }, ...LEDGER.slice(1)], 'v2');
      expect(await billByCode('1671261100012')).toMatchObject({ status: 'paid', paid_source: 'payment' });
      await db().transaction().execute((trx) => undoRun(trx, report.runId as number, 'test', t.clock.now()));
      expect(await billByCode('1671261100012')).toMatchObject({ status: 'paid', paid_source: 'payment' });
      expect(await payments()).toHaveLength(1);
      // The import that created the bill cannot be undone any more: that would delete a paid bill.
      const first = await db().selectFrom('sync_runs').select('id').orderBy('id').executeTakeFirstOrThrow();
      await expect(db().transaction().execute((trx) => undoRun(trx, Number(first.id), 'test', t.clock.now()))).rejects.toMatchObject({ code: 'SYNC_UNDO_CONFLICT' });
      expect(await payments()).toHaveLength(1);
    });
  });

  describe('counter payments', () => {
    async function officer() {
      await seedUsers(t);
      const client = t.client();
      await client.login('officer', 'rahasia-officer');
      return client;
    }

    it('records a counter payment of the exact total as of its day, audited, under LOKET', async () => {
      await ledger();
      const client = await officer();
      const code = generatedPaymentCode(Number((await billByCode('SKPD/2026/00123')).id));
      // Paid on 10 October: two months late then (1 % a month), not the four it would be today.
      const quote = await client.call('payments.quote', { taxId: code, paidDate: '2026-10-10' });
      expect(quote).toMatchObject({ principal: 1_250_000, penalty: 25_000, totalAmount: 1_275_000 });
      const { payment } = await client.call('payments.record', { taxId: code, amount: 1_275_000, paidDate: '2026-10-10', reference: 'LKT-0042', note: 'tunai' });
      expect(payment).toMatchObject({ partnerId: 'LOKET', partnerRef: 'LKT-0042', paidDate: '2026-10-10', paidAt: '2026-10-09T17:00:00.000Z', penalty: 25_000, adminFee: 0, recordedBy: 'officer', paymentCode: code, note: 'tunai' });
      const audit = await db().selectFrom('audit_log').selectAll().where('action', '=', 'payments.record').execute();
      expect(audit).toMatchObject([{ actor: 'officer', target: `payment:${payment.id}` }]);
      const listed = await client.call('payments.list', { search: 'P.2.0300001.16.02' });
      expect(listed).toMatchObject({ payments: [{ id: payment.id }], totals: { count: 1, amount: 1_275_000 } });
      expect((await client.call('payments.forBill', { billId: payment.billId })).payment?.receiptNumber).toBe(payment.receiptNumber);
    });

    it('refuses a counter payment in a signed-off day and changes nothing', async () => {
      await ledger();
      const client = await officer();
      await db().insertInto('period_locks').values({ period: '2026-11-27', kind: 'day', state: 'locked', signed_by: 'bendahara', signed_at: MONDAY, summary: '{}', unlocked_by: null, unlocked_at: null, unlock_reason: null }).execute();
      await expect(client.call('payments.record', { taxId: '1671261100012', amount: 1_250_000, paidDate: '2026-11-27', reference: 'LKT-1' })).rejects.toMatchObject({
        code: 'PERIOD_LOCKED',
        params: { period: '2026-11-27', signedBy: 'bendahara' },
      });
      expect(await payments()).toEqual([]);
      expect((await billByCode('1671261100012')).status).toBe('unpaid');
    });

    it('refuses a wrong amount, a paid bill, a reused slip number and a day still to come', async () => {
      await ledger();
      const client = await officer();
      const record = (over: Record<string, unknown>) => client.call('payments.record', { taxId: '1671261100012', amount: 1_250_000, paidDate: TODAY, reference: 'LKT-1', ...over });
      await expect(record({ amount: 1_200_000 })).rejects.toMatchObject({ code: 'PAYMENT_AMOUNT_MISMATCH' });
      await expect(record({ paidDate: '2026-12-01' })).rejects.toMatchObject({ code: 'PAYMENT_DATE_IN_FUTURE' });
      await expect(record({ taxId: 'NOPE-1' })).rejects.toMatchObject({ code: 'BILL_NOT_FOUND' });
      await record({});
      await expect(record({})).rejects.toMatchObject({ code: 'BILL_ALREADY_PAID' });
      await expect(record({ taxId: NOP, amount: 150_000 + 150_000 * 0.01 * 24 })).rejects.toMatchObject({ code: 'PAYMENT_DUPLICATE_REF' });
      expect(await payments()).toHaveLength(1);
    });

    it('lets no head record a counter payment', async () => {
      await ledger();
      await seedUsers(t);
      const head = t.client();
      await head.login('head', 'rahasia-head');
      await expect(head.call('payments.record', { taxId: '1671261100012', amount: 1_250_000, paidDate: TODAY, reference: 'X' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  });
});
