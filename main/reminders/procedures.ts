import type { ProcedureName } from '../../shared/api/index.js';
import { UserError } from '../../shared/errors.js';
import type { Ctx } from '../api/context.js';
import type { HandlerMap } from '../api/handler.js';
import { planReminders } from './planner.js';
import { addHoliday, listHolidays, readStages, removeHoliday, saveStage } from './rules.js';

export const reminderProcedures: HandlerMap<Extract<ProcedureName, `reminders.${string}`>> = {
  async 'reminders.stages'(ctx) {
    const stored = await ctx.db.selectFrom('reminder_stages').select('id').limit(1).executeTakeFirst();
    return { stages: await readStages(ctx.db), defaults: !stored };
  },

  async 'reminders.updateStage'(ctx, change) {
    const { before, after } = await saveStage(ctx.db, change, actorName(ctx), ctx.app.clock.now());
    await ctx.audit({ target: `stage:${after.code}:${after.taxType}`, before, after });
    return { stage: after };
  },

  async 'reminders.holidays'(ctx, { year }) {
    return { holidays: await listHolidays(ctx.db, year) };
  },

  async 'reminders.addHoliday'(ctx, { day, name }) {
    const holiday = await addHoliday(ctx.db, day, name, actorName(ctx), ctx.app.clock.now());
    await ctx.audit({ target: `holiday:${day}`, after: { day, name } });
    return { holiday };
  },

  async 'reminders.removeHoliday'(ctx, { day }) {
    const holiday = await removeHoliday(ctx.db, day);
    await ctx.audit({ target: `holiday:${day}`, before: { day, name: holiday.name } });
    return { holiday };
  },

  async 'reminders.plan'(ctx, { date, dryRun }) {
    const result = await planReminders(ctx.app.ledger.db, { date, dryRun, actor: actorName(ctx), now: ctx.app.clock.now() });
    // A dry run changes nothing, so there is nothing to trace.
    if (!dryRun) await ctx.audit({ target: `plan_run:${result.plan_run_id}`, after: { date: result.date, planned: result.planned, skipped: result.skipped } });
    return result;
  },

  async 'reminders.planRuns'(ctx, { limit }) {
    const rows = await ctx.db.selectFrom('plan_runs').selectAll().orderBy('id', 'desc').limit(limit).execute();
    return {
      runs: rows.map((r) => ({
        id: Number(r.id),
        planDate: r.plan_date,
        actor: r.actor,
        startedAt: r.started_at,
        planned: Number(r.planned),
        skipped: Number(r.skipped),
        counts: JSON.parse(r.counts) as Record<string, Record<string, number>>,
      })),
    };
  },
};

function actorName(ctx: Ctx): string {
  if (!ctx.actor) throw new UserError('UNAUTHENTICATED');
  return ctx.actor.username;
}
