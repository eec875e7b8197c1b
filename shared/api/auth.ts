import { z } from 'zod';
import { ALL_ROLES } from '../roles.js';
import { empty, language, password, role, username } from './common.js';
import { procedure } from './procedure.js';

export const sessionUser = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  role,
  language,
});

export const authState = procedure({
  name: 'auth.state',
  roles: 'public',
  kind: 'query',
  input: empty,
  output: z.object({
    needsSetup: z.boolean(),
    user: sessionUser.nullable(),
    agencyName: z.string(),
    /** The agency's zone (WIB by default), so screens show times without another call. */
    timezone: z.string(),
    language,
  }),
});

export const authSetup = procedure({
  name: 'auth.setup',
  roles: 'public',
  kind: 'mutation',
  input: z.object({ username, fullName: z.string().trim().min(1).max(120), password }).strict(),
  output: z.object({ user: sessionUser }),
});

export const authLogin = procedure({
  name: 'auth.login',
  roles: 'public',
  kind: 'self-managed',
  input: z.object({ username: z.string().trim().min(1).max(40), password }).strict(),
  output: z.object({ user: sessionUser }),
});

export const authLogout = procedure({
  name: 'auth.logout',
  roles: ALL_ROLES,
  kind: 'mutation',
  input: empty,
  output: z.object({ ok: z.literal(true) }),
});

export const authChangePassword = procedure({
  name: 'auth.changePassword',
  roles: ALL_ROLES,
  kind: 'mutation',
  input: z.object({ currentPassword: password, newPassword: password }).strict(),
  output: z.object({ ok: z.literal(true) }),
});

export const authSetLanguage = procedure({
  name: 'auth.setLanguage',
  roles: ALL_ROLES,
  kind: 'mutation',
  input: z.object({ language }).strict(),
  output: z.object({ language }),
});
