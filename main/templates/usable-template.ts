import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { fromRow, type TemplateVersion } from './template-store.js';

/**
 * The version the reminder engine sends for a purpose, channel and language: approved by a
 * head and, on WhatsApp, by Meta. While a family's new version waits for either approval the
 * old one is still the approved one, so messages keep going out. Should two families be in
 * force for the same slot, the one approved last wins.
 */
export async function usableTemplate(
  db: Kysely<Database>,
  slot: { purpose: string; channel: 'whatsapp' | 'sms'; language: string },
): Promise<TemplateVersion | null> {
  let query = db
    .selectFrom('templates')
    .selectAll()
    .where('status', '=', 'approved')
    .where('purpose', '=', slot.purpose)
    .where('channel', '=', slot.channel)
    .where('language', '=', slot.language);
  if (slot.channel === 'whatsapp') query = query.where('meta_status', '=', 'approved');
  const row = await query.orderBy('decided_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? fromRow(row) : null;
}
