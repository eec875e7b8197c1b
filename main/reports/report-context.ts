import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { calendarDate, type Clock } from '../platform/clock.js';
import { readSettings } from '../platform/settings.js';
import type { ReportContext } from './report.js';

/** The settings and the moment a report is printed with. */
export async function reportContext(db: Kysely<Database>, clock: Clock): Promise<ReportContext> {
  const s = await readSettings(db);
  const now = clock.now();
  return {
    agencyName: s.agencyName,
    kabupaten: s.kabupaten,
    headName: s.headName,
    headNip: s.headNip,
    treasurerName: s.treasurerName,
    treasurerNip: s.treasurerNip,
    timeZone: s.timezone,
    now,
    today: calendarDate(now, s.timezone),
  };
}
