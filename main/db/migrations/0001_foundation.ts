import type { Kysely } from 'kysely';
import { withId } from '../ddl.js';
import type { Engine } from '../engine.js';

/** Users, sessions, audit log and settings; the `sipeka_meta` marker that says "this is a SI PEKA ledger". */
export function foundation(engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('sipeka_meta')
        .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      await db
        .insertInto('sipeka_meta' as never)
        .values({ key: 'application', value: 'sipeka' } as never)
        .execute();

      await withId(db.schema.createTable('users'), engine)
        .addColumn('username', 'varchar(40)', (c) => c.notNull().unique())
        .addColumn('full_name', 'varchar(120)', (c) => c.notNull())
        .addColumn('role', 'varchar(20)', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'varchar(30)')
        .addColumn('language', 'varchar(5)', (c) => c.notNull().defaultTo('id'))
        .addColumn('last_login_at', 'varchar(30)')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('last_seen_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('origin', 'varchar(100)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

      await withId(db.schema.createTable('audit_log'), engine)
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .addColumn('actor', 'varchar(80)', (c) => c.notNull())
        .addColumn('role', 'varchar(20)', (c) => c.notNull())
        .addColumn('action', 'varchar(80)', (c) => c.notNull())
        .addColumn('target', 'text')
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .addColumn('origin', 'varchar(100)')
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
      await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor', 'at']).execute();

      await db.schema
        .createTable('settings')
        .addColumn('key', 'varchar(60)', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_by', 'varchar(80)', (c) => c.notNull())
        .execute();
    },
  };
}
