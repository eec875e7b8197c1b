import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import { lastDayOfMonth, monthLabel, monthName } from './period-labels.js';
import type { ReportColumn, ReportDefinition, ReportRow } from './report.js';

/**
 * Rekap Penerimaan: what was received per tax type in each month of the year up to the period
 * (realisation). Every bill paid in the range counts — through a partner, a bank statement or
 * SIMPADA — at the amount of its payment when SI PEKA recorded one, otherwise at its principal
 * plus penalty as SIMPADA reported it paid.
 */
export async function revenueReport(db: Kysely<Database>, period: string): Promise<ReportDefinition> {
  const year = period.slice(0, 4);
  const lastMonth = period.length === 7 ? Number(period.slice(5, 7)) : 12;
  const from = `${year}-01-01`;
  const to = lastDayOfMonth(`${year}-${String(lastMonth).padStart(2, '0')}-01`);
  const figures = await db
    .selectFrom('bills as b')
    .leftJoin('payments as p', 'p.bill_id', 'b.id')
    .select((eb) => {
      const month = eb.fn<string>('substr', ['b.paid_date', sql.lit(6), sql.lit(2)]);
      return [
        'b.tax_type',
        eb.fn.max('b.tax_type_label').as('label'),
        month.as('month'),
        eb.fn.sum<number | string>(eb.fn.coalesce('p.amount', eb('b.principal', '+', eb.ref('b.penalty')))).as('amount'),
      ];
    })
    .where('b.status', '=', 'paid')
    .where('b.paid_date', '>=', from)
    .where('b.paid_date', '<=', to)
    .groupBy((eb) => ['b.tax_type', eb.fn('substr', ['b.paid_date', sql.lit(6), sql.lit(2)])])
    .execute();

  const byType = new Map<string, { label: string; months: number[] }>();
  for (const f of figures) {
    const entry = byType.get(f.tax_type) ?? { label: f.label ?? f.tax_type, months: Array.from({ length: lastMonth }, () => 0) };
    entry.months[Number(f.month) - 1] = Number(f.amount);
    byType.set(f.tax_type, entry);
  }
  const rows: ReportRow[] = [...byType.values()]
    .sort((a, b) => a.label.localeCompare(b.label, 'id'))
    .map((t, i) => ({ no: i + 1, taxType: t.label, ...Object.fromEntries(t.months.map((amount, m) => [monthKey(m + 1), amount])) }));
  const monthColumns: ReportColumn[] = Array.from({ length: lastMonth }, (_, m) => ({ key: monthKey(m + 1), header: monthName(m + 1), kind: 'rupiah', total: true }));
  return {
    name: 'revenue',
    title: { id: 'Rekapitulasi Penerimaan Pajak Daerah per Jenis Pajak', en: 'Revenue by tax type and month' },
    period: lastMonth === 12 && period.length === 4 ? `Tahun ${year}` : `Januari – ${monthLabel(`${year}-${String(lastMonth).padStart(2, '0')}`)}`,
    tables: [
      {
        sheetName: 'Rekap Penerimaan',
        columns: [
          { key: 'no', header: 'No', kind: 'integer' },
          { key: 'taxType', header: 'Jenis Pajak', kind: 'text' },
          ...monthColumns,
          { key: 'total', header: 'Jumlah', kind: 'rupiah', total: true, sumOf: [monthKey(1), monthKey(lastMonth)] },
        ],
        rows,
      },
    ],
  };
}

function monthKey(month: number): string {
  return `m${String(month).padStart(2, '0')}`;
}
