/** A bank's clock may run this far ahead of ours (the same allowance as the request timestamp). */
export const PAYMENT_DATE_SKEW_MS = 5 * 60_000;
/**
 * How late a bank may report a payment: a batch held back by an outage is still recorded, while a
 * date older than this is a mistake (a wrong year, a test date) that the treasurer must settle
 * by hand rather than let it land in a closed month.
 */
export const PAYMENT_DATE_MAX_AGE_DAYS = 30;

/** Why a reported payment instant cannot be the moment the taxpayer paid, or null when it can. */
export function paymentDateProblem(paidAt: Date, now: Date): string | null {
  if (Number.isNaN(paidAt.getTime())) return 'payment_date: bukan tanggal yang sah';
  if (paidAt.getTime() > now.getTime() + PAYMENT_DATE_SKEW_MS) return 'payment_date: di masa depan';
  if (paidAt.getTime() < now.getTime() - PAYMENT_DATE_MAX_AGE_DAYS * 86_400_000) return `payment_date: lebih dari ${PAYMENT_DATE_MAX_AGE_DAYS} hari yang lalu`;
  return null;
}
