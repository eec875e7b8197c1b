import type { BillsTable, TaxpayersTable } from '../db/schema.js';
import type { SnapshotBill } from './snapshot.js';

/** The bill columns an export can set; everything else is the ledger's own bookkeeping. */
export type BillFields = Pick<
  BillsTable,
  'taxpayer_id' | 'object_id' | 'tax_type' | 'tax_type_label' | 'masa_pajak' | 'tahun' | 'principal' | 'penalty' | 'due_date' | 'status' | 'paid_date' | 'paid_source' | 'kohir' | 'tgl_penetapan'
>;
export type TaxpayerFields = Pick<TaxpayersTable, 'npwpd' | 'name' | 'name_search' | 'address' | 'kecamatan' | 'kelurahan' | 'raw_phone' | 'raw_email'>;

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

export type BillVerdict =
  | { kind: 'insert'; fields: BillFields }
  | { kind: 'unchanged' }
  | { kind: 'update'; changes: FieldChange[]; newlyPaid: boolean; conflict: Conflict | null }
  | { kind: 'conflict-only'; conflict: Conflict };

export interface Conflict {
  kodeBayar: string;
  reason: 'paid-in-sipeka';
  detail: string;
  detailEn: string;
}

export function billFields(bill: SnapshotBill, taxpayerId: number, objectId: number | null): BillFields {
  return {
    taxpayer_id: taxpayerId,
    object_id: objectId,
    tax_type: bill.taxType,
    tax_type_label: bill.taxTypeLabel,
    masa_pajak: bill.masaPajak,
    tahun: bill.tahun,
    principal: bill.principal,
    penalty: bill.penalty,
    due_date: bill.dueDate,
    status: bill.status,
    paid_date: bill.status === 'paid' ? bill.paidDate : null,
    paid_source: bill.status === 'paid' ? 'export' : null,
    kohir: bill.kohir,
    tgl_penetapan: bill.tglPenetapan,
  };
}

/**
 * Compares a bill in the export with the ledger's copy. A bill that SI PEKA itself recorded
 * as paid (a bank or counter payment) is never turned back to unpaid by an export, which may
 * simply be older than the payment; that is reported as a conflict instead.
 */
export function diffBill(existing: (BillFields & { kode_bayar: string }) | undefined, incoming: BillFields): BillVerdict {
  if (!existing) return { kind: 'insert', fields: incoming };
  let target = incoming;
  let conflict: Conflict | null = null;
  if (existing.status === 'paid' && existing.paid_source === 'payment' && incoming.status === 'unpaid') {
    conflict = {
      kodeBayar: existing.kode_bayar,
      reason: 'paid-in-sipeka',
      detail: `dibayar ${existing.paid_date ?? ''} tercatat di SI PEKA; ekspor masih menyatakan belum lunas`,
      detailEn: `paid ${existing.paid_date ?? ''} as recorded in SI PEKA; the export still says unpaid`,
    };
    target = { ...incoming, status: existing.status, paid_date: existing.paid_date, paid_source: existing.paid_source };
  } else if (existing.status === 'paid' && existing.paid_source === 'payment' && incoming.status === 'paid') {
    // The export confirms a payment SI PEKA already knew: keep SI PEKA's record of who took it.
    target = { ...incoming, paid_date: existing.paid_date ?? incoming.paid_date, paid_source: existing.paid_source };
  }
  const changes = diffFields<BillFields>(existing, target);
  if (changes.length === 0) return conflict ? { kind: 'conflict-only', conflict } : { kind: 'unchanged' };
  return { kind: 'update', changes, newlyPaid: existing.status === 'unpaid' && target.status === 'paid', conflict };
}

export function taxpayerFields(bill: SnapshotBill): TaxpayerFields {
  return {
    npwpd: bill.npwpd,
    name: bill.namaWp,
    name_search: bill.namaWp.toUpperCase(),
    address: bill.alamat,
    kecamatan: bill.kecamatan,
    kelurahan: bill.kelurahan,
    raw_phone: bill.rawPhone,
    raw_email: bill.rawEmail,
  };
}

export function diffFields<T extends object>(existing: T, incoming: T): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of Object.keys(incoming) as (keyof T)[]) {
    if (existing[field] !== incoming[field]) changes.push({ field: String(field), old: existing[field], new: incoming[field] });
  }
  return changes;
}
