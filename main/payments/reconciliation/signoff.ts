import type { Kysely } from 'kysely';
import { UserError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';
import { daysOf } from './days.js';
import { rematchDays } from './rematch.js';
import { checkedPeriod, reconciliationStatus, type ReconStatus } from './status.js';

/**
 * The treasurer signs a reconciled day or month off, which locks it: its payments, links and
 * resolutions stay what the signed report says until a head unlocks it. The period is matched
 * once more first, so a payment recorded since the last statement cannot slip past the
 * signature. The status at signing is kept with the lock.
 */
export async function signOff(db: Kysely<Database>, period: string, by: { actor: string; now: Date }): Promise<{ period: string; kind: 'day' | 'month'; signedBy: string; signedAt: string; status: ReconStatus }> {
  const p = checkedPeriod(period);
  const existing = await db
    .selectFrom('period_locks')
    .selectAll()
    .where('period', 'in', p.kind === 'day' ? [p.period, p.period.slice(0, 7)] : [p.period])
    .where('state', '=', 'locked')
    .executeTakeFirst();
  if (existing) throw new UserError('RECON_ALREADY_SIGNED', { period: existing.period, signedBy: existing.signed_by, signedAt: existing.signed_at });
  await rematchDays(db, daysOf(p.period));
  const status = await reconciliationStatus(db, p.period);
  if (!status.reconciled) throw new UserError('RECON_NOT_RECONCILED', { period: p.period, open: status.open });
  const signedAt = by.now.toISOString();
  const values = { kind: p.kind, state: 'locked' as const, signed_by: by.actor, signed_at: signedAt, summary: JSON.stringify(status), unlocked_by: null, unlocked_at: null, unlock_reason: null };
  const updated = await db.updateTable('period_locks').set(values).where('period', '=', p.period).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await db.insertInto('period_locks').values({ period: p.period, ...values }).execute();
  return { period: p.period, kind: p.kind, signedBy: by.actor, signedAt, status: await reconciliationStatus(db, p.period) };
}

/** A head reopens a signed-off period, with the reason on record; the row stays as the trace. */
export async function unlockPeriod(db: Kysely<Database>, period: string, reason: string, by: { actor: string; now: Date }): Promise<{ period: string; unlockedBy: string; unlockedAt: string; reason: string }> {
  const p = checkedPeriod(period);
  if (!reason.trim()) throw new UserError('RECON_UNLOCK_REASON');
  const unlockedAt = by.now.toISOString();
  const updated = await db
    .updateTable('period_locks')
    .set({ state: 'unlocked', unlocked_by: by.actor, unlocked_at: unlockedAt, unlock_reason: reason.trim() })
    .where('period', '=', p.period)
    .where('state', '=', 'locked')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw new UserError('RECON_NOT_LOCKED', { period: p.period });
  return { period: p.period, unlockedBy: by.actor, unlockedAt, reason: reason.trim() };
}
