import type { Kysely } from 'kysely';
import { billIdOfGeneratedCode, paymentCodeOf } from '../../shared/payments/payment-code.js';
import { penaltyAsOf } from '../../shared/payments/penalty.js';
import type { Database } from '../db/schema.js';
import { readSettings } from '../platform/settings.js';
import { billDescription } from './bill-description.js';

/** A bill as a bank or the counter sees it: who owes what, as of one day. */
export interface PayableBill {
  id: number;
  kodeBayar: string;
  paymentCode: string;
  taxpayerId: number;
  taxpayerName: string;
  npwpd: string | null;
  taxType: string;
  taxTypeLabel: string;
  tahun: number | null;
  masaPajak: string | null;
  objectName: string | null;
  objectAddress: string | null;
  nop: string | null;
  dueDate: string;
  status: 'paid' | 'unpaid';
  principal: number;
  /** As of `today`: the larger of the export's penalty and the HKPD rule's. */
  penalty: number;
  adminFee: number;
  /** principal + penalty + adminFee. */
  totalAmount: number;
  /** `PBB-P2 TAHUN 2025`, `PBJT MAKANAN DAN/ATAU MINUMAN MASA AGUSTUS 2026`. */
  description: string;
}

export interface LookupOptions {
  /** For a NOP: the year asked for instead of the oldest unpaid one. */
  taxYear?: number | undefined;
  /** `YYYY-MM-DD` in the agency's zone: the day the penalty is computed for. */
  today: string;
  /** The partner's fee; the counter charges none. Defaults to the `partnerAdminFee` setting. */
  adminFee?: number | undefined;
}

/**
 * The bill a taxpayer means by what they typed: its kode bayar, its generated payment code, or
 * for PBB-P2 its 18-digit NOP (the oldest unpaid year unless a year is given; when every year
 * is paid, the latest paid one, so the caller can answer "already paid" rather than "not found").
 * Each kind is one indexed lookup.
 */
export async function findPayableBill(db: Kysely<Database>, taxId: string, options: LookupOptions): Promise<PayableBill | null> {
  const raw = taxId.trim().toUpperCase();
  const compact = raw.replace(/[.\-\s]/g, '');
  if (compact === '') return null;
  const id = (await byGeneratedCode(db, compact)) ?? (await byKodeBayar(db, raw, compact)) ?? (await byNop(db, compact, options.taxYear));
  return id === null ? null : payableBill(db, id, options);
}

/** The bill with this id, priced as of `options.today`. */
export async function payableBill(db: Kysely<Database>, billId: number, options: LookupOptions): Promise<PayableBill | null> {
  const row = await db
    .selectFrom('bills')
    .innerJoin('taxpayers', 'taxpayers.id', 'bills.taxpayer_id')
    .leftJoin('tax_objects', 'tax_objects.id', 'bills.object_id')
    .select([
      'bills.id as id',
      'bills.kode_bayar as kodeBayar',
      'bills.taxpayer_id as taxpayerId',
      'taxpayers.name as taxpayerName',
      'taxpayers.npwpd as npwpd',
      'taxpayers.address as taxpayerAddress',
      'bills.tax_type as taxType',
      'bills.tax_type_label as taxTypeLabel',
      'bills.tahun as tahun',
      'bills.masa_pajak as masaPajak',
      'tax_objects.name as objectName',
      'tax_objects.address as objectAddress',
      'tax_objects.nop as nop',
      'bills.due_date as dueDate',
      'bills.status as status',
      'bills.principal as principal',
      'bills.penalty as exportPenalty',
    ])
    .where('bills.id', '=', billId)
    .executeTakeFirst();
  if (!row) return null;
  const settings = await readSettings(db);
  const rule = { percentPerMonth: settings.penaltyPercentPerMonth, maxMonths: settings.penaltyMaxMonths };
  const principal = Number(row.principal);
  const penalty = penaltyAsOf({ principal, dueDate: row.dueDate, exportPenalty: Number(row.exportPenalty) }, options.today, rule);
  const adminFee = options.adminFee ?? settings.partnerAdminFee;
  const { taxpayerAddress, exportPenalty: _exportPenalty, ...bill } = row;
  return {
    ...bill,
    id: Number(row.id),
    taxpayerId: Number(row.taxpayerId),
    objectAddress: row.objectAddress ?? taxpayerAddress,
    paymentCode: paymentCodeOf({ id: Number(row.id), kodeBayar: row.kodeBayar }),
    principal,
    penalty,
    adminFee,
    totalAmount: principal + penalty + adminFee,
    description: billDescription(row),
  };
}

/** A generated code names its bill only when that bill has no kode bayar of its own that serves. */
async function byGeneratedCode(db: Kysely<Database>, compact: string): Promise<number | null> {
  const billId = billIdOfGeneratedCode(compact);
  if (billId === null) return null;
  const bill = await db.selectFrom('bills').select(['id', 'kode_bayar']).where('id', '=', billId).executeTakeFirst();
  if (!bill || paymentCodeOf({ id: Number(bill.id), kodeBayar: bill.kode_bayar }) !== compact) return null;
  return Number(bill.id);
}

/** Kode bayar is unique; the export may keep punctuation in it, so the typed text is tried as well. */
async function byKodeBayar(db: Kysely<Database>, raw: string, compact: string): Promise<number | null> {
  const codes = raw === compact ? [compact] : [compact, raw];
  const rows = await db.selectFrom('bills').select(['id', 'kode_bayar']).where('kode_bayar', 'in', codes).execute();
  const exact = rows.find((r) => r.kode_bayar === compact) ?? rows[0];
  return exact ? Number(exact.id) : null;
}

async function byNop(db: Kysely<Database>, compact: string, taxYear: number | undefined): Promise<number | null> {
  if (!/^\d{18}$/.test(compact)) return null;
  const printed = `${compact.slice(0, 2)}.${compact.slice(2, 4)}.${compact.slice(4, 7)}.${compact.slice(7, 10)}.${compact.slice(10, 13)}-${compact.slice(13, 17)}.${compact.slice(17)}`;
  let query = db
    .selectFrom('tax_objects')
    .innerJoin('bills', 'bills.object_id', 'tax_objects.id')
    .select(['bills.id as id', 'bills.status as status', 'bills.tahun as tahun', 'bills.due_date as dueDate'])
    .where('tax_objects.nop', 'in', [printed, compact]);
  if (taxYear !== undefined) query = query.where('bills.tahun', '=', taxYear);
  const bills = await query.execute();
  const unpaid = bills.filter((b) => b.status === 'unpaid').sort(byPeriod);
  const chosen = unpaid[0] ?? bills.sort(byPeriod).at(-1);
  return chosen ? Number(chosen.id) : null;
}

function byPeriod(a: { tahun: number | null; dueDate: string; id: number }, b: { tahun: number | null; dueDate: string; id: number }): number {
  return (a.tahun ?? 0) - (b.tahun ?? 0) || a.dueDate.localeCompare(b.dueDate) || Number(a.id) - Number(b.id);
}
