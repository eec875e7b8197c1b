import { type Kysely, Migrator, sql } from 'kysely';
import { UserError } from '../../shared/errors.js';
import type { Engine } from './engine.js';
import { allMigrations } from './migrations/index.js';

const MIGRATION_TABLE = 'kysely_migration';

export interface MigrateResult {
  applied: string[];
  current: string;
}

/** Names of migrations the database has run; empty for a new database. */
export async function appliedMigrations(db: Kysely<unknown>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === MIGRATION_TABLE)) return [];
  const rows = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)} order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/**
 * Refuses a database that is not ours or that a newer program has migrated, before anything
 * is written: an older SI PEKA must never run on a schema it does not understand.
 */
export async function assertCompatible(db: Kysely<unknown>, engine: Engine, label: string): Promise<void> {
  const tables = await db.introspection.getTables();
  const names = new Set(tables.map((t) => t.name));
  if (names.size > 0 && !names.has('sipeka_meta')) throw new UserError('DB_NOT_SIPEKA', { path: label });
  const known = new Set(Object.keys(allMigrations(engine)));
  const unknown = (await appliedMigrations(db)).filter((name) => !known.has(name));
  if (unknown.length) throw new UserError('DB_SCHEMA_TOO_NEW', { path: label, unknown: unknown.join(', ') });
}

export async function migrateToLatest(db: Kysely<unknown>, engine: Engine, label: string): Promise<MigrateResult> {
  await assertCompatible(db, engine, label);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => allMigrations(engine) } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  const names = Object.keys(allMigrations(engine));
  return { applied, current: names[names.length - 1] ?? '' };
}
