import type { Kysely } from 'kysely';
import { paymentCodeOf, virtualAccountNumber } from '../../shared/payments/payment-code.js';
import type { Database } from '../db/schema.js';
import { canonicalNpwpd } from './bill-query.js';

export interface TaxpayerPage {
  search?: string | undefined;
  kecamatan?: string | undefined;
  sort: 'name' | 'npwpd' | 'kecamatan' | 'unpaidPrincipal';
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const SORT = { name: 'taxpayers.name_search', npwpd: 'taxpayers.npwpd', kecamatan: 'taxpayers.kecamatan', unpaidPrincipal: 'unpaidPrincipal' } as const;

/** Taxpayers with what they still owe; the arrears are summed per page unless sorting by them. */
export async function queryTaxpayers(db: Kysely<Database>, page: TaxpayerPage) {
  let base = db.selectFrom('taxpayers');
  if (page.kecamatan) base = base.where('taxpayers.kecamatan', '=', page.kecamatan);
  if (page.search) {
    const term = page.search.toUpperCase();
    base = base.where((eb) => eb.or([eb('taxpayers.name_search', 'like', `%${term.replace(/[%_]/g, '')}%`), eb('taxpayers.npwpd', '=', canonicalNpwpd(page.search as string))]));
  }
  const unpaid = db
    .selectFrom('bills')
    .select((eb) => ['bills.taxpayer_id', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('bills.principal').as('principal')])
    .where('bills.status', '=', 'unpaid')
    .groupBy('bills.taxpayer_id')
    .as('u');
  const rows = await base
    .leftJoin(unpaid, 'u.taxpayer_id', 'taxpayers.id')
    .select((eb) => [
      'taxpayers.id as id',
      'taxpayers.npwpd as npwpd',
      'taxpayers.name as name',
      'taxpayers.address as address',
      'taxpayers.kecamatan as kecamatan',
      'taxpayers.kelurahan as kelurahan',
      eb.fn.coalesce('u.n', eb.lit(0)).as('unpaidBills'),
      eb.fn.coalesce('u.principal', eb.lit(0)).as('unpaidPrincipal'),
    ])
    .orderBy(SORT[page.sort], page.direction)
    .orderBy('taxpayers.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return {
    rows: rows.map((r) => ({ ...r, unpaidBills: Number(r.unpaidBills), unpaidPrincipal: Number(r.unpaidPrincipal) })),
    total: Number(total.n),
  };
}

export async function getTaxpayer(db: Kysely<Database>, id: number) {
  const taxpayer = await db.selectFrom('taxpayers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!taxpayer) return null;
  const objects = await db
    .selectFrom('tax_objects')
    .select(['id', 'nop', 'name', 'tax_type as taxType', 'address'])
    .where('taxpayer_id', '=', id)
    .orderBy('id')
    .execute();
  return { taxpayer, objects };
}

export async function ledgerFacets(db: Kysely<Database>) {
  const [taxTypes, kecamatan] = await Promise.all([
    db.selectFrom('bills').select((eb) => ['tax_type as code', eb.fn.countAll<number>().as('count')]).groupBy('tax_type').orderBy('tax_type').execute(),
    db.selectFrom('taxpayers').select('kecamatan').distinct().where('kecamatan', 'is not', null).orderBy('kecamatan').execute(),
  ]);
  return {
    taxTypes: taxTypes.map((t) => ({ code: t.code, count: Number(t.count) })),
    kecamatan: kecamatan.map((k) => k.kecamatan as string),
  };
}

/**
 * What the taxpayer page shows about paying each bill: its payment code, its virtual account at
 * the first active partner (none without a partner), and the payment SI PEKA recorded for it.
 */
export async function withPaymentFacts<B extends { id: number; kodeBayar: string }>(db: Kysely<Database>, bills: B[]) {
  // The first active partner's prefix, as payments/va-prefix.ts chooses it for messages (read here: payments depends on the ledger).
  const partner = await db.selectFrom('partners').select('va_prefix').where('active', '=', 1).orderBy('created_at').orderBy('id').executeTakeFirst();
  const payments =
    bills.length === 0
      ? []
      : await db
          .selectFrom('payments')
          .select(['bill_id', 'partner_id', 'partner_ref', 'receipt_number', 'paid_at', 'amount'])
          .where('bill_id', 'in', bills.map((b) => b.id))
          .execute();
  const byBill = new Map(payments.map((p) => [Number(p.bill_id), p]));
  return bills.map((bill) => {
    const paymentCode = paymentCodeOf(bill);
    const payment = byBill.get(bill.id);
    return {
      ...bill,
      paymentCode,
      virtualAccount: partner ? virtualAccountNumber(partner.va_prefix, paymentCode) : null,
      payment: payment ? { partnerId: payment.partner_id, partnerRef: payment.partner_ref, receiptNumber: payment.receipt_number, paidAt: payment.paid_at, amount: Number(payment.amount) } : null,
    };
  });
}
