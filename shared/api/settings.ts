import { z } from 'zod';
import { ALL_ROLES } from '../roles.js';
import { language } from './common.js';
import { procedure } from './procedure.js';

/**
 * Agency-wide settings. Defaults are our first customer's (BPPD Kabupaten Ogan Komering Ilir);
 * names and NIPs end up on the signature blocks of reports.
 */
export const settingsSchema = z.object({
  agencyName: z.string().trim().min(1).max(200).default('Badan Pengelola Pajak Daerah Kabupaten Ogan Komering Ilir'),
  kabupaten: z.string().trim().min(1).max(100).default('Ogan Komering Ilir'),
  headName: z.string().trim().max(120).default(''),
  headNip: z.string().trim().regex(/^[0-9 ]*$/, 'digits only').max(30).default(''),
  treasurerName: z.string().trim().max(120).default(''),
  treasurerNip: z.string().trim().regex(/^[0-9 ]*$/, 'digits only').max(30).default(''),
  language: language.default('id'),
  timezone: z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']).default('Asia/Jakarta'),
  sessionIdleMinutes: z.number().int().min(5).max(24 * 60).default(30),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;
export const SETTING_KEYS = Object.keys(settingsSchema.shape) as SettingKey[];

export const settingsGet = procedure({
  name: 'settings.get',
  roles: ALL_ROLES,
  kind: 'query',
  input: z.object({}).strict(),
  output: z.object({ settings: settingsSchema }),
});

export const settingsUpdate = procedure({
  name: 'settings.update',
  roles: ['admin'],
  kind: 'mutation',
  input: z.object({ changes: settingsSchema.partial().strict() }).strict(),
  output: z.object({ settings: settingsSchema }),
});
