import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { UserError } from '../../shared/errors.js';
import type { Ledger } from './index.js';
import { allMigrations } from './migrations/index.js';
import { SIPEKA_APPLICATION_ID } from './open-sqlite.js';

export interface BackupResult {
  file: string;
  bytes: number;
  integrity: string;
}

/**
 * Online backup through SQLite's backup API: consistent while the app keeps writing, because
 * SQLite copies a snapshot page by page. Written under a temporary name first, so a backup
 * interrupted half-way never looks like a finished one.
 */
export async function backupLedger(ledger: Ledger, out: string): Promise<BackupResult> {
  if (!ledger.sqlite) throw new UserError('BACKUP_UNSUPPORTED');
  const file = path.resolve(out);
  if (fs.existsSync(file)) throw new UserError('FILE_EXISTS', { path: file });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  await ledger.sqlite.backup(partial);
  const integrity = verifySqliteBackup(partial).integrity;
  fs.renameSync(partial, file);
  return { file, bytes: fs.statSync(file).size, integrity };
}

export interface RestoreResult {
  restoredFrom: string;
  database: string;
  previousKeptAt: string | null;
}

/**
 * Replaces the ledger with a backup. The backup is validated first (SQLite, SI PEKA's, whole,
 * not from a newer version); the current ledger is copied beside itself before it is
 * overwritten, and the overwrite goes through the backup API so open connections stay sane.
 */
export async function restoreLedger(dbFile: string, backupFile: string, now: Date): Promise<RestoreResult> {
  const source = path.resolve(backupFile);
  if (!fs.existsSync(source)) throw new UserError('FILE_NOT_FOUND', { path: source });
  verifySqliteBackup(source);
  let previousKeptAt: string | null = null;
  if (fs.existsSync(dbFile) && fs.statSync(dbFile).size > 0) {
    previousKeptAt = `${dbFile}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    const current = new SqliteDatabase(dbFile, { fileMustExist: true });
    try {
      await current.backup(previousKeptAt);
    } finally {
      current.close();
    }
  }
  const backup = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(dbFile);
  } finally {
    backup.close();
  }
  return { restoredFrom: source, database: dbFile, previousKeptAt };
}

function verifySqliteBackup(file: string): { integrity: string } {
  const fail = (detail: string) => new UserError('RESTORE_INVALID', { path: file, detail });
  let db: SqliteDatabase.Database;
  try {
    db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw fail((err as Error).message);
  }
  try {
    let appId: number;
    try {
      appId = db.pragma('application_id', { simple: true }) as number;
    } catch {
      throw fail('not an SQLite database');
    }
    if (appId !== SIPEKA_APPLICATION_ID) throw fail('not a SI PEKA database');
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (integrity.join() !== 'ok') throw fail(`integrity check: ${integrity.slice(0, 3).join('; ')}`);
    const known = new Set(Object.keys(allMigrations('sqlite')));
    const applied = (db.prepare('select name from kysely_migration').all() as { name: string }[]).map((r) => r.name);
    const unknown = applied.filter((n) => !known.has(n));
    if (unknown.length) throw fail(`written by a newer SI PEKA (${unknown.join(', ')})`);
    return { integrity: 'ok' };
  } finally {
    db.close();
  }
}
