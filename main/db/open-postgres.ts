import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { UserError } from '../../shared/errors.js';
import type { Database } from './schema.js';

const INT8 = 20;
const NUMERIC = 1700;

/**
 * PostgreSQL returns bigint and numeric (what SUM(bigint) yields) as strings, because they may
 * pass 2^53. Rupiah sums stay far below that (Rp 9 000 trillion), so they come back as numbers,
 * exactly as on SQLite.
 */
function getTypeParser(oid: number, format?: 'text' | 'binary') {
  if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
  return pg.types.getTypeParser(oid, format);
}

export async function openPostgres(url: string, label: string): Promise<Kysely<Database>> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 10_000,
    types: { getTypeParser } as pg.CustomTypesConfig,
  });
  // An idle client's error (the server restarted) must not crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (err) {
    await db.destroy();
    throw new UserError('DB_UNREACHABLE', { detail: `${label}: ${(err as Error).message}` });
  }
  return db;
}
