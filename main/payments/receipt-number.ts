/**
 * The receipt number printed for the taxpayer: `BPPD/20261123/0001234`, the payment's day in the
 * agency's zone and the bill's id. A bill has at most one payment, so the number is unique by
 * construction — no counter to race for between concurrent payments — and the treasurer can
 * read the day off it.
 */
export function receiptNumberFor(billId: number, paidDate: string): string {
  return `BPPD/${paidDate.replace(/-/g, '')}/${String(billId).padStart(7, '0')}`;
}
