import type { z } from 'zod';
import type { sessionUser } from '../../shared/api/auth.js';
import { UserError } from '../../shared/errors.js';
import type { Role } from '../../shared/roles.js';
import type { HandlerMap } from '../api/handler.js';
import { readSettings } from '../platform/settings.js';
import { checkLogin } from './login.js';
import { verifyPassword } from './passwords.js';
import { createSession, deleteSession, lookupSession, type SessionUser } from './sessions.js';
import { countUsers, createUser, getUser, listUsers, setPassword, setUserActive, toUserView } from './users.js';

type SessionUserView = z.input<typeof sessionUser>;

function toSessionUser(u: Omit<SessionUser, 'active'>): SessionUserView {
  return { id: u.id, username: u.username, fullName: u.full_name, role: u.role as Role, language: u.language === 'en' ? 'en' : 'id' };
}

export const authProcedures: HandlerMap<
  'auth.state' | 'auth.setup' | 'auth.login' | 'auth.logout' | 'auth.changePassword' | 'auth.setLanguage'
> = {
  async 'auth.state'(ctx) {
    const settings = await readSettings(ctx.db);
    const needsSetup = (await countUsers(ctx.db)) === 0;
    const found = await lookupSession(ctx.db, ctx.app.ledger.db, ctx.session.token, ctx.app.clock.now(), settings.sessionIdleMinutes);
    return {
      needsSetup,
      user: found.kind === 'ok' ? toSessionUser(found.user) : null,
      agencyName: settings.agencyName,
      timezone: settings.timezone,
      language: found.kind === 'ok' && found.user.language === 'en' ? 'en' : settings.language,
    };
  },

  /** First run: the only time a public caller may create a user, and only an administrator. */
  async 'auth.setup'(ctx, input) {
    if ((await countUsers(ctx.db)) > 0) throw new UserError('SETUP_DONE');
    const now = ctx.app.clock.now();
    const user = await createUser(ctx.db, { ...input, role: 'admin' }, now);
    ctx.session.set(await createSession(ctx.db, user.id, ctx.origin, now));
    await ctx.audit({ actor: user.username, role: 'admin', target: `user:${user.username}`, after: { role: 'admin' } });
    return { user: toSessionUser(user) };
  },

  async 'auth.login'(ctx, input) {
    const now = ctx.app.clock.now();
    const user = await checkLogin(ctx.db, { ...input, origin: ctx.origin, now });
    ctx.session.set(await createSession(ctx.db, user.id, ctx.origin, now));
    return { user: toSessionUser(user) };
  },

  async 'auth.logout'(ctx) {
    if (ctx.session.token) await deleteSession(ctx.db, ctx.session.token);
    ctx.session.set(null);
    await ctx.audit({ target: `user:${ctx.actor?.username}` });
    return { ok: true };
  },

  async 'auth.changePassword'(ctx, input) {
    const user = await getUser(ctx.db, requireUser(ctx.actor?.username));
    if (!(await verifyPassword(input.currentPassword, user.password_hash))) throw new UserError('WRONG_CREDENTIALS');
    const now = ctx.app.clock.now();
    await setPassword(ctx.db, user.username, input.newPassword, now);
    // setPassword ends every session of the user; keep the one that asked.
    ctx.session.set(await createSession(ctx.db, user.id, ctx.origin, now));
    await ctx.audit({ target: `user:${user.username}`, after: { password: 'changed' } });
    return { ok: true };
  },

  async 'auth.setLanguage'(ctx, input) {
    const username = requireUser(ctx.actor?.username);
    await ctx.db.updateTable('users').set({ language: input.language }).where('username', '=', username).execute();
    await ctx.audit({ target: `user:${username}`, after: { language: input.language } });
    return { language: input.language };
  },
};

export const userProcedures: HandlerMap<'users.list' | 'users.add' | 'users.setActive' | 'users.resetPassword'> = {
  async 'users.list'(ctx) {
    return { users: (await listUsers(ctx.db)).map(toUserView) };
  },

  async 'users.add'(ctx, input) {
    const user = await createUser(ctx.db, input, ctx.app.clock.now());
    await ctx.audit({ target: `user:${user.username}`, after: { role: user.role, fullName: user.full_name } });
    return { user: toUserView(user) };
  },

  async 'users.setActive'(ctx, input) {
    const before = await getUser(ctx.db, input.username);
    const user = await setUserActive(ctx.db, input.username, input.active, ctx.app.clock.now());
    await ctx.audit({ target: `user:${user.username}`, before: { active: before.active === 1 }, after: { active: input.active } });
    return { user: toUserView(user) };
  },

  async 'users.resetPassword'(ctx, input) {
    const user = await setPassword(ctx.db, input.username, input.password, ctx.app.clock.now());
    await ctx.audit({ target: `user:${user.username}`, after: { password: 'reset' } });
    return { user: toUserView(user) };
  },
};

/** The CLI acting as `cli:<os user>` has no user row to change a password or language for. */
function requireUser(username: string | undefined): string {
  if (!username || username.startsWith('cli:')) throw new UserError('UNAUTHENTICATED');
  return username;
}
