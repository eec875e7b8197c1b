import { createHash } from 'node:crypto';
import type { ParsedBill } from './parse-row.js';

/**
 * Exports repeat rows (a bill printed on two pages, a report appended twice). A repeated bill
 * code whose parsed values are the same is a duplicate, however its cells were written
 * (`1.250.000` and `1250000`, a date cell and `10/09/2026`, `BUDI SANTOSO` and `budi santoso`);
 * a repeated code with different values is a conflict, and the later row is rejected naming
 * the first. Only a short fingerprint per code is kept, so 500,000 bills stay small.
 */
export interface RowRef {
  sheet: string;
  row: number;
}

export type DedupeVerdict = { kind: 'first' } | { kind: 'duplicate'; first: RowRef } | { kind: 'conflict'; first: RowRef };

export class Deduplicator {
  private readonly seen = new Map<string, { fingerprint: string; sheet: string; row: number }>();

  check(bill: ParsedBill): DedupeVerdict {
    const fingerprint = billFingerprint(bill);
    const first = this.seen.get(bill.kodeBayar);
    if (!first) {
      this.seen.set(bill.kodeBayar, { fingerprint, sheet: bill.sheet, row: bill.row });
      return { kind: 'first' };
    }
    const ref = { sheet: first.sheet, row: first.row };
    return first.fingerprint === fingerprint ? { kind: 'duplicate', first: ref } : { kind: 'conflict', first: ref };
  }

  get size(): number {
    return this.seen.size;
  }
}

/**
 * The values that make two rows the same bill. Left out: where the row is, and how its cells
 * were spelled (the raw name, the tax label when both labels mean the same tax); contacts
 * compare by their digits and lower-cased address.
 */
export function billFingerprint(bill: ParsedBill): string {
  const values = [
    bill.kodeBayar, bill.npwpd, bill.namaWp?.toUpperCase() ?? null, bill.namaObjek?.toUpperCase() ?? null, bill.alamat?.toUpperCase() ?? null,
    bill.kecamatan?.toUpperCase() ?? null, bill.kelurahan?.toUpperCase() ?? null, bill.nop, bill.taxType, bill.masaPajak, bill.tahun,
    bill.principal, bill.penalty, bill.dueDate, bill.status, bill.paidDate, bill.kohir, bill.tglPenetapan,
    bill.rawPhone?.replace(/\D/g, '') || null, bill.rawEmail?.trim().toLowerCase() || null,
  ];
  return createHash('sha1').update(JSON.stringify(values)).digest('base64');
}
