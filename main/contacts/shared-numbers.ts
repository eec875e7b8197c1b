import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { reachOf } from './contact-state.js';

const CHUNK = 500;

/**
 * Recounts how many unrelated taxpayers use each primary mobile number: all numbers after an
 * import, or only the given ones after an officer's fix. "Unrelated" counts distinct names, so
 * one owner with several NPWPD (three warungs, one phone) is not a shared number.
 */
export async function recountSharedNumbers(trx: Kysely<Database>, phones?: readonly (string | null)[]): Promise<void> {
  const only = phones ? [...new Set(phones.filter((p): p is string => Boolean(p)))] : undefined;
  if (only && only.length === 0) return;
  const counts: { phone: string; n: number }[] = [];
  if (only) {
    for (let i = 0; i < only.length; i += CHUNK) counts.push(...(await countUsers(trx, only.slice(i, i + CHUNK))));
    await trx.deleteFrom('shared_numbers').where('phone', 'in', only).where('marking', 'is', null).execute();
    await trx.updateTable('shared_numbers').set({ taxpayer_count: 0 }).where('phone', 'in', only).execute();
  } else {
    counts.push(...(await countUsers(trx)));
    await trx.deleteFrom('shared_numbers').where('marking', 'is', null).execute();
    await trx.updateTable('shared_numbers').set({ taxpayer_count: 0 }).execute();
  }
  for (const row of counts) {
    await trx
      .insertInto('shared_numbers')
      .values({ phone: row.phone, taxpayer_count: row.n, marking: null, marked_by: null, marked_at: null, note: null })
      .onConflict((oc) => oc.column('phone').doUpdateSet({ taxpayer_count: row.n }))
      .execute();
  }
}

async function countUsers(trx: Kysely<Database>, phones?: string[]): Promise<{ phone: string; n: number }[]> {
  let query = trx
    .selectFrom('contacts as c')
    .innerJoin('taxpayers as t', 't.id', 'c.taxpayer_id')
    .select((eb) => ['c.sms_phone as phone', eb.fn.count<number>('t.name_search').distinct().as('n')])
    .where('c.sms_phone', 'is not', null)
    .groupBy('c.sms_phone')
    .having((eb) => eb.fn.count('t.name_search').distinct(), '>=', 2);
  if (phones) query = query.where('c.sms_phone', 'in', phones);
  const rows = await query.execute();
  return rows.map((r) => ({ phone: r.phone as string, n: Number(r.n) }));
}

/** Numbers officers marked as the office's or a consultant's: nobody is reminded on them. */
export async function officeNumbers(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('shared_numbers').select('phone').where('marking', '=', 'office').execute();
  return new Set(rows.map((r) => r.phone));
}

/** After a number's marking changed: every contact using it gets its best channel again. */
export async function updateReachFor(trx: Kysely<Database>, phone: string, now: Date): Promise<number> {
  const office = await officeNumbers(trx);
  const rows = await trx
    .selectFrom('contacts')
    .select(['id', 'wa_phone', 'sms_phone', 'reach'])
    .where((eb) => eb.or([eb('wa_phone', '=', phone), eb('sms_phone', '=', phone)]))
    .execute();
  let changed = 0;
  for (const row of rows) {
    const reach = reachOf(row, office);
    if (reach === row.reach) continue;
    await trx.updateTable('contacts').set({ reach, updated_at: now.toISOString() }).where('id', '=', row.id).execute();
    changed += 1;
  }
  return changed;
}
