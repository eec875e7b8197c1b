import type { Kysely } from 'kysely';
import type { Database } from '../../main/db/schema.js';

export interface SeedOptions {
  /** Recipient of message i (E.164); default distinct valid numbers (never the simulator's "not on WhatsApp" 0000 ending). */
  recipient?: (i: number) => string;
  /** Bills of message i paid already (the dispatcher must cancel it). */
  paid?: (i: number) => boolean;
  now?: string;
}

/**
 * `count` queued WhatsApp reminders, one taxpayer and one unpaid bill each, written straight
 * into the tables so dispatch tests do not depend on the planner. Returns the outbox ids.
 */
export async function seedOutbox(db: Kysely<Database>, count: number, options: SeedOptions = {}): Promise<number[]> {
  const now = options.now ?? '2026-11-23T01:00:00.000Z';
  const recipient = options.recipient ?? ((i: number) => `+62813${String(i).padStart(8, '0')}1`);
  const ids: number[] = [];
  const chunk = 500;
  for (let start = 0; start < count; start += chunk) {
    const range = Array.from({ length: Math.min(chunk, count - start) }, (_, k) => start + k);
    await db.transaction().execute(async (trx) => {
      const taxpayers = await trx
        .insertInto('taxpayers')
        .values(range.map((i) => ({ taxpayer_key: `P.TEST.${i}`, npwpd: `P.TEST.${i}`, name: `Warung Uji ${i}`, name_search: `WARUNG UJI ${i}`, address: null, kecamatan: 'Kayuagung', kelurahan: null, raw_phone: recipient(i), raw_email: null, created_run_id: null, updated_run_id: null, created_at: now, updated_at: now })))
        .returning('id')
        .execute();
      const bills = await trx
        .insertInto('bills')
        .values(range.map((i, k) => ({ kode_bayar: `KT-${i}`, taxpayer_id: taxpayers[k]?.id as number, object_id: null, tax_type: 'PBJT_MAKMIN', tax_type_label: 'Pajak Restoran', masa_pajak: '2026-10', tahun: 2026, principal: 1_000_000 + i, penalty: 0, due_date: '2026-11-30', status: options.paid?.(i) ? ('paid' as const) : ('unpaid' as const), paid_date: options.paid?.(i) ? '2026-11-22' : null, paid_source: null, kohir: null, tgl_penetapan: null, created_run_id: null, updated_run_id: null, created_at: now, updated_at: now })))
        .returning('id')
        .execute();
      const rows = await trx
        .insertInto('outbox')
        .values(
          range.map((i, k) => ({
            kind: 'reminder' as const,
            taxpayer_id: taxpayers[k]?.id as number,
            stage: 'H-7',
            due_date: '2026-11-30',
            channel: 'whatsapp' as const,
            plan_run_id: null,
            plan_date: '2026-11-23',
            bill_ids: JSON.stringify([bills[k]?.id]),
            template_id: null,
            recipient: recipient(i),
            body: `Yth. Warung Uji ${i}, pajak restoran Rp ${1_000_000 + i} jatuh tempo 30-11-2026.`,
            parameters: JSON.stringify([`Warung Uji ${i}`, 'Pajak Restoran', `Rp ${1_000_000 + i}`, '30-11-2026']),
            state: 'queued' as const,
            attempts: 0,
            not_before: now,
            next_attempt_at: now,
            gateway: null,
            gateway_message_id: null,
            error_code: null,
            error_detail: null,
            created_at: now,
            updated_at: now,
            sending_at: null,
            sent_at: null,
            delivered_at: null,
            read_at: null,
            failed_at: null,
          })),
        )
        .returning('id')
        .execute();
      ids.push(...rows.map((r) => r.id));
    });
  }
  return ids;
}

/** Points the WhatsApp channel at a simulator, as `sipeka gateway set` would. */
export async function useSimulator(db: Kysely<Database>, baseUrl: string, config: Record<string, unknown> = {}): Promise<void> {
  await db
    .insertInto('gateways')
    .values({ channel: 'whatsapp', kind: 'simulator', config: JSON.stringify({ baseUrl, ratePerSecond: 0, ...config }), secrets: null, updated_by: 'test', updated_at: '2026-11-23T01:00:00.000Z' })
    .onConflict((oc) => oc.column('channel').doUpdateSet({ config: JSON.stringify({ baseUrl, ratePerSecond: 0, ...config }) }))
    .execute();
}
