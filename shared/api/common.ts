import { z } from 'zod';
import { ROLES } from '../roles.js';

export const role = z.enum(ROLES);
/** A calendar date in the agency's zone, `YYYY-MM-DD`. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
/** An instant, ISO 8601 in UTC. */
export const isoInstant = z.string();
/** Integer Rupiah; sums may pass 2^31, so only the safe-integer bound applies. */
export const rupiah = z.number().int().safe();
export const username = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9._-]+$/i, 'letters, digits, dot, dash or underscore');
/** The one password rule, shared so forms can say it before the server does. */
export const MIN_PASSWORD_LENGTH = 8;
export const password = z.string().min(1).max(200);
export const language = z.enum(['id', 'en']);
export const empty = z.object({}).strict();
