import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { MessageFilters } from '../../shared/api/messages.js';
import type { Database } from '../db/schema.js';

/**
 * The outbox's filters, applied in the database so a search finds a message among millions,
 * not among the latest page the screen happened to load. Every filter is plain Kysely on
 * either engine: "contains" is LIKE on a lower-cased or digits-only side (no ILIKE), and
 * plan dates compare as `YYYY-MM-DD` text. Filters on the taxpayer are subqueries, so counting
 * the outbox never joins every message to its taxpayer; callers join after filtering.
 */
export function filterMessages<O>(query: SelectQueryBuilder<Database, 'outbox', O>, filters: MessageFilters): SelectQueryBuilder<Database, 'outbox', O> {
  let q = query;
  if (filters.state) q = q.where('outbox.state', '=', filters.state);
  if (filters.channel) q = q.where('outbox.channel', '=', filters.channel);
  if (filters.stage) q = q.where('outbox.stage', '=', filters.stage);
  if (filters.from) q = q.where('outbox.plan_date', '>=', filters.from);
  if (filters.to) q = q.where('outbox.plan_date', '<=', filters.to);
  if (filters.npwpd) {
    const npwpd = filters.npwpd;
    q = q.where('outbox.taxpayer_id', 'in', (eb) => eb.selectFrom('taxpayers').select('taxpayers.id').where('taxpayers.npwpd', '=', npwpd));
  }
  const terms = searchTerms(filters.search);
  if (terms) {
    q = q.where((eb) =>
      eb.or([
        eb(
          'outbox.taxpayer_id',
          'in',
          eb
            .selectFrom('taxpayers')
            .select('taxpayers.id')
            .where((t) => t.or([t(t.fn<string>('lower', ['taxpayers.npwpd']), 'like', `%${terms.lower}%`), t('taxpayers.name_search', 'like', `%${terms.upper}%`)])),
        ),
        ...numberClause(eb, terms),
      ]),
    );
  }
  return q;
}

/**
 * A number typed from its start (`0812…`, `+62 812…`) is a prefix of the stored E.164 number,
 * found as a range on `outbox_recipient`: every recipient is `+` and at most 19 digits, so those
 * starting with P lie between P and P followed by nines. Any other run of digits (the last
 * digits someone remembers) can be anywhere in the number and is a LIKE that reads every row.
 */
function numberClause(eb: ExpressionBuilder<Database, 'outbox'>, terms: SearchTerms) {
  if (terms.numberPrefix) return [eb.and([eb('outbox.recipient', '>=', terms.numberPrefix), eb('outbox.recipient', '<=', terms.numberPrefix.padEnd(RECIPIENT_LENGTH, '9'))])];
  if (terms.digits) return [eb('outbox.recipient', 'like', `%${terms.digits}%`)];
  return [];
}

/** `outbox.recipient` is varchar(20). */
const RECIPIENT_LENGTH = 20;

export interface SearchTerms {
  /** For NPWPD, compared with lower(npwpd). */
  lower: string;
  /** For names, compared with the upper-cased `name_search`. */
  upper: string;
  /** For numbers however typed (`0812-…`, `+62 812…`, `62812…`): digits in international form, or null when too few to mean a number. */
  digits: string | null;
  /** The stored form's start (`+62812…`) when the number was typed from its beginning, else null. */
  numberPrefix: string | null;
}

/** Fewer digits than this match half the outbox; they are not a number anyone is looking for. */
const MIN_DIGITS = 4;

/** What one search box text looks for; null when it is blank. LIKE wildcards typed by the officer are dropped. */
export function searchTerms(search: string | undefined): SearchTerms | null {
  const text = (search ?? '').trim().replace(/[%_\\]/g, '');
  if (!text) return null;
  const digitsOnly = text.replace(/\D/g, '');
  // A national number starts with its trunk 0; the outbox stores the country code instead.
  const digits = digitsOnly.startsWith('0') ? `62${digitsOnly.slice(1)}` : digitsOnly;
  // Letters make it an NPWPD or a name, whose digits are not a phone number.
  const number = !/\p{L}/u.test(text) && digitsOnly.length >= MIN_DIGITS;
  const fromStart = number && /^\s*(\+|\(?0|62)/.test(text) && digits.startsWith('62');
  return { lower: text.toLowerCase(), upper: text.toUpperCase(), digits: number ? digits : null, numberPrefix: fromStart ? `+${digits}` : null };
}
