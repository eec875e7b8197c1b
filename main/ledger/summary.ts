import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface LedgerSummary {
  taxpayers: number;
  bills: number;
  paidBills: number;
  unpaidBills: number;
  unpaidPrincipal: number;
  overdueBills: number;
  overduePrincipal: number;
}

/** The ledger at a glance. A bill is overdue when unpaid and its due date is before `asOf` (WIB). */
export async function ledgerSummary(db: Kysely<Database>, asOf: string): Promise<LedgerSummary> {
  const [taxpayers, bills] = await Promise.all([
    db.selectFrom('taxpayers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db
      .selectFrom('bills')
      .select((eb) => [
        eb.fn.countAll<number>().as('bills'),
        eb.fn.sum<number>(eb.case().when('status', '=', 'paid').then(1).else(0).end()).as('paid'),
        eb.fn.sum<number>(eb.case().when('status', '=', 'unpaid').then(1).else(0).end()).as('unpaid'),
        eb.fn.sum<number>(eb.case().when('status', '=', 'unpaid').then(eb.ref('principal')).else(0).end()).as('unpaidPrincipal'),
        eb.fn.sum<number>(eb.case().when(eb.and([eb('status', '=', 'unpaid'), eb('due_date', '<', asOf)])).then(1).else(0).end()).as('overdue'),
        eb.fn.sum<number>(eb.case().when(eb.and([eb('status', '=', 'unpaid'), eb('due_date', '<', asOf)])).then(eb.ref('principal')).else(0).end()).as('overduePrincipal'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    taxpayers: Number(taxpayers.n),
    bills: Number(bills.bills),
    paidBills: Number(bills.paid ?? 0),
    unpaidBills: Number(bills.unpaid ?? 0),
    unpaidPrincipal: Number(bills.unpaidPrincipal ?? 0),
    overdueBills: Number(bills.overdue ?? 0),
    overduePrincipal: Number(bills.overduePrincipal ?? 0),
  };
}
