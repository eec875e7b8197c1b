/**
 * Everything that asks "what time is it" gets a Clock, so schedules and lockouts are tested
 * by moving time instead of waiting. Calendar dates are in the agency's zone (WIB by default).
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can move: `clock.advance(15 * 60_000)`. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }
}

/** `SIPEKA_FAKE_NOW` pins the clock for demos and end-to-end tests; never set it in production. */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const fake = env.SIPEKA_FAKE_NOW;
  if (!fake) return systemClock;
  const start = new Date(fake);
  if (Number.isNaN(start.getTime())) throw new Error(`SIPEKA_FAKE_NOW is not a date: ${fake}`);
  const offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone such as Asia/Jakarta. */
export function calendarDate(instant: Date, timeZone: string): string {
  // Building an Intl.DateTimeFormat costs most of a millisecond; one per zone is kept.
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    // en-CA formats as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormatters.set(timeZone, formatter);
  }
  return formatter.format(instant);
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();
