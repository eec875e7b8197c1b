import type { CreateTableBuilder } from 'kysely';
import type { Engine } from './engine.js';

/**
 * The one place where table definitions differ by engine: an auto-increment primary key.
 * SQLite wants exactly `integer primary key autoincrement`; PostgreSQL a bigint identity.
 */
export function withId<T extends string>(table: CreateTableBuilder<T, never>, engine: Engine): CreateTableBuilder<T, 'id'> {
  return engine === 'sqlite'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    : table.addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity());
}
