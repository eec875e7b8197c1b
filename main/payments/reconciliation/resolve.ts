import type { Kysely } from 'kysely';
import { UserError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';
import { findPayableBill } from '../bill-lookup.js';
import { assertPeriodOpen } from '../period-lock.js';
import type { Resolution } from './classes.js';
import { itemsById, type ReconItemView } from './items.js';
import { type BillFact, classify, type PaymentFact } from './match.js';
import { refreshPaymentSide } from './rematch.js';

export interface ResolveInput {
  itemId: number;
  resolution: Resolution;
  bill?: string | undefined;
  note?: string | undefined;
}

/**
 * The treasurer's decision on one item, refused in a signed-off period. `link` matches a credit
 * to the bill the treasurer names (its class follows from the amounts, and it counts as
 * resolved only when that makes it matched); `refund`, `write_off` (with a reason) and `accept`
 * settle an exception as it is.
 */
export async function resolveItem(db: Kysely<Database>, input: ResolveInput, by: { actor: string; today: string; now: Date }): Promise<{ before: ReconItemView; after: ReconItemView }> {
  const [before] = await itemsById(db, [input.itemId]);
  if (!before) throw new UserError('RECON_ITEM_NOT_FOUND', { id: input.itemId });
  await assertPeriodOpen(db, before.day);
  const stamp = { note: input.note || null, resolved_by: by.actor, resolved_at: by.now.toISOString() };

  if (input.resolution === 'link') {
    if (before.source !== 'credit') throw new UserError('RECON_LINK_NEEDS_CREDIT', { id: before.id });
    if (!input.bill) throw new UserError('RECON_LINK_NEEDS_BILL');
    const bill = await findPayableBill(db, input.bill, { today: by.today });
    if (!bill) throw new UserError('BILL_NOT_FOUND', { taxId: input.bill });
    const match = await classifyLink(db, before, bill.id);
    await db
      .updateTable('recon_items')
      .set({
        bill_id: bill.id,
        payment_id: match.paymentId,
        partner_id: match.partnerId,
        expected: match.expected,
        class: match.class,
        rule: 'manual',
        confidence: 100,
        resolution: match.class === 'matched' ? 'link' : null,
        ...stamp,
      })
      .where('id', '=', before.id)
      .execute();
    // The bill's payment, and a bill this credit no longer explains, may change side.
    const days = await db.selectFrom('payments').select('paid_date').where('bill_id', 'in', [bill.id, ...(before.billId ? [before.billId] : [])]).execute();
    const billDays = await db.selectFrom('bills').select('paid_date').where('id', 'in', [bill.id, ...(before.billId ? [before.billId] : [])]).execute();
    await refreshPaymentSide(db, [...new Set([before.day, ...days.map((d) => d.paid_date), ...billDays.flatMap((b) => (b.paid_date ? [b.paid_date] : []))])]);
  } else {
    if (before.class === 'matched') throw new UserError('RECON_NOTHING_TO_RESOLVE', { id: before.id, class: before.class });
    if (input.resolution === 'write_off' && !input.note) throw new UserError('RECON_REASON_REQUIRED');
    await db.updateTable('recon_items').set({ resolution: input.resolution, ...stamp }).where('id', '=', before.id).execute();
  }
  const [after] = await itemsById(db, [before.id]);
  return { before, after: after! };
}

/** The class the credit takes for this bill, counting every other credit of the bill. */
async function classifyLink(db: Kysely<Database>, item: ReconItemView, billId: number) {
  const others = await db
    .selectFrom('recon_items')
    .select('id')
    .where('source', '=', 'credit')
    .where('bill_id', '=', billId)
    .where('class', '!=', 'paid_twice')
    .where('id', '!=', item.id)
    .execute();
  const bill = await db.selectFrom('bills').innerJoin('taxpayers', 'taxpayers.id', 'bills.taxpayer_id').select(['bills.principal', 'bills.penalty', 'bills.paid_date', 'bills.status', 'taxpayers.name']).where('bills.id', '=', billId).executeTakeFirstOrThrow();
  const payment = await db.selectFrom('payments').select(['id', 'partner_id', 'partner_ref', 'amount', 'paid_date']).where('bill_id', '=', billId).executeTakeFirst();
  const bills = new Map<number, BillFact>([[billId, { id: billId, total: Number(bill.principal) + Number(bill.penalty), paidDate: bill.status === 'paid' ? bill.paid_date : null, taxpayerName: bill.name }]]);
  const paymentsByBill = new Map<number, PaymentFact>(
    payment ? [[billId, { id: Number(payment.id), billId, partnerId: payment.partner_id, partnerRef: payment.partner_ref, amount: Number(payment.amount), paidDate: payment.paid_date, taxpayerName: bill.name }]] : [],
  );
  const credited = new Set<number>(others.length > 0 ? [billId] : []);
  return classify({ id: item.id, date: item.day, description: item.description ?? '', reference: item.reference, amount: item.amount }, billId, { bills, paymentsByBill }, credited);
}
