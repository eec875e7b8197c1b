import type { Kysely } from 'kysely';
import { withId } from '../ddl.js';
import type { Engine } from '../engine.js';

/**
 * Contacts (owned by the contacts module): one cleaned contact per taxpayer beside the raw
 * export cells it came from, officers' corrections with their history, and the numbers many
 * taxpayers share. Templates (owned by the templates module): every version of every message
 * template with its approval state.
 */
export function contactsTemplates(engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withId(db.schema.createTable('contacts'), engine)
        .addColumn('taxpayer_id', 'bigint', (c) => c.notNull().unique().references('taxpayers.id').onDelete('cascade'))
        .addColumn('export_phone_raw', 'text')
        .addColumn('export_email_raw', 'text')
        .addColumn('phone_status', 'varchar(12)', (c) => c.notNull())
        .addColumn('phone_reason', 'varchar(40)')
        .addColumn('wa_phone', 'varchar(20)')
        .addColumn('sms_phone', 'varchar(20)')
        .addColumn('landline', 'varchar(20)')
        .addColumn('alternates', 'text', (c) => c.notNull())
        .addColumn('candidates', 'text', (c) => c.notNull())
        .addColumn('phone_source', 'varchar(12)', (c) => c.notNull())
        .addColumn('mobile_count', 'integer', (c) => c.notNull())
        .addColumn('primary_confirmed', 'integer', (c) => c.notNull())
        .addColumn('wa_unavailable', 'integer', (c) => c.notNull())
        .addColumn('phone_conflict', 'text')
        .addColumn('email', 'varchar(200)')
        .addColumn('email_status', 'varchar(12)', (c) => c.notNull())
        .addColumn('email_source', 'varchar(12)', (c) => c.notNull())
        .addColumn('email_conflict', 'text')
        .addColumn('has_conflict', 'integer', (c) => c.notNull())
        .addColumn('reach', 'varchar(12)', (c) => c.notNull())
        .addColumn('verified_at', 'varchar(30)')
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('contacts_phone_status').on('contacts').columns(['phone_status', 'taxpayer_id']).execute();
      await db.schema.createIndex('contacts_email_status').on('contacts').columns(['email_status', 'taxpayer_id']).execute();
      await db.schema.createIndex('contacts_wa_phone').on('contacts').column('wa_phone').execute();
      await db.schema.createIndex('contacts_sms_phone').on('contacts').column('sms_phone').execute();
      await db.schema.createIndex('contacts_review').on('contacts').columns(['has_conflict', 'taxpayer_id']).execute();
      await db.schema.createIndex('contacts_mobiles').on('contacts').columns(['mobile_count', 'primary_confirmed', 'taxpayer_id']).execute();

      await withId(db.schema.createTable('contact_changes'), engine)
        .addColumn('taxpayer_id', 'bigint', (c) => c.notNull().references('taxpayers.id').onDelete('cascade'))
        .addColumn('field', 'varchar(20)', (c) => c.notNull())
        .addColumn('old_value', 'text')
        .addColumn('new_value', 'text')
        .addColumn('source', 'varchar(12)', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('actor', 'varchar(80)', (c) => c.notNull())
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .addColumn('stash', 'text')
        .execute();
      await db.schema.createIndex('contact_changes_taxpayer').on('contact_changes').columns(['taxpayer_id', 'id']).execute();

      await db.schema
        .createTable('shared_numbers')
        .addColumn('phone', 'varchar(20)', (c) => c.primaryKey())
        .addColumn('taxpayer_count', 'bigint', (c) => c.notNull())
        .addColumn('marking', 'varchar(12)')
        .addColumn('marked_by', 'varchar(80)')
        .addColumn('marked_at', 'varchar(30)')
        .addColumn('note', 'text')
        .execute();
      await db.schema.createIndex('shared_numbers_count').on('shared_numbers').column('taxpayer_count').execute();

      await withId(db.schema.createTable('templates'), engine)
        .addColumn('family_id', 'bigint', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('name', 'varchar(120)', (c) => c.notNull())
        .addColumn('channel', 'varchar(12)', (c) => c.notNull())
        .addColumn('language', 'varchar(10)', (c) => c.notNull())
        .addColumn('purpose', 'varchar(20)', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('meta_name', 'varchar(512)')
        .addColumn('meta_category', 'varchar(20)')
        .addColumn('meta_status', 'varchar(20)')
        .addColumn('status', 'varchar(12)', (c) => c.notNull())
        .addColumn('reject_reason', 'text')
        .addColumn('created_by', 'varchar(80)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_by', 'varchar(80)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('submitted_by', 'varchar(80)')
        .addColumn('submitted_at', 'varchar(30)')
        .addColumn('decided_by', 'varchar(80)')
        .addColumn('decided_at', 'varchar(30)')
        .addUniqueConstraint('templates_family_version', ['family_id', 'version'])
        .execute();
      await db.schema.createIndex('templates_status').on('templates').columns(['status', 'purpose', 'channel']).execute();
    },
  };
}
