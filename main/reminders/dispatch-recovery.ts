import type { App } from '../api/context.js';
import type { Channel, ResolvedGateway } from '../gateways/index.js';

/** The `message_events.detail` and `error_code` of a message the dispatcher lost track of. */
export const INTERRUPTED = 'INTERRUPTED';

/**
 * A dispatcher that died between "sending" and the gateway's answer leaves rows `sending`.
 * Nobody knows whether the gateway got them, so they become `unknown` and are never resent
 * automatically. Only one dispatcher may run against a ledger at a time.
 */
export async function markInterrupted(app: App): Promise<number> {
  const at = app.clock.now().toISOString();
  return app.ledger.db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('outbox').select('id').where('state', '=', 'sending').execute();
    if (rows.length === 0) return 0;
    await trx.updateTable('outbox').set({ state: 'unknown', error_code: INTERRUPTED, error_detail: 'the dispatcher stopped before the gateway answered', updated_at: at }).where('state', '=', 'sending').execute();
    for (let i = 0; i < rows.length; i += 500) {
      await trx.insertInto('message_events').values(rows.slice(i, i + 500).map((r) => ({ outbox_id: r.id, at, state: 'unknown', detail: INTERRUPTED }))).execute();
    }
    return rows.length;
  });
}

/**
 * Asks gateways that can look a message up (the simulator; Meta cannot) about `unknown`
 * messages: one the gateway has becomes `sent`; the others wait for an officer.
 */
export async function resolveUnknown(app: App, gateways: (channel: Channel) => Promise<ResolvedGateway>): Promise<number> {
  const rows = await app.ledger.db.selectFrom('outbox').select(['id', 'channel']).where('state', '=', 'unknown').orderBy('id').limit(2000).execute();
  let resolved = 0;
  for (const row of rows) {
    const { gateway } = await gateways(row.channel);
    if (!gateway.status) continue;
    const answer = await gateway.status(String(row.id)).catch(() => ({ found: false as const }));
    if (!answer.found) continue;
    const at = app.clock.now().toISOString();
    await app.ledger.db.transaction().execute(async (trx) => {
      const changed = await trx
        .updateTable('outbox')
        .set({ state: 'sent', sent_at: at, gateway_message_id: answer.id, error_code: null, error_detail: null, updated_at: at })
        .where('id', '=', row.id)
        .where('state', '=', 'unknown')
        .executeTakeFirst();
      if (Number(changed.numUpdatedRows) === 1) {
        await trx.insertInto('message_events').values({ outbox_id: row.id, at, state: 'sent', detail: `the gateway has it: ${answer.id}` }).execute();
        resolved += 1;
      }
    });
  }
  return resolved;
}
