import type { Kysely } from 'kysely';
import { MESSAGE_STATES } from '../../shared/api/messages.js';
import { failureReasonLine } from '../../shared/reminders/failure-reasons.js';
import type { Database } from '../db/schema.js';
import { keysetPages } from './keyset-pages.js';
import { rangeLabel } from './period-labels.js';
import type { ReportDefinition, ReportRow } from './report.js';

/** The words the Pesan screen uses for a message's state, so the printed log reads the same. */
export const MESSAGE_STATE_LABELS: Record<(typeof MESSAGE_STATES)[number], string> = {
  queued: 'Antre',
  sending: 'Dikirim',
  sent: 'Terkirim',
  delivered: 'Diterima',
  read: 'Dibaca',
  failed: 'Gagal',
  unknown: 'Tidak pasti',
  cancelled: 'Dibatalkan',
};
const CHANNEL_LABELS: Record<string, string> = { whatsapp: 'WhatsApp', sms: 'SMS' };
const KIND_LABELS: Record<string, string> = { reminder: 'Pengingat', thank_you: 'Terima kasih' };
/** Messages are fewer but wider than bills (each names its bills), so pages are smaller. */
const PAGE = 1_000;

/**
 * Log Pengiriman: every message the reminder engine planned for a plan-date range, with how far
 * it got (issue 7). Recipients are shown in full: officers call the taxpayer back from this list.
 */
export function dispatchReport(db: Kysely<Database>, from: string, to: string): ReportDefinition {
  const counts = new Map<string, number>();
  let no = 0;
  async function* rows(): AsyncIterable<ReportRow> {
    const pages = keysetPages(
      (after, limit) =>
        db
          .selectFrom('outbox as o')
          .innerJoin('taxpayers as t', 't.id', 'o.taxpayer_id')
          .select([
            'o.id',
            'o.kind',
            'o.plan_date',
            't.npwpd',
            't.name',
            'o.stage',
            'o.channel',
            'o.recipient',
            'o.state',
            'o.sent_at',
            'o.delivered_at',
            'o.read_at',
            'o.failed_at',
            'o.error_code',
            'o.bill_ids',
          ])
          .where('o.plan_date', '>=', from)
          .where('o.plan_date', '<=', to)
          .where('o.id', '>', after)
          .orderBy('o.id')
          .limit(limit)
          .execute(),
      (row) => Number(row.id),
      PAGE,
    );
    for await (const page of pages) {
      const codes = await kodeBayarOf(db, page.flatMap((m) => billIds(m.bill_ids)));
      for (const m of page) {
        counts.set(m.state, (counts.get(m.state) ?? 0) + 1);
        no += 1;
        yield {
          no,
          planDate: m.plan_date,
          npwpd: m.npwpd,
          name: m.name,
          kind: KIND_LABELS[m.kind] ?? m.kind,
          stage: m.stage,
          channel: CHANNEL_LABELS[m.channel] ?? m.channel,
          recipient: m.recipient,
          state: MESSAGE_STATE_LABELS[m.state] ?? m.state,
          sentAt: m.sent_at,
          deliveredAt: m.delivered_at,
          readAt: m.read_at,
          failedAt: m.failed_at,
          errorCode: m.error_code,
          reason: m.error_code ? failureReasonLine(m.error_code, 'id') : null,
          bills: billIds(m.bill_ids)
            .map((id) => codes.get(id) ?? `#${id}`)
            .join(', '),
        };
      }
    }
  }
  return {
    name: 'dispatch',
    title: { id: 'Log Pengiriman Pesan Pengingat', en: 'Reminder dispatch log' },
    period: rangeLabel(from, to),
    tables: [
      {
        sheetName: 'Log Pengiriman',
        columns: [
          { key: 'no', header: 'No', kind: 'integer' },
          { key: 'planDate', header: 'Tanggal Rencana', kind: 'date' },
          { key: 'npwpd', header: 'NPWPD', kind: 'text' },
          { key: 'name', header: 'Nama WP', kind: 'text' },
          { key: 'kind', header: 'Jenis Pesan', kind: 'text' },
          { key: 'stage', header: 'Tahap', kind: 'text' },
          { key: 'channel', header: 'Kanal', kind: 'text' },
          { key: 'recipient', header: 'Nomor Tujuan', kind: 'text' },
          { key: 'state', header: 'Status', kind: 'text' },
          { key: 'sentAt', header: 'Dikirim', kind: 'datetime' },
          { key: 'deliveredAt', header: 'Diterima', kind: 'datetime' },
          { key: 'readAt', header: 'Dibaca', kind: 'datetime' },
          { key: 'failedAt', header: 'Gagal', kind: 'datetime' },
          { key: 'errorCode', header: 'Kode Galat', kind: 'text' },
          { key: 'reason', header: 'Alasan', kind: 'text', width: 50 },
          { key: 'bills', header: 'Kode Bayar', kind: 'text' },
        ],
        rows: rows(),
        // Counted per state by COUNTIF over the Status column, so the figures follow a filter-free recount in Excel.
        notes: (range) => {
          const stateRange = range.range('state');
          return [
            ...MESSAGE_STATES.filter((s) => counts.has(s)).map((s) => ({
              label: `Status ${MESSAGE_STATE_LABELS[s]}`,
              value: counts.get(s) ?? 0,
              kind: 'integer' as const,
              ...(stateRange ? { formula: `COUNTIF(${stateRange},"${MESSAGE_STATE_LABELS[s]}")` } : {}),
            })),
            { label: 'Jumlah pesan', value: range.rows, kind: 'integer' as const, ...(range.range('no') ? { formula: `COUNT(${range.range('no')})` } : {}) },
          ];
        },
      },
    ],
  };
}

function billIds(json: string): number[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.map(Number).filter(Number.isFinite) : [];
}

async function kodeBayarOf(db: Kysely<Database>, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('bills').select(['id', 'kode_bayar']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [Number(r.id), r.kode_bayar]));
}
