import { z } from 'zod';
import { isoInstant, password, role, username } from './common.js';
import { procedure } from './procedure.js';

export const userRow = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  role,
  active: z.boolean(),
  lockedUntil: isoInstant.nullable(),
  lastLoginAt: isoInstant.nullable(),
  createdAt: isoInstant,
});

export const usersList = procedure({
  name: 'users.list',
  roles: ['admin'],
  kind: 'query',
  input: z.object({}).strict(),
  output: z.object({ users: z.array(userRow) }),
});

export const usersAdd = procedure({
  name: 'users.add',
  roles: ['admin'],
  kind: 'mutation',
  input: z.object({ username, fullName: z.string().trim().max(120).optional(), role, password }).strict(),
  output: z.object({ user: userRow }),
});

export const usersSetActive = procedure({
  name: 'users.setActive',
  roles: ['admin'],
  kind: 'mutation',
  input: z.object({ username: z.string(), active: z.boolean() }).strict(),
  output: z.object({ user: userRow }),
});

export const usersResetPassword = procedure({
  name: 'users.resetPassword',
  roles: ['admin'],
  kind: 'mutation',
  input: z.object({ username: z.string(), password }).strict(),
  output: z.object({ user: userRow }),
});
