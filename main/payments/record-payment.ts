import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/schema.js';
import { markBillPaidByPayment } from '../ledger/index.js';
import { calendarDate } from '../platform/clock.js';
import { readSettings } from '../platform/settings.js';
import { lockOf } from './period-lock.js';
import { receiptNumberFor } from './receipt-number.js';

export interface PaymentInput {
  billId: number;
  /** A partner's id, or `LOKET` for the agency's counter. */
  partnerId: string;
  /** The partner's own transaction reference (or the counter's slip number): unique per partner. */
  partnerRef: string;
  requestId: string | null;
  amountPaid: number;
  /** The instant the taxpayer paid; its calendar day in the agency's zone is the payment's day. */
  paidAt: Date;
  recordedBy: string;
  note?: string | null | undefined;
  /** What the bill costs as of the payment's day: principal + penalty + adminFee. */
  expectedTotal: number;
  principal: number;
  penalty: number;
  adminFee: number;
  /** A receipt the counter already handed out; otherwise one is made (receipt-number.ts). */
  receiptNumber?: string | null | undefined;
  /** Refuse (`period_locked`) when the payment's day is signed off; partner payments never do. */
  respectPeriodLock?: boolean | undefined;
}

export interface ExistingPayment {
  paymentId: number;
  receiptNumber: string;
  billId: number;
}

export type RecordPaymentResult =
  | { ok: true; paymentId: number; receiptNumber: string }
  | { ok: false; reason: 'already_paid' | 'amount_mismatch' | 'duplicate_ref' | 'period_locked'; existing?: ExistingPayment };

/**
 * Records one payment inside the caller's transaction: the bill turns paid (which cancels its
 * pending reminders and queues the thank-you) and the payment row is written, or nothing is.
 * The checks run in the order a bank needs its answer: a reference seen before is a replay
 * (the first payment is returned), a wrong amount moves no money, a bill paid already is
 * refused. Concurrent duplicates that slip past these reads are stopped by the unique
 * constraints on payments; see isUniqueViolation for how callers retry.
 */
export async function recordPayment(trx: Kysely<Database>, input: PaymentInput, now: Date): Promise<RecordPaymentResult> {
  const duplicate = await paymentByRef(trx, input.partnerId, input.partnerRef);
  if (duplicate) return { ok: false, reason: 'duplicate_ref', existing: duplicate };
  if (input.amountPaid !== input.expectedTotal) return { ok: false, reason: 'amount_mismatch' };

  const { timezone } = await readSettings(trx);
  const paidDate = calendarDate(input.paidAt, timezone);
  if (input.respectPeriodLock && (await lockOf(trx, paidDate))) return { ok: false, reason: 'period_locked' };

  if (!(await markBillPaidByPayment(trx, input.billId, paidDate, now))) {
    // A concurrent replay of this very payment got there first: it is a duplicate, not a second payer.
    const replayed = await paymentByRef(trx, input.partnerId, input.partnerRef);
    if (replayed) return { ok: false, reason: 'duplicate_ref', existing: replayed };
    const existing = await paymentOfBill(trx, input.billId);
    return existing ? { ok: false, reason: 'already_paid', existing } : { ok: false, reason: 'already_paid' };
  }

  const receiptNumber = input.receiptNumber ?? receiptNumberFor(input.billId, paidDate);
  const inserted = await trx
    .insertInto('payments')
    .values({
      bill_id: input.billId,
      partner_id: input.partnerId,
      partner_ref: input.partnerRef,
      request_id: input.requestId,
      receipt_number: receiptNumber,
      amount: input.amountPaid,
      principal: input.principal,
      penalty: input.penalty,
      admin_fee: input.adminFee,
      paid_at: input.paidAt.toISOString(),
      paid_date: paidDate,
      recorded_by: input.recordedBy,
      recorded_at: now.toISOString(),
      note: input.note ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ok: true, paymentId: Number(inserted.id), receiptNumber };
}

function paymentByRef(trx: Kysely<Database>, partnerId: string, partnerRef: string): Promise<ExistingPayment | null> {
  return existingPayment(trx.selectFrom('payments').where('partner_id', '=', partnerId).where('partner_ref', '=', partnerRef));
}

function paymentOfBill(trx: Kysely<Database>, billId: number): Promise<ExistingPayment | null> {
  return existingPayment(trx.selectFrom('payments').where('bill_id', '=', billId));
}

async function existingPayment(from: SelectQueryBuilder<Database, 'payments', object>): Promise<ExistingPayment | null> {
  const row = await from.select(['id', 'receipt_number', 'bill_id']).executeTakeFirst();
  return row ? { paymentId: Number(row.id), receiptNumber: row.receipt_number, billId: Number(row.bill_id) } : null;
}
