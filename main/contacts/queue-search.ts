import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { canonicalNpwpd } from '../ledger/index.js';

/** Past this many matches a search is narrowed by the officer, not paged: the same cap as the queue's totals. */
export const SEARCH_MATCH_CAP = 10_000;

/**
 * The taxpayers an officer's search term finds, as a subquery of ids. Names, NPWPD and numbers
 * are matched from their start, each through its own index (a range the index serves, with the
 * `like` kept for the exact prefix rule), so a search stays fast on a million taxpayers. A term
 * that starts none of them falls back to "somewhere in the name", which reads the name index
 * until it has found enough; the prefixes are what officers type (`PEMPEK`, `16.02`, `0812`).
 */
export function searchMatches(db: Kysely<Database>, search: string, anyPrefixMatch: boolean) {
  const term = search.toUpperCase().replace(/[%_]/g, '');
  if (!anyPrefixMatch) {
    return db.selectFrom('taxpayers').select('taxpayers.id as taxpayer_id').where('taxpayers.name_search', 'like', `%${term}%`).limit(SEARCH_MATCH_CAP + 1);
  }
  const npwpd = canonicalNpwpd(search).replace(/[%_]/g, '');
  let query = db
    .selectFrom('taxpayers')
    .select('taxpayers.id as taxpayer_id')
    .where('taxpayers.name_search', '>=', term)
    .where('taxpayers.name_search', '<', after(term))
    .where('taxpayers.name_search', 'like', `${term}%`)
    .union(db.selectFrom('taxpayers').select('taxpayers.id as taxpayer_id').where('taxpayers.npwpd', '>=', npwpd).where('taxpayers.npwpd', '<', after(npwpd)).where('taxpayers.npwpd', 'like', `${npwpd}%`));
  const phone = phonePrefix(search);
  if (phone) {
    for (const column of ['contacts.sms_phone', 'contacts.wa_phone'] as const) {
      query = query.union(db.selectFrom('contacts').select('contacts.taxpayer_id').where(column, '>=', phone).where(column, '<', after(phone)).where(column, 'like', `${phone}%`));
    }
  }
  return query;
}

/** Whether the term starts any name, NPWPD or number: one index probe each, so cheap to ask first. */
export async function hasPrefixMatch(db: Kysely<Database>, search: string): Promise<boolean> {
  const found = await searchMatches(db, search, true).limit(1).execute();
  return found.length > 0;
}

/**
 * The first string after every string starting with `prefix`, in binary order: the last
 * character raised by one. Trailing U+FFFF is dropped first, since nothing is above it.
 */
export function after(prefix: string): string {
  let stem = prefix;
  while (stem.endsWith('\uffff')) stem = stem.slice(0, -1);
  if (stem === '') return '\uffff';
  return stem.slice(0, -1) + String.fromCharCode(stem.charCodeAt(stem.length - 1) + 1);
}

/**
 * A typed number as the start of the E.164 numbers contacts store: `0812 34` → `+6281234`,
 * `62812` and `+62812` likewise. Null when the term is not a number of at least four digits.
 */
export function phonePrefix(search: string): string | null {
  const trimmed = search.trim();
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 4) return null;
  if (trimmed.startsWith('+')) return `+${digits}`;
  if (digits.startsWith('0')) return `+62${digits.slice(1)}`;
  if (digits.startsWith('62')) return `+${digits}`;
  return `+62${digits}`;
}
