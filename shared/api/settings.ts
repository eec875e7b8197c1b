import { z } from 'zod';
import { ALL_ROLES } from '../roles.js';
import { language } from './common.js';
import { procedure } from './procedure.js';

/**
 * Agency-wide settings. Defaults are our first customer's (BPPD Kabupaten Ogan Komering Ilir);
 * names and NIPs end up on the signature blocks of reports.
 */
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

const settingsFields = {
  agencyName: z.string().trim().min(1).max(200),
  kabupaten: z.string().trim().min(1).max(100),
  headName: z.string().trim().max(120),
  headNip: z.string().trim().regex(/^[0-9 ]*$/, 'digits only').max(30),
  treasurerName: z.string().trim().max(120),
  treasurerNip: z.string().trim().regex(/^[0-9 ]*$/, 'digits only').max(30),
  language,
  timezone: z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']),
  sessionIdleMinutes: z.number().int().min(5).max(24 * 60),
  /** How taxpayers reach the agency: `{kontak_instansi}` in messages. */
  agencyContact: z.string().trim().max(200),
  /** Where and how to pay: `{cara_bayar}` in messages. */
  howToPay: z.string().trim().max(500),
  /** A mobile number on this many unrelated taxpayers is flagged `shared` (domain.md, "Contacts"). */
  sharedNumberThreshold: z.number().int().min(2).max(1000),
  /** Reminders go out between these local times (domain.md: office hours only). */
  sendWindowStart: hhmm,
  sendWindowEnd: hhmm,
  /** ISO weekdays on which reminders go out, 1 = Monday … 7 = Sunday. */
  sendDays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  /** When the planner runs each day, local time. */
  dailyRunTime: hhmm,
  /** Late payment under UU 1/2022 (HKPD): this percent of the principal per month or part of one… */
  penaltyPercentPerMonth: z.number().min(0).max(10),
  /** …for at most this many months. */
  penaltyMaxMonths: z.number().int().min(0).max(120),
  /** Added to the bill's total in partner inquiries (`admin_fee`); 0 when the bank charges the taxpayer itself. */
  partnerAdminFee: z.number().int().min(0).max(100_000),
  /** What one message or letter costs, in Rupiah, for the dashboard's savings figure. */
  paperLetterCost: z.number().int().min(0).max(1_000_000),
  whatsappMessageCost: z.number().int().min(0).max(100_000),
  smsMessageCost: z.number().int().min(0).max(100_000),
};
export const settingsSchema = z.object(settingsFields);
/** A change to some settings; absent keys stay as they are. */
export const settingsPatch = z.object(settingsFields).partial().strict();

export const SETTINGS_DEFAULTS: z.infer<typeof settingsSchema> = {
  agencyName: 'Badan Pengelola Pajak Daerah Kabupaten Ogan Komering Ilir',
  kabupaten: 'Ogan Komering Ilir',
  headName: '',
  headNip: '',
  treasurerName: '',
  treasurerNip: '',
  language: 'id',
  timezone: 'Asia/Jakarta',
  sessionIdleMinutes: 30,
  agencyContact: 'Call Center BPPD OKI (0712) 321456, WhatsApp 0811-7300-456',
  howToPay: 'Bayar melalui teller, ATM atau m-banking Bank Sumsel Babel, dompet digital, atau loket BPPD dengan menyebutkan kode bayar',
  sharedNumberThreshold: 3,
  sendWindowStart: '08:00',
  sendWindowEnd: '17:00',
  sendDays: [1, 2, 3, 4, 5, 6],
  dailyRunTime: '08:00',
  penaltyPercentPerMonth: 1,
  penaltyMaxMonths: 24,
  partnerAdminFee: 0,
  // A printed, enveloped and hand-delivered letter; Meta's utility rate for Indonesia; a bulk SMS.
  paperLetterCost: 6_000,
  whatsappMessageCost: 330,
  smsMessageCost: 450,
};
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
  input: z.object({ changes: settingsPatch }).strict(),
  output: z.object({ settings: settingsSchema }),
});
