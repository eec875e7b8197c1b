import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely';

/** Enough for every distinct query shape the app issues; each statement is a few kilobytes. */
const MAX_STATEMENTS = 500;

/**
 * Kysely's SQLite driver prepares every query afresh; with the same few dozen query shapes
 * repeated (a partner payment runs about twenty), preparing was a third of a payment's cost.
 * A prepared statement is reusable, and SQLite re-prepares it by itself after a schema change.
 * Kysely runs one query at a time on the connection (its mutex also covers a streaming
 * `iterate`), so a cached statement is never busy when it is handed out again.
 */
export function withStatementCache(raw: SqliteDatabase.Database): KyselySqliteDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      cache.clear();
      raw.close();
    },
    prepare: (sql: string) => {
      let statement = cache.get(sql);
      if (statement) {
        // Move to the end: the Map's order is the eviction order.
        cache.delete(sql);
      } else {
        statement = raw.prepare(sql);
        if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
