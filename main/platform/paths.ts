import os from 'node:os';
import path from 'node:path';

/**
 * Where SI PEKA keeps its ledger and logs when nothing says otherwise: the OS user-data
 * folder (`%APPDATA%\SIPEKA` on the office PCs, `~/.local/share/sipeka` on Linux).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.SIPEKA_DATA_DIR) return path.resolve(env.SIPEKA_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'SIPEKA');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'SIPEKA');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'sipeka');
}

export interface Location {
  dataDir: string;
  /** SQLite ledger file; ignored when `databaseUrl` is set. */
  dbFile: string;
  /** `postgres://…` when the office shares one ledger on PostgreSQL. */
  databaseUrl: string | null;
  logFile: string;
}

export interface LocationOverrides {
  db?: string;
  databaseUrl?: string;
}

export function resolveLocation(overrides: LocationOverrides = {}, env: NodeJS.ProcessEnv = process.env): Location {
  const dataDir = defaultDataDir(env);
  const dbFile = path.resolve(overrides.db ?? env.SIPEKA_DB ?? path.join(dataDir, 'sipeka.db'));
  const databaseUrl = overrides.databaseUrl ?? env.SIPEKA_DATABASE_URL ?? null;
  return { dataDir, dbFile, databaseUrl: databaseUrl || null, logFile: path.join(dataDir, 'logs', 'main.log') };
}

/** A display form of the database that never shows a PostgreSQL password. */
export function describeDatabase(location: Location): string {
  if (!location.databaseUrl) return location.dbFile;
  try {
    const url = new URL(location.databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://(invalid URL)';
  }
}
