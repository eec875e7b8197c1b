import { afterEach, describe, expect, it } from 'vitest';
import { closeApp } from '../../main/app.js';
import { runSync, type SnapshotBill, type SyncSource } from '../../main/ledger/index.js';
import { PartnerClient } from '../../main/payments/partner-api/partner-client.js';
import { pruneRequestBodies } from '../../main/payments/partner-api/request-log.js';
import { planReminders } from '../../main/reminders/index.js';
import type { RunningServer } from '../../main/server/index.js';
import { startPartnerApiServer } from '../../main/server/partner-api-server.js';
import { generatedPaymentCode } from '../../shared/payments/payment-code.js';
import { testEngines } from '../support/engines.js';
import { snapshotBill } from '../support/snapshot-bill.js';
import { createTestApp, seedUsers, type TestApp } from '../support/test-app.js';

/** A Monday, 08:00 WIB: the H-7 reminder of the hotel bill due on 7 December is planned. */
const MONDAY = '2026-11-30T01:00:00.000Z';
const NOP = '16.02.010.001.001-0012.0';
const HOTEL = '1671261100012';

const hotel = snapshotBill(HOTEL, { npwpd: 'P.2.0200001.16.02', namaWp: 'Hotel Nomor 1', namaObjek: 'Hotel 1', taxType: 'PBJT_HOTEL', taxTypeLabel: 'Pajak Hotel', masaPajak: '2026-11', dueDate: '2026-12-07', rawPhone: '081255550001' });
const billboard = snapshotBill('SKPD/2026/00123', { npwpd: 'P.2.0300001.16.02', namaWp: 'CV Papan Reklame', namaObjek: 'Billboard', taxType: 'REKLAME', taxTypeLabel: 'Pajak Reklame', masaPajak: '2026', dueDate: '2026-08-10' });
const land = snapshotBill('SPPT-2025-0012', { npwpd: null, namaWp: 'Muhammad Saleh', nop: NOP, namaObjek: null, taxType: 'PBB_P2', taxTypeLabel: 'PBB P2', masaPajak: null, tahun: 2025, principal: 150_000, dueDate: '2026-12-31' });
const LEDGER: SnapshotBill[] = [hotel, billboard, land];

function source(bills: SnapshotBill[]): SyncSource {
  return { fileName: 'v1.xlsx', sha256: 'v1', sheet: 'Daftar Ketetapan', mapping: {}, bills, finish: () => ({ rowsRead: bills.length, duplicates: 0, rejects: [] }) };
}

describe.each(testEngines())('partner payment API over HTTP on %s', (engine) => {
  let t: TestApp;
  let server: RunningServer;
  const secrets: Record<string, string> = {};
  afterEach(async () => {
    await server?.close();
    await t?.close();
  });
  const db = () => t.app.ledger.db;

  /** The ledger above with its reminders planned, three partners, the partner server on a free port. */
  async function start(): Promise<void> {
    t = await createTestApp(engine);
    t.clock.set(MONDAY);
    await db().updateTable('templates').set({ status: 'approved', meta_status: 'approved', decided_by: 'head', decided_at: MONDAY }).execute();
    await runSync(db(), source(LEDGER), { dryRun: false, actor: 'test', now: t.clock.now() });
    await planReminders(db(), { actor: 'test', now: t.clock.now() });
    await seedUsers(t);
    const admin = t.client();
    await admin.login('admin', 'rahasia-admin');
    const local = ['127.0.0.1', '::1'];
    for (const [id, ipAllowlist, vaPrefix] of [['BSB_MOBILE', local, '12345678'], ['GOPAY', local, '88000002'], ['FAR_AWAY', ['203.0.113.7'], '88000003']] as const) {
      secrets[id] = (await admin.call('partners.add', { name: id, id, ipAllowlist: [...ipAllowlist], vaPrefix })).secret;
    }
    server = await startPartnerApiServer(t.app, { port: 0 });
  }
  const partner = (id: string) => new PartnerClient(server.url, id, secrets[id] as string, () => t.clock.now());
  const bsb = () => partner('BSB_MOBILE');

  const payments = () => db().selectFrom('payments').selectAll().orderBy('id').execute();
  const billStatus = async (kodeBayar: string) => (await db().selectFrom('bills').select('status').where('kode_bayar', '=', kodeBayar).executeTakeFirstOrThrow()).status;
  async function outboxOf(kodeBayar: string) {
    const bill = await db().selectFrom('bills').select('id').where('kode_bayar', '=', kodeBayar).executeTakeFirstOrThrow();
    const rows = await db().selectFrom('outbox').select(['kind', 'state', 'bill_ids']).orderBy('id').execute();
    return rows.filter((r) => (JSON.parse(r.bill_ids) as number[]).includes(Number(bill.id))).map((r) => `${r.kind} ${r.state}`);
  }
  const inquiry = (taxId: string, over: object = {}) => ({ partner_id: 'BSB_MOBILE', request_id: `INQ-${taxId}`, tax_id: taxId, ...over });
  const payment = (taxId: string, amount: number, over: object = {}) => ({
    partner_id: 'BSB_MOBILE',
    request_id: 'BSB160620250930151299',
    partner_ref_number: 'TRX987654321',
    tax_id: taxId,
    amount_paid: amount,
    payment_date: '2026-11-30T07:31:05+07:00',
    ...over,
  });

  describe('v1', () => {
    it('answers a signed inquiry, and a signed payment makes the bill LUNAS within the request, cancels its reminder and shows on the taxpayer page', async () => {
      await start();
      expect(await outboxOf(HOTEL)).toEqual(['reminder queued']);
      const asked = await bsb().v1('/v1/inquiry', inquiry(HOTEL));
      expect(asked).toEqual({
        status: 200,
        json: { status_code: '00', message: 'Inquiry Sukses', taxpayer_name: 'Hotel Nomor 1', tax_id: HOTEL, amount: 1_250_000, penalty: 0, admin_fee: 0, total_amount: 1_250_000, description: 'PBJT JASA PERHOTELAN MASA NOVEMBER 2026', object_address: expect.anything(), tax_year: 2026 },
      });
      const paid = await bsb().v1('/v1/payment', payment(HOTEL, 1_250_000));
      expect(paid).toEqual({ status: 200, json: { status_code: '00', message: 'Notifikasi Pembayaran Diterima', receipt_number: expect.stringMatching(/^BPPD\/20261130\//) } });
      expect(await billStatus(HOTEL)).toBe('paid');
      expect(await payments()).toMatchObject([{ partner_id: 'BSB_MOBILE', partner_ref: 'TRX987654321', request_id: 'BSB160620250930151299', amount: 1_250_000, paid_at: '2026-11-30T00:31:05.000Z', receipt_number: paid.json.receipt_number }]);
      expect(await outboxOf(HOTEL)).toEqual(['reminder cancelled', 'thank_you queued']);

      const officer = t.client();
      await officer.login('officer', 'rahasia-officer');
      const taxpayerId = (await db().selectFrom('bills').select('taxpayer_id').where('kode_bayar', '=', HOTEL).executeTakeFirstOrThrow()).taxpayer_id;
      const page = await officer.call('ledger.taxpayer', { id: Number(taxpayerId) });
      expect(page.bills.find((b) => b.kodeBayar === HOTEL)).toMatchObject({ status: 'paid', payment: { partnerId: 'BSB_MOBILE', receiptNumber: paid.json.receipt_number, amount: 1_250_000 } });
      expect(await bsb().v1('/v1/inquiry', inquiry(HOTEL, { request_id: 'INQ-2' }))).toMatchObject({ status: 200, json: { status_code: '88' } });
    });

    it('finds a PBB-P2 bill by its NOP and a lettered kode bayar by its generated payment code', async () => {
      await start();
      expect((await bsb().v1('/v1/inquiry', inquiry(NOP))).json).toMatchObject({ status_code: '00', description: 'PBB-P2 TAHUN 2025', tax_year: 2025, total_amount: 150_000 });
      const id = (await db().selectFrom('bills').select('id').where('kode_bayar', '=', 'SKPD/2026/00123').executeTakeFirstOrThrow()).id;
      expect((await bsb().v1('/v1/inquiry', inquiry(generatedPaymentCode(Number(id))))).json).toMatchObject({ status_code: '00', taxpayer_name: 'CV Papan Reklame' });
    });

    it('returns the first answer to a replayed request and records nothing new; the same request_id with another body gets 94', async () => {
      await start();
      const first = await bsb().v1('/v1/payment', payment(HOTEL, 1_250_000));
      t.clock.advance(60_000);
      const again = await bsb().v1('/v1/payment', payment(HOTEL, 1_250_000));
      expect(again).toEqual(first);
      const changed = await bsb().v1('/v1/payment', payment(HOTEL, 1_250_000, { partner_ref_number: 'TRX-OTHER' }));
      expect(changed).toMatchObject({ status: 200, json: { status_code: '94' } });
      expect(await payments()).toHaveLength(1);
    });

    it('refuses with 30 a payment dated in the future or more than thirty days ago, recording nothing', async () => {
      await start();
      const future = await bsb().v1('/v1/payment', payment(HOTEL, 1_250_000, { payment_date: '2026-11-30T08:10:00+07:00' }));
      expect(future).toMatchObject({ status: 400, json: { status_code: '30', message: expect.stringContaining('payment_date: di masa depan') } });
      const old = await bsb().v1('/v1/payment', payment(HOTEL, 1_250_000, { request_id: 'OLD-1', payment_date: '2026-10-30T07:00:00+07:00' }));
      expect(old).toMatchObject({ status: 400, json: { status_code: '30', message: expect.stringContaining('30 hari') } });
      expect(await payments()).toHaveLength(0);
      expect(await billStatus(HOTEL)).toBe('unpaid');
      expect((await bsb().v1('/v1/payment', payment(HOTEL, 1_250_000, { request_id: 'LATE-OK', payment_date: '2026-11-01T09:00:00+07:00' }))).json).toMatchObject({ status_code: '00' });
    });

    it('records one payment when the same partner_ref_number arrives twice under new request ids, answering the first receipt', async () => {
      await start();
      const first = await bsb().v1('/v1/payment', payment(HOTEL, 1_250_000));
      const retried = await bsb().v1('/v1/payment', payment(HOTEL, 1_250_000, { request_id: 'BSB-RETRY-1' }));
      expect(retried.json).toEqual(first.json);
      const otherBill = await bsb().v1('/v1/payment', payment(NOP, 150_000, { request_id: 'BSB-RETRY-2' }));
      expect(otherBill.json).toMatchObject({ status_code: '94' });
      expect(await payments()).toHaveLength(1);
      expect(await billStatus('SPPT-2025-0012')).toBe('unpaid');
    });

    it('records exactly one payment when two partners pay the same bill at the same moment', async () => {
      await start();
      const race = await Promise.all([
        bsb().v1('/v1/payment', payment(HOTEL, 1_250_000)),
        partner('GOPAY').v1('/v1/payment', payment(HOTEL, 1_250_000, { partner_id: 'GOPAY', request_id: 'GP-1', partner_ref_number: 'GP-REF-1' })),
      ]);
      expect(race.map((r) => r.json.status_code).sort()).toEqual(['00', '88']);
      expect(await payments()).toHaveLength(1);
      expect(await outboxOf(HOTEL)).toEqual(['reminder cancelled', 'thank_you queued']);
    });

    it('records exactly one payment when the same request arrives many times at once', async () => {
      await start();
      const burst = await Promise.all(Array.from({ length: 8 }, () => bsb().v1('/v1/payment', payment(HOTEL, 1_250_000))));
      expect(new Set(burst.map((r) => JSON.stringify(r.json))).size).toBe(1);
      expect(burst[0]?.json.status_code).toBe('00');
      expect(await payments()).toHaveLength(1);
    });

    it('answers 13 to a wrong amount and 14 to an unknown bill, and moves no money', async () => {
      await start();
      expect(await bsb().v1('/v1/payment', payment(HOTEL, 1_249_999))).toMatchObject({ status: 200, json: { status_code: '13' } });
      expect(await bsb().v1('/v1/payment', payment('999999999', 10_000, { request_id: 'R-2' }))).toMatchObject({ status: 200, json: { status_code: '14' } });
      expect(await bsb().v1('/v1/inquiry', inquiry('160201000100100999'))).toMatchObject({ status: 200, json: { status_code: '14' } });
      expect(await payments()).toEqual([]);
      expect(await billStatus(HOTEL)).toBe('unpaid');
      expect(await outboxOf(HOTEL)).toEqual(['reminder queued']);
    });

    it('refuses a tampered body, a stale timestamp, an unknown partner or a body naming another partner with 401, and a caller outside the allowlist with 403', async () => {
      await start();
      const body = payment(HOTEL, 1_250_000);
      const tampered = await bsb().v1('/v1/payment', { ...body, amount_paid: 1 }, { signedBody: JSON.stringify(body) });
      expect(tampered).toEqual({ status: 401, json: { status_code: '401', message: expect.any(String) } });
      const stale = new Date(t.clock.now().getTime() - 5 * 60_000 - 1000).toISOString();
      expect(await bsb().v1('/v1/payment', body, { timestamp: stale })).toMatchObject({ status: 401, json: { status_code: '401' } });
      expect(await new PartnerClient(server.url, 'NOBODY', 'x', () => t.clock.now()).v1('/v1/payment', body)).toMatchObject({ status: 401 });
      expect(await partner('GOPAY').v1('/v1/payment', body)).toMatchObject({ status: 401, json: { status_code: '401' } });
      expect(await partner('FAR_AWAY').v1('/v1/payment', { ...body, partner_id: 'FAR_AWAY' })).toEqual({ status: 403, json: { status_code: '403', message: expect.any(String) } });
      expect(await payments()).toEqual([]);
      expect(await billStatus(HOTEL)).toBe('unpaid');
      const logged = await db().selectFrom('partner_requests').select(['partner_id', 'http_status', 'endpoint', 'address', 'tax_id']).orderBy('id').execute();
      expect(logged.map((r) => [r.partner_id, r.http_status])).toEqual([['BSB_MOBILE', 401], ['BSB_MOBILE', 401], ['NOBODY', 401], ['GOPAY', 401], ['FAR_AWAY', 403]]);
      expect(logged.every((r) => r.endpoint === '/v1/payment' && /127\.0\.0\.1|::1/.test(r.address))).toBe(true);
    });

    it('answers malformed JSON, a missing field or an oversized body with 30, and an unknown path with 404', async () => {
      await start();
      expect(await bsb().v1('/v1/payment', '{"partner_id": "BSB_MOBILE",')).toMatchObject({ status: 400, json: { status_code: '30' } });
      expect(await bsb().v1('/v1/payment', { partner_id: 'BSB_MOBILE', request_id: 'R' })).toMatchObject({ status: 400, json: { status_code: '30' } });
      expect(await bsb().v1('/v1/payment', { partner_id: 'BSB_MOBILE', pad: 'x'.repeat(20_000) })).toMatchObject({ status: 413, json: { status_code: '30' } });
      expect(await bsb().v1('/api/auth.login', {})).toMatchObject({ status: 404 });
    });

    it('logs every call with its partner, address, endpoint, tax id, code and latency, and empties bodies after 90 days', async () => {
      await start();
      await bsb().v1('/v1/inquiry', inquiry(HOTEL));
      await bsb().v1('/v1/payment', payment(HOTEL, 1_250_000));
      const rows = await db().selectFrom('partner_requests').selectAll().orderBy('id').execute();
      expect(rows.map((r) => [r.partner_id, r.api, r.endpoint, r.tax_id, r.http_status, r.result_code])).toEqual([
        ['BSB_MOBILE', 'v1', '/v1/inquiry', HOTEL, 200, '00'],
        ['BSB_MOBILE', 'v1', '/v1/payment', HOTEL, 200, '00'],
      ]);
      expect(rows.every((r) => r.body !== null && r.latency_ms >= 0)).toBe(true);
      t.clock.advance(89 * 86_400_000);
      expect(await pruneRequestBodies(db(), t.clock.now())).toBe(0);
      t.clock.advance(2 * 86_400_000);
      expect(await pruneRequestBodies(db(), t.clock.now())).toBe(2);
      const pruned = await db().selectFrom('partner_requests').select(['body', 'result_code']).execute();
      expect(pruned).toEqual([{ body: null, result_code: '00' }, { body: null, result_code: '00' }]);
    });

    it('answers 91 with HTTP 503, never success, when the database is gone', async () => {
      await start();
      const bodyOk = payment(HOTEL, 1_250_000);
      await db().destroy();
      expect(await bsb().v1('/v1/payment', bodyOk)).toEqual({ status: 503, json: { status_code: '91', message: expect.any(String) } });
      // The app's connection is gone: close what is left and drop the test database.
      await server.close();
      await closeApp(t.app).catch(() => undefined);
      await t.database.drop();
      t = undefined as unknown as TestApp;
    });
  });

  describe('SNAP virtual account', () => {
    const va = (code: string, over: object = {}) => ({ partnerServiceId: '12345678', customerNo: code, virtualAccountNo: `12345678${code}`, ...over });

    it('issues a 15-minute token to a signed request and refuses a badly signed one', async () => {
      await start();
      const token = await bsb().snapToken();
      expect(token).toEqual({ status: 200, json: { responseCode: '2007300', responseMessage: 'Successful', accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: '900' } });
      const stored = await db().selectFrom('partner_tokens').selectAll().execute();
      expect(stored).toEqual([{ token_hash: expect.stringMatching(/^[0-9a-f]{64}$/), partner_id: 'BSB_MOBILE', created_at: MONDAY, expires_at: '2026-11-30T01:15:00.000Z' }]);
      expect(JSON.stringify(stored)).not.toContain(token.json.accessToken as string);
      expect(await new PartnerClient(server.url, 'BSB_MOBILE', 'wrong', () => t.clock.now()).snapToken()).toMatchObject({ status: 401, json: { responseCode: '4017300' } });
    });

    it('answers a signed inquiry and payment with SNAP codes, replays an X-EXTERNAL-ID and refuses it with another body', async () => {
      await start();
      const token = (await bsb().snapToken()).json.accessToken as string;
      const asked = await bsb().snap('/v1.0/transfer-va/inquiry', { ...va(HOTEL), inquiryRequestId: 'INQ-1' }, token, '100001');
      expect(asked).toMatchObject({
        status: 200,
        json: { responseCode: '2002400', responseMessage: 'Successful', virtualAccountData: { customerNo: HOTEL, virtualAccountName: 'Hotel Nomor 1', totalAmount: { value: '1250000.00', currency: 'IDR' }, inquiryRequestId: 'INQ-1' } },
      });
      const body = { ...va(HOTEL), paymentRequestId: 'PAY-1', referenceNo: 'BSB-REF-1', paidAmount: { value: '1250000.00', currency: 'IDR' }, trxDateTime: '2026-11-30T07:31:05+07:00' };
      const paid = await bsb().snap('/v1.0/transfer-va/payment', body, token, '100002');
      expect(paid).toMatchObject({ status: 200, json: { responseCode: '2002500', virtualAccountData: { paymentFlagStatus: '00', referenceNo: expect.stringMatching(/^BPPD\//) } } });
      expect(await billStatus(HOTEL)).toBe('paid');
      expect(await bsb().snap('/v1.0/transfer-va/payment', body, token, '100002')).toEqual(paid);
      expect(await bsb().snap('/v1.0/transfer-va/payment', { ...body, paymentRequestId: 'PAY-2' }, token, '100002')).toMatchObject({ status: 409, json: { responseCode: '4092500', responseMessage: 'Conflict' } });
      expect(await bsb().snap('/v1.0/transfer-va/payment', { ...body, paymentRequestId: 'PAY-3', referenceNo: 'BSB-REF-3' }, token, '100003')).toMatchObject({ status: 404, json: { responseCode: '4042514' } });
      expect(await payments()).toHaveLength(1);
      expect(await outboxOf(HOTEL)).toEqual(['reminder cancelled', 'thank_you queued']);
    });

    it('answers an unknown account 4042412, another company prefix 4042412, a wrong amount 4042513, and a bad signature or token 401', async () => {
      await start();
      const token = (await bsb().snapToken()).json.accessToken as string;
      expect(await bsb().snap('/v1.0/transfer-va/inquiry', { ...va('99999999'), inquiryRequestId: 'I1' }, token, '1')).toMatchObject({ status: 404, json: { responseCode: '4042412' } });
      expect(await bsb().snap('/v1.0/transfer-va/inquiry', { ...va(HOTEL, { partnerServiceId: '88000002', virtualAccountNo: `88000002${HOTEL}` }), inquiryRequestId: 'I2' }, token, '2')).toMatchObject({ json: { responseCode: '4042412' } });
      const body = { ...va(HOTEL), paymentRequestId: 'PAY-1', paidAmount: { value: '1000.00', currency: 'IDR' } };
      expect(await bsb().snap('/v1.0/transfer-va/payment', body, token, '3')).toMatchObject({ status: 404, json: { responseCode: '4042513', responseMessage: 'Invalid Amount' } });
      expect(await bsb().snap('/v1.0/transfer-va/payment', body, token, '4', { signedBody: '{}' })).toMatchObject({ status: 401, json: { responseCode: '4012500' } });
      expect(await bsb().snap('/v1.0/transfer-va/payment', body, 'not-a-token', '5')).toMatchObject({ status: 401, json: { responseCode: '4012501' } });
      expect(await bsb().snap('/v1.0/transfer-va/payment', { ...va(HOTEL), paymentRequestId: 'P' }, token, '6')).toMatchObject({ status: 400, json: { responseCode: '4002502', responseMessage: 'Invalid Mandatory Field paidAmount' } });
      expect(await bsb().snap('/v1.0/transfer-va/payment', { ...body, customerNo: 12 }, token, '7')).toMatchObject({ status: 400, json: { responseCode: '4002501' } });
      t.clock.advance(16 * 60_000);
      expect(await bsb().snap('/v1.0/transfer-va/inquiry', { ...va(HOTEL), inquiryRequestId: 'I3' }, token, '8')).toMatchObject({ status: 401, json: { responseCode: '4012401' } });
      expect(await payments()).toEqual([]);
    });
  });
});
