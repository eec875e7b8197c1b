import type { Kysely, Selectable } from 'kysely';
import { UserError } from '../../shared/errors.js';
import type { ContactsTable, Database } from '../db/schema.js';
import { canonicalNpwpd } from '../ledger/index.js';

export interface ContactRef {
  taxpayerId?: number | undefined;
  npwpd?: string | undefined;
}

export type ContactRow = Selectable<ContactsTable> & { npwpd: string | null; name: string };

/** One taxpayer's contact by id (screens) or NPWPD (the CLI). */
export async function findContact(db: Kysely<Database>, ref: ContactRef): Promise<ContactRow> {
  let query = db.selectFrom('contacts as c').innerJoin('taxpayers as t', 't.id', 'c.taxpayer_id').selectAll('c').select(['t.npwpd', 't.name']);
  if (ref.taxpayerId !== undefined) query = query.where('c.taxpayer_id', '=', ref.taxpayerId);
  else if (ref.npwpd !== undefined) query = query.where('t.npwpd', '=', canonicalNpwpd(ref.npwpd));
  else throw new UserError('CONTACT_NOT_FOUND', { taxpayer: '?' });
  const row = await query.orderBy('t.id').executeTakeFirst();
  if (!row) throw new UserError('CONTACT_NOT_FOUND', { taxpayer: ref.npwpd ?? `#${ref.taxpayerId}` });
  return row;
}

export function taxpayerLabel(row: { npwpd: string | null; name: string }): string {
  return row.npwpd ? `${row.npwpd} (${row.name})` : row.name;
}
