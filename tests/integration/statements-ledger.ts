import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../../main/db/schema.js';
import { runSync, type SnapshotBill } from '../../main/ledger/index.js';
import { recordPayment } from '../../main/payments/index.js';
import { snapshotBill } from '../support/snapshot-bill.js';

/** The day of the fixture statement (scripts/make-statement-fixtures.ts). */
export const STATEMENT_DAY = '2026-11-30';

/**
 * The ledger the fixture statement reconciles against: one bill per class the statement should
 * produce, the partner BSB (VA prefix 9881) and its payments of 30 November. Bill …06 the bank
 * never credits; …07 SIMPADA says is paid but no credit names; …09 is paid at the counter by the
 * caller; …10 is paid on 29 November and credited without a name; …11 stays unpaid.
 */
const bill = (kode: string, name: string, principal: number, over: Partial<SnapshotBill> = {}) =>
  snapshotBill(kode, { npwpd: `P.2.${kode.slice(-7)}.16.02`, namaWp: name, principal, dueDate: '2026-12-10', ...over });
const LEDGER: SnapshotBill[] = [
  bill('320101000001', 'RM Pindang Pegagan', 1_250_000),
  bill('320101000002', 'Warung Mbok Sri', 500_000),
  bill('320101000003', 'Kafe Kayuagung', 300_000),
  bill('320101000004', 'RM Sederhana Baru', 200_000),
  bill('320101000006', 'Toko Roti Mawar', 400_000),
  bill('320101000007', 'Hotel Kencana', 600_000, { status: 'paid', paidDate: STATEMENT_DAY }),
  bill('SKPD/2026/0008', 'Hotel Sriwijaya Indah', 750_000, { status: 'paid', paidDate: STATEMENT_DAY }),
  bill('320101000009', 'Parkir Pasar Kayuagung', 100_000),
  bill('320101000010', 'Budi Hartono', 99_000, { status: 'paid', paidDate: '2026-11-29' }),
  bill('320101000011', 'Salon Cantik Jelita', 150_000),
];
const PARTNER_PAYMENTS: [string, string][] = [
  ['320101000001', 'TRXA0001'],
  ['320101000002', 'TRXB0002'],
  ['320101000003', 'TRXC0003'],
  ['320101000004', 'TRXD0004'],
  ['320101000006', 'TRXF0006'],
];

export async function buildStatementLedger(db: Kysely<Database>, now: Date): Promise<void> {
  await runSync(db, { fileName: 'v1.xlsx', sha256: 'v1', sheet: null, mapping: {}, bills: LEDGER, finish: () => ({ rowsRead: LEDGER.length, duplicates: 0, rejects: [] }) }, { dryRun: false, actor: 'test', now });
  const at = now.toISOString();
  await db.insertInto('partners').values({ id: 'BSB', name: 'Bank Sumsel Babel', secret_sealed: '-', ip_allowlist: '[]', va_prefix: '9881', active: 1, created_by: 'test', created_at: at, updated_at: at, secret_rotated_at: at }).execute();
  for (const [kode, ref] of PARTNER_PAYMENTS) {
    const b = await db.selectFrom('bills').select(['id', 'principal']).where('kode_bayar', '=', kode).executeTakeFirstOrThrow();
    const amount = Number(b.principal);
    const input = { billId: Number(b.id), partnerId: 'BSB', partnerRef: ref, requestId: null, amountPaid: amount, paidAt: new Date(`${STATEMENT_DAY}T03:00:00Z`), recordedBy: 'partner:BSB', expectedTotal: amount, principal: amount, penalty: 0, adminFee: 0 };
    expect(await db.transaction().execute((trx) => recordPayment(trx, input, now))).toMatchObject({ ok: true });
  }
}
