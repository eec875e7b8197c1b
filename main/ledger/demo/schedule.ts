import { addDays, addMonths, daysBetween, latePenalty } from './calendar.js';
import type { Rng } from '../../platform/rng.js';
import { MONTHLY_DUE_DAY, SKPD_DUE_DAYS, SPPT_DUE, TAX_TYPES } from './tax-types.js';
import type { Compliance, DemoObject } from './taxpayer.js';

/** How many masas of monthly taxes the demo ledger holds. */
export const MASA_COUNT = 12;

/** One assessment of an object, before it gets a kode bayar. */
export interface Assessment {
  masaPajak: string | null;
  tahun: number;
  principal: number;
  penalty: number;
  dueDate: string;
  status: 'paid' | 'unpaid';
  paidDate: string | null;
  tglPenetapan: string | null;
}

interface Issue {
  masaPajak: string | null;
  tahun: number;
  /** The first day the bill can be paid. */
  opens: string;
  dueDate: string;
  tglPenetapan: string | null;
  scale: number;
}

/** Every bill of one object up to `today`, each settled or not by the taxpayer's habits. */
export function assessments(rng: Rng, object: DemoObject, compliance: Compliance, today: string): Assessment[] {
  const issues = issuesOf(rng, object, today);
  const pays = object.taxType === 'BPHTB' ? Math.max(compliance.pays, 0.92) : compliance.pays;
  return issues.map((issue) => {
    const principal = roundHundreds(object.base * issue.scale, TAX_TYPES[object.taxType].amount.min);
    const paidDate = settle(rng, { pays, onTime: compliance.onTime }, issue, today);
    return {
      masaPajak: issue.masaPajak,
      tahun: issue.tahun,
      principal,
      penalty: latePenalty(principal, issue.dueDate, paidDate ?? today),
      dueDate: issue.dueDate,
      status: paidDate ? 'paid' : 'unpaid',
      paidDate,
      tglPenetapan: issue.tglPenetapan,
    };
  });
}

/**
 * Monthly taxes cover the 12 masas up to the one whose due date is the first after `today`, so
 * the ledger always has bills coming due (for H-14 … H-3 reminders) next to old arrears.
 */
function issuesOf(rng: Rng, object: DemoObject, today: string): Issue[] {
  const year = Number(today.slice(0, 4));
  switch (TAX_TYPES[object.taxType].cadence) {
    case 'monthly': {
      const day = Number(today.slice(8, 10));
      const last = addMonths(today.slice(0, 7), day < MONTHLY_DUE_DAY ? -1 : 0);
      const issues: Issue[] = [];
      for (let k = MASA_COUNT - 1 - object.opensAfter; k >= 0; k--) {
        const masa = addMonths(last, -k);
        const next = addMonths(masa, 1);
        issues.push({ masaPajak: masa, tahun: Number(masa.slice(0, 4)), opens: `${next}-01`, dueDate: `${next}-${String(MONTHLY_DUE_DAY).padStart(2, '0')}`, tglPenetapan: null, scale: rng.amount(0.75, 1.3) });
      }
      return issues;
    }
    case 'yearly-sppt':
      // SPPT are printed early in the year; the last three years, so old PBB arrears show.
      return [year - 2, year - 1, year]
        .filter((y) => `${y}-02-01` <= today)
        .map((y) => ({ masaPajak: null, tahun: y, opens: `${y}-02-01`, dueDate: `${y}-${SPPT_DUE}`, tglPenetapan: `${y}-02-01`, scale: 1 + 0.04 * (y - year) }));
    case 'skpd':
      return [year - 1, year].flatMap((y) => {
        const first = `${y}-01-02`;
        const issued = addDays(first, rng.int(0, Math.max(0, daysBetween(first, y === year ? today : `${y}-12-20`))));
        if (issued > today) return [];
        return [{ masaPajak: null, tahun: y, opens: issued, dueDate: addDays(issued, SKPD_DUE_DAYS), tglPenetapan: issued, scale: 1 }];
      });
    case 'once': {
      const transaction = addDays(today, -rng.int(0, 540));
      return [{ masaPajak: null, tahun: Number(transaction.slice(0, 4)), opens: transaction, dueDate: addDays(transaction, SKPD_DUE_DAYS), tglPenetapan: transaction, scale: 1 }];
    }
  }
}

/**
 * When the bill was paid, or null. Old bills are mostly paid, some after the due date; recent
 * ones less often; bills not yet due only by the few who pay early.
 */
function settle(rng: Rng, habit: Compliance, issue: Issue, today: string): string | null {
  if (issue.opens > today) return null;
  const age = daysBetween(issue.dueDate, today);
  const payable = (from: string, to: string) => addDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));
  if (age < 0) return rng.chance(habit.pays * 0.3) ? payable(issue.opens, today) : null;
  if (!rng.chance(habit.pays * (age > 60 ? 1 : age > 30 ? 0.8 : 0.55))) return null;
  if (age === 0 || rng.chance(habit.onTime)) {
    const from = addDays(issue.dueDate, -9);
    return payable(from > issue.opens ? from : issue.opens, issue.dueDate);
  }
  // Late payers mostly pay within weeks, a few after months.
  return addDays(issue.dueDate, 1 + Math.floor(rng.next() ** 2 * Math.min(age, 150)));
}

/** Principal in whole hundreds of Rupiah, never below the tax's smallest bill. */
function roundHundreds(value: number, min: number): number {
  return Math.max(min, Math.round(value / 100) * 100);
}
