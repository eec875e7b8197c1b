/**
 * Aging of arrears (umur tunggakan): how long an unpaid bill has been past its
 * due date, in whole calendar days, and the bucket it falls in. Pure; shared by
 * the Daftar Tunggakan report and the dashboard so both group bills the same way.
 *
 * A bill is overdue from the day after its due date: paying on the due date is on
 * time, so on the due date itself the bill is 0 days overdue (bucket 0–30) and a
 * bill whose due date is still ahead has negative days and no bucket.
 */

export const AGING_BUCKETS = ['0-30', '31-90', '91-180', '181-365', '>365'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** Inclusive day bounds of each bucket; `max` null means open-ended. Usable in SQL CASE expressions. */
export const AGING_BOUNDS: readonly { bucket: AgingBucket; min: number; max: number | null }[] = [
  { bucket: '0-30', min: 0, max: 30 },
  { bucket: '31-90', min: 31, max: 90 },
  { bucket: '91-180', min: 91, max: 180 },
  { bucket: '181-365', min: 181, max: 365 },
  { bucket: '>365', min: 366, max: null },
];

const LABELS: Record<AgingBucket, { id: string; en: string }> = {
  '0-30': { id: '0–30 hari', en: '0–30 days' },
  '31-90': { id: '31–90 hari', en: '31–90 days' },
  '91-180': { id: '91–180 hari', en: '91–180 days' },
  '181-365': { id: '181–365 hari', en: '181–365 days' },
  '>365': { id: '> 365 hari', en: '> 365 days' },
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`Expected a YYYY-MM-DD date, got "${date}"`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls 2026-02-30 over into March; a date that does not round-trip is not a calendar date.
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`Not a calendar date: "${date}"`);
  return ms / DAY_MS;
}

/** Whole days from the due date to `asOf` (both YYYY-MM-DD in the agency zone); negative when not yet due. */
export function daysOverdue(dueDate: string, asOf: string): number {
  return dayNumber(asOf) - dayNumber(dueDate);
}

/** The bucket for a number of days overdue, or null when the bill is not yet due (negative days). */
export function agingBucket(days: number): AgingBucket | null {
  if (!Number.isInteger(days)) throw new RangeError(`Days overdue must be a whole number, got ${days}`);
  if (days < 0) return null;
  for (const b of AGING_BOUNDS) if (b.max === null || days <= b.max) return b.bucket;
  return null;
}

/** The bucket of a bill due on `dueDate`, seen on `asOf`. */
export function agingBucketOf(dueDate: string, asOf: string): AgingBucket | null {
  return agingBucket(daysOverdue(dueDate, asOf));
}

export function agingBucketLabel(bucket: AgingBucket, lang: 'id' | 'en' = 'id'): string {
  return LABELS[bucket][lang];
}

export function isAgingBucket(value: string): value is AgingBucket {
  return (AGING_BUCKETS as readonly string[]).includes(value);
}
