import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { reconItem } from '../../../shared/api/reconciliation.js';
import type { Database } from '../../db/schema.js';
import type { ReconClass } from './classes.js';
import { checkedPeriod } from './status.js';

export type ReconItemView = z.infer<typeof reconItem>;

export interface ItemFilter {
  period: string;
  classes?: readonly ReconClass[] | undefined;
  openOnly?: boolean | undefined;
  limit: number;
  offset: number;
}

/** A period's items, oldest first, with the credit's text, the bill and the payment they concern. */
export async function listItems(db: Kysely<Database>, filter: ItemFilter): Promise<{ total: number; items: ReconItemView[] }> {
  const p = checkedPeriod(filter.period);
  let query = db.selectFrom('recon_items').where('day', '>=', p.from).where('day', '<=', p.to);
  if (filter.classes?.length) query = query.where('class', 'in', [...filter.classes]);
  if (filter.openOnly) query = query.where('class', '!=', 'matched').where('resolution', 'is', null);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ids = await query.select('id').orderBy('day').orderBy('id').limit(filter.limit).offset(filter.offset).execute();
  return { total: Number(total.n), items: await itemsById(db, ids.map((r) => Number(r.id))) };
}

export async function itemsById(db: Kysely<Database>, ids: number[]): Promise<ReconItemView[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('recon_items as i')
    .leftJoin('statement_lines as l', 'l.id', 'i.line_id')
    .leftJoin('bills as b', 'b.id', 'i.bill_id')
    .leftJoin('taxpayers as t', 't.id', 'b.taxpayer_id')
    .leftJoin('payments as p', 'p.id', 'i.payment_id')
    .select([
      'i.id as id',
      'i.day as day',
      'i.source as source',
      'i.class as class',
      'i.amount as amount',
      'i.expected as expected',
      'i.rule as rule',
      'i.confidence as confidence',
      'i.partner_id as partnerId',
      'l.description as description',
      'l.reference as reference',
      'i.bill_id as billId',
      'b.kode_bayar as kodeBayar',
      't.name as taxpayerName',
      'i.payment_id as paymentId',
      'p.receipt_number as receiptNumber',
      'i.resolution as resolution',
      'i.note as note',
      'i.resolved_by as resolvedBy',
      'i.resolved_at as resolvedAt',
    ])
    .where('i.id', 'in', ids)
    .orderBy('i.day')
    .orderBy('i.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    amount: Number(r.amount),
    expected: r.expected === null ? null : Number(r.expected),
    confidence: r.confidence === null ? null : Number(r.confidence),
    billId: r.billId === null ? null : Number(r.billId),
    paymentId: r.paymentId === null ? null : Number(r.paymentId),
    class: r.class as ReconClass,
    resolution: r.resolution as ReconItemView['resolution'],
  }));
}
