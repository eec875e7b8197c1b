/**
 * Reminder stages: moments counted in days from a bill's due date (H-14 is 14 days before it,
 * H+1 the day after). Pure: which stage applies to a bill on a given day.
 */
export const CHANNELS = ['whatsapp', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

/** `*` is the rule for every tax type; a row for one tax type overrides the stage of the same code. */
export const ALL_TAX_TYPES = '*';

export interface StageRule {
  code: string;
  offsetDays: number;
  taxType: string;
  /** Tried in this order: the first the taxpayer can be reached on with an approved template is used. */
  channels: Channel[];
  active: boolean;
}

const WHATSAPP_FIRST: Channel[] = ['whatsapp', 'sms'];

/** The rules officers asked for (domain.md, "Reminders"). */
export const DEFAULT_STAGES: readonly StageRule[] = (
  [
    ['H-14', -14],
    ['H-7', -7],
    ['H-3', -3],
    ['H+1', 1],
    ['H+7', 7],
    ['H+30', 30],
  ] as const
).map(([code, offsetDays]) => ({ code, offsetDays, taxType: ALL_TAX_TYPES, channels: WHATSAPP_FIRST, active: true }));

/**
 * How long the last stage still applies after its day. Each other stage applies until the next
 * one's day; without a limit the last would remind every bill overdue for years the first time
 * the planner runs, which is the burst the catch-up rule exists to prevent.
 */
export const LAST_STAGE_DAYS = 7;

/**
 * The active stages for one tax type, earliest first: the `*` rules, with a tax type's own row
 * replacing the `*` row of the same code (and adding codes `*` does not have).
 */
export function stagesFor(rules: readonly StageRule[], taxType: string): StageRule[] {
  const byCode = new Map<string, StageRule>();
  for (const rule of rules) if (rule.taxType === ALL_TAX_TYPES) byCode.set(rule.code, rule);
  for (const rule of rules) if (rule.taxType === taxType) byCode.set(rule.code, rule);
  return [...byCode.values()].filter((rule) => rule.active).sort((a, b) => a.offsetDays - b.offsetDays || a.code.localeCompare(b.code));
}

/**
 * The stage that applies to a bill due `dueDate` on `today`: the latest stage whose day has come
 * and whose next stage's day has not. After downtime the planner therefore catches up with that
 * one stage only, never with every stage it missed. `stages` must be earliest first.
 */
export function stageOn(stages: readonly StageRule[], dueDate: string, today: string): StageRule | null {
  const daysFromDue = dayNumber(today) - dayNumber(dueDate);
  for (let i = stages.length - 1; i >= 0; i -= 1) {
    const stage = stages[i] as StageRule;
    if (stage.offsetDays > daysFromDue) continue;
    const next = stages[i + 1];
    const until = next ? next.offsetDays : stage.offsetDays + LAST_STAGE_DAYS;
    return daysFromDue < until ? stage : null;
  }
  return null;
}

/** The calendar day a stage falls on for a bill. */
export function stageDay(stage: Pick<StageRule, 'offsetDays'>, dueDate: string): string {
  return addDays(dueDate, stage.offsetDays);
}

/** The due dates a plan on `today` can find a stage for, as an inclusive range. */
export function dueDateRange(stages: readonly StageRule[], today: string): { from: string; to: string } | null {
  const active = stages.filter((stage) => stage.active);
  if (active.length === 0) return null;
  const offsets = active.map((stage) => stage.offsetDays);
  return { from: addDays(today, -(Math.max(...offsets) + LAST_STAGE_DAYS - 1)), to: addDays(today, -Math.min(...offsets)) };
}

export function addDays(isoDate: string, days: number): string {
  return new Date((dayNumber(isoDate) + days) * 86_400_000).toISOString().slice(0, 10);
}

export function dayNumber(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${isoDate}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}
