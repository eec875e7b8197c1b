import type { Kysely } from 'kysely';
import { COUNTER_PARTNER_ID, type PaymentView } from '../../shared/api/payments.js';
import { UserError } from '../../shared/errors.js';
import { formatRupiah } from '../../shared/format.js';
import type { Database } from '../db/schema.js';
import { readSettings } from '../platform/settings.js';
import { findPayableBill, payableBill, type PayableBill } from './bill-lookup.js';
import { paymentsWhere } from './payment-list.js';
import { assertPeriodOpen } from './period-lock.js';
import { recordPayment } from './record-payment.js';

export interface CounterPayment {
  taxId?: string | undefined;
  billId?: number | undefined;
  amount: number;
  paidDate: string;
  reference: string;
  receiptNumber?: string | undefined;
  note?: string | undefined;
}

/**
 * A payment taken at the agency's counter, with the checks a partner's gets — the bill exists
 * and is unpaid, the amount is its exact total as of the payment's day — and one more: the day
 * must not be signed off, since the counter's cash is what the treasurer reconciled. The
 * counter charges no admin fee.
 */
export async function recordCounterPayment(trx: Kysely<Database>, input: CounterPayment, by: { actor: string; today: string; now: Date }): Promise<PaymentView> {
  if (input.paidDate > by.today) throw new UserError('PAYMENT_DATE_IN_FUTURE', { date: input.paidDate, today: by.today });
  const bill = await counterBill(trx, input, input.paidDate);
  await assertPeriodOpen(trx, input.paidDate);
  if (input.receiptNumber && (await trx.selectFrom('payments').select('id').where('receipt_number', '=', input.receiptNumber).executeTakeFirst())) {
    throw new UserError('PAYMENT_RECEIPT_TAKEN', { receipt: input.receiptNumber });
  }
  const { timezone } = await readSettings(trx);
  const result = await recordPayment(
    trx,
    {
      billId: bill.id,
      partnerId: COUNTER_PARTNER_ID,
      partnerRef: input.reference,
      requestId: null,
      amountPaid: input.amount,
      // Today's payment at the moment it was recorded; an earlier day's at that day's start.
      paidAt: input.paidDate === by.today ? by.now : startOfDay(input.paidDate, timezone),
      recordedBy: by.actor,
      note: input.note ?? null,
      expectedTotal: bill.totalAmount,
      principal: bill.principal,
      penalty: bill.penalty,
      adminFee: bill.adminFee,
      receiptNumber: input.receiptNumber ?? null,
    },
    by.now,
  );
  if (!result.ok) {
    if (result.reason === 'duplicate_ref') throw new UserError('PAYMENT_DUPLICATE_REF', { reference: input.reference, receipt: result.existing?.receiptNumber ?? '-' });
    if (result.reason === 'amount_mismatch') throw mismatch(bill, input);
    throw alreadyPaid(bill, result.existing?.receiptNumber ?? null);
  }
  const [payment] = await paymentsWhere(trx, { billId: bill.id });
  if (!payment) throw new Error(`payment ${result.paymentId} vanished inside its own transaction`);
  return payment;
}

/** The bill and its total as of the payment's day: a late payer owes the penalty up to that day. */
export async function counterBill(db: Kysely<Database>, input: Pick<CounterPayment, 'taxId' | 'billId'>, paidDate: string): Promise<PayableBill> {
  const options = { today: paidDate, adminFee: 0 };
  if (input.billId === undefined && !input.taxId) throw new UserError('PAYMENT_NEEDS_BILL');
  const bill = input.billId !== undefined ? await payableBill(db, input.billId, options) : await findPayableBill(db, input.taxId as string, options);
  if (!bill) throw new UserError('BILL_NOT_FOUND', { taxId: input.taxId ?? `#${input.billId}` });
  if (bill.status === 'paid') {
    const existing = await db.selectFrom('payments').select('receipt_number').where('bill_id', '=', bill.id).executeTakeFirst();
    throw alreadyPaid(bill, existing?.receipt_number ?? null);
  }
  return bill;
}

function alreadyPaid(bill: PayableBill, receipt: string | null): UserError {
  return new UserError('BILL_ALREADY_PAID', { kodeBayar: bill.kodeBayar, receipt: receipt ? ` (${receipt})` : '' });
}

function mismatch(bill: PayableBill, input: CounterPayment): UserError {
  return new UserError('PAYMENT_AMOUNT_MISMATCH', {
    amount: formatRupiah(input.amount),
    kodeBayar: bill.kodeBayar,
    date: input.paidDate,
    total: formatRupiah(bill.totalAmount),
    principal: formatRupiah(bill.principal),
    penalty: formatRupiah(bill.penalty),
  });
}

/** Indonesia's zones keep no daylight saving, so each is a fixed offset from UTC. */
const OFFSETS: Record<string, string> = { 'Asia/Jakarta': '+07:00', 'Asia/Makassar': '+08:00', 'Asia/Jayapura': '+09:00' };

function startOfDay(day: string, timezone: string): Date {
  return new Date(`${day}T00:00:00${OFFSETS[timezone] ?? '+07:00'}`);
}
