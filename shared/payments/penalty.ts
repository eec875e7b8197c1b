/**
 * The late-payment penalty (UU 1/2022 on HKPD): a percentage of the principal for each month or
 * part of a month since the due date, for at most a number of months. SIMPADA's own penalty in
 * the export wins when it is larger: the core system may know of a surcharge we do not.
 */

export interface PenaltyRule {
  percentPerMonth: number;
  maxMonths: number;
}

export interface PenaltyBill {
  principal: number;
  dueDate: string;
  exportPenalty: number;
}

export function penaltyAsOf(bill: PenaltyBill, today: string, rule: PenaltyRule): number {
  const months = Math.min(monthsLate(bill.dueDate, today), rule.maxMonths);
  // Percent as hundredths avoids 0.01 × principal drifting below the integer it should be.
  const computed = Math.floor((bill.principal * Math.round(rule.percentPerMonth * 100) * months) / 10_000);
  return Math.max(bill.exportPenalty, computed);
}

/**
 * Months or parts of a month since the due date: 0 on or before it, 1 from the day after, 2 from
 * the day after the same day of the next month. A due date on the 31st counts the month as
 * ended on the last day of a shorter month.
 */
export function monthsLate(dueDate: string, today: string): number {
  if (today <= dueDate) return 0;
  const [dy, dm, dd] = parts(dueDate);
  const [ty, tm, td] = parts(today);
  let whole = (ty - dy) * 12 + (tm - dm);
  const anniversary = Math.min(dd, daysInMonth(ty, tm));
  if (td <= anniversary) whole -= 1;
  return whole + 1;
}

function parts(isoDate: string): [number, number, number] {
  const [y, m, d] = isoDate.split('-').map(Number);
  return [y!, m!, d!];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
