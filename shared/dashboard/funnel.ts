import { addDays } from './calendar.js';

/** Bills never reminded, by due day and paid day ('' unpaid); see main/dashboard/rollups.ts. */
export interface UnremindedDay {
  dueDate: string;
  paidDate: string;
  bills: number;
}

export interface ControlFigures {
  bills: number;
  paid7: number;
  paid14: number;
}

/**
 * The comparison group of a reminder stage: bills never reminded whose stage day (due date +
 * offset) fell in [from, to] and no later than today, and that were still unpaid that day (the
 * planner skips paid bills, so a reminded bill always is). Paid within N days means paid on the
 * stage day or the N days after it, as for reminded bills counted from the day the reminder
 * was planned for.
 */
export function controlGroup(days: readonly UnremindedDay[], offsetDays: number, from: string, to: string, today: string): ControlFigures {
  const out: ControlFigures = { bills: 0, paid7: 0, paid14: 0 };
  for (const day of days) {
    const stageDay = addDays(day.dueDate, offsetDays);
    if (stageDay < from || stageDay > to || stageDay > today) continue;
    if (day.paidDate !== '' && day.paidDate < stageDay) continue;
    out.bills += day.bills;
    if (day.paidDate === '') continue;
    if (day.paidDate <= addDays(stageDay, 7)) out.paid7 += day.bills;
    if (day.paidDate <= addDays(stageDay, 14)) out.paid14 += day.bills;
  }
  return out;
}
