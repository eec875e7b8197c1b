import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { UserError } from '../../shared/errors.js';
import type { Database } from './schema.js';
import { withStatementCache } from './statement-cache.js';

const SQLITE_HEADER = 'SQLite format 3\u0000';
/** `PRAGMA application_id` stamped on every SI PEKA file ("SPKA"), so a foreign SQLite file is recognised. */
export const SIPEKA_APPLICATION_ID = 0x53504b41;

export interface OpenedSqlite {
  db: Kysely<Database>;
  raw: SqliteDatabase.Database;
}

/**
 * Opens (or creates) the SQLite ledger. Refuses — without writing a byte — a folder, a file
 * that is not SQLite, or an SQLite file of another application. WAL lets the UI read while an
 * import writes; the busy timeout lets the CLI and a running app share the file.
 */
export function openSqlite(file: string): OpenedSqlite {
  assertUsableFile(file);
  let raw: SqliteDatabase.Database;
  try {
    raw = new SqliteDatabase(file, { timeout: 10_000 });
  } catch (err) {
    throw new UserError('DB_PATH_UNUSABLE', { path: file, detail: (err as Error).message });
  }
  try {
    assertSipekaOrEmpty(raw, file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma(`application_id = ${SIPEKA_APPLICATION_ID}`);
  } catch (err) {
    raw.close();
    throw err;
  }
  return { raw, db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) }) };
}

/** A read-only connection to a ledger already opened (and migrated) by `openSqlite`. */
export function openSqliteReader(file: string): Kysely<Database> {
  const raw = new SqliteDatabase(file, { readonly: true, fileMustExist: true, timeout: 10_000 });
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
}

function assertUsableFile(file: string): void {
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(file);
  } catch {
    stat = null;
  }
  if (stat?.isDirectory()) throw new UserError('DB_PATH_IS_DIR', { path: file });
  if (!stat) {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
    } catch (err) {
      throw new UserError('DB_PATH_UNUSABLE', { path: file, detail: (err as Error).message });
    }
    return;
  }
  if (stat.size === 0) return;
  const header = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (stat.size < 100 || header.toString('latin1') !== SQLITE_HEADER) throw new UserError('DB_NOT_SQLITE', { path: file });
}

/** A SI PEKA file carries our application id; a fresh file has no tables at all. */
function assertSipekaOrEmpty(raw: SqliteDatabase.Database, file: string): void {
  let appId: number;
  let tables: number;
  try {
    appId = raw.pragma('application_id', { simple: true }) as number;
    tables = (raw.prepare("select count(*) as n from sqlite_master where type = 'table'").get() as { n: number }).n;
  } catch (err) {
    throw new UserError('DB_NOT_SQLITE', { path: file, detail: (err as Error).message });
  }
  if (appId === SIPEKA_APPLICATION_ID) return;
  if (appId === 0 && tables === 0) return;
  throw new UserError('DB_NOT_SIPEKA', { path: file });
}
