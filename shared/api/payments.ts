import { z } from 'zod';
import { isoDate, isoInstant, rupiah } from './common.js';
import { procedure } from './procedure.js';

/** Payments recorded in SI PEKA: by partners through the partner API, or at the counter (payments module). */

const READERS = ['treasurer', 'officer', 'head', 'admin'] as const;
/** Officers and the treasurer at the counter; the administrator too, as the command line acts as one. */
const COUNTER = ['officer', 'treasurer', 'admin'] as const;
/** The partner id of payments taken at the agency's own counter. */
export const COUNTER_PARTNER_ID = 'LOKET';

export const paymentView = z.object({
  id: z.number().int(),
  billId: z.number().int(),
  kodeBayar: z.string(),
  paymentCode: z.string(),
  taxpayerId: z.number().int(),
  taxpayerName: z.string(),
  npwpd: z.string().nullable(),
  taxType: z.string(),
  partnerId: z.string(),
  partnerRef: z.string(),
  requestId: z.string().nullable(),
  receiptNumber: z.string(),
  amount: rupiah,
  principal: rupiah,
  penalty: rupiah,
  adminFee: rupiah,
  paidAt: isoInstant,
  paidDate: isoDate,
  recordedBy: z.string(),
  recordedAt: isoInstant,
  note: z.string().nullable(),
});
export type PaymentView = z.infer<typeof paymentView>;

export const paymentsList = procedure({
  name: 'payments.list',
  roles: READERS,
  kind: 'query',
  input: z
    .object({
      from: isoDate.optional(),
      to: isoDate.optional(),
      partnerId: z.string().trim().toUpperCase().max(40).optional(),
      /** A kode bayar, payment code, NPWPD or receipt number. */
      search: z.string().trim().min(1).max(60).optional(),
      limit: z.number().int().min(1).max(5000).default(200),
      /** Newest first: the page after this payment id. */
      beforeId: z.number().int().min(1).optional(),
    })
    .strict(),
  output: z.object({
    payments: z.array(paymentView),
    nextBeforeId: z.number().int().nullable(),
    totals: z.object({ count: z.number().int(), amount: rupiah }),
  }),
});

export const paymentsForTaxpayer = procedure({
  name: 'payments.forTaxpayer',
  roles: READERS,
  kind: 'query',
  input: z.object({ taxpayerId: z.number().int() }).strict(),
  output: z.object({ payments: z.array(paymentView) }),
});

export const paymentsForBill = procedure({
  name: 'payments.forBill',
  roles: READERS,
  kind: 'query',
  input: z.object({ billId: z.number().int() }).strict(),
  output: z.object({ payment: paymentView.nullable() }),
});

export const paymentsQuote = procedure({
  name: 'payments.quote',
  roles: COUNTER,
  kind: 'query',
  input: z.object({ taxId: z.string().trim().min(1).max(60).optional(), billId: z.number().int().optional(), paidDate: isoDate.optional() }).strict(),
  output: z.object({
    billId: z.number().int(),
    kodeBayar: z.string(),
    paymentCode: z.string(),
    taxpayerName: z.string(),
    npwpd: z.string().nullable(),
    description: z.string(),
    status: z.enum(['paid', 'unpaid']),
    paidDate: isoDate,
    principal: rupiah,
    penalty: rupiah,
    totalAmount: rupiah,
  }),
});

export const paymentsRecord = procedure({
  name: 'payments.record',
  roles: COUNTER,
  // Its own transactions: a concurrent duplicate is retried once in a fresh one (record-payment.ts).
  kind: 'self-managed',
  input: z
    .object({
      /** Kode bayar, payment code or NOP; or `billId`. */
      taxId: z.string().trim().min(1).max(60).optional(),
      billId: z.number().int().optional(),
      amount: rupiah.positive(),
      paidDate: isoDate,
      /** The counter's slip or receipt book number: unique among counter payments. */
      reference: z.string().trim().min(1).max(80),
      /** A receipt number already handed out; otherwise one is made. */
      receiptNumber: z.string().trim().min(1).max(40).optional(),
      note: z.string().trim().max(500).optional(),
    })
    .strict(),
  output: z.object({ payment: paymentView }),
});

export const paymentProcedures = [paymentsList, paymentsForTaxpayer, paymentsForBill, paymentsQuote, paymentsRecord] as const;
