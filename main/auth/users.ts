import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { userRow } from '../../shared/api/users.js';
import { UserError } from '../../shared/errors.js';
import type { Role } from '../../shared/roles.js';
import type { Database, UsersTable } from '../db/schema.js';
import { MIN_PASSWORD_LENGTH } from '../../shared/api/common.js';
import { hashPassword } from './passwords.js';

export type UserView = z.input<typeof userRow>;
type UserRecord = Omit<UsersTable, 'id'> & { id: number };

export function toUserView(row: UserRecord): UserView {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    role: row.role as Role,
    active: row.active === 1,
    lockedUntil: row.locked_until,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
  };
}

export function assertStrongPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new UserError('WEAK_PASSWORD', { min: MIN_PASSWORD_LENGTH });
}

export async function findUser(db: Kysely<Database>, username: string): Promise<UserRecord | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
}

export async function getUser(db: Kysely<Database>, username: string): Promise<UserRecord> {
  const user = await findUser(db, username);
  if (!user) throw new UserError('USER_NOT_FOUND', { username });
  return user;
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface NewUser {
  username: string;
  fullName?: string | undefined;
  role: Role;
  password: string;
}

export async function createUser(db: Kysely<Database>, input: NewUser, now: Date): Promise<UserRecord> {
  assertStrongPassword(input.password);
  const username = input.username.toLowerCase();
  if (await findUser(db, username)) throw new UserError('USER_EXISTS', { username });
  const at = now.toISOString();
  return db
    .insertInto('users')
    .values({
      username,
      full_name: input.fullName?.trim() || username,
      role: input.role,
      password_hash: await hashPassword(input.password),
      active: 1,
      failed_attempts: 0,
      locked_until: null,
      language: 'id',
      last_login_at: null,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listUsers(db: Kysely<Database>): Promise<UserRecord[]> {
  return db.selectFrom('users').selectAll().orderBy('username').execute();
}

/** Disabling keeps the user (the audit log names them) but ends their sessions. */
export async function setUserActive(db: Kysely<Database>, username: string, active: boolean, now: Date): Promise<UserRecord> {
  const user = await getUser(db, username);
  if (!active && user.role === 'admin' && user.active === 1) {
    const admins = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'admin')
      .where('active', '=', 1)
      .executeTakeFirstOrThrow();
    if (Number(admins.n) <= 1) throw new UserError('LAST_ADMIN');
  }
  const updated = await db
    .updateTable('users')
    .set({ active: active ? 1 : 0, failed_attempts: 0, locked_until: null, updated_at: now.toISOString() })
    .where('id', '=', user.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (!active) await db.deleteFrom('sessions').where('user_id', '=', user.id).execute();
  return updated;
}

/** A new password also lifts a lockout and ends the user's other sessions. */
export async function setPassword(db: Kysely<Database>, username: string, password: string, now: Date): Promise<UserRecord> {
  assertStrongPassword(password);
  const user = await getUser(db, username);
  const updated = await db
    .updateTable('users')
    .set({ password_hash: await hashPassword(password), failed_attempts: 0, locked_until: null, updated_at: now.toISOString() })
    .where('id', '=', user.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await db.deleteFrom('sessions').where('user_id', '=', user.id).execute();
  return updated;
}
