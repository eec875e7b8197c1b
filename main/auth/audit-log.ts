import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

const MAX_SNAPSHOT = 2000;

export interface AuditRow {
  at: string;
  actor: string;
  role: string;
  action: string;
  target?: string | null;
  before?: unknown;
  after?: unknown;
  origin?: string | null;
}

/** Writes one audit row; callers pass the transaction so the row commits with the change it describes. */
export async function writeAudit(db: Kysely<Database>, row: AuditRow): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: row.at,
      actor: row.actor,
      role: row.role,
      action: row.action,
      target: row.target ?? null,
      before: snapshot(row.before),
      after: snapshot(row.after),
      origin: row.origin ?? null,
    })
    .execute();
}

/** A short JSON form of before/after; long values are cut so the log stays readable. */
function snapshot(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_SNAPSHOT ? `${text.slice(0, MAX_SNAPSHOT)}…` : text;
}
