import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { type MissingBill, SAMPLE_LIMIT } from './sync-report.js';

/**
 * Bills the ledger has, inside what the file covers (its tax types and years; unpaid bills
 * only when the file lists no paid ones, as a "Daftar Tunggakan" does), that the file does
 * not mention. They are never deleted: the officer is shown them.
 */
export async function findMissing(db: Kysely<Database>, scope: Set<string>, seen: Set<string>, runId: number): Promise<{ count: number; sample: MissingBill[] }> {
  const taxTypes = [...new Set([...scope].map((s) => s.split('|')[0] as string))];
  if (taxTypes.length === 0) return { count: 0, sample: [] };
  const rows = await db
    .selectFrom('bills')
    .innerJoin('taxpayers', 'taxpayers.id', 'bills.taxpayer_id')
    .select(['bills.kode_bayar', 'bills.tax_type', 'bills.tahun', 'bills.status', 'bills.principal', 'bills.due_date', 'taxpayers.name'])
    .where('bills.tax_type', 'in', taxTypes)
    .where((eb) => eb.or([eb('bills.created_run_id', 'is', null), eb('bills.created_run_id', '<>', runId)]))
    .execute();
  let count = 0;
  const sample: MissingBill[] = [];
  for (const row of rows) {
    if (seen.has(row.kode_bayar) || !scope.has(`${row.tax_type}|${row.tahun ?? ''}|${row.status}`)) continue;
    count += 1;
    if (sample.length < SAMPLE_LIMIT) {
      sample.push({ kodeBayar: row.kode_bayar, taxpayer: row.name, taxType: row.tax_type, tahun: row.tahun, principal: row.principal, dueDate: row.due_date, status: row.status });
    }
  }
  return { count, sample };
}
