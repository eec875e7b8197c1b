import { z } from 'zod';
import { TEMPLATE_PURPOSES } from '../templates/checks.js';
import { isoDate, isoInstant } from './common.js';
import { procedure } from './procedure.js';

/** Reminders: the stages and holidays officers edit, and the planner (reminders module). */

const READERS = ['officer', 'head', 'admin'] as const;
const EDITORS = ['officer', 'admin'] as const;

/** Stage codes are the reminder purposes of templates: a stage sends the templates of its code. */
export const STAGE_CODES = TEMPLATE_PURPOSES.filter((p) => p !== 'thank_you') as Exclude<(typeof TEMPLATE_PURPOSES)[number], 'thank_you'>[];
export const REMINDER_CHANNELS = ['whatsapp', 'sms'] as const;
export const PLAN_SKIP_REASONS = ['paid', 'no_contact', 'opted_out', 'office_number', 'template_not_approved'] as const;

const channel = z.enum(REMINDER_CHANNELS);
const count = z.number().int();

export const reminderStage = z.object({
  code: z.enum(STAGE_CODES as [string, ...string[]]),
  /** `*` for every tax type, or a tax type code (`PBJT_MAKMIN`) whose stage of this code differs. */
  taxType: z.string().trim().min(1).max(30),
  /** Days from the due date: H-14 is -14, H+7 is 7. */
  offsetDays: z.number().int().min(-365).max(365),
  /** Tried in this order. */
  channels: z.array(channel).min(1).max(2),
  active: z.boolean(),
});

const holiday = z.object({ day: isoDate, name: z.string(), createdBy: z.string(), createdAt: isoInstant });

export const planResult = z.object({
  date: isoDate,
  dry_run: z.boolean(),
  plan_run_id: count.nullable(),
  not_before: isoInstant,
  planned: count,
  by_stage: z.record(z.string(), count),
  by_channel: z.object({ whatsapp: count, sms: count }),
  skipped: z.object(Object.fromEntries(PLAN_SKIP_REASONS.map((r) => [r, count])) as Record<(typeof PLAN_SKIP_REASONS)[number], typeof count>),
});

export const remindersStages = procedure({
  name: 'reminders.stages',
  roles: READERS,
  kind: 'query',
  input: z.object({}).strict(),
  output: z.object({ stages: z.array(reminderStage), defaults: z.boolean() }),
});

export const remindersUpdateStage = procedure({
  name: 'reminders.updateStage',
  roles: EDITORS,
  kind: 'mutation',
  input: reminderStage.extend({ taxType: reminderStage.shape.taxType.default('*'), active: z.boolean().default(true) }).strict(),
  output: z.object({ stage: reminderStage }),
});

export const remindersHolidays = procedure({
  name: 'reminders.holidays',
  roles: READERS,
  kind: 'query',
  input: z.object({ year: z.number().int().min(2000).max(2100).optional() }).strict(),
  output: z.object({ holidays: z.array(holiday) }),
});

export const remindersAddHoliday = procedure({
  name: 'reminders.addHoliday',
  roles: EDITORS,
  kind: 'mutation',
  input: z.object({ day: isoDate, name: z.string().trim().min(1).max(120) }).strict(),
  output: z.object({ holiday }),
});

export const remindersRemoveHoliday = procedure({
  name: 'reminders.removeHoliday',
  roles: EDITORS,
  kind: 'mutation',
  input: z.object({ day: isoDate }).strict(),
  output: z.object({ holiday }),
});

/** Plans a day's reminders into the outbox; its own transaction, so a dry run can roll back. */
export const remindersPlan = procedure({
  name: 'reminders.plan',
  roles: EDITORS,
  kind: 'self-managed',
  input: z.object({ date: isoDate.optional(), dryRun: z.boolean().default(false) }).strict(),
  output: planResult,
});

export const remindersPlanRuns = procedure({
  name: 'reminders.planRuns',
  roles: READERS,
  kind: 'query',
  input: z.object({ limit: z.number().int().min(1).max(500).default(30) }).strict(),
  output: z.object({
    runs: z.array(
      z.object({
        id: count,
        planDate: isoDate,
        actor: z.string(),
        startedAt: isoInstant,
        planned: count,
        skipped: count,
        counts: z.object({ by_stage: z.record(z.string(), count), by_channel: z.record(z.string(), count), skipped: z.record(z.string(), count) }).partial(),
      }),
    ),
  }),
});

export const reminderProcedures = [
  remindersStages,
  remindersUpdateStage,
  remindersHolidays,
  remindersAddHoliday,
  remindersRemoveHoliday,
  remindersPlan,
  remindersPlanRuns,
] as const;
