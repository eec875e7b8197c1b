import type { Kysely } from 'kysely';
import type { Reachability } from '../../shared/api/contacts.js';
import type { Database } from '../db/schema.js';

type Counts = Reachability['taxpayers'];
type Filters = { kecamatan?: string | undefined; taxType?: string | undefined };
type Group = Reachability['byKecamatan'][number];

/**
 * Who reminders can reach, and how much unpaid principal that covers, by best channel
 * (WhatsApp, else SMS, else nobody): overall and per kecamatan over all taxpayers; per tax type
 * over the taxpayers who owe that tax. Two grouped queries: a taxpayer lives in one kecamatan,
 * so the per-(kecamatan, tax type) counts add up to the per-tax-type ones.
 */
export async function reachability(db: Kysely<Database>, filters: Filters): Promise<Reachability> {
  const [taxpayers, unpaid] = await Promise.all([taxpayersByKecamatan(db, filters), unpaidByKecamatanAndType(db, filters)]);
  const byKecamatan = new Groups();
  const byTaxType = new Groups();
  for (const row of taxpayers) add(byKecamatan.get(row.kecamatan).taxpayers, row.reach, row.n);
  for (const row of unpaid) {
    add(byKecamatan.get(row.kecamatan).principal, row.reach, row.principal);
    add(byTaxType.get(row.taxType).principal, row.reach, row.principal);
    add(byTaxType.get(row.taxType).taxpayers, row.reach, row.taxpayers);
  }
  const kecamatanGroups = byKecamatan.sorted();
  return {
    taxpayers: sum(kecamatanGroups.map((g) => g.taxpayers)),
    principal: sum(kecamatanGroups.map((g) => g.principal)),
    byKecamatan: kecamatanGroups,
    byTaxType: byTaxType.sorted(),
  };
}

async function taxpayersByKecamatan(db: Kysely<Database>, filters: Filters) {
  let query = db
    .selectFrom('contacts')
    .innerJoin('taxpayers', 'taxpayers.id', 'contacts.taxpayer_id')
    .select((eb) => ['taxpayers.kecamatan', 'contacts.reach', eb.fn.countAll<number>().as('n')])
    .groupBy(['taxpayers.kecamatan', 'contacts.reach']);
  if (filters.kecamatan) query = query.where('taxpayers.kecamatan', '=', filters.kecamatan);
  if (filters.taxType) {
    const taxType = filters.taxType;
    query = query.where((eb) => eb.exists(eb.selectFrom('bills').select('bills.id').whereRef('bills.taxpayer_id', '=', 'contacts.taxpayer_id').where('bills.tax_type', '=', taxType)));
  }
  return (await query.execute()).map((r) => ({ kecamatan: r.kecamatan, reach: r.reach, n: Number(r.n) }));
}

async function unpaidByKecamatanAndType(db: Kysely<Database>, filters: Filters) {
  // Unpaid bills are first summed per taxpayer and tax type straight from a covering index, so
  // only one row per taxpayer (not per bill) is joined to its contact and kecamatan.
  let perTaxpayer = db
    .selectFrom('bills')
    .select((eb) => ['bills.taxpayer_id', 'bills.tax_type', eb.fn.sum<number>('bills.principal').as('principal')])
    .where('bills.status', '=', 'unpaid')
    .groupBy(['bills.taxpayer_id', 'bills.tax_type']);
  if (filters.taxType) perTaxpayer = perTaxpayer.where('bills.tax_type', '=', filters.taxType);
  let query = db
    .selectFrom(perTaxpayer.as('u'))
    .innerJoin('contacts', 'contacts.taxpayer_id', 'u.taxpayer_id')
    .innerJoin('taxpayers', 'taxpayers.id', 'u.taxpayer_id')
    .select((eb) => ['taxpayers.kecamatan', 'u.tax_type', 'contacts.reach', eb.fn.sum<number>('u.principal').as('principal'), eb.fn.countAll<number>().as('taxpayers')])
    .groupBy(['taxpayers.kecamatan', 'u.tax_type', 'contacts.reach']);
  if (filters.kecamatan) query = query.where('taxpayers.kecamatan', '=', filters.kecamatan);
  return (await query.execute()).map((r) => ({ kecamatan: r.kecamatan, taxType: r.tax_type, reach: r.reach, principal: Number(r.principal), taxpayers: Number(r.taxpayers) }));
}

class Groups {
  private readonly byKey = new Map<string | null, Group>();

  get(key: string | null): Group {
    let group = this.byKey.get(key);
    if (!group) this.byKey.set(key, (group = { key, taxpayers: zero(), principal: zero() }));
    return group;
  }

  sorted(): Group[] {
    return [...this.byKey.values()].sort((a, b) => b.taxpayers.total - a.taxpayers.total || String(a.key).localeCompare(String(b.key)));
  }
}

function add(counts: Counts, reach: string, n: number): void {
  if (reach === 'whatsapp' || reach === 'sms' || reach === 'none') counts[reach] += n;
  counts.total += n;
}

function zero(): Counts {
  return { whatsapp: 0, sms: 0, none: 0, total: 0 };
}

function sum(all: Counts[]): Counts {
  const total = zero();
  for (const c of all) for (const k of ['whatsapp', 'sms', 'none', 'total'] as const) total[k] += c[k];
  return total;
}
