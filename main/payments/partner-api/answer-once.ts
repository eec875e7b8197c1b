import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { inPaymentTransaction } from '../payment-retry.js';
import type { PartnerCall, Reply } from './reply.js';
import { requestRow } from './request-log.js';
import { sha256Hex } from './signature.js';

export interface Answered {
  reply: Reply;
  /** True when the reply is the stored first answer (or a conflict with it): nothing ran. */
  replayed: boolean;
}

/**
 * Runs a replayable call at most once per (partner, idempotency key). The audit row with the
 * key is written first, in the same transaction as the work and its answer, so a concurrent
 * duplicate waits on the unique constraint, fails, and is retried in a fresh transaction that
 * finds the committed first answer. A key seen before with the same body gets that answer;
 * with a different body, `conflict`.
 */
export async function answerOnce(
  db: Kysely<Database>,
  call: PartnerCall,
  key: { partnerId: string; idempotencyKey: string; taxId: string | null },
  now: Date,
  conflict: Reply,
  work: (trx: Kysely<Database>) => Promise<Reply>,
): Promise<Answered> {
  const bodySha = sha256Hex(call.raw);
  return inPaymentTransaction(db, async (trx) => {
    const seen = await trx
      .selectFrom('partner_requests')
      .select(['body_sha256', 'http_status', 'result_code', 'response'])
      .where('partner_id', '=', key.partnerId)
      .where('idempotency_key', '=', key.idempotencyKey)
      .executeTakeFirst();
    if (seen) {
      const same = seen.body_sha256 === bodySha && seen.response !== null;
      const stored = same ? { http: seen.http_status, code: seen.result_code, body: JSON.parse(seen.response as string) as Record<string, unknown> } : conflict;
      return { reply: stored, replayed: true };
    }
    const pending: Reply = { http: 0, code: 'pending', body: {} };
    const row = await trx.insertInto('partner_requests').values(requestRow(call, key, pending, now, false)).returning('id').executeTakeFirstOrThrow();
    const reply = await work(trx);
    const { http_status, result_code, response, latency_ms } = requestRow(call, key, reply, now, true);
    await trx.updateTable('partner_requests').set({ http_status, result_code, response, latency_ms }).where('id', '=', row.id).execute();
    return { reply, replayed: false };
  });
}
