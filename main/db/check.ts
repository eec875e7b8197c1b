import type { Kysely } from 'kysely';
import type { Ledger } from './index.js';
import { appliedMigrations } from './migrate.js';
import { allMigrations } from './migrations/index.js';

export interface CheckReport {
  ok: boolean;
  engine: Ledger['engine'];
  database: string;
  integrity: string[];
  foreignKeyViolations: number;
  schema: string;
  pendingMigrations: string[];
}

/**
 * `sipeka db check`: is the ledger whole? On SQLite, the page-level integrity check and the
 * foreign-key check; on both engines, whether every migration has run.
 */
export async function checkLedger(ledger: Ledger): Promise<CheckReport> {
  let integrity = ['ok'];
  let foreignKeyViolations = 0;
  if (ledger.sqlite) {
    integrity = (ledger.sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    foreignKeyViolations = (ledger.sqlite.pragma('foreign_key_check') as unknown[]).length;
  }
  const applied = await appliedMigrations(ledger.db as Kysely<unknown>);
  const pendingMigrations = Object.keys(allMigrations(ledger.engine)).filter((m) => !applied.includes(m));
  return {
    ok: integrity.length === 1 && integrity[0] === 'ok' && foreignKeyViolations === 0 && pendingMigrations.length === 0,
    engine: ledger.engine,
    database: ledger.label,
    integrity,
    foreignKeyViolations,
    schema: applied[applied.length - 1] ?? '',
    pendingMigrations,
  };
}
