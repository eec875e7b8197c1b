import { addDays } from './stages.js';

/**
 * When messages may go out: office hours on working days in the agency's zone, never on a
 * national holiday (domain.md, "Reminders"). Pure: the planner stamps each outbox row with the
 * first instant inside the window, and the dispatcher sends nothing before it.
 */
export interface SendWindow {
  /** `HH:MM`, local time. */
  start: string;
  /** `HH:MM`, local time; a message is not started at or after it. */
  end: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: readonly number[];
  /** `YYYY-MM-DD` days on which nothing is sent. */
  holidays: ReadonlySet<string>;
  timeZone: string;
}

/** The first instant at or after `from` that lies inside the window. */
export function nextSendInstant(from: Date, window: SendWindow): Date {
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  if (end <= start) throw new Error(`send window ${window.start}–${window.end} is empty`);
  const local = localParts(from, window.timeZone);
  if (isSendDay(local.date, window)) {
    if (local.minutes < start) return zonedInstant(local.date, start, window.timeZone);
    if (local.minutes < end) return from;
  }
  // A year of holidays and closed weekdays is the most a configuration can close in a row.
  for (let day = 1; day <= 366; day += 1) {
    const date = addDays(local.date, day);
    if (isSendDay(date, window)) return zonedInstant(date, start, window.timeZone);
  }
  throw new Error('no sending day in the coming year: check the send days and holidays');
}

export function isSendDay(date: string, window: Pick<SendWindow, 'days' | 'holidays'>): boolean {
  return window.days.includes(isoWeekday(date)) && !window.holidays.has(date);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The instant a local date and time (minutes after midnight) in a zone stands for. */
export function zonedInstant(date: string, minutes: number, timeZone: string): Date {
  const asUtc = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  // Indonesian zones keep one offset all year; reading it at the guess is exact for them.
  return new Date(asUtc - offsetMs(new Date(asUtc), timeZone));
}

function localParts(instant: Date, timeZone: string): { date: string; minutes: number } {
  const local = new Date(instant.getTime() + offsetMs(instant, timeZone));
  return { date: local.toISOString().slice(0, 10), minutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function offsetMs(instant: Date, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

export function minutesOf(time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new Error(`not an HH:MM time: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}
