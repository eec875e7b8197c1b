import type { Kysely } from 'kysely';
import type { PaymentView } from '../../shared/api/payments.js';
import { billIdOfGeneratedCode, paymentCodeOf } from '../../shared/payments/payment-code.js';
import type { Database } from '../db/schema.js';
import { canonicalNpwpd } from '../ledger/index.js';

export interface PaymentFilter {
  from?: string | undefined;
  to?: string | undefined;
  partnerId?: string | undefined;
  /** A kode bayar, payment code, NPWPD or receipt number. */
  search?: string | undefined;
  taxpayerId?: number | undefined;
  billId?: number | undefined;
}

/** Newest first, paged by id so a page stays stable while payments keep arriving. */
export async function listPayments(db: Kysely<Database>, filter: PaymentFilter, page: { limit: number; beforeId?: number | undefined }) {
  let rows = filtered(db, filter);
  if (page.beforeId !== undefined) rows = rows.where('payments.id', '<', page.beforeId);
  const found = await rows
    .select(PAYMENT_COLUMNS)
    .orderBy('payments.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const totals = await filtered(db, filter)
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.sum<number>('payments.amount').as('amount')])
    .executeTakeFirstOrThrow();
  const payments = found.slice(0, page.limit).map(toView);
  return {
    payments,
    nextBeforeId: found.length > page.limit ? (payments.at(-1)?.id ?? null) : null,
    totals: { count: Number(totals.count), amount: Number(totals.amount ?? 0) },
  };
}

/** Every payment of one taxpayer or one bill, newest first: what the taxpayer page shows. */
export async function paymentsWhere(db: Kysely<Database>, filter: PaymentFilter): Promise<PaymentView[]> {
  const rows = await filtered(db, filter).select(PAYMENT_COLUMNS).orderBy('payments.id', 'desc').execute();
  return rows.map(toView);
}

function filtered(db: Kysely<Database>, filter: PaymentFilter) {
  let q = db.selectFrom('payments').innerJoin('bills', 'bills.id', 'payments.bill_id').innerJoin('taxpayers', 'taxpayers.id', 'bills.taxpayer_id');
  if (filter.from) q = q.where('payments.paid_date', '>=', filter.from);
  if (filter.to) q = q.where('payments.paid_date', '<=', filter.to);
  if (filter.partnerId) q = q.where('payments.partner_id', '=', filter.partnerId);
  if (filter.taxpayerId !== undefined) q = q.where('bills.taxpayer_id', '=', filter.taxpayerId);
  if (filter.billId !== undefined) q = q.where('payments.bill_id', '=', filter.billId);
  if (filter.search) {
    const term = filter.search.trim();
    const generated = billIdOfGeneratedCode(term);
    q = q.where((eb) =>
      eb.or([
        eb('bills.kode_bayar', '=', term.toUpperCase()),
        eb('taxpayers.npwpd', '=', canonicalNpwpd(term)),
        eb('payments.receipt_number', '=', term),
        eb('payments.partner_ref', '=', term),
        ...(generated === null ? [] : [eb('bills.id', '=', generated)]),
      ]),
    );
  }
  return q;
}

const PAYMENT_COLUMNS = [
  'payments.id as id',
  'payments.bill_id as billId',
  'bills.kode_bayar as kodeBayar',
  'bills.taxpayer_id as taxpayerId',
  'taxpayers.name as taxpayerName',
  'taxpayers.npwpd as npwpd',
  'bills.tax_type as taxType',
  'payments.partner_id as partnerId',
  'payments.partner_ref as partnerRef',
  'payments.request_id as requestId',
  'payments.receipt_number as receiptNumber',
  'payments.amount as amount',
  'payments.principal as principal',
  'payments.penalty as penalty',
  'payments.admin_fee as adminFee',
  'payments.paid_at as paidAt',
  'payments.paid_date as paidDate',
  'payments.recorded_by as recordedBy',
  'payments.recorded_at as recordedAt',
  'payments.note as note',
] as const;

function toView(row: Omit<PaymentView, 'paymentCode'>): PaymentView {
  const id = Number(row.billId);
  return {
    ...row,
    id: Number(row.id),
    billId: id,
    taxpayerId: Number(row.taxpayerId),
    paymentCode: paymentCodeOf({ id, kodeBayar: row.kodeBayar }),
    amount: Number(row.amount),
    principal: Number(row.principal),
    penalty: Number(row.penalty),
    adminFee: Number(row.adminFee),
  };
}
