import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface SessionUser {
  id: number;
  username: string;
  full_name: string;
  role: string;
  language: string;
  active: number;
}

export type SessionLookup = { kind: 'none' } | { kind: 'expired' } | { kind: 'ok'; user: SessionUser };

/** Refresh `last_seen_at` at most once a minute, so reads do not turn into writes. */
const TOUCH_EVERY_MS = 60_000;

const BOOKKEEPING_WAIT_MS = 250;

function briefly(write: Promise<unknown>): Promise<void> {
  const settled = write.then(
    () => undefined,
    () => undefined,
  );
  return Promise.race([settled, new Promise<void>((resolve) => setTimeout(resolve, BOOKKEEPING_WAIT_MS).unref())]);
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Kysely<Database>, userId: number, origin: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  await db
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), user_id: userId, created_at: at, last_seen_at: at, origin: origin.slice(0, 100) })
    .execute();
  return token;
}

/**
 * Finds the session's user; a session idle longer than the setting is reported as expired and
 * deleted. The bookkeeping writes go to `writer` and are waited for only briefly: a long import
 * holding the writer must not stop people from reading, and a late touch harms nothing.
 */
export async function lookupSession(db: Kysely<Database>, writer: Kysely<Database>, token: string | null, now: Date, idleMinutes: number): Promise<SessionLookup> {
  if (!token) return { kind: 'none' };
  const tokenHash = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.last_seen_at', 'users.id', 'users.username', 'users.full_name', 'users.role', 'users.language', 'users.active'])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return { kind: 'none' };
  const idleMs = now.getTime() - new Date(row.last_seen_at).getTime();
  if (idleMs > idleMinutes * 60_000 || !row.active) {
    await briefly(writer.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute());
    return { kind: 'expired' };
  }
  if (idleMs > TOUCH_EVERY_MS) {
    await briefly(writer.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('token_hash', '=', tokenHash).execute());
  }
  const { last_seen_at: _seen, ...user } = row;
  return { kind: 'ok', user };
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

export async function deleteUserSessions(db: Kysely<Database>, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
