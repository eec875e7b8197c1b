import type { Kysely } from 'kysely';
import type { BillData } from '../../shared/templates/index.js';
import type { App } from '../api/context.js';
import type { Database } from '../db/schema.js';
import { taxpayerBills } from './ledger-reads.js';

/** The ledger's extremes that decide how long a message can get; null fields where the ledger has none. */
export interface LedgerExtremes {
  longestName: string | null;
  longestNpwpd: string | null;
  longestTaxTypeLabel: string | null;
  longestNop: string | null;
  longestObjectName: string | null;
  /** The unpaid bills of the taxpayer with the most of them: the longest `{daftar_tagihan}`. */
  busiestBills: BillData[];
  /** The largest unpaid amounts one taxpayer owes together. */
  largestArrears: { principal: number; penalty: number } | null;
  earliestUnpaidDue: string | null;
}

/** A bound on the busiest list; a list this long overflows every channel anyway. */
const BUSIEST_BILLS_LIMIT = 60;

/**
 * Extremes change only with an import, and a few minutes' staleness merely shifts a length
 * warning; the group-bys over unpaid bills are the costly part on a large ledger, so the
 * result is kept per app for this long.
 */
const CACHE_MS = 5 * 60_000;
const cache = new WeakMap<App, { at: number; extremes: Promise<LedgerExtremes> }>();

export function cachedLedgerExtremes(app: App, db: Kysely<Database>): Promise<LedgerExtremes> {
  const now = app.clock.now().getTime();
  const hit = cache.get(app);
  if (hit && now - hit.at < CACHE_MS) return hit.extremes;
  const extremes = ledgerExtremes(db);
  cache.set(app, { at: now, extremes });
  extremes.catch(() => cache.delete(app));
  return extremes;
}

export async function ledgerExtremes(db: Kysely<Database>): Promise<LedgerExtremes> {
  const unpaid = db.selectFrom('bills').where('status', '=', 'unpaid');
  const [name, npwpd, label, nop, objectName, busiest, arrears, earliest] = await Promise.all([
    db.selectFrom('taxpayers').select('name as value').orderBy((eb) => eb.fn('length', ['name']), 'desc').limit(1).executeTakeFirst(),
    db.selectFrom('taxpayers').select('npwpd as value').where('npwpd', 'is not', null).orderBy((eb) => eb.fn('length', ['npwpd']), 'desc').limit(1).executeTakeFirst(),
    // Labels repeat: grouping first keeps the length sort to a handful of rows.
    unpaid.select('tax_type_label as value').groupBy('tax_type_label').orderBy((eb) => eb.fn('length', ['tax_type_label']), 'desc').limit(1).executeTakeFirst(),
    db.selectFrom('tax_objects').select('nop as value').where('nop', 'is not', null).orderBy((eb) => eb.fn('length', ['nop']), 'desc').limit(1).executeTakeFirst(),
    db.selectFrom('tax_objects').select('name as value').where('name', 'is not', null).orderBy((eb) => eb.fn('length', ['name']), 'desc').limit(1).executeTakeFirst(),
    unpaid
      .select((eb) => ['taxpayer_id', eb.fn.countAll<number>().as('n')])
      .groupBy('taxpayer_id')
      .orderBy('n', 'desc')
      .orderBy('taxpayer_id')
      .limit(1)
      .executeTakeFirst(),
    unpaid
      .select((eb) => [eb.fn.sum<number>('principal').as('principal'), eb.fn.sum<number>('penalty').as('penalty')])
      .groupBy('taxpayer_id')
      .orderBy((eb) => eb.fn.sum(eb('principal', '+', eb.ref('penalty'))), 'desc')
      .limit(1)
      .executeTakeFirst(),
    unpaid.select((eb) => eb.fn.min('due_date').as('value')).executeTakeFirst(),
  ]);
  return {
    longestName: name?.value ?? null,
    longestNpwpd: npwpd?.value ?? null,
    longestTaxTypeLabel: label?.value ?? null,
    longestNop: nop?.value ?? null,
    longestObjectName: objectName?.value ?? null,
    busiestBills: busiest ? await taxpayerBills(db, Number(busiest.taxpayer_id), 'unpaid', BUSIEST_BILLS_LIMIT) : [],
    largestArrears: arrears ? { principal: Number(arrears.principal), penalty: Number(arrears.penalty) } : null,
    earliestUnpaidDue: earliest?.value ?? null,
  };
}
