import type { Kysely, Selectable } from 'kysely';
import type { Database, OutboxTable } from '../db/schema.js';
import { recordDeliveryProblem } from '../contacts/index.js';
import type { GatewayError } from '../gateways/index.js';

export type OutboxRow = Selectable<OutboxTable>;

export type Claim =
  | { kind: 'claimed'; row: OutboxRow }
  | { kind: 'gone' }
  | { kind: 'cancelled'; reason: 'bill_paid' | 'bill_unpaid' | 'opted_out' }
  | { kind: 'cap_reached' };

export interface ClaimRules {
  gateway: string;
  now: Date;
  /** Recipients messaged in the last 24 hours on this channel; null when the channel has no cap. */
  recipients: Set<string> | null;
  dailyCap: number | null;
}

/**
 * Moves one queued message to `sending` in its own committed transaction, after checking
 * again, right before the send, that its bills are still unpaid and the number has not opted
 * out. Once committed, a crash leaves the row `sending`, which the next start turns into
 * `unknown`: never resent blindly.
 */
export async function claimMessage(db: Kysely<Database>, id: number, rules: ClaimRules): Promise<Claim> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('outbox').selectAll().where('id', '=', id).where('state', '=', 'queued').executeTakeFirst();
    if (!row) return { kind: 'gone' } as const;
    const at = rules.now.toISOString();
    if (await optedOut(trx, row.recipient)) {
      return (await cancel(trx, row.id, at, 'opted_out')) ? ({ kind: 'cancelled', reason: 'opted_out' } as const) : ({ kind: 'gone' } as const);
    }
    if (row.kind === 'reminder' && (await allBillsPaid(trx, row.bill_ids))) {
      return (await cancel(trx, row.id, at, 'bill_paid')) ? ({ kind: 'cancelled', reason: 'bill_paid' } as const) : ({ kind: 'gone' } as const);
    }
    // A thank-you for a payment that is no longer in the ledger (the import that paid it was undone).
    if (row.kind === 'thank_you' && !(await allBillsPaid(trx, row.bill_ids))) {
      return (await cancel(trx, row.id, at, 'bill_unpaid')) ? ({ kind: 'cancelled', reason: 'bill_unpaid' } as const) : ({ kind: 'gone' } as const);
    }
    if (rules.recipients && rules.dailyCap !== null && !rules.recipients.has(row.recipient) && rules.recipients.size >= rules.dailyCap) {
      return { kind: 'cap_reached' } as const;
    }
    const claimed = await trx
      .updateTable('outbox')
      .set({ state: 'sending', attempts: row.attempts + 1, sending_at: at, updated_at: at, gateway: rules.gateway })
      .where('id', '=', row.id)
      .where('state', '=', 'queued')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return { kind: 'gone' } as const;
    await trx.insertInto('message_events').values({ outbox_id: row.id, at, state: 'sending', detail: `attempt ${row.attempts + 1} via ${rules.gateway}` }).execute();
    rules.recipients?.add(row.recipient);
    return { kind: 'claimed', row: { ...row, state: 'sending', attempts: row.attempts + 1, sending_at: at } } as const;
  });
}

/** The gateway took the message. A status webhook that came first is not overwritten. */
export async function recordSent(db: Kysely<Database>, id: number, gatewayMessageId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('outbox').set({ gateway_message_id: gatewayMessageId, updated_at: at, error_code: null, error_detail: null }).where('id', '=', id).execute();
    await trx.updateTable('outbox').set({ state: 'sent', sent_at: at }).where('id', '=', id).where('state', 'in', ['sending', 'unknown']).execute();
    await trx.insertInto('message_events').values({ outbox_id: id, at, state: 'sent', detail: gatewayMessageId }).execute();
  });
}

export type FailureOutcome = 'retried' | 'failed' | 'unknown';

/** A transient error goes back to the queue with a backoff until the attempts run out. */
export async function recordFailure(db: Kysely<Database>, row: OutboxRow, error: GatewayError, now: Date, maxAttempts: number): Promise<FailureOutcome> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const detail = `${error.code}: ${error.detail}`.slice(0, 500);
    let outcome: FailureOutcome;
    if (error.kind === 'ambiguous') {
      outcome = 'unknown';
      await trx.updateTable('outbox').set({ state: 'unknown', error_code: error.code, error_detail: detail, updated_at: at }).where('id', '=', row.id).where('state', '=', 'sending').execute();
    } else if (error.kind === 'transient' && row.attempts < maxAttempts) {
      outcome = 'retried';
      const next = new Date(now.getTime() + backoffMs(row.attempts)).toISOString();
      await trx.updateTable('outbox').set({ state: 'queued', next_attempt_at: next, error_code: error.code, error_detail: detail, updated_at: at }).where('id', '=', row.id).where('state', '=', 'sending').execute();
    } else {
      outcome = 'failed';
      await trx.updateTable('outbox').set({ state: 'failed', failed_at: at, error_code: error.code, error_detail: detail, updated_at: at }).where('id', '=', row.id).where('state', '=', 'sending').execute();
      if (error.numberProblem) await recordDeliveryProblem(trx, { phone: row.recipient, problem: error.numberProblem, at: now, detail: `${error.code} ${error.detail}` });
    }
    await trx.insertInto('message_events').values({ outbox_id: row.id, at, state: outcome === 'retried' ? 'queued' : outcome, detail }).execute();
    return outcome;
  });
}

/** Exponential backoff with full jitter: attempt 1 waits up to 2 s, 2 up to 4 s, … capped at 5 minutes. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(300_000, 1000 * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Cancels a still-queued message; false when another dispatcher got to it first. */
async function cancel(trx: Kysely<Database>, id: number, at: string, reason: string): Promise<boolean> {
  const changed = await trx.updateTable('outbox').set({ state: 'cancelled', updated_at: at, error_code: reason }).where('id', '=', id).where('state', '=', 'queued').executeTakeFirst();
  if (Number(changed.numUpdatedRows) !== 1) return false;
  await trx.insertInto('message_events').values({ outbox_id: id, at, state: 'cancelled', detail: reason }).execute();
  return true;
}

async function optedOut(trx: Kysely<Database>, phone: string): Promise<boolean> {
  return Boolean(await trx.selectFrom('opt_outs').select('phone').where('phone', '=', phone).executeTakeFirst());
}

async function allBillsPaid(trx: Kysely<Database>, billIds: string): Promise<boolean> {
  const ids = (JSON.parse(billIds) as number[]).filter((n) => Number.isInteger(n));
  if (ids.length === 0) return false;
  const unpaid = await trx.selectFrom('bills').select('id').where('id', 'in', ids).where('status', '=', 'unpaid').limit(1).executeTakeFirst();
  return !unpaid;
}
