/** Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so no machine's zone shifts a day. */

const DAY_MS = 86_400_000;

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** `2026-07` plus 2 months is `2026-09`. */
export function addMonths(masa: string, months: number): string {
  const [year, month] = masa.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Late-payment months under UU 1/2022: every month or part of a month after the due date
 * counts, up to `cap`. Paid on the due date is 0; one day late is 1; a month and a day is 2.
 */
export function monthsLate(dueDate: string, on: string, cap = 24): number {
  if (on <= dueDate) return 0;
  const [dy, dm, dd] = dueDate.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  let months = (oy - dy) * 12 + (om - dm);
  if (od > dd) months += 1;
  return Math.min(Math.max(months, 1), cap);
}

/** The penalty in integer Rupiah: 1 % of the principal per late month. */
export function latePenalty(principal: number, dueDate: string, on: string): number {
  return Math.round((principal * monthsLate(dueDate, on)) / 100);
}

export const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'] as const;
