import { Cron } from 'croner';
import type { App } from '../api/context.js';
import { calendarDate } from '../platform/clock.js';
import { readSettings } from '../platform/settings.js';
import { type PlanResult, planReminders } from './planner.js';
import { minutesOf } from './send-window.js';

/** The actor of the daily runs in the audit log and `plan_runs`. */
export const SCHEDULER_ACTOR = 'system:scheduler';

export interface PlannerSchedule {
  stop(): void;
}

/**
 * Runs the planner every day at the configured time (`dailyRunTime`, agency zone). Croner ticks
 * each minute and each tick asks whether today's run is due: so a changed run time applies
 * without a restart, and a server that was down at the run time plans as soon as it is back
 * (the planner's catch-up rule then sends only each bill's latest stage). Started by
 * `sipeka serve`, except under a test runner (`NODE_ENV=test`) or with `SIPEKA_SCHEDULER=off`:
 * a test's server must not plan into its ledger because the wall clock passed 08:00 WIB
 * (`SIPEKA_SCHEDULER=on` asks for it anyway). Tests call `runScheduledPlan` with a moved clock.
 */
export function startPlannerSchedule(app: App, env: NodeJS.ProcessEnv = process.env): PlannerSchedule {
  const wanted = env.SIPEKA_SCHEDULER === 'on' || (env.SIPEKA_SCHEDULER !== 'off' && env.NODE_ENV !== 'test');
  if (!wanted) return { stop: () => undefined };
  const job = new Cron('* * * * *', { protect: true, name: 'reminders-planner' }, async () => {
    try {
      const result = await runScheduledPlan(app);
      if (result) app.logger.info('reminders planned', { date: result.date, planned: result.planned, skipped: result.skipped });
    } catch (err) {
      app.logger.error('the daily reminder plan failed; it is retried next minute', { error: err instanceof Error ? err.stack : String(err) });
    }
  });
  return { stop: () => job.stop() };
}

/** Plans today's reminders if the run time has come and the scheduler has not planned today yet. */
export async function runScheduledPlan(app: Pick<App, 'ledger' | 'clock'>): Promise<PlanResult | null> {
  const db = app.ledger.db;
  const now = app.clock.now();
  const settings = await readSettings(db);
  const today = calendarDate(now, settings.timezone);
  if (localMinutes(now, settings.timezone) < minutesOf(settings.dailyRunTime)) return null;
  const done = await db.selectFrom('plan_runs').select('id').where('plan_date', '=', today).where('actor', '=', SCHEDULER_ACTOR).executeTakeFirst();
  if (done) return null;
  return planReminders(db, { actor: SCHEDULER_ACTOR, now });
}

function localMinutes(instant: Date, timeZone: string): number {
  const [hour, minute] = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant).split(':');
  return Number(hour) * 60 + Number(minute);
}
