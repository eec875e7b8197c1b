import type { Insertable, Kysely } from 'kysely';
import type { BillData } from '../../shared/templates/index.js';
import { paymentCodeOf, virtualAccountNumber } from '../../shared/payments/payment-code.js';
import type { Database, OutboxTable } from '../db/schema.js';

/** Rows per insert: far below both engines' parameter limits. */
const INSERT_ROWS = 500;

/** What a new message says and to whom; every other column of a fresh outbox row is the same. */
export type NewMessage = Pick<
  Insertable<OutboxTable>,
  'kind' | 'taxpayer_id' | 'stage' | 'due_date' | 'channel' | 'plan_run_id' | 'plan_date' | 'bill_ids' | 'template_id' | 'recipient' | 'body' | 'parameters'
>;

/** A message waiting for the dispatcher, not before the send window opens. */
export function queuedRow(message: NewMessage, notBefore: string, at: string): Insertable<OutboxTable> {
  return {
    ...message,
    state: 'queued',
    attempts: 0,
    not_before: notBefore,
    next_attempt_at: notBefore,
    gateway: null,
    gateway_message_id: null,
    error_code: null,
    error_detail: null,
    created_at: at,
    updated_at: at,
    sending_at: null,
    sent_at: null,
    delivered_at: null,
    read_at: null,
    failed_at: null,
  };
}

/**
 * Inserts messages, skipping any whose moment (taxpayer, stage, due date, channel) the outbox
 * already holds: the unique key, not the caller's care, keeps a moment to one message. Returns
 * the rows actually inserted.
 */
export async function insertOnce(trx: Kysely<Database>, rows: readonly Insertable<OutboxTable>[]): Promise<{ stage: string; channel: OutboxTable['channel'] }[]> {
  const inserted: { stage: string; channel: OutboxTable['channel'] }[] = [];
  for (let i = 0; i < rows.length; i += INSERT_ROWS) {
    inserted.push(
      ...(await trx
        .insertInto('outbox')
        .values(rows.slice(i, i + INSERT_ROWS))
        .onConflict((oc) => oc.columns(['taxpayer_id', 'stage', 'due_date', 'channel']).doNothing())
        .returning(['stage', 'channel'])
        .execute()),
    );
  }
  return inserted;
}

type BillColumns = {
  id: number | string;
  tax_type_label: string;
  nop: string | null;
  object_name: string | null;
  masa_pajak: string | null;
  principal: number | string;
  penalty: number | string;
  due_date: string;
  kode_bayar: string;
};

/** A ledger bill as message text needs it: `{kode_bayar}` is its payment code, `{nomor_va}` that code at the partner's prefix. */
export function billData(row: BillColumns, vaPrefix: string | null): BillData {
  const paymentCode = paymentCodeOf({ id: Number(row.id), kodeBayar: row.kode_bayar });
  return {
    taxTypeLabel: row.tax_type_label,
    nop: row.nop,
    objectName: row.object_name,
    masaPajak: row.masa_pajak,
    principal: Number(row.principal),
    penalty: Number(row.penalty),
    dueDate: row.due_date,
    kodeBayar: paymentCode,
    nomorVa: vaPrefix === null ? null : virtualAccountNumber(vaPrefix, paymentCode),
  };
}
