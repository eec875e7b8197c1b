import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * The company prefix of the virtual account numbers shown to taxpayers (taxpayer page,
 * `{nomor_va}` in messages): the first active partner's, the bank the agency set up first.
 * Null without an active partner: then a bill has its payment code and no virtual account.
 */
export async function displayedVaPrefix(db: Kysely<Database>): Promise<string | null> {
  const partner = await db.selectFrom('partners').select('va_prefix').where('active', '=', 1).orderBy('created_at').orderBy('id').executeTakeFirst();
  return partner?.va_prefix ?? null;
}
