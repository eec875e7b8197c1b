import type { Kysely } from 'kysely';
import { withId } from '../ddl.js';
import type { Engine } from '../engine.js';

/**
 * The ledger (taxpayers, tax objects, bills) synced from SIMPADA exports, the sync runs that
 * changed it, a per-field change history that makes each run undoable, and saved column
 * mappings. Money is bigint Rupiah; due dates `YYYY-MM-DD` in the agency's zone.
 */
export function ledger(engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withId(db.schema.createTable('sync_runs'), engine)
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('sheet', 'text')
        .addColumn('mapping', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('rows_read', 'bigint', (c) => c.notNull())
        .addColumn('counts', 'text', (c) => c.notNull())
        .addColumn('options_key', 'varchar(64)')
        .addColumn('ledger_fingerprint', 'text')
        .addColumn('created_by', 'varchar(80)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('undone_by', 'varchar(80)')
        .addColumn('undone_at', 'varchar(30)')
        .execute();
      await db.schema.createIndex('sync_runs_sha').on('sync_runs').column('sha256').execute();

      await withId(db.schema.createTable('sync_rejects'), engine)
        .addColumn('run_id', 'bigint', (c) => c.notNull().references('sync_runs.id').onDelete('cascade'))
        .addColumn('sheet', 'text', (c) => c.notNull())
        .addColumn('row_number', 'bigint', (c) => c.notNull())
        .addColumn('column_name', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('reason_code', 'varchar(40)', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('reason_en', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sync_rejects_run').on('sync_rejects').column('run_id').execute();

      await withId(db.schema.createTable('taxpayers'), engine)
        .addColumn('taxpayer_key', 'varchar(200)', (c) => c.notNull().unique())
        .addColumn('npwpd', 'varchar(60)')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_search', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('kecamatan', 'varchar(100)')
        .addColumn('kelurahan', 'varchar(100)')
        .addColumn('raw_phone', 'text')
        .addColumn('raw_email', 'text')
        .addColumn('created_run_id', 'bigint')
        .addColumn('updated_run_id', 'bigint')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('taxpayers_npwpd').on('taxpayers').column('npwpd').execute();
      await db.schema.createIndex('taxpayers_name').on('taxpayers').column('name_search').execute();
      await db.schema.createIndex('taxpayers_kecamatan').on('taxpayers').columns(['kecamatan', 'name_search']).execute();

      await withId(db.schema.createTable('tax_objects'), engine)
        .addColumn('object_key', 'varchar(300)', (c) => c.notNull().unique())
        .addColumn('taxpayer_id', 'bigint', (c) => c.notNull().references('taxpayers.id'))
        .addColumn('nop', 'varchar(40)')
        .addColumn('name', 'text')
        .addColumn('tax_type', 'varchar(30)', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('kecamatan', 'varchar(100)')
        .addColumn('kelurahan', 'varchar(100)')
        .addColumn('created_run_id', 'bigint')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('tax_objects_taxpayer').on('tax_objects').column('taxpayer_id').execute();
      await db.schema.createIndex('tax_objects_nop').on('tax_objects').column('nop').execute();

      await withId(db.schema.createTable('bills'), engine)
        .addColumn('kode_bayar', 'varchar(60)', (c) => c.notNull().unique())
        .addColumn('taxpayer_id', 'bigint', (c) => c.notNull().references('taxpayers.id'))
        .addColumn('object_id', 'bigint', (c) => c.references('tax_objects.id'))
        .addColumn('tax_type', 'varchar(30)', (c) => c.notNull())
        .addColumn('tax_type_label', 'text', (c) => c.notNull())
        .addColumn('masa_pajak', 'varchar(20)')
        .addColumn('tahun', 'integer')
        .addColumn('principal', 'bigint', (c) => c.notNull())
        .addColumn('penalty', 'bigint', (c) => c.notNull())
        .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('status', 'varchar(10)', (c) => c.notNull())
        .addColumn('paid_date', 'varchar(10)')
        .addColumn('paid_source', 'varchar(20)')
        .addColumn('kohir', 'varchar(60)')
        .addColumn('tgl_penetapan', 'varchar(10)')
        .addColumn('created_run_id', 'bigint')
        .addColumn('updated_run_id', 'bigint')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('bills_taxpayer').on('bills').column('taxpayer_id').execute();
      await db.schema.createIndex('bills_status_due').on('bills').columns(['status', 'due_date']).execute();
      await db.schema.createIndex('bills_due').on('bills').column('due_date').execute();
      await db.schema.createIndex('bills_type_status').on('bills').columns(['tax_type', 'status', 'due_date']).execute();
      // Arrears lists sort unpaid bills by amount, largest first.
      await db.schema.createIndex('bills_status_principal').on('bills').columns(['status', 'principal']).execute();
      await db.schema.createIndex('bills_object').on('bills').column('object_id').execute();

      await withId(db.schema.createTable('ledger_changes'), engine)
        .addColumn('run_id', 'bigint', (c) => c.notNull().references('sync_runs.id'))
        .addColumn('entity', 'varchar(20)', (c) => c.notNull())
        .addColumn('entity_id', 'bigint', (c) => c.notNull())
        .addColumn('kind', 'varchar(10)', (c) => c.notNull())
        .addColumn('field', 'varchar(40)')
        .addColumn('old_value', 'text')
        .addColumn('new_value', 'text')
        .execute();
      await db.schema.createIndex('ledger_changes_run').on('ledger_changes').columns(['run_id', 'id']).execute();
      await db.schema.createIndex('ledger_changes_entity').on('ledger_changes').columns(['entity', 'entity_id']).execute();

      await withId(db.schema.createTable('mapping_profiles'), engine)
        .addColumn('name', 'varchar(100)', (c) => c.notNull().unique())
        .addColumn('header_key', 'text', (c) => c.notNull())
        .addColumn('mapping', 'text', (c) => c.notNull())
        .addColumn('created_by', 'varchar(80)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('mapping_profiles_header').on('mapping_profiles').column('header_key').execute();
    },
  };
}
