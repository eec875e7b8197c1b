import type { Kysely } from 'kysely';
import { recordDelivered, recordDeliveryProblem } from '../contacts/index.js';
import type { Database, MessageState } from '../db/schema.js';

export type GatewayStatus = 'sent' | 'delivered' | 'read' | 'failed';

export interface StatusUpdate {
  /** The gateway's id (`wamid.…`). */
  gatewayMessageId: string;
  /** Our outbox id, echoed back as `biz_opaque_callback_data`. */
  ref: string | null;
  status: GatewayStatus;
  at: Date;
  errorCode?: string | null;
  errorDetail?: string | null;
}

/**
 * How far a message got. Webhooks arrive out of order, so a status only ever moves a message
 * forward: read beats delivered beats failed beats sent. A message read or delivered was not
 * lost, whatever a late `failed` says.
 */
const RANK: Record<MessageState, number> = { queued: 0, sending: 1, unknown: 1, sent: 2, failed: 2.5, delivered: 3, read: 4, cancelled: -1 };

export type StatusOutcome = 'applied' | 'stale' | 'not_found';

export async function applyStatus(trx: Kysely<Database>, update: StatusUpdate): Promise<StatusOutcome> {
  const row = await findMessage(trx, update);
  if (!row) return 'not_found';
  const at = update.at.toISOString();
  const detail = update.status === 'failed' ? `${update.errorCode ?? '?'} ${update.errorDetail ?? ''}`.trim() : update.gatewayMessageId;
  const overtaken = (Object.keys(RANK) as MessageState[]).filter((s) => RANK[s] >= 0 && RANK[s] < RANK[update.status]);
  const reached = update.status === 'delivered' || update.status === 'read';
  // One conditional update, so two webhooks racing on PostgreSQL cannot move a message backwards.
  const changed = await trx
    .updateTable('outbox')
    .set((eb) => ({
      state: update.status,
      updated_at: at,
      gateway_message_id: eb.fn.coalesce('gateway_message_id', eb.val(update.gatewayMessageId)),
      sent_at: eb.fn.coalesce('sent_at', eb.val(at)),
      ...(reached ? { delivered_at: eb.fn.coalesce('delivered_at', eb.val(at)) } : {}),
      ...(update.status === 'read' ? { read_at: at } : {}),
      ...(update.status === 'failed' ? { failed_at: at, error_code: update.errorCode ?? null, error_detail: update.errorDetail ?? null } : { error_code: null, error_detail: null }),
    }))
    .where('id', '=', row.id)
    .where('state', 'in', overtaken)
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) !== 1) {
    await trx.insertInto('message_events').values({ outbox_id: row.id, at, state: update.status, detail: `${detail} (late, kept ${row.state})` }).execute();
    // A late `delivered` still tells when it was delivered.
    if (update.status === 'delivered') await trx.updateTable('outbox').set({ delivered_at: at }).where('id', '=', row.id).where('delivered_at', 'is', null).execute();
    return 'stale';
  }
  await trx.insertInto('message_events').values({ outbox_id: row.id, at, state: update.status, detail }).execute();
  if (update.status === 'delivered' || update.status === 'read') await recordDelivered(trx, row.recipient, update.at);
  if (update.status === 'failed' && update.errorCode === '131026') {
    await recordDeliveryProblem(trx, { phone: row.recipient, problem: 'not_on_whatsapp', at: update.at, detail: `${update.errorCode} ${update.errorDetail ?? ''}`.trim() });
  }
  return 'applied';
}

/** A taxpayer wrote STOP or BERHENTI: no more messages to that number. */
export async function recordInbound(trx: Kysely<Database>, phone: string, text: string, at: Date): Promise<boolean> {
  if (!isOptOut(text)) return false;
  await trx
    .insertInto('opt_outs')
    .values({ phone, at: at.toISOString(), source: 'whatsapp', text: text.slice(0, 500) })
    .onConflict((oc) => oc.column('phone').doNothing())
    .execute();
  return true;
}

export function isOptOut(text: string): boolean {
  return /^\s*(stop|berhenti|unsubscribe)\s*[.!]*\s*$/i.test(text);
}

async function findMessage(trx: Kysely<Database>, update: StatusUpdate) {
  const columns = ['id', 'state', 'recipient', 'gateway_message_id'] as const;
  const refId = update.ref && /^\d{1,15}$/.test(update.ref) ? Number(update.ref) : null;
  if (refId !== null) {
    const byRef = await trx.selectFrom('outbox').select(columns).where('id', '=', refId).executeTakeFirst();
    // The ref is ours; the gateway id, once known, must agree (another install's simulator could reuse refs).
    if (byRef && (byRef.gateway_message_id === null || byRef.gateway_message_id === update.gatewayMessageId)) return byRef;
  }
  return trx.selectFrom('outbox').select(columns).where('gateway_message_id', '=', update.gatewayMessageId).executeTakeFirst();
}
