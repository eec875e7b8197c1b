import { formatDate, zoneAbbreviation } from '../../shared/format.js';

/**
 * The words a report's title block uses for its period and print time, in Indonesian as the
 * signed report is: "November 2026", "23 November 2026", "1 Januari – 30 November 2026",
 * "Dicetak: 23/11/2026 14.05 WIB".
 */

const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** `2026-11` → "November 2026". */
export function monthLabel(yearMonth: string): string {
  const [year, month] = yearMonth.split('-').map(Number) as [number, number];
  return `${MONTHS_ID[month - 1]} ${year}`;
}

export function monthName(month: number): string {
  return MONTHS_ID[month - 1] ?? String(month);
}

/** A date range in words; a whole calendar month is named as the month, a single day as the day. */
export function rangeLabel(from: string, to: string): string {
  if (from === to) return formatDate(from, 'id');
  if (from === firstDayOfMonth(from) && to === lastDayOfMonth(from)) return monthLabel(from.slice(0, 7));
  return `${formatDate(from, 'id')} – ${formatDate(to, 'id')}`;
}

/** "Dicetak: 23/11/2026 14.05 WIB", the wall clock of the agency's zone. */
export function printedAtLabel(now: Date, timeZone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  return `Dicetak: ${p.day}/${p.month}/${p.year} ${p.hour}.${p.minute} ${zoneAbbreviation(timeZone, now)}`;
}

export function firstDayOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function lastDayOfMonth(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${date.slice(0, 7)}-${String(day).padStart(2, '0')}`;
}
