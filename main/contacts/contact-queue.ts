import type { Expression, ExpressionBuilder, Kysely, SelectQueryBuilder, SqlBool } from 'kysely';
import { CONTACT_PROBLEMS, type ContactProblem } from '../../shared/api/contacts.js';
import type { Database } from '../db/schema.js';
import { type ContactWithTaxpayer, toContactRows } from './contact-row.js';
import { hasPrefixMatch, searchMatches } from './queue-search.js';

export interface QueueFilters {
  problem?: ContactProblem | undefined;
  kecamatan?: string | undefined;
  taxType?: string | undefined;
  search?: string | undefined;
}

/** Totals stop counting here, as on the bills screen: past it the number helps nobody. */
const COUNT_CAP = 10_000;

type Base = SelectQueryBuilder<Database, 'contacts', object>;
type Eb = ExpressionBuilder<Database, 'contacts'>;

/**
 * The review queue: contacts with a problem (or one kind of problem), in taxpayer order so the
 * officer's next/previous walks a stable list. Each predicate is backed by an index, so the
 * first page stays fast on a million taxpayers.
 */
export async function reviewQueue(db: Kysely<Database>, filters: QueueFilters, page: { limit: number; offset: number }, threshold: number) {
  const base = (await filtered(db, filters)).where((eb) => problemPredicate(eb, filters.problem, threshold));
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
  const base = await filtered(db, filters);
  const counts = await Promise.all(
    CONTACT_PROBLEMS.map(async (problem) => {
      const row = await base
        .where((eb) => problemPredicate(eb, problem, threshold))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return [problem, Number(row.n)] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<ContactProblem, number>;
}

async function filtered(db: Kysely<Database>, filters: Omit<QueueFilters, 'problem'>): Promise<Base> {
  // Contacts alone unless a filter needs the taxpayer: every contact has one (foreign key), and
  // joining each candidate row to its taxpayer was most of the cost of counting a million.
  let base: Base = db.selectFrom('contacts');
  if (filters.kecamatan) {
    const kecamatan = filters.kecamatan;
    // Probed per contact by the taxpayer's key, so the page stops at its fiftieth row instead of
    // first collecting every taxpayer of a large kecamatan.
    base = base.where((eb) => eb.exists(eb.selectFrom('taxpayers').select('taxpayers.id').whereRef('taxpayers.id', '=', 'contacts.taxpayer_id').where('taxpayers.kecamatan', '=', kecamatan)));
  }
  if (filters.taxType) {
    const taxType = filters.taxType;
    base = base.where((eb) => eb.exists(eb.selectFrom('bills').select('bills.id').whereRef('bills.taxpayer_id', '=', 'contacts.taxpayer_id').where('bills.tax_type', '=', taxType)));
  }
  if (filters.search) {
    // The matching ids drive the page: the engine walks them in order through the contacts'
    // taxpayer index instead of testing every contact against the term.
    const matches = searchMatches(db, filters.search, await hasPrefixMatch(db, filters.search));
    base = base.where('contacts.taxpayer_id', 'in', matches);
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
    // From the few shared numbers to their users through the number index, rather than testing
    // every contact's number against the list.
    case 'shared':
      return eb(
        'contacts.taxpayer_id',
        'in',
        eb
          .selectFrom('shared_numbers')
          .innerJoin('contacts as users', 'users.sms_phone', 'shared_numbers.phone')
          .select('users.taxpayer_id')
          .where('shared_numbers.taxpayer_count', '>=', threshold)
          .where('shared_numbers.marking', 'is', null),
      );
    case 'several':
      return eb.and([eb('contacts.mobile_count', '>', 1), eb('contacts.primary_confirmed', '=', 0)]);
    case 'no_whatsapp':
      return eb('contacts.wa_unavailable', '=', 1);
    case 'invalid_email':
      return eb('contacts.email_status', '=', 'invalid');
    // Reached by nobody because the number is the office's: the officer still has to find theirs.
    case 'office_number':
      return eb(
        'contacts.taxpayer_id',
        'in',
        eb.selectFrom('shared_numbers').innerJoin('contacts as users', 'users.sms_phone', 'shared_numbers.phone').select('users.taxpayer_id').where('shared_numbers.marking', '=', 'office'),
      );
  }
}
