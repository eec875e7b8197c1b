import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { parseAlternates } from './contact-state.js';

export interface ListFilters {
  status?: 'valid' | 'landline' | 'invalid' | 'missing' | undefined;
  shared?: boolean | undefined;
  limit: number;
  afterId: number;
}

/**
 * Every taxpayer's contact in taxpayer order, a page at a time (keyset, so the CLI can walk a
 * million without slowing down). `shared` means used by at least the threshold's number of
 * unrelated taxpayers, whatever officers decided about it (`shared_marking` says that).
 */
export async function listContacts(db: Kysely<Database>, filters: ListFilters, threshold: number) {
  let query = db
    .selectFrom('contacts')
    .innerJoin('taxpayers', 'taxpayers.id', 'contacts.taxpayer_id')
    .leftJoin('shared_numbers', 'shared_numbers.phone', 'contacts.sms_phone')
    .select([
      'contacts.taxpayer_id',
      'taxpayers.npwpd',
      'taxpayers.name',
      'contacts.export_phone_raw',
      'contacts.sms_phone',
      'contacts.phone_status',
      'contacts.alternates',
      'contacts.email',
      'contacts.email_status',
      'contacts.phone_source',
      'shared_numbers.taxpayer_count',
      'shared_numbers.marking',
    ])
    .where('contacts.taxpayer_id', '>', filters.afterId)
    .orderBy('contacts.taxpayer_id')
    .limit(filters.limit + 1);
  if (filters.status) query = query.where('contacts.phone_status', '=', filters.status);
  if (filters.shared === true) query = query.where('shared_numbers.taxpayer_count', '>=', threshold);
  if (filters.shared === false) query = query.where((eb) => eb.or([eb('shared_numbers.taxpayer_count', 'is', null), eb('shared_numbers.taxpayer_count', '<', threshold)]));
  const rows = await query.execute();
  const page = rows.slice(0, filters.limit);
  return {
    taxpayers: page.map((r) => ({
      taxpayer_id: r.taxpayer_id,
      npwpd: r.npwpd,
      name: r.name,
      phone_raw: r.export_phone_raw,
      phone: r.sms_phone,
      phone_status: r.phone_status,
      shared_phone: r.taxpayer_count !== null && Number(r.taxpayer_count) >= threshold,
      shared_marking: r.marking,
      alternates: parseAlternates(r.alternates),
      email: r.email,
      email_status: r.email_status,
      source: r.phone_source,
    })),
    nextAfterId: rows.length > filters.limit ? (page[page.length - 1]?.taxpayer_id ?? null) : null,
  };
}
