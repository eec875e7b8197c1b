import type { Kysely } from 'kysely';
import { penaltyAsOf, type PenaltyRule } from '../../shared/payments/penalty.js';
import { AGING_BUCKETS, type AgingBucket, agingBucket, agingBucketLabel, daysOverdue } from '../../shared/reports/aging.js';
import type { Database } from '../db/schema.js';
import { keysetPages } from './keyset-pages.js';
import { rangeLabel } from './period-labels.js';
import type { ReportColumn, ReportDefinition, ReportRow } from './report.js';

interface GroupFigures {
  kecamatan: string;
  taxType: string;
  bills: number;
  principal: number;
  penalty: number;
  byBucket: Record<AgingBucket, number>;
}

const NO_KECAMATAN = '(tanpa kecamatan)';

/**
 * Daftar Tunggakan: every bill unpaid on `asOf` and past its due date, with its age and the
 * penalty owed that day, and a second sheet summing it per kecamatan and tax type by age.
 * "Unpaid on `asOf`" includes bills paid later, so a list for the end of a past month is the
 * list that month really ended with.
 */
export function arrearsReport(db: Kysely<Database>, asOf: string, rule: PenaltyRule): ReportDefinition {
  const groups = new Map<string, GroupFigures>();
  // Bills share few due dates; date arithmetic once per date keeps 100,000 rows cheap.
  const daysByDueDate = new Map<string, number>();
  let no = 0;
  async function* rows(): AsyncIterable<ReportRow> {
    const pages = keysetPages(
      (after, limit) =>
        db
          .selectFrom('bills as b')
          .innerJoin('taxpayers as t', 't.id', 'b.taxpayer_id')
          .leftJoin('tax_objects as o', 'o.id', 'b.object_id')
          .select(['b.id', 't.npwpd', 't.name', 't.kecamatan as taxpayerKecamatan', 'o.kecamatan as objectKecamatan', 'b.tax_type', 'b.tax_type_label', 'b.masa_pajak', 'b.tahun', 'b.kode_bayar', 'b.due_date', 'b.principal', 'b.penalty'])
          .where('b.due_date', '<', asOf)
          .where((eb) => eb.or([eb('b.status', '=', 'unpaid'), eb('b.paid_date', '>', asOf)]))
          .where('b.id', '>', after)
          .orderBy('b.id')
          .limit(limit)
          .execute(),
      (row) => Number(row.id),
    );
    for await (const page of pages) {
      for (const b of page) {
        const days = daysByDueDate.get(b.due_date) ?? daysOverdue(b.due_date, asOf);
        daysByDueDate.set(b.due_date, days);
        const bucket = agingBucket(days) ?? '0-30';
        const penalty = penaltyAsOf({ principal: Number(b.principal), dueDate: b.due_date, exportPenalty: Number(b.penalty) }, asOf, rule);
        // Where the tax arises (the object) decides the kecamatan; the taxpayer's address is the fallback.
        const kecamatan = b.objectKecamatan ?? b.taxpayerKecamatan ?? NO_KECAMATAN;
        tally(groups, kecamatan, b.tax_type_label, Number(b.principal), penalty, bucket);
        no += 1;
        yield {
          no,
          npwpd: b.npwpd,
          name: b.name,
          kecamatan,
          taxType: b.tax_type_label,
          masa: b.masa_pajak,
          tahun: b.tahun,
          kodeBayar: b.kode_bayar,
          dueDate: b.due_date,
          days,
          age: agingBucketLabel(bucket),
          principal: Number(b.principal),
          penalty,
        };
      }
    }
  }

  function* summary(): Iterable<ReportRow> {
    const sorted = [...groups.values()].sort((a, b) => a.kecamatan.localeCompare(b.kecamatan, 'id') || a.taxType.localeCompare(b.taxType, 'id'));
    let n = 0;
    for (const g of sorted) {
      n += 1;
      yield { no: n, kecamatan: g.kecamatan, taxType: g.taxType, bills: g.bills, ...Object.fromEntries(AGING_BUCKETS.map((k) => [bucketKey(k), g.byBucket[k]])), principal: g.principal, penalty: g.penalty };
    }
  }

  const money = (key: string, header: string): ReportColumn => ({ key, header, kind: 'rupiah', total: true });
  return {
    name: 'arrears',
    title: { id: 'Daftar Tunggakan Pajak Daerah', en: 'Tax arrears list' },
    period: rangeLabel(asOf, asOf),
    periodCaption: 'Keadaan per',
    tables: [
      {
        sheetName: 'Daftar Tunggakan',
        columns: [
          { key: 'no', header: 'No', kind: 'integer' },
          { key: 'npwpd', header: 'NPWPD', kind: 'text' },
          { key: 'name', header: 'Nama WP', kind: 'text' },
          { key: 'kecamatan', header: 'Kecamatan', kind: 'text' },
          { key: 'taxType', header: 'Jenis Pajak', kind: 'text' },
          { key: 'masa', header: 'Masa', kind: 'text' },
          { key: 'tahun', header: 'Tahun', kind: 'text' },
          { key: 'kodeBayar', header: 'Kode Bayar', kind: 'text' },
          { key: 'dueDate', header: 'Jatuh Tempo', kind: 'date' },
          { key: 'days', header: 'Hari Lewat', kind: 'integer' },
          { key: 'age', header: 'Umur Tunggakan', kind: 'text' },
          money('principal', 'Pokok'),
          money('penalty', 'Denda'),
          { ...money('total', 'Jumlah'), sumOf: ['principal', 'penalty'] },
        ],
        rows: rows(),
      },
      {
        sheetName: 'Rekap per Kecamatan',
        subtitle: 'Rekapitulasi per kecamatan dan jenis pajak menurut umur tunggakan',
        columns: [
          { key: 'no', header: 'No', kind: 'integer' },
          { key: 'kecamatan', header: 'Kecamatan', kind: 'text' },
          { key: 'taxType', header: 'Jenis Pajak', kind: 'text' },
          { key: 'bills', header: 'Banyak Tagihan', kind: 'integer', total: true },
          ...AGING_BUCKETS.map((k) => money(bucketKey(k), `Umur ${agingBucketLabel(k)}`)),
          money('principal', 'Pokok'),
          money('penalty', 'Denda'),
          { ...money('total', 'Jumlah'), sumOf: ['principal', 'penalty'] },
        ],
        rows: summary(),
      },
    ],
  };
}

/** Bucket amounts are principal plus penalty: what the agency can still collect from that age. */
function tally(groups: Map<string, GroupFigures>, kecamatan: string, taxType: string, principal: number, penalty: number, bucket: AgingBucket): void {
  const key = `${kecamatan}\u0000${taxType}`;
  let g = groups.get(key);
  if (!g) {
    g = { kecamatan, taxType, bills: 0, principal: 0, penalty: 0, byBucket: Object.fromEntries(AGING_BUCKETS.map((k) => [k, 0])) as Record<AgingBucket, number> };
    groups.set(key, g);
  }
  g.bills += 1;
  g.principal += principal;
  g.penalty += penalty;
  g.byBucket[bucket] += principal + penalty;
}

function bucketKey(bucket: AgingBucket): string {
  return `age_${bucket}`;
}
