import type { Kysely } from 'kysely';
import { withId } from '../ddl.js';
import type { Engine } from '../engine.js';

/**
 * The bank's side of reconciliation: the daily statements the treasurer imports, the column
 * mapping remembered per statement layout, and the reconciliation items — one per credit, and
 * one per payment or ledger-paid bill that no credit explains — with their class, match and
 * the treasurer's resolution.
 */
export function statements(engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('statement_profiles')
        // sha256 of the statement's normalised header cells: one bank's layout.
        .addColumn('header_key', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('headers', 'text', (c) => c.notNull())
        // JSON: column index → statement field.
        .addColumn('mapping', 'text', (c) => c.notNull())
        .addColumn('created_by', 'varchar(80)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();

      await withId(db.schema.createTable('statement_imports'), engine)
        .addColumn('file_name', 'text', (c) => c.notNull())
        // The same file twice is one import.
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('header_key', 'varchar(64)', (c) => c.notNull())
        .addColumn('lines', 'integer', (c) => c.notNull())
        .addColumn('credits', 'integer', (c) => c.notNull())
        .addColumn('duplicates', 'integer', (c) => c.notNull())
        .addColumn('first_date', 'varchar(10)')
        .addColumn('last_date', 'varchar(10)')
        .addColumn('imported_by', 'varchar(80)', (c) => c.notNull())
        .addColumn('imported_at', 'varchar(30)', (c) => c.notNull())
        .execute();

      await withId(db.schema.createTable('statement_lines'), engine)
        .addColumn('import_id', 'bigint', (c) => c.notNull().references('statement_imports.id'))
        // sha256 of date, reference, amount, direction, description and the occurrence within
        // its file: overlapping statements add each bank line once.
        .addColumn('line_key', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('row_number', 'integer', (c) => c.notNull())
        .addColumn('value_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('reference', 'varchar(120)')
        // `C` credit (money in, matched), `D` debit (kept for the record, never matched).
        .addColumn('direction', 'varchar(1)', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('statement_lines_date').on('statement_lines').columns(['value_date', 'direction']).execute();

      await withId(db.schema.createTable('recon_items'), engine)
        // `line:<id>`, `payment:<id>` or `bill:<id>`: an item keeps its id across re-matching.
        .addColumn('item_key', 'varchar(40)', (c) => c.notNull().unique())
        // The day the item belongs to: the credit's value date, the payment's or bill's paid date.
        .addColumn('day', 'varchar(10)', (c) => c.notNull())
        .addColumn('source', 'varchar(8)', (c) => c.notNull())
        .addColumn('line_id', 'bigint', (c) => c.references('statement_lines.id'))
        .addColumn('payment_id', 'bigint')
        .addColumn('bill_id', 'bigint')
        .addColumn('partner_id', 'varchar(40)')
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('expected', 'bigint')
        .addColumn('class', 'varchar(16)', (c) => c.notNull())
        .addColumn('rule', 'varchar(10)')
        .addColumn('confidence', 'integer')
        .addColumn('resolution', 'varchar(10)')
        .addColumn('note', 'text')
        .addColumn('resolved_by', 'varchar(80)')
        .addColumn('resolved_at', 'varchar(30)')
        .execute();
      await db.schema.createIndex('recon_items_day').on('recon_items').columns(['day', 'class']).execute();
      await db.schema.createIndex('recon_items_bill').on('recon_items').column('bill_id').execute();
      await db.schema.createIndex('recon_items_payment').on('recon_items').column('payment_id').execute();
      await db.schema.createIndex('recon_items_line').on('recon_items').column('line_id').execute();
      // Matching finds a payment by the reference a bank line quotes, without knowing the partner.
      await db.schema.createIndex('payments_by_ref').on('payments').column('partner_ref').execute();
    },
  };
}
