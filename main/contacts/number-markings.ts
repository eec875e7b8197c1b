import type { Kysely } from 'kysely';
import { normalisePhoneCell } from '../../shared/contacts/index.js';
import { UserError } from '../../shared/errors.js';
import type { Database } from '../db/schema.js';
import { recountSharedNumbers, updateReachFor } from './shared-numbers.js';
import { unparseablePhone } from './unparseable-phone.js';

export type Marking = 'office' | 'shared' | 'none';

/**
 * An officer's verdict on a number many taxpayers use: the office's or a consultant's (never
 * messaged), legitimately shared (one message per taxpayer anyway), or no verdict. The number
 * may be typed in any form an export uses.
 */
export async function markNumber(trx: Kysely<Database>, typed: string, as: Marking, note: string | null, by: { username: string; now: Date }) {
  const cell = normalisePhoneCell(typed);
  const phone = cell.primary ?? cell.candidates.find((c) => c.e164)?.e164 ?? null;
  if (!phone) {
    throw unparseablePhone(typed, cell);
  }
  const users = await trx
    .selectFrom('contacts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([eb('sms_phone', '=', phone), eb('wa_phone', '=', phone)]))
    .executeTakeFirstOrThrow();
  if (Number(users.n) === 0) throw new UserError('CONTACT_NUMBER_UNKNOWN', { phone });
  const existing = await trx.selectFrom('shared_numbers').selectAll().where('phone', '=', phone).executeTakeFirst();
  const marking = as === 'none' ? null : as;
  const values = { marking, marked_by: by.username, marked_at: by.now.toISOString(), note };
  if (existing) await trx.updateTable('shared_numbers').set(values).where('phone', '=', phone).execute();
  else await trx.insertInto('shared_numbers').values({ phone, taxpayer_count: 0, ...values }).execute();
  // The count is of distinct names, as for every shared number: a verdict on one owner's number
  // must not make it look shared.
  await recountSharedNumbers(trx, [phone]);
  const reachChanged = await updateReachFor(trx, phone, by.now);
  return { phone, marking, before: existing?.marking ?? null, taxpayers: Number(users.n), reachChanged };
}

/** Shared numbers for the officers' list, most used first, with a few of the names on each. */
export async function listSharedNumbers(db: Kysely<Database>, filter: 'unmarked' | 'office' | 'shared' | 'all', threshold: number, limit: number) {
  let query = db.selectFrom('shared_numbers').selectAll().orderBy('taxpayer_count', 'desc').orderBy('phone').limit(limit);
  if (filter === 'unmarked') query = query.where('marking', 'is', null).where('taxpayer_count', '>=', threshold);
  else if (filter !== 'all') query = query.where('marking', '=', filter);
  const rows = await query.execute();
  return Promise.all(
    rows.map(async (row) => {
      const names = await db
        .selectFrom('contacts')
        .innerJoin('taxpayers', 'taxpayers.id', 'contacts.taxpayer_id')
        .select('taxpayers.name')
        .where('contacts.sms_phone', '=', row.phone)
        .orderBy('taxpayers.name')
        .limit(5)
        .execute();
      return {
        phone: row.phone,
        taxpayers: Number(row.taxpayer_count),
        marking: row.marking,
        markedBy: row.marked_by,
        markedAt: row.marked_at,
        note: row.note,
        sampleNames: names.map((n) => n.name),
      };
    }),
  );
}
