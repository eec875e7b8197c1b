import type { Kysely } from 'kysely';
import { UserError } from '../../shared/errors.js';
import type { Database } from '../db/schema.js';

export interface PeriodLock {
  period: string;
  kind: 'day' | 'month';
}

/**
 * The signed-off period a day falls in: the day itself or its month, while locked. A head's
 * unlock keeps the row (state `unlocked`) as the record of who reopened it and why.
 */
export async function lockOf(db: Kysely<Database>, day: string): Promise<PeriodLock | null> {
  const row = await lockRow(db, day);
  return row ? { period: row.period, kind: row.kind } : null;
}

/**
 * What officers and the treasurer change (counter payments, links, resolutions, reversals)
 * must fall in an open period: a signed-off day's totals are what the report the head signed
 * says. Partner payments are recorded regardless — the bank already took the money.
 */
export async function assertPeriodOpen(db: Kysely<Database>, day: string): Promise<void> {
  const row = await lockRow(db, day);
  if (row) throw new UserError('PERIOD_LOCKED', { period: row.period, signedBy: row.signed_by, signedAt: row.signed_at });
}

async function lockRow(db: Kysely<Database>, day: string) {
  const rows = await db
    .selectFrom('period_locks')
    .select(['period', 'kind', 'signed_by', 'signed_at'])
    .where('period', 'in', [day, day.slice(0, 7)])
    .where('state', '=', 'locked')
    .execute();
  // A locked day is the narrower, more specific answer.
  return rows.find((r) => r.kind === 'day') ?? rows[0] ?? null;
}
