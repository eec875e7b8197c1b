import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { z } from 'zod';
import type { billFilter, billRow, BILL_SORT_COLUMNS } from '../../shared/api/ledger.js';
import type { Database } from '../db/schema.js';

type Filter = z.output<typeof billFilter>;
type BillRow = z.input<typeof billRow>;
type BillsOnly = SelectQueryBuilder<Database, 'bills', object>;

/** Counting a million matches costs more than showing them; past this the screen says "10.000+". */
export const COUNT_CAP = 10_000;

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

/**
 * One page of bills with their taxpayer, filtered and sorted in the database (the ledger may
 * hold a million). Filters on the taxpayer or object are subqueries on their own indexed
 * tables, so the filter and the count touch `bills` alone and the join serves only the page.
 */
export async function queryBills(db: Kysely<Database>, page: BillPage, today: string): Promise<{ rows: BillRow[]; total: number | null; totalCapped: boolean }> {
  const filter = await resolveSearch(db, page.filter);
  const filtered = applyFilter(db.selectFrom('bills'), filter, today, db);
  const sortColumn = SORT_SQL[page.sort] as 'bills.due_date';
  const byTaxpayer = !sortColumn.startsWith('bills.');
  // Sorting on a bills column: find the page's ids on `bills` alone, then join only those
  // (a deep page while scrolling would otherwise join every row it skips).
  const pageSource = !byTaxpayer
    ? db.selectFrom('bills').where('bills.id', 'in', filtered.select('bills.id').orderBy(sortColumn, page.direction).orderBy('bills.id', page.direction).limit(page.limit).offset(page.offset))
    : // Sorting by the taxpayer with a kecamatan: say the kecamatan on the join instead, so the
      // database walks taxpayers (kecamatan, name) in order and stops after one page.
      applyFilter(db.selectFrom('bills'), { ...filter, kecamatan: undefined }, today, db);
  const paged = byTaxpayer ? { limit: page.limit, offset: page.offset } : { limit: page.limit, offset: 0 };
  const joined = pageSource.innerJoin('taxpayers', 'taxpayers.id', 'bills.taxpayer_id');
  // Said on the join too, so a sort by the taxpayer's name can walk taxpayers (kecamatan, name) in order.
  const rowsQuery = (byTaxpayer && filter.kecamatan ? joined.where('taxpayers.kecamatan', '=', filter.kecamatan) : joined)
    .leftJoin('tax_objects as o', 'o.id', 'bills.object_id')
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
    .orderBy(sortColumn, page.direction)
    .orderBy('bills.id', page.direction)
    .limit(paged.limit)
    .offset(paged.offset);
  const capped = db.selectFrom(filtered.select('bills.id').limit(COUNT_CAP + 1).as('matches')).select((eb) => eb.fn.countAll<number>().as('n'));
  const [rows, counted] = await Promise.all([rowsQuery.execute() as Promise<BillRow[]>, page.withTotal ? capped.executeTakeFirstOrThrow() : Promise.resolve(null)]);
  if (!counted) return { rows, total: null, totalCapped: false };
  const n = Number(counted.n);
  return { rows, total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
}

/**
 * A search that is exactly a bill code or an NPWPD means that bill or that taxpayer, and is
 * answered by its unique index; only other text is looked for in names and NOPs.
 */
async function resolveSearch(db: Kysely<Database>, filter: Filter): Promise<Filter & { billId?: number }> {
  if (!filter.search) return filter;
  const { search, ...rest } = filter;
  const bill = await db.selectFrom('bills').select('id').where('kode_bayar', '=', search).executeTakeFirst();
  if (bill) return { ...rest, billId: bill.id };
  const taxpayer = await db.selectFrom('taxpayers').select('id').where('npwpd', '=', canonicalNpwpd(search)).executeTakeFirst();
  if (taxpayer) return { ...rest, npwpd: canonicalNpwpd(search) };
  return filter;
}

function applyFilter(query: BillsOnly, filter: Filter & { billId?: number }, today: string, db: Kysely<Database>): BillsOnly {
  let q = query;
  if (filter.taxType) q = q.where('bills.tax_type', '=', filter.taxType);
  if (filter.status) q = q.where('bills.status', '=', filter.status);
  if (filter.dueFrom) q = q.where('bills.due_date', '>=', filter.dueFrom);
  if (filter.dueTo) q = q.where('bills.due_date', '<=', filter.dueTo);
  if (filter.overdue) q = q.where('bills.status', '=', 'unpaid').where('bills.due_date', '<', today);
  if (filter.taxpayerId) q = q.where('bills.taxpayer_id', '=', filter.taxpayerId);
  if (filter.billId) q = q.where('bills.id', '=', filter.billId);
  if (filter.kecamatan) q = q.where('bills.taxpayer_id', 'in', db.selectFrom('taxpayers').select('id').where('kecamatan', '=', filter.kecamatan));
  if (filter.npwpd) q = q.where('bills.taxpayer_id', 'in', db.selectFrom('taxpayers').select('id').where('npwpd', '=', canonicalNpwpd(filter.npwpd)));
  if (filter.search) {
    const raw = filter.search;
    const term = raw.toUpperCase();
    const digits = term.replace(/[^0-9]/g, '');
    q = q.where((eb) =>
      eb.or([
        eb('bills.kode_bayar', '=', raw),
        eb(
          'bills.taxpayer_id',
          'in',
          db
            .selectFrom('taxpayers')
            .select('id')
            .where((t) => t.or([t('npwpd', '=', canonicalNpwpd(raw)), t('name_search', 'like', `%${term.replace(/[%_]/g, '')}%`)])),
        ),
        ...(digits.length >= 6 ? [eb('bills.object_id', 'in', db.selectFrom('tax_objects').select('id').where('nop', 'like', `%${formatNopPrefix(digits)}%`))] : []),
      ]),
    );
  }
  return q;
}

/** A typed NPWPD as stored: spaces gone, upper case (domain.md). */
export function canonicalNpwpd(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
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
