/** Calendar arithmetic on `YYYY-MM-DD` dates (agency-zone days, no time of day). */
const DAY_MS = 86_400_000;

export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** `YYYY-MM` of the twelve months of a year. */
export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** The offset in days a reminder stage code says: `H-14` is -14, `H+1` is 1; null for others. */
export function stageOffset(code: string): number | null {
  const match = /^H([+-])(\d+)$/.exec(code);
  if (!match) return null;
  return (match[1] === '-' ? -1 : 1) * Number(match[2]);
}
