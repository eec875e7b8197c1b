import type { Kysely } from 'kysely';
import type SqliteDatabase from 'better-sqlite3';
import { describeDatabase, type Location } from '../platform/paths.js';
import type { Engine } from './engine.js';
import { openPostgres } from './open-postgres.js';
import { openSqlite, openSqliteReader } from './open-sqlite.js';
import { assertCompatible, migrateToLatest } from './migrate.js';
import type { Database } from './schema.js';

export interface Ledger {
  db: Kysely<Database>;
  /**
   * For queries. On SQLite a second, read-only connection: a long import holds the writer's
   * transaction, and WAL lets screens keep reading meanwhile. On PostgreSQL the same pool.
   */
  reader: Kysely<Database>;
  engine: Engine;
  /** What to show a person: the SQLite path or the PostgreSQL URL without its password. */
  label: string;
  /** The raw SQLite handle, for backup and integrity checks; null on PostgreSQL. */
  sqlite: SqliteDatabase.Database | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Run pending migrations (the default). `false` only checks compatibility. */
  migrate?: boolean;
}

/** Opens the ledger the location names, refuses foreign or newer databases, and migrates. */
export async function openLedger(location: Location, options: OpenOptions = {}): Promise<Ledger> {
  const label = describeDatabase(location);
  let ledger: Ledger;
  if (location.databaseUrl) {
    const db = await openPostgres(location.databaseUrl, label);
    ledger = { db, reader: db, engine: 'postgres', label, sqlite: null, close: () => db.destroy() };
  } else {
    const { db, raw } = openSqlite(location.dbFile);
    ledger = { db, reader: db, engine: 'sqlite', label, sqlite: raw, close: () => db.destroy() };
  }
  try {
    if (options.migrate === false) await assertCompatible(ledger.db as Kysely<unknown>, ledger.engine, label);
    else await migrateToLatest(ledger.db as Kysely<unknown>, ledger.engine, label);
  } catch (err) {
    await ledger.close();
    throw err;
  }
  if (ledger.sqlite) {
    const reader = openSqliteReader(location.dbFile);
    const writer = ledger.db;
    ledger = { ...ledger, reader, close: async () => (await reader.destroy(), await writer.destroy()) };
  }
  return ledger;
}

export type { Database } from './schema.js';
export type { Engine } from './engine.js';
