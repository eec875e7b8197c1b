import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { calendarDate, type Clock } from './clock.js';
import { readSettings } from './settings.js';

/** Today's calendar date in the agency's zone (WIB unless the agency set WITA or WIT). */
export async function agencyToday(db: Kysely<Database>, clock: Clock): Promise<string> {
  const { timezone } = await readSettings(db);
  return calendarDate(clock.now(), timezone);
}
