import type { Kysely } from 'kysely';
import type { BillData } from '../../shared/templates/index.js';
import { paymentCodeOf, virtualAccountNumber } from '../../shared/payments/payment-code.js';
import type { Database } from '../db/schema.js';
import { displayedVaPrefix } from '../payments/index.js';

/**
 * The few ledger reads message templates need, read-only: the ledger module owns these tables.
 * NPWPDs are stored without spaces and in capitals, so a typed one is compared that way.
 */
export async function findTaxpayer(db: Kysely<Database>, by: { id: number } | { npwpd: string }) {
  let query = db.selectFrom('taxpayers').select(['id', 'npwpd', 'name']);
  query = 'id' in by ? query.where('id', '=', by.id) : query.where('npwpd', '=', by.npwpd.replace(/\s+/g, '').toUpperCase());
  const row = await query.executeTakeFirst();
  return row ? { id: Number(row.id), npwpd: row.npwpd, name: row.name } : null;
}

/** A taxpayer's bills with the given status, earliest due first (latest first for paid ones: the last payment is thanked). */
export async function taxpayerBills(db: Kysely<Database>, taxpayerId: number, status: 'paid' | 'unpaid', limit: number): Promise<BillData[]> {
  const rows = await db
    .selectFrom('bills')
    .leftJoin('tax_objects', 'tax_objects.id', 'bills.object_id')
    .select([
      'bills.id',
      'bills.tax_type_label',
      'bills.masa_pajak',
      'bills.principal',
      'bills.penalty',
      'bills.due_date',
      'bills.kode_bayar',
      'tax_objects.nop',
      'tax_objects.name as object_name',
    ])
    .where('bills.taxpayer_id', '=', taxpayerId)
    .where('bills.status', '=', status)
    .orderBy('bills.due_date', status === 'unpaid' ? 'asc' : 'desc')
    .orderBy('bills.id')
    .limit(limit)
    .execute();
  const vaPrefix = await displayedVaPrefix(db);
  return rows.map((r) => {
    const paymentCode = paymentCodeOf({ id: Number(r.id), kodeBayar: r.kode_bayar });
    return {
      taxTypeLabel: r.tax_type_label,
      nop: r.nop,
      objectName: r.object_name,
      masaPajak: r.masa_pajak,
      principal: Number(r.principal),
      penalty: Number(r.penalty),
      dueDate: r.due_date,
      kodeBayar: paymentCode,
      nomorVa: vaPrefix === null ? null : virtualAccountNumber(vaPrefix, paymentCode),
    };
  });
}
