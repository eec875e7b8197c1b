import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { PartnerCall, Reply } from './reply.js';
import { sha256Hex } from './signature.js';

/** Bodies are kept 90 days (partner-api.md §3); the rest of the row stays for the audit. */
export const BODY_RETENTION_DAYS = 90;

export interface LoggedFacts {
  /** As claimed by the caller, also when unknown. */
  partnerId: string | null;
  taxId: string | null;
  idempotencyKey: string | null;
}

/** The audit row of one call, without its id. `response` is kept only where a replay may need it. */
export function requestRow(call: PartnerCall, facts: LoggedFacts, reply: Reply, now: Date, keepResponse: boolean) {
  return {
    at: now.toISOString(),
    partner_id: clip(facts.partnerId, 40),
    api: call.api,
    endpoint: call.endpoint,
    address: clip(call.address, 60) ?? '',
    idempotency_key: facts.idempotencyKey,
    body_sha256: sha256Hex(call.raw),
    body: storableText(call.raw.toString('utf8')),
    tax_id: clip(facts.taxId, 60),
    http_status: reply.http,
    result_code: reply.code,
    response: keepResponse ? JSON.stringify(reply.body) : null,
    latency_ms: Math.round(performance.now() - call.startedAt),
  };
}

/** Logs a call that stored nothing else (refused, malformed, an inquiry, a replay). */
export async function logRequest(db: Kysely<Database>, call: PartnerCall, facts: LoggedFacts, reply: Reply, now: Date): Promise<void> {
  await db.insertInto('partner_requests').values(requestRow(call, facts, reply, now, false)).execute();
}

/** Empties the bodies of calls older than the retention; returns how many were emptied. */
export async function pruneRequestBodies(db: Kysely<Database>, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - BODY_RETENTION_DAYS * 86_400_000).toISOString();
  const result = await db.updateTable('partner_requests').set({ body: null }).where('at', '<', cutoff).where('body', 'is not', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** PostgreSQL text cannot hold NUL; a body is evidence, so the character is replaced, not dropped. */
function storableText(text: string): string {
  return text.replaceAll('\u0000', '\uFFFD');
}

function clip(value: string | null, length: number): string | null {
  return value === null ? null : storableText(value).slice(0, length);
}
