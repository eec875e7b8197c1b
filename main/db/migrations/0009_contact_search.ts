import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * Contacts kept across an undo (issue 5 follow-ups). Undoing the import that created a taxpayer
 * removes the taxpayer and, by cascade, its contact; what officers and gateways had taught us
 * about that contact (fixes, chosen primaries, delivery reports, and their history) waits here
 * under the taxpayer's key, and comes back when an import creates that taxpayer again
 * (main/contacts/contact-stash.ts).
 *
 * The review queue finds numbers from their start and the users of shared numbers through
 * `(number, taxpayer_id)` indexes, read alone without visiting each contact row (which cost
 * more than the search at a million contacts); they replace 0003's single-column number
 * indexes, which they also serve. Names and NPWPD are matched through 0002's indexes.
 */
export function contactSearch(_engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('contact_stash')
        .addColumn('taxpayer_key', 'varchar(400)', (c) => c.primaryKey())
        // JSON: the contact's columns, and its contact_changes rows, as they were when removed.
        .addColumn('contact', 'text', (c) => c.notNull())
        .addColumn('changes', 'text', (c) => c.notNull())
        .addColumn('run_id', 'bigint', (c) => c.notNull())
        .addColumn('stashed_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      // Building an index reads the table once: quick at a million contacts, no batching needed.
      await db.schema.createIndex('contacts_sms_phone_taxpayer').on('contacts').columns(['sms_phone', 'taxpayer_id']).execute();
      await db.schema.createIndex('contacts_wa_phone_taxpayer').on('contacts').columns(['wa_phone', 'taxpayer_id']).execute();
      await db.schema.dropIndex('contacts_sms_phone').execute();
      await db.schema.dropIndex('contacts_wa_phone').execute();
    },
  };
}
