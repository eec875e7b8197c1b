import type { Kysely } from 'kysely';
import { addDays } from '../../shared/dashboard/calendar.js';
import { bulkInsert } from '../db/bulk-insert.js';
import type { Database } from '../db/schema.js';

const PAGE = 5000;

/**
 * outbox.bill_ids is JSON, which the two engines unpack with different functions; messages never
 * change their bills, so each is unpacked here once, in order of id, as it appears. `write` runs
 * each page's insert: inside the caller's transaction for an inline rebuild, or in a short
 * transaction of its own for a background one, so the writer is never held for long.
 */
export async function expandNewMessages(db: Kysely<Database>, write: (insert: (trx: Kysely<Database>) => Promise<void>) => Promise<void>): Promise<void> {
  const last = await db.selectFrom('dash_message_bills').select((eb) => eb.fn.max('outbox_id').as('id')).executeTakeFirst();
  let afterId = Number(last?.id ?? 0);
  for (;;) {
    const page = await db.selectFrom('outbox').select(['id', 'kind', 'stage', 'channel', 'plan_date', 'bill_ids']).where('id', '>', afterId).orderBy('id').limit(PAGE).execute();
    if (page.length === 0) return;
    const rows = page.flatMap((m) => {
      const common = { kind: m.kind, stage: m.stage, channel: m.channel, plan_date: m.plan_date, plus7: addDays(m.plan_date, 7), plus14: addDays(m.plan_date, 14) };
      return [...new Set(JSON.parse(m.bill_ids) as number[])].map((billId) => ({ outbox_id: Number(m.id), bill_id: billId, ...common }));
    });
    const from = afterId;
    const through = Number(page[page.length - 1]?.id);
    await write(async (trx) => {
      // Another process may have expanded this page meanwhile: the primary key would refuse it twice.
      await trx.deleteFrom('dash_message_bills').where('outbox_id', '>', from).where('outbox_id', '<=', through).execute();
      await bulkInsert(trx, 'dash_message_bills', ['outbox_id', 'bill_id', 'kind', 'stage', 'channel', 'plan_date', 'plus7', 'plus14'], rows);
    });
    afterId = through;
  }
}
