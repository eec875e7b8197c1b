/**
 * One bill as a SIMPADA export states it, after parsing and validation: what the sync
 * compares with the ledger. Text is trimmed; money integer Rupiah; dates `YYYY-MM-DD`.
 */
export interface SnapshotBill {
  kodeBayar: string;
  npwpd: string | null;
  namaWp: string;
  alamat: string | null;
  kecamatan: string | null;
  kelurahan: string | null;
  nop: string | null;
  namaObjek: string | null;
  /** Canonical tax type code (see import/tax-types). */
  taxType: string;
  /** The export's own words for the tax type, kept beside the canonical code. */
  taxTypeLabel: string;
  masaPajak: string | null;
  tahun: number | null;
  principal: number;
  penalty: number;
  dueDate: string;
  status: 'paid' | 'unpaid';
  paidDate: string | null;
  kohir: string | null;
  tglPenetapan: string | null;
  rawPhone: string | null;
  rawEmail: string | null;
}

export interface SnapshotReject {
  sheet: string;
  row: number;
  column: string;
  value: string;
  /** A stable code (`UNREADABLE_AMOUNT`) for machines; `reason` is the officer's sentence. */
  code: string;
  reason: string;
  reasonEn?: string;
}

/** The taxpayer a bill belongs to: by NPWPD, or by name and address when the export has none. */
export function taxpayerKey(bill: Pick<SnapshotBill, 'npwpd' | 'namaWp' | 'alamat'>): string {
  if (bill.npwpd) return bill.npwpd;
  return `NAMA:${bill.namaWp.toUpperCase()}|${(bill.alamat ?? '').toUpperCase()}`.slice(0, 200);
}

/** The taxed object: the NOP when there is one, else the taxpayer's object of that type and name. */
export function objectKey(bill: Pick<SnapshotBill, 'nop' | 'npwpd' | 'namaWp' | 'alamat' | 'taxType' | 'namaObjek'>): string {
  if (bill.nop) return `NOP:${bill.nop}`;
  return `${taxpayerKey(bill)}|${bill.taxType}|${(bill.namaObjek ?? '').toUpperCase()}`.slice(0, 300);
}
