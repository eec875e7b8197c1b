import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { findPayableBill, type PayableBill } from '../bill-lookup.js';
import { recordPayment } from '../record-payment.js';

export interface PartnerPayment {
  partnerId: string;
  /** The bank's own transaction reference: one payment per partner and reference. */
  partnerRef: string;
  requestId: string;
  taxId: string;
  taxYear?: number | undefined;
  amountPaid: number;
  paidAt: Date;
  /** `YYYY-MM-DD` in the agency's zone: the day the bill is priced for. */
  today: string;
}

export type Settlement =
  | { kind: 'paid'; bill: PayableBill; receiptNumber: string; repeated: boolean }
  | { kind: 'not_found' }
  | { kind: 'already_paid'; bill: PayableBill }
  | { kind: 'amount_mismatch'; bill: PayableBill }
  | { kind: 'ref_reused'; bill: PayableBill };

/**
 * One partner payment, inside the caller's transaction. A reference the partner used before
 * for this bill is the same payment again (a bank retrying under a new request id): it answers
 * the first receipt and records nothing, so the bank's books still match ours. The same
 * reference for a different bill is the partner's mistake and moves no money.
 */
export async function settlePartnerPayment(trx: Kysely<Database>, payment: PartnerPayment, now: Date): Promise<Settlement> {
  const bill = await findPayableBill(trx, payment.taxId, { today: payment.today, taxYear: payment.taxYear });
  if (!bill) return { kind: 'not_found' };
  const earlier = await trx
    .selectFrom('payments')
    .select(['bill_id', 'receipt_number'])
    .where('partner_id', '=', payment.partnerId)
    .where('partner_ref', '=', payment.partnerRef)
    .executeTakeFirst();
  if (earlier) return Number(earlier.bill_id) === bill.id ? { kind: 'paid', bill, receiptNumber: earlier.receipt_number, repeated: true } : { kind: 'ref_reused', bill };
  if (bill.status === 'paid') return { kind: 'already_paid', bill };

  const result = await recordPayment(
    trx,
    {
      billId: bill.id,
      partnerId: payment.partnerId,
      partnerRef: payment.partnerRef,
      requestId: payment.requestId,
      amountPaid: payment.amountPaid,
      paidAt: payment.paidAt,
      recordedBy: `partner:${payment.partnerId}`,
      expectedTotal: bill.totalAmount,
      principal: bill.principal,
      penalty: bill.penalty,
      adminFee: bill.adminFee,
    },
    now,
  );
  if (result.ok) return { kind: 'paid', bill, receiptNumber: result.receiptNumber, repeated: false };
  switch (result.reason) {
    case 'amount_mismatch':
      return { kind: 'amount_mismatch', bill };
    case 'duplicate_ref':
      return result.existing?.billId === bill.id ? { kind: 'paid', bill, receiptNumber: result.existing.receiptNumber, repeated: true } : { kind: 'ref_reused', bill };
    default:
      // Partner payments never respect a period lock (the bank already took the money), so this is a paid bill.
      return { kind: 'already_paid', bill };
  }
}
