import type { Expression, ExpressionBuilder, Kysely, SelectQueryBuilder, SqlBool } from 'kysely';
import { CONTACT_PROBLEMS, type ContactProblem } from '../../shared/api/contacts.js';
import type { Database } from '../db/schema.js';
import { canonicalNpwpd } from '../ledger/index.js';
import { type ContactWithTaxpayer, toContactRows } from './contact-row.js';

export interface QueueFilters {
  problem?: ContactProblem | undefined;
  kecamatan?: string | undefined;
  taxType?: string | undefined;
  search?: string | undefined;
}

/** Totals stop counting here, as on the bills screen: past it the number helps nobody. */
const COUNT_CAP = 10_000;

type Base = SelectQueryBuilder<Database, 'contacts' | 'taxpayers', object>;
type Eb = ExpressionBuilder<Database, 'contacts' | 'taxpayers'>;

/**
 * The review queue: contacts with a problem (or one kind of problem), in taxpayer order so the
 * officer's next/previous walks a stable list. Each predicate is backed by an index, so the
 * first page stays fast on a million taxpayers.
 */
export async function reviewQueue(db: Kysely<Database>, filters: QueueFilters, page: { limit: number; offset: number }, threshold: number) {
  const base = filtered(db, filters).where((eb) => problemPredicate(eb, filters.problem, threshold));
  // The page's ids first (narrow rows sort cheaply when a filter matches tens of thousands),
  // then the full rows of just those.
  const [ids, counted] = await Promise.all([
    base.select('contacts.taxpayer_id').orderBy('contacts.taxpayer_id').limit(page.limit).offset(page.offset).execute(),
    db
      .selectFrom(base.select('contacts.id').limit(COUNT_CAP + 1).as('matches'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const rows = ids.length
    ? ((await db
        .selectFrom('contacts')
        .innerJoin('taxpayers', 'taxpayers.id', 'contacts.taxpayer_id')
        .selectAll('contacts')
        .select(['taxpayers.npwpd', 'taxpayers.name', 'taxpayers.kecamatan'])
        .where('contacts.taxpayer_id', 'in', ids.map((r) => r.taxpayer_id))
        .orderBy('contacts.taxpayer_id')
        .execute()) as ContactWithTaxpayer[])
    : [];
  const n = Number(counted.n);
  return { rows: await toContactRows(db, rows, threshold), total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
}

/** How many contacts have each problem (within the filters). */
export async function problemCounts(db: Kysely<Database>, filters: Omit<QueueFilters, 'problem'>, threshold: number): Promise<Record<ContactProblem, number>> {
  const counts = await Promise.all(
    CONTACT_PROBLEMS.map(async (problem) => {
      const row = await filtered(db, filters)
        .where((eb) => problemPredicate(eb, problem, threshold))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return [problem, Number(row.n)] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<ContactProblem, number>;
}

function filtered(db: Kysely<Database>, filters: Omit<QueueFilters, 'problem'>): Base {
  let base: Base = db.selectFrom('contacts').innerJoin('taxpayers', 'taxpayers.id', 'contacts.taxpayer_id');
  if (filters.kecamatan) base = base.where('taxpayers.kecamatan', '=', filters.kecamatan);
  if (filters.taxType) {
    const taxType = filters.taxType;
    base = base.where((eb) => eb.exists(eb.selectFrom('bills').select('bills.id').whereRef('bills.taxpayer_id', '=', 'contacts.taxpayer_id').where('bills.tax_type', '=', taxType)));
  }
  if (filters.search) {
    const term = filters.search.toUpperCase().replace(/[%_]/g, '');
    const npwpd = canonicalNpwpd(filters.search);
    base = base.where((eb) => eb.or([eb('taxpayers.name_search', 'like', `%${term}%`), eb('taxpayers.npwpd', '=', npwpd)]));
  }
  return base;
}

/** One problem's rule in SQL; the same rules for one row are in contact-row.ts. */
function problemPredicate(eb: Eb, problem: ContactProblem | undefined, threshold: number): Expression<SqlBool> {
  if (!problem) return eb.or(CONTACT_PROBLEMS.map((p) => problemPredicate(eb, p, threshold)));
  switch (problem) {
    case 'conflict':
      return eb('contacts.has_conflict', '=', 1);
    case 'invalid':
    case 'missing':
    case 'landline':
      return eb('contacts.phone_status', '=', problem);
    case 'shared':
      return eb(
        'contacts.sms_phone',
        'in',
        eb.selectFrom('shared_numbers').select('shared_numbers.phone').where('shared_numbers.taxpayer_count', '>=', threshold).where('shared_numbers.marking', 'is', null),
      );
    case 'several':
      return eb.and([eb('contacts.mobile_count', '>', 1), eb('contacts.primary_confirmed', '=', 0)]);
    case 'no_whatsapp':
      return eb('contacts.wa_unavailable', '=', 1);
    case 'invalid_email':
      return eb('contacts.email_status', '=', 'invalid');
    // Reached by nobody because the number is the office's: the officer still has to find theirs.
    case 'office_number':
      return eb('contacts.sms_phone', 'in', eb.selectFrom('shared_numbers').select('shared_numbers.phone').where('shared_numbers.marking', '=', 'office'));
  }
}
