/** Calendar arithmetic on `YYYY-MM-DD` days and `YYYY-MM` months, in plain UTC date maths. */

const DAY_MS = 86_400_000;

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Every day of a `YYYY-MM-DD` day (itself) or a `YYYY-MM` month. */
export function daysOf(period: string): string[] {
  if (period.length === 10) return [period];
  const days: string[] = [];
  for (let day = `${period}-01`; day.startsWith(period); day = addDays(day, 1)) days.push(day);
  return days;
}

/** The first and last day of a period, for range queries. */
export function periodRange(period: string): { from: string; to: string } {
  const days = daysOf(period);
  return { from: days[0]!, to: days[days.length - 1]! };
}

/** The days and their neighbours: a payment is often credited the next banking day. */
export function withNeighbours(days: Iterable<string>): string[] {
  const all = new Set<string>();
  for (const day of days) for (const d of [addDays(day, -1), day, addDays(day, 1)]) all.add(d);
  return [...all].sort();
}

/** `YYYY-MM-DD` or `YYYY-MM` that names a real day or month. */
export function isPeriod(text: string): boolean {
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(text)) return true;
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && addDays(text, 0) === text;
}
