import { afterEach, describe, expect, it } from 'vitest';
import { runSync, type SnapshotBill, type SyncSource } from '../../main/ledger/index.js';
import { PartnerClient } from '../../main/payments/partner-api/partner-client.js';
import { Rng } from '../../main/platform/rng.js';
import { planReminders } from '../../main/reminders/index.js';
import type { RunningServer } from '../../main/server/index.js';
import { startPartnerApiServer } from '../../main/server/partner-api-server.js';
import { testEngines } from '../support/engines.js';
import { snapshotBill } from '../support/snapshot-bill.js';
import { createTestApp, seedUsers, type TestApp } from '../support/test-app.js';

const MONDAY = '2026-11-30T01:00:00.000Z';
const HOTEL = '1671261100012';
const TOTAL = 1_250_000;
const BODIES = 1_200;

const hotel = snapshotBill(HOTEL, { npwpd: 'P.2.0200001.16.02', namaWp: 'Hotel Nomor 1', namaObjek: 'Hotel 1', taxType: 'PBJT_HOTEL', taxTypeLabel: 'Pajak Hotel', masaPajak: '2026-11', dueDate: '2026-12-07', rawPhone: '081255550001' });
const source: SyncSource = { fileName: 'f.xlsx', sha256: 'f', sheet: 'Daftar Ketetapan', mapping: {}, bills: [hotel] as SnapshotBill[], finish: () => ({ rowsRead: 1, duplicates: 0, rejects: [] }) };

const FIELDS = ['request_id', 'partner_ref_number', 'tax_id', 'amount_paid', 'payment_date'] as const;
const WRONG_TYPES: unknown[] = [null, true, 0, -1, 1.5, [], {}, ['1671261100012'], { value: TOTAL }, '', 'x'.repeat(81)];
const ODD_TAX_IDS = ['16712611000121234', '1671261100012123456', "1' OR '1'='1", '1671261100012; DROP TABLE bills', '1671261100012 -- X', '١٦٧١٢٦١١٠٠٠١٢', '1671261100012\u0000', '🧾', 'x'.repeat(200), '%', '16.02.010.001.001-0012.0.9'];
const BAD_AMOUNTS: unknown[] = [-TOTAL, 0, TOTAL + 0.5, 1e308, 2 ** 53 + 2, '1250000', 1e21, -0.0001, Number.MAX_SAFE_INTEGER + 10];
const BAD_DATES = ['2026-11-30', '30/11/2026 08:31', '2026-11-30T08:31:05', 'kemarin', '2026-13-45T99:99:99+07:00', ''];

/** One malformed body, as text: no mutation ever leaves a valid payment of the right amount. */
function malformedBody(rng: Rng, i: number): string {
  const base: Record<string, unknown> = { partner_id: 'BSB_MOBILE', request_id: `FZ-${i}`, partner_ref_number: `FZREF-${i}`, tax_id: HOTEL, amount_paid: TOTAL, payment_date: '2026-11-30T07:31:05+07:00' };
  const text = () => JSON.stringify(base);
  switch (i % 12) {
    case 0:
      return text().slice(0, rng.int(0, text().length - 1));
    case 1:
      base[rng.pick(FIELDS)] = rng.pick(WRONG_TYPES);
      return text();
    case 2:
      base.amount_paid = rng.pick(BAD_AMOUNTS);
      return text();
    case 3:
      base.tax_id = rng.pick(ODD_TAX_IDS);
      return text();
    case 4:
      delete base[rng.pick(FIELDS)];
      return text();
    case 5:
      // Extra fields are ignored, so this one also pays the wrong amount: answered 13.
      base[`extra_${rng.int(0, 99)}`] = rng.pick(WRONG_TYPES);
      base.amount_paid = TOTAL - rng.int(1, 1000);
      return text();
    case 6:
      return rng.pick([JSON.stringify([base]), 'null', '[]', '"payment"', '42', 'true', '']);
    case 7: {
      const depth = rng.int(50, 1500);
      return '{"partner_id":"BSB_MOBILE","tax_id":' + '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) + '}';
    }
    case 8:
      base.payment_date = rng.pick(BAD_DATES);
      return text();
    case 9:
      base.request_id = rng.pick(['', 'x'.repeat(81), 'ID dengan spasi', 'ñ', '\u202e']);
      return text();
    case 10:
      return text().replace(/"/g, rng.pick(["'", '', '\\"']));
    default:
      base.tax_id = String(rng.int(10 ** 16, 10 ** 17 - 1)) + rng.pick(['', '00']);
      return text();
  }
}

describe.each(testEngines())('partner API fuzz on %s', (engine) => {
  let t: TestApp;
  let server: RunningServer;
  afterEach(async () => {
    await server?.close();
    await t?.close();
  });

  it(`answers each of ${BODIES} correctly signed malformed payments with a clean 30, 14 or 13 and writes nothing`, async () => {
    t = await createTestApp(engine);
    t.clock.set(MONDAY);
    const db = t.app.ledger.db;
    await db.updateTable('templates').set({ status: 'approved', meta_status: 'approved', decided_by: 'head', decided_at: MONDAY }).execute();
    await runSync(db, source, { dryRun: false, actor: 'test', now: t.clock.now() });
    await planReminders(db, { actor: 'test', now: t.clock.now() });
    await seedUsers(t);
    const admin = t.client();
    await admin.login('admin', 'rahasia-admin');
    const { secret } = await admin.call('partners.add', { name: 'BSB', id: 'BSB_MOBILE', ipAllowlist: ['127.0.0.1', '::1'], vaPrefix: '12345678' });
    server = await startPartnerApiServer(t.app, { port: 0 });
    const bsb = new PartnerClient(server.url, 'BSB_MOBILE', secret, () => t.clock.now());
    const ledgerState = async () => JSON.stringify([await db.selectFrom('bills').selectAll().orderBy('id').execute(), await db.selectFrom('outbox').select(['id', 'state', 'kind']).orderBy('id').execute()]);
    const before = await ledgerState();

    const rng = new Rng(20261130);
    const bodies = Array.from({ length: BODIES }, (_, i) => malformedBody(rng, i));
    const answers: { status: number; code: unknown }[] = [];
    for (let i = 0; i < bodies.length; i += 8) {
      const batch = await Promise.all(bodies.slice(i, i + 8).map((body) => bsb.v1('/v1/payment', body)));
      answers.push(...batch.map((a) => ({ status: a.status, code: a.json.status_code })));
    }

    const unclean = answers.map((a, i) => ({ ...a, body: bodies[i] })).filter((a) => !((a.status === 400 && a.code === '30') || (a.status === 200 && (a.code === '14' || a.code === '13'))));
    expect(unclean).toEqual([]);
    expect(new Set(answers.map((a) => a.code))).toEqual(new Set(['30', '14', '13']));
    expect(await db.selectFrom('payments').selectAll().execute()).toEqual([]);
    expect(await ledgerState()).toBe(before);
    const logged = await db.selectFrom('partner_requests').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(logged.n)).toBe(BODIES);
  }, 240_000);
});
