import type { Kysely } from 'kysely';
import { formatDate } from '../../../shared/format.js';
import type { Database } from '../../db/schema.js';
import { calendarDate } from '../../platform/clock.js';
import { readSettings } from '../../platform/settings.js';
// Not through reports/index.ts: the report framework's generator imports this file.
import { monthLabel } from '../../reports/period-labels.js';
import type { ReportDefinition, ReportRow } from '../../reports/report.js';
import { RECON_CLASSES, type ReconClass } from './classes.js';
import { listItems, type ReconItemView } from './items.js';
import { reconciliationStatus } from './status.js';

const CLASS_LABELS: Record<ReconClass, string> = {
  matched: 'Cocok',
  underpaid: 'Kurang bayar',
  overpaid: 'Lebih bayar',
  paid_twice: 'Bayar ganda',
  no_bill: 'Kredit tanpa tagihan',
  no_credit: 'Pembayaran tanpa kredit',
  never_credited: 'Lunas di SIMPADA, tanpa kredit',
};
const RESOLUTION_LABELS: Record<string, string> = { link: 'Ditautkan', refund: 'Dikembalikan', write_off: 'Dihapuskan', accept: 'Diterima' };
const RULE_LABELS: Record<string, string> = { reference: 'Referensi mitra', code: 'Kode bayar', va: 'Nomor VA', fuzzy: 'Jumlah + tanggal + nama', manual: 'Ditautkan bendahara' };
const PAGE = 1000;

/**
 * Rekonsiliasi Harian / Bulanan: per partner what SI PEKA recorded against what the bank
 * credited (with the count and amount of each class under it), the matched credits, and the
 * exceptions with the treasurer's resolutions and notes — what the treasurer signs and the
 * head acknowledges in the signature block.
 */
export async function reconciliationReport(db: Kysely<Database>, period: string): Promise<ReportDefinition> {
  const status = await reconciliationStatus(db, period);
  const partnerRows: ReportRow[] = status.partners.map((p, i) => ({
    no: i + 1,
    partner: p.partnerId === '-' ? '(tanpa pembayaran SI PEKA)' : p.partnerId,
    payments: p.payments,
    paymentAmount: p.paymentAmount,
    credits: p.credits,
    creditAmount: p.creditAmount,
    difference: p.difference,
  }));
  const { timezone } = await readSettings(db);
  const lock = status.lock?.state === 'locked' ? `ditandatangani ${status.lock.signedBy}, ${formatDate(calendarDate(new Date(status.lock.signedAt), timezone), 'id')}` : status.reconciled ? 'terekonsiliasi, belum ditandatangani' : `${status.open} butir terbuka`;
  return {
    name: 'reconciliation',
    title: status.kind === 'day' ? { id: 'Rekonsiliasi Harian Penerimaan', en: 'Daily reconciliation of receipts' } : { id: 'Rekonsiliasi Bulanan Penerimaan', en: 'Monthly reconciliation of receipts' },
    period: status.kind === 'day' ? formatDate(period, 'id') : monthLabel(period),
    tables: [
      {
        sheetName: 'Ringkasan',
        subtitle: `Pembayaran per mitra dibanding kredit bank; status: ${lock}`,
        columns: [
          { key: 'no', header: 'No', kind: 'integer' },
          { key: 'partner', header: 'Mitra', kind: 'text' },
          { key: 'payments', header: 'Pembayaran', kind: 'integer', total: true },
          { key: 'paymentAmount', header: 'Jumlah Pembayaran', kind: 'rupiah', total: true },
          { key: 'credits', header: 'Kredit Bank', kind: 'integer', total: true },
          { key: 'creditAmount', header: 'Jumlah Kredit', kind: 'rupiah', total: true },
          { key: 'difference', header: 'Selisih', kind: 'rupiah', total: true },
        ],
        rows: partnerRows,
        notes: () =>
          RECON_CLASSES.flatMap((c) => [
            { label: `${CLASS_LABELS[c]} (butir)`, value: status.classes[c].count, kind: 'integer' as const },
            { label: `${CLASS_LABELS[c]} (jumlah)`, value: status.classes[c].amount, kind: 'rupiah' as const },
          ]),
      },
      {
        sheetName: 'Cocok',
        subtitle: 'Kredit bank yang cocok dengan pembayaran atau tagihan',
        columns: [
          { key: 'no', header: 'No', kind: 'integer' },
          { key: 'day', header: 'Tanggal', kind: 'date' },
          { key: 'description', header: 'Keterangan Bank', kind: 'text', width: 40 },
          { key: 'reference', header: 'Referensi', kind: 'text' },
          { key: 'kodeBayar', header: 'Kode Bayar', kind: 'text' },
          { key: 'taxpayer', header: 'Wajib Pajak', kind: 'text', width: 30 },
          { key: 'partner', header: 'Mitra', kind: 'text' },
          { key: 'rule', header: 'Dasar Pencocokan', kind: 'text' },
          { key: 'confidence', header: 'Keyakinan (%)', kind: 'integer' },
          { key: 'amount', header: 'Jumlah', kind: 'rupiah', total: true },
        ],
        rows: numbered(itemRows(db, period, ['matched'], (i) => ({
          day: i.day,
          description: i.description,
          reference: i.reference,
          kodeBayar: i.kodeBayar,
          taxpayer: i.taxpayerName,
          partner: i.partnerId,
          rule: i.rule ? (RULE_LABELS[i.rule] ?? i.rule) : null,
          confidence: i.confidence,
          amount: i.amount,
        }))),
      },
      {
        sheetName: 'Pengecualian',
        subtitle: 'Selisih dan penyelesaiannya',
        columns: [
          { key: 'no', header: 'No', kind: 'integer' },
          { key: 'day', header: 'Tanggal', kind: 'date' },
          { key: 'class', header: 'Jenis', kind: 'text' },
          { key: 'description', header: 'Keterangan Bank', kind: 'text', width: 36 },
          { key: 'kodeBayar', header: 'Kode Bayar', kind: 'text' },
          { key: 'taxpayer', header: 'Wajib Pajak', kind: 'text', width: 28 },
          { key: 'partner', header: 'Mitra', kind: 'text' },
          { key: 'amount', header: 'Jumlah', kind: 'rupiah', total: true },
          { key: 'expected', header: 'Seharusnya', kind: 'rupiah', total: true },
          { key: 'resolution', header: 'Penyelesaian', kind: 'text' },
          { key: 'note', header: 'Catatan', kind: 'text', width: 40 },
          { key: 'resolvedBy', header: 'Oleh', kind: 'text' },
          { key: 'resolvedAt', header: 'Waktu', kind: 'datetime' },
        ],
        rows: numbered(itemRows(db, period, RECON_CLASSES.filter((c) => c !== 'matched'), (i) => ({
          day: i.day,
          class: CLASS_LABELS[i.class],
          description: i.description,
          kodeBayar: i.kodeBayar,
          taxpayer: i.taxpayerName,
          partner: i.partnerId,
          amount: i.amount,
          expected: i.expected,
          resolution: i.resolution ? RESOLUTION_LABELS[i.resolution]! : 'BELUM',
          note: i.note,
          resolvedBy: i.resolvedBy,
          resolvedAt: i.resolvedAt,
        }))),
      },
    ],
  };
}

async function* itemRows(db: Kysely<Database>, period: string, classes: ReconClass[], row: (item: ReconItemView) => ReportRow): AsyncIterable<ReportRow> {
  for (let offset = 0; ; offset += PAGE) {
    const { items } = await listItems(db, { period, classes, limit: PAGE, offset });
    for (const item of items) yield row(item);
    if (items.length < PAGE) return;
  }
}

async function* numbered(rows: AsyncIterable<ReportRow>): AsyncIterable<ReportRow> {
  let no = 0;
  for await (const row of rows) yield { no: ++no, ...row };
}
