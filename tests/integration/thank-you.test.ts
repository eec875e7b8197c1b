import { afterEach, describe, expect, it } from 'vitest';
import { runSync, type SnapshotBill, type SyncSource, undoRun } from '../../main/ledger/index.js';
import { claimMessage } from '../../main/reminders/dispatch-claim.js';
import { planReminders } from '../../main/reminders/index.js';
import { generatedPaymentCode } from '../../shared/payments/payment-code.js';
import { testEngines } from '../support/engines.js';
import { snapshotBill } from '../support/snapshot-bill.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** A Monday, 08:00 WIB. */
const MONDAY = '2026-11-30T01:00:00.000Z';
/** Tuesday 19:00 WIB: after the send window closed. */
const TUESDAY_EVENING = '2026-12-01T12:00:00.000Z';
const WEDNESDAY_OPENING = '2026-12-02T01:00:00.000Z';

function bill(n: number, kodeBayar: string, over: Partial<SnapshotBill> = {}): SnapshotBill {
  return snapshotBill(kodeBayar, {
    npwpd: `P.2.02000${String(n).padStart(2, '0')}.16.02`,
    namaWp: `Hotel Nomor ${n}`,
    namaObjek: `Hotel ${n}`,
    rawPhone: `08125555${String(n).padStart(4, '0')}`,
    dueDate: '2026-12-07',
    ...over,
  });
}

const paid = (b: SnapshotBill, paidDate = '2026-12-01'): SnapshotBill => ({ ...b, status: 'paid', paidDate });

/** Hotel 1 owes one bill, Hotel 2 two due the same day (one reminder), Hotel 3 had paid before SI PEKA saw it. */
const before = [bill(1, 'KB-1'), bill(2, 'KB-2A'), bill(2, 'KB-2B', { namaObjek: 'Hotel 2 Annex' }), paid(bill(3, 'KB-3'), '2026-11-28')];
/** Hotel 1 paid its bill, Hotel 2 one of its two. */
const after = [paid(bill(1, 'KB-1')), paid(bill(2, 'KB-2A')), bill(2, 'KB-2B', { namaObjek: 'Hotel 2 Annex' }), paid(bill(3, 'KB-3'), '2026-11-28')];

function source(bills: SnapshotBill[], tag: string): SyncSource {
  return { fileName: `${tag}.xlsx`, sha256: tag, sheet: 'Daftar Ketetapan', mapping: {}, bills, finish: () => ({ rowsRead: bills.length, duplicates: 0, rejects: [] }) };
}

describe.each(testEngines())('thank-you after payment on %s', (engine) => {
  let t: TestApp;
  afterEach(async () => {
    await t?.close();
  });

  const db = () => t.app.ledger.db;
  const sync = (bills: SnapshotBill[], tag: string, dryRun = false) => runSync(db(), source(bills, tag), { dryRun, actor: 'test', now: t.clock.now() });

  async function approve(purposes: 'all' | 'reminders'): Promise<void> {
    let query = db().updateTable('templates').set({ status: 'approved', meta_status: 'approved', decided_by: 'head', decided_at: t.clock.now().toISOString() });
    if (purposes === 'reminders') query = query.where('purpose', '!=', 'thank_you');
    await query.execute();
  }

  /** The ledger of `before`, its reminders planned on Monday, then the clock on Tuesday evening. */
  async function plannedLedger(purposes: 'all' | 'reminders'): Promise<void> {
    t = await createTestApp(engine);
    t.clock.set(MONDAY);
    await approve(purposes);
    await sync(before, 'v1');
    expect((await planReminders(db(), { actor: 'test', now: t.clock.now() })).planned).toBe(2);
    t.clock.set(TUESDAY_EVENING);
  }

  async function outbox() {
    const rows = await db()
      .selectFrom('outbox')
      .innerJoin('taxpayers', 'taxpayers.id', 'outbox.taxpayer_id')
      .select(['outbox.id', 'outbox.kind', 'outbox.stage', 'outbox.due_date', 'outbox.state', 'outbox.error_code', 'outbox.bill_ids', 'outbox.body', 'outbox.not_before', 'outbox.channel', 'taxpayers.name'])
      .orderBy('outbox.id')
      .execute();
    const kode = new Map((await db().selectFrom('bills').select(['id', 'kode_bayar']).execute()).map((b) => [Number(b.id), b.kode_bayar]));
    return rows.map((r) => ({ ...r, bills: (JSON.parse(r.bill_ids) as number[]).map((id) => kode.get(id)) }));
  }
  const summary = async () => (await outbox()).map((m) => `${m.name} ${m.kind} ${m.state} ${m.bills.join('+')}`);

  it('cancels the reminder a payment made pointless and queues a thank-you naming the taxpayer and the bill', async () => {
    await plannedLedger('all');
    const report = await sync(after, 'v2');
    expect(report.bills.newlyPaid).toBe(2);
    const messages = await outbox();
    expect(await summary()).toEqual([
      'Hotel Nomor 1 reminder cancelled KB-1',
      // Still speaks of an unpaid bill: it stays.
      'Hotel Nomor 2 reminder queued KB-2A+KB-2B',
      'Hotel Nomor 1 thank_you queued KB-1',
      'Hotel Nomor 2 thank_you queued KB-2A',
    ]);
    const cancelled = messages[0];
    expect(cancelled?.error_code).toBe('bill_paid');
    const events = await db().selectFrom('message_events').select(['state', 'detail', 'at']).where('outbox_id', '=', cancelled?.id ?? 0).execute();
    expect(events).toEqual([{ state: 'cancelled', detail: 'bill_paid', at: TUESDAY_EVENING }]);

    const thanks = messages[2];
    expect(thanks).toMatchObject({ stage: 'thank_you', due_date: '2026-12-07', channel: 'whatsapp', not_before: WEDNESDAY_OPENING });
    expect(thanks?.body).toContain('Hotel Nomor 1');
    // `{kode_bayar}` shows the payment code: KB-1 has letters, so the bill pays with a generated one.
    expect(thanks?.body).toContain(generatedPaymentCode((JSON.parse(thanks?.bill_ids ?? '[]') as number[])[0] ?? 0));
    expect(thanks?.body).toContain('Rp 1.250.000');
    expect(thanks?.body).not.toContain('{');
  });

  it('does not send a thank-you once the import that paid the bill is undone', async () => {
    await plannedLedger('all');
    const report = await sync(after, 'v2');
    await db().transaction().execute((trx) => undoRun(trx, report.runId as number, 'test', t.clock.now()));
    const thanks = (await outbox()).filter((m) => m.kind === 'thank_you');
    expect(thanks).toHaveLength(2);
    for (const message of thanks) {
      const claim = await claimMessage(db(), message.id, { gateway: 'simulator', now: t.clock.now(), recipients: null, dailyCap: null });
      expect(claim).toEqual({ kind: 'cancelled', reason: 'bill_unpaid' });
    }
  });

  it('thanks nobody when the thank-you template is not approved, but still cancels the reminder', async () => {
    await plannedLedger('reminders');
    await sync(after, 'v2');
    expect(await summary()).toEqual(['Hotel Nomor 1 reminder cancelled KB-1', 'Hotel Nomor 2 reminder queued KB-2A+KB-2B']);
  });

  it('does not thank for bills first imported already paid', async () => {
    t = await createTestApp(engine);
    t.clock.set(MONDAY);
    await approve('all');
    await sync(after, 'v1');
    expect((await outbox()).filter((m) => m.kind === 'thank_you')).toEqual([]);
  });

  it('queues nothing new when the same export is imported again, or a payment is taken back and reported again', async () => {
    await plannedLedger('all');
    await sync(after, 'v2');
    const once = await summary();
    await sync(after, 'v2-again');
    expect(await summary()).toEqual(once);

    // SIMPADA takes the payments back, then reports them again: still one thank-you each.
    await sync(before, 'v3');
    await sync(after, 'v4');
    expect(await summary()).toEqual(once);
  });

  it('changes nothing on a dry run', async () => {
    await plannedLedger('all');
    const planned = await summary();
    const preview = await sync(after, 'v2', true);
    expect(preview.bills.newlyPaid).toBe(2);
    expect(await summary()).toEqual(planned);
    expect(await db().selectFrom('message_events').select('id').execute()).toEqual([]);
  });

  it('thanks once for the bills one reminder spoke of, and once per due date', async () => {
    await plannedLedger('all');
    const older = bill(2, 'KB-2-OKT', { dueDate: '2026-11-10', masaPajak: '2026-10' });
    await sync([...before, older], 'v1b');
    const allPaid = [...after.map((b) => (b.kodeBayar === 'KB-2B' ? paid(b) : b)), paid(older)];
    await sync(allPaid, 'v2');
    expect(await summary()).toEqual([
      'Hotel Nomor 1 reminder cancelled KB-1',
      'Hotel Nomor 2 reminder cancelled KB-2A+KB-2B',
      'Hotel Nomor 1 thank_you queued KB-1',
      'Hotel Nomor 2 thank_you queued KB-2-OKT',
      'Hotel Nomor 2 thank_you queued KB-2A+KB-2B',
    ]);
  });
});
