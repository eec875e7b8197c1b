import type { Kysely } from 'kysely';
import { UserError } from '../../shared/errors.js';
import type { Database } from '../db/schema.js';
import { writeAudit } from './audit-log.js';
import { UNUSABLE_HASH, verifyPassword } from './passwords.js';
import { findUser } from './users.js';

/** Five wrong passwords in a row lock the account for fifteen minutes. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

export interface LoginAttempt {
  username: string;
  password: string;
  origin: string;
  now: Date;
}

/**
 * Checks a password and keeps the lockout counters. Each outcome commits on its own, so a
 * failed attempt is counted and audited even though the caller answers with an error.
 */
export async function checkLogin(db: Kysely<Database>, attempt: LoginAttempt) {
  const user = await findUser(db, attempt.username);
  const ok = await verifyPassword(attempt.password, user?.password_hash ?? UNUSABLE_HASH);
  const at = attempt.now.toISOString();
  const audit = (action: string) =>
    writeAudit(db, { at, actor: user?.username ?? attempt.username.slice(0, 40), role: user?.role ?? '-', action, target: user ? `user:${user.username}` : null, origin: attempt.origin });

  if (!user) {
    await audit('auth.login.failed');
    throw new UserError('WRONG_CREDENTIALS');
  }
  if (user.locked_until && new Date(user.locked_until) > attempt.now) {
    await audit('auth.login.locked');
    throw new UserError('ACCOUNT_LOCKED', { minutes: minutesUntil(user.locked_until, attempt.now) });
  }
  if (!user.active) {
    await audit('auth.login.disabled');
    throw new UserError('ACCOUNT_DISABLED');
  }
  if (!ok) {
    const failed = user.failed_attempts + 1;
    const lockedUntil = failed >= MAX_FAILED_ATTEMPTS ? new Date(attempt.now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ failed_attempts: lockedUntil ? 0 : failed, locked_until: lockedUntil, updated_at: at })
        .where('id', '=', user.id)
        .execute();
      await writeAudit(trx, { at, actor: user.username, role: user.role, action: lockedUntil ? 'auth.login.lockout' : 'auth.login.failed', target: `user:${user.username}`, after: { failedAttempts: failed }, origin: attempt.origin });
    });
    if (lockedUntil) throw new UserError('ACCOUNT_LOCKED', { minutes: LOCK_MINUTES });
    throw new UserError('WRONG_CREDENTIALS');
  }
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set({ failed_attempts: 0, locked_until: null, last_login_at: at, updated_at: at })
      .where('id', '=', user.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, { at, actor: user.username, role: user.role, action: 'auth.login', target: `user:${user.username}`, origin: attempt.origin });
    return updated;
  });
}

function minutesUntil(iso: string, now: Date): number {
  return Math.max(1, Math.ceil((new Date(iso).getTime() - now.getTime()) / 60_000));
}
