import { AREA_CODE } from './oki.js';
import type { Rng } from '../../platform/rng.js';
import { slug } from './names.js';

/**
 * Contact cells as officers find them in SIMPADA exports (domain.md, "Contacts"): mostly a
 * mobile number in one of many spellings, and about 18 % that cannot be messaged as they stand.
 * The numbers are random: a demo ledger must never be wired to a live WhatsApp or SMS sender.
 * Email addresses use the reserved example.* domains so they cannot reach anyone.
 */

/** Indonesian operators' mobile prefixes (Telkomsel, Indosat, XL, Tri, Smartfren, Axis). */
const MOBILE_PREFIXES = ['0811', '0812', '0813', '0821', '0822', '0823', '0852', '0853', '0814', '0815', '0816', '0855', '0856', '0857', '0858', '0817', '0818', '0819', '0859', '0877', '0878', '0895', '0896', '0897', '0898', '0881', '0882', '0831', '0838'];

export function mobileNumber(rng: Rng): string {
  return `${rng.pick(MOBILE_PREFIXES)}${rng.digits(rng.weighted([[8, 6], [7, 3], [9, 1]]))}`;
}

/** The spellings of one valid mobile number seen in real exports. */
const SPELLINGS: readonly (readonly [(n: string) => string, number])[] = [
  [(n) => n, 50],
  [(n) => `${n.slice(0, 4)}-${n.slice(4, 8)}-${n.slice(8)}`, 10],
  [(n) => `${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8)}`, 8],
  [(n) => `+62 ${n.slice(1, 4)}-${n.slice(4, 8)}-${n.slice(8)}`, 6],
  [(n) => `62${n.slice(1)}`, 6],
  [(n) => `(+62)${n.slice(1)}`, 3],
  [(n) => `${n.slice(0, 4)}.${n.slice(4, 8)}.${n.slice(8)}`, 3],
  // A number cell that lost its leading zero in Excel.
  [(n) => n.slice(1), 6],
];

/** Cells from which no single mobile number can be read: what the contacts screen must flag. */
const DIRTY: readonly (readonly [(rng: Rng) => string | null, number])[] = [
  [(rng) => `${mobileNumber(rng)} / ${mobileNumber(rng)}`, 3],
  [(rng) => `${AREA_CODE}-${rng.int(3, 4)}${rng.digits(5)}`, 3],
  [() => '-', 2.5],
  [() => '0', 1.5],
  [() => 'Tidak Ada', 1.5],
  [() => null, 4],
  [(rng) => `08${rng.digits(rng.int(3, 6))}`, 1.5],
  [(rng) => `08${rng.digits(rng.int(13, 15))}`, 1],
];
const DIRTY_SHARE = DIRTY.reduce((sum, [, w]) => sum + w, 0) / 100;

/** A taxpayer's No HP cell. `shared` is a consultant's or an officer's number, the same on many taxpayers. */
export function phoneCell(rng: Rng, shared: string | null): string | null {
  if (shared) return shared;
  if (rng.chance(DIRTY_SHARE)) return rng.weighted(DIRTY)(rng);
  return rng.weighted(SPELLINGS)(mobileNumber(rng));
}

/** A taxpayer's Email cell: usually empty or a placeholder, sometimes an address. */
export function emailCell(rng: Rng, name: string, badan: boolean): string | null {
  return rng.weighted<() => string | null>([
    [() => `${slug(name).slice(0, 24) || 'wp'}${rng.chance(0.4) ? rng.int(1, 99) : ''}@${rng.pick(['example.com', 'example.net', 'example.org'])}`, badan ? 30 : 10],
    [() => 'Email kosong', 20],
    [() => 'Tidak Ada', 10],
    [() => '-', 5],
    [() => null, badan ? 35 : 55],
  ])();
}
