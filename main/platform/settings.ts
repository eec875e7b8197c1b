import type { Kysely } from 'kysely';
import { SETTINGS_DEFAULTS, type Settings, settingsSchema } from '../../shared/api/settings.js';
import type { Database } from '../db/schema.js';

/** The agency's settings: stored values over the defaults in `shared/api/settings.ts`. */
export function readSettings(db: Kysely<Database>): Promise<Settings> {
  // A payment reads the settings in several places of one transaction (pricing, the payment's
  // day, the thank-you); inside a transaction they cannot change but through writeSettings, so
  // one read serves the whole transaction.
  if (!db.isTransaction) return readStored(db);
  let read = inTransaction.get(db);
  if (!read) inTransaction.set(db, (read = readStored(db)));
  return read.then((settings) => ({ ...settings }));
}

const inTransaction = new WeakMap<Kysely<Database>, Promise<Settings>>();
/** The last rows read and what they validated to: validating ~50 keys costs more than the query. */
let lastParsed: { raw: string; settings: Settings } | null = null;

async function readStored(db: Kysely<Database>): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const raw = rows.map((r) => `${r.key}\u0000${r.value}`).join('\u0001');
  if (lastParsed?.raw === raw) return { ...lastParsed.settings };
  const settings = parseStored(rows);
  lastParsed = { raw, settings };
  return { ...settings };
}

function parseStored(rows: { key: string; value: string }[]): Settings {
  const stored: Record<string, unknown> = {};
  for (const row of rows) {
    if (row.key in settingsSchema.shape) stored[row.key] = JSON.parse(row.value);
  }
  // A value an older version stored that no longer validates falls back to its default.
  const merged: Record<string, unknown> = { ...SETTINGS_DEFAULTS, ...stored };
  const parsed = settingsSchema.safeParse(merged);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0]) as keyof Settings;
    merged[key] = SETTINGS_DEFAULTS[key];
  }
  return settingsSchema.parse(merged);
}

export async function writeSettings(db: Kysely<Database>, changes: Partial<Settings>, by: string, now: Date): Promise<void> {
  inTransaction.delete(db);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    const row = { key, value: JSON.stringify(value), updated_at: now.toISOString(), updated_by: by };
    await db
      .insertInto('settings')
      .values(row)
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at, updated_by: by }))
      .execute();
  }
}
