import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { z } from 'zod';
import type { billFilter, billRow, BILL_SORT_COLUMNS } from '../../shared/api/ledger.js';
import type { Database } from '../db/schema.js';

type Filter = z.output<typeof billFilter>;
type BillRow = z.input<typeof billRow>;
type Joined = SelectQueryBuilder<Database & { o: Database['tax_objects'] }, 'bills' | 'taxpayers' | 'o', object>;

const SORT_SQL: Record<(typeof BILL_SORT_COLUMNS)[number], string> = {
  dueDate: 'bills.due_date',
  principal: 'bills.principal',
  taxpayerName: 'taxpayers.name_search',
  kodeBayar: 'bills.kode_bayar',
  taxType: 'bills.tax_type',
  status: 'bills.status',
  kecamatan: 'taxpayers.kecamatan',
};

export interface BillPage {
  filter: Filter;
  sort: (typeof BILL_SORT_COLUMNS)[number];
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
  withTotal: boolean;
}

/** One page of bills with their taxpayer, filtered and sorted in the database (the ledger may hold a million). */
export async function queryBills(db: Kysely<Database>, page: BillPage, today: string): Promise<{ rows: BillRow[]; total: number | null }> {
  const base = applyFilter(
    db
      .selectFrom('bills')
      .innerJoin('taxpayers', 'taxpayers.id', 'bills.taxpayer_id')
      .leftJoin('tax_objects as o', 'o.id', 'bills.object_id') as unknown as Joined,
    page.filter,
    today,
  );
  const rowsQuery = base
    .select([
      'bills.id as id',
      'bills.kode_bayar as kodeBayar',
      'bills.taxpayer_id as taxpayerId',
      'taxpayers.npwpd as npwpd',
      'taxpayers.name as taxpayerName',
      'taxpayers.kecamatan as kecamatan',
      'o.nop as nop',
      'o.name as objectName',
      'bills.tax_type as taxType',
      'bills.tax_type_label as taxTypeLabel',
      'bills.masa_pajak as masaPajak',
      'bills.tahun as tahun',
      'bills.principal as principal',
      'bills.penalty as penalty',
      'bills.due_date as dueDate',
      'bills.status as status',
      'bills.paid_date as paidDate',
    ])
    .orderBy(SORT_SQL[page.sort] as 'bills.due_date', page.direction)
    .orderBy('bills.id', page.direction)
    .limit(page.limit)
    .offset(page.offset);
  const [rows, total] = await Promise.all([
    rowsQuery.execute() as Promise<BillRow[]>,
    page.withTotal ? base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow() : Promise.resolve(null),
  ]);
  return { rows, total: total ? Number(total.n) : null };
}

function applyFilter(query: Joined, filter: Filter, today: string): Joined {
  let q = query;
  if (filter.taxType) q = q.where('bills.tax_type', '=', filter.taxType);
  if (filter.kecamatan) q = q.where('taxpayers.kecamatan', '=', filter.kecamatan);
  if (filter.status) q = q.where('bills.status', '=', filter.status);
  if (filter.dueFrom) q = q.where('bills.due_date', '>=', filter.dueFrom);
  if (filter.dueTo) q = q.where('bills.due_date', '<=', filter.dueTo);
  if (filter.overdue) q = q.where('bills.status', '=', 'unpaid').where('bills.due_date', '<', today);
  if (filter.npwpd) q = q.where('taxpayers.npwpd', '=', filter.npwpd.replace(/\s+/g, '').toUpperCase());
  if (filter.taxpayerId) q = q.where('bills.taxpayer_id', '=', filter.taxpayerId);
  if (filter.search) {
    const term = filter.search.toUpperCase();
    const digits = term.replace(/[^0-9]/g, '');
    q = q.where((eb) =>
      eb.or([
        eb('bills.kode_bayar', '=', filter.search as string),
        eb('taxpayers.npwpd', '=', term.replace(/\s+/g, '')),
        eb('taxpayers.name_search', 'like', `%${escapeLike(term)}%`),
        ...(digits.length >= 6 ? [eb('o.nop', 'like', `%${formatNopPrefix(digits)}%`)] : []),
      ]),
    );
  }
  return q;
}

function escapeLike(term: string): string {
  return term.replace(/[%_]/g, '');
}

/** NOPs are stored formatted (`16.02.010.001.001-0001.0`); a typed run of digits is matched against that form. */
function formatNopPrefix(digits: string): string {
  const cuts = [2, 4, 7, 10, 13, 17];
  let out = '';
  for (let i = 0; i < digits.length; i += 1) {
    if (cuts.includes(i)) out += i === 13 ? '-' : '.';
    out += digits[i];
  }
  return out;
}
