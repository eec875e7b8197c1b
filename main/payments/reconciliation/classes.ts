/**
 * The classes of reconciliation items (issue 8): a credit is matched, underpaid, overpaid,
 * paid twice or has no bill; a payment recorded in SI PEKA may have no credit; a bill the
 * SIMPADA export says is paid may never have been credited.
 */
export const RECON_CLASSES = ['matched', 'underpaid', 'overpaid', 'paid_twice', 'no_bill', 'no_credit', 'never_credited'] as const;
export type ReconClass = (typeof RECON_CLASSES)[number];
export const EXCEPTION_CLASSES = RECON_CLASSES.filter((c) => c !== 'matched');

/** How a credit found its bill: its reference, a code in its text, a VA number, a likely guess, or the treasurer. */
export const MATCH_RULES = ['reference', 'code', 'va', 'fuzzy', 'manual'] as const;
export type MatchRule = (typeof MATCH_RULES)[number];

/** What the treasurer decided about an exception; `link` is a manual match. */
export const RESOLUTIONS = ['link', 'refund', 'write_off', 'accept'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];
