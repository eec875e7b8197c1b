import type { ReportName } from '../../shared/api/reports.js';
import { UserError } from '../../shared/errors.js';
import { firstDayOfMonth, lastDayOfMonth } from './period-labels.js';

export interface ReportPeriodInput {
  period?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  asOf?: string | undefined;
}

/** What each report needs to know of time, resolved from the request and today's date. */
export type ResolvedPeriod =
  | { report: 'dispatch'; from: string; to: string; fileTag: string }
  | { report: 'arrears'; asOf: string; fileTag: string }
  | { report: 'revenue'; period: string; fileTag: string }
  | { report: 'reconciliation'; period: string; fileTag: string };

/**
 * The request's period made concrete: dispatch takes `--from/--to` or a month (default this month
 * so far); arrears a day (`--as-of`, else the month's last day but never after today, else today);
 * revenue a month or a year (default this month).
 */
export function resolvePeriod(report: ReportName, input: ReportPeriodInput, today: string): ResolvedPeriod {
  const invalid = (detail: string) => new UserError('REPORT_PERIOD_INVALID', { report, detail });
  if (report === 'reconciliation') return reconciliationPeriod(input, today, invalid);
  if (input.period !== undefined) checkPeriod(input.period, invalid);
  for (const date of [input.from, input.to, input.asOf]) if (date !== undefined && !isCalendarDate(date)) throw invalid(`${date} is not a calendar date`);
  switch (report) {
    case 'dispatch': {
      if (input.asOf) throw invalid('--as-of is for the arrears report');
      const month = monthOf(input.period, invalid);
      const from = input.from ?? (month ? `${month}-01` : firstDayOfMonth(today));
      const to = input.to ?? (month ? lastDayOfMonth(`${month}-01`) : today);
      if (from > to) throw invalid(`${from} is after ${to}`);
      return { report, from, to, fileTag: from === firstDayOfMonth(from) && to === lastDayOfMonth(from) ? from.slice(0, 7) : `${from}_${to}` };
    }
    case 'arrears': {
      if (input.from || input.to) throw invalid('--from/--to are for the dispatch report');
      const month = monthOf(input.period, invalid);
      const endOfMonth = month ? lastDayOfMonth(`${month}-01`) : null;
      const asOf = input.asOf ?? (endOfMonth && endOfMonth < today ? endOfMonth : today);
      if (asOf > today) throw invalid(`${asOf} is in the future`);
      return { report, asOf, fileTag: asOf };
    }
    case 'revenue': {
      if (input.from || input.to || input.asOf) throw invalid('the revenue report takes --period YYYY-MM or YYYY');
      const period = input.period ?? today.slice(0, 7);
      return { report, period, fileTag: period };
    }
  }
}

function checkPeriod(period: string, invalid: (detail: string) => UserError): void {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(period);
  if (!m || (m[2] !== undefined && (Number(m[2]) < 1 || Number(m[2]) > 12))) throw invalid(`${period} is not YYYY-MM or YYYY`);
}

function monthOf(period: string | undefined, invalid: (detail: string) => UserError): string | null {
  if (period === undefined) return null;
  if (period.length !== 7) throw invalid(`${period} is a year; this report takes a month (YYYY-MM)`);
  return period;
}

function isCalendarDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** Rekonsiliasi Harian (`YYYY-MM-DD`) or Bulanan (`YYYY-MM`); default today. */
function reconciliationPeriod(input: ReportPeriodInput, today: string, invalid: (detail: string) => UserError): ResolvedPeriod {
  if (input.from || input.to || input.asOf) throw invalid('the reconciliation report takes --period YYYY-MM-DD or YYYY-MM');
  const period = input.period ?? today;
  if (period.length === 10 ? !isCalendarDate(period) : !/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw invalid(`${period} is not YYYY-MM-DD or YYYY-MM`);
  return { report: 'reconciliation', period, fileTag: period };
}
