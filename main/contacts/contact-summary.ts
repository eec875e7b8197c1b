import type { Kysely } from 'kysely';
import { EMAIL_STATUSES, PHONE_STATUSES } from '../../shared/api/contacts.js';
import type { Database } from '../db/schema.js';
import { problemCounts } from './contact-queue.js';
import { reachability } from './reachability.js';

/** Counts by status, shared numbers, problems and who can be reached: `sipeka contacts summary`. */
export async function contactSummary(db: Kysely<Database>, threshold: number) {
  const [phones, emails, shared, problems, reach] = await Promise.all([
    db.selectFrom('contacts').select((eb) => ['phone_status as key', eb.fn.countAll<number>().as('n')]).groupBy('phone_status').execute(),
    db.selectFrom('contacts').select((eb) => ['email_status as key', eb.fn.countAll<number>().as('n')]).groupBy('email_status').execute(),
    db
      .selectFrom('shared_numbers')
      .select((eb) => [
        eb.fn.sum<number>(eb.case().when(eb.and([eb('marking', 'is', null), eb('taxpayer_count', '>=', threshold)])).then(1).else(0).end()).as('flagged'),
        eb.fn.sum<number>(eb.case().when('marking', '=', 'office').then(1).else(0).end()).as('office'),
        eb.fn.sum<number>(eb.case().when('marking', '=', 'shared').then(1).else(0).end()).as('shared'),
      ])
      .executeTakeFirstOrThrow(),
    problemCounts(db, {}, threshold),
    reachability(db, {}),
  ]);
  const phone = Object.fromEntries(PHONE_STATUSES.map((s) => [s, Number(phones.find((r) => r.key === s)?.n ?? 0)])) as Record<(typeof PHONE_STATUSES)[number], number>;
  const email = Object.fromEntries(EMAIL_STATUSES.map((s) => [s, Number(emails.find((r) => r.key === s)?.n ?? 0)])) as Record<(typeof EMAIL_STATUSES)[number], number>;
  return {
    taxpayers: reach.taxpayers.total,
    phone,
    email,
    sharedNumbers: { flagged: Number(shared.flagged ?? 0), office: Number(shared.office ?? 0), shared: Number(shared.shared ?? 0), threshold },
    problems,
    reach: reach.taxpayers,
    reachShare: shares(reach.taxpayers),
    principalShare: shares(reach.principal),
  };
}

function shares(c: { whatsapp: number; sms: number; none: number; total: number }) {
  const of = (n: number) => (c.total ? Math.round((n / c.total) * 10_000) / 10_000 : 0);
  return { whatsapp: of(c.whatsapp), sms: of(c.sms), none: of(c.none) };
}
