import { addDays, lastDayOfMonth } from './calendar.js';

/** What the dashboard's filters select, resolved against today (agency zone). */
export interface Scope {
  year: number;
  /** `YYYY-MM` when one month was chosen. */
  period: string | null;
  /** The months the panels sum: the chosen one, or the whole year. */
  months: string[];
  /** The last month realisation is counted through (1–12), 0 for a year that has not begun. */
  asOfMonth: number;
  /** Bills due in [dueFrom, dueTo] count for compliance: due in the scope and no later than yesterday. */
  dueFrom: string;
  dueTo: string;
  today: string;
}

export function resolveScope(today: string, filters: { year?: number | undefined; period?: string | undefined }): Scope {
  const currentYear = Number(today.slice(0, 4));
  const currentMonth = Number(today.slice(5, 7));
  const yesterday = addDays(today, -1);
  if (filters.period) {
    const year = Number(filters.period.slice(0, 4));
    const month = Number(filters.period.slice(5, 7));
    const end = lastDayOfMonth(filters.period);
    return { year, period: filters.period, months: [filters.period], asOfMonth: month, dueFrom: `${filters.period}-01`, dueTo: end < yesterday ? end : yesterday, today };
  }
  const year = filters.year ?? currentYear;
  const asOfMonth = year < currentYear ? 12 : year === currentYear ? currentMonth : 0;
  const end = `${year}-12-31`;
  return {
    year,
    period: null,
    months: Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`),
    asOfMonth,
    dueFrom: `${year}-01-01`,
    dueTo: end < yesterday ? end : yesterday,
    today,
  };
}
