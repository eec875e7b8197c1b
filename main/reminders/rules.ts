import type { Kysely } from 'kysely';
import { UserError } from '../../shared/errors.js';
import type { Database } from '../db/schema.js';
import { ALL_TAX_TYPES, CHANNELS, type Channel, DEFAULT_STAGES, type StageRule } from './stages.js';

/**
 * The rules officers edit: reminder stages and the national-holiday calendar. Until an officer
 * changes a stage the table is empty and the defaults apply; the first change writes the
 * defaults down with it, so the rules in force are always the rows an auditor can read.
 */
export async function readStages(db: Kysely<Database>): Promise<StageRule[]> {
  const rows = await db.selectFrom('reminder_stages').selectAll().orderBy('tax_type').orderBy('offset_days').execute();
  if (rows.length === 0) return DEFAULT_STAGES.map((stage) => ({ ...stage, channels: [...stage.channels] }));
  return rows.map((row) => ({
    code: row.code,
    offsetDays: Number(row.offset_days),
    taxType: row.tax_type,
    channels: parseChannels(row.channels),
    active: Number(row.active) === 1,
  }));
}

export interface StageChange {
  code: string;
  taxType: string;
  offsetDays: number;
  channels: Channel[];
  active: boolean;
}

/** Adds or changes the stage `code` for a tax type (or `*`); returns it before and after. */
export async function saveStage(db: Kysely<Database>, change: StageChange, by: string, now: Date): Promise<{ before: StageRule | null; after: StageRule }> {
  const channels = [...new Set(change.channels)];
  if (channels.length === 0) throw new UserError('REMINDER_STAGE_NO_CHANNEL', { code: change.code });
  const current = await readStages(db);
  const clash = current.find((s) => s.taxType === change.taxType && s.code !== change.code && s.offsetDays === change.offsetDays && s.active && change.active);
  if (clash) throw new UserError('REMINDER_STAGE_SAME_DAY', { code: change.code, other: clash.code, offset: change.offsetDays });
  const at = now.toISOString();
  const stored = await db.selectFrom('reminder_stages').select('id').limit(1).executeTakeFirst();
  if (!stored) {
    await db
      .insertInto('reminder_stages')
      .values(current.map((s) => ({ code: s.code, offset_days: s.offsetDays, tax_type: s.taxType, channels: JSON.stringify(s.channels), active: s.active ? 1 : 0, updated_by: by, updated_at: at })))
      .execute();
  }
  const row = { offset_days: change.offsetDays, channels: JSON.stringify(channels), active: change.active ? 1 : 0, updated_by: by, updated_at: at };
  await db
    .insertInto('reminder_stages')
    .values({ code: change.code, tax_type: change.taxType, ...row })
    .onConflict((oc) => oc.columns(['code', 'tax_type']).doUpdateSet(row))
    .execute();
  const before = current.find((s) => s.code === change.code && s.taxType === change.taxType) ?? null;
  return { before, after: { ...change, channels } };
}

export interface Holiday {
  day: string;
  name: string;
  createdBy: string;
  createdAt: string;
}

export async function listHolidays(db: Kysely<Database>, year?: number): Promise<Holiday[]> {
  let query = db.selectFrom('holidays').selectAll().orderBy('day');
  if (year !== undefined) query = query.where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`);
  const rows = await query.execute();
  return rows.map((r) => ({ day: r.day, name: r.name, createdBy: r.created_by, createdAt: r.created_at }));
}

export async function holidaySet(db: Kysely<Database>, from: string): Promise<Set<string>> {
  const rows = await db.selectFrom('holidays').select('day').where('day', '>=', from).execute();
  return new Set(rows.map((r) => r.day));
}

export async function addHoliday(db: Kysely<Database>, day: string, name: string, by: string, now: Date): Promise<Holiday> {
  if (Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw new UserError('INVALID_INPUT', { field: 'day', detail: `${day} is not a date` });
  const exists = await db.selectFrom('holidays').select('name').where('day', '=', day).executeTakeFirst();
  if (exists) throw new UserError('REMINDER_HOLIDAY_EXISTS', { day, name: exists.name });
  const row = { day, name, created_by: by, created_at: now.toISOString() };
  await db.insertInto('holidays').values(row).execute();
  return { day, name, createdBy: by, createdAt: row.created_at };
}

export async function removeHoliday(db: Kysely<Database>, day: string): Promise<Holiday> {
  const [holiday] = (await listHolidays(db)).filter((h) => h.day === day);
  if (!holiday) throw new UserError('REMINDER_HOLIDAY_NOT_FOUND', { day });
  await db.deleteFrom('holidays').where('day', '=', day).execute();
  return holiday;
}

export { ALL_TAX_TYPES };

function parseChannels(text: string): Channel[] {
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed.filter((c): c is Channel => (CHANNELS as readonly unknown[]).includes(c)) : [];
}
