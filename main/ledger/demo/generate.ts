import type { SnapshotBill } from '../snapshot.js';
import { isIsoDate } from './calendar.js';
import { mobileNumber } from './contacts.js';
import { Rng } from '../../platform/rng.js';
import { assessments } from './schedule.js';
import { TAX_TYPES } from './tax-types.js';
import { demoTaxpayer, NopRegistry } from './taxpayer.js';

export interface DemoOptions {
  taxpayers: number;
  seed: number;
  /** The ledger's "today", `YYYY-MM-DD`: bills are due around it and paid only before it. */
  today: string;
}

/** Kode bayar serials have seven digits per tax and year; this keeps every run far inside them. */
export const MAX_DEMO_TAXPAYERS = 1_000_000;

/**
 * A made-up but realistic ledger for Kabupaten OKI, as the bills of a SIMPADA export. The same
 * options give the same bills on any machine. The result is lazy and can be iterated again:
 * a million taxpayers' bills are made one taxpayer at a time, never held all at once.
 */
export function generateDemo(options: DemoOptions): Iterable<SnapshotBill> {
  const { taxpayers, seed, today } = options;
  if (!Number.isInteger(taxpayers) || taxpayers < 1 || taxpayers > MAX_DEMO_TAXPAYERS) throw new RangeError(`taxpayers must be 1…${MAX_DEMO_TAXPAYERS}, not ${taxpayers}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, not ${seed}`);
  if (!isIsoDate(today)) throw new RangeError(`today must be YYYY-MM-DD, not ${today}`);
  return { [Symbol.iterator]: () => demoBills(options) };
}

function* demoBills({ taxpayers, seed, today }: DemoOptions): Generator<SnapshotBill> {
  const nops = new NopRegistry();
  const serials = new Map<string, number>();
  const consultants = consultantNumbers(seed, taxpayers);
  for (let index = 0; index < taxpayers; index++) {
    const rng = Rng.for(seed, index);
    const taxpayer = demoTaxpayer(rng, index, consultants, nops);
    for (const object of taxpayer.objects) {
      for (const a of assessments(rng, object, taxpayer.compliance, today)) {
        // Kode bayar: the tax's two-digit code, the tax year and a serial within both.
        const prefix = `${TAX_TYPES[object.taxType].kode}${a.tahun}`;
        const serial = (serials.get(prefix) ?? 0) + 1;
        serials.set(prefix, serial);
        yield {
          kodeBayar: `${prefix}${String(serial).padStart(7, '0')}`,
          npwpd: taxpayer.npwpd,
          namaWp: taxpayer.namaWp,
          alamat: taxpayer.alamat,
          kecamatan: taxpayer.kecamatan,
          kelurahan: taxpayer.kelurahan,
          nop: object.nop,
          namaObjek: object.namaObjek,
          taxType: object.taxType,
          taxTypeLabel: object.taxTypeLabel,
          masaPajak: a.masaPajak,
          tahun: a.tahun,
          principal: a.principal,
          penalty: a.penalty,
          dueDate: a.dueDate,
          status: a.status,
          paidDate: a.paidDate,
          kohir: null,
          tglPenetapan: a.tglPenetapan,
          rawPhone: taxpayer.rawPhone,
          rawEmail: taxpayer.rawEmail,
        };
      }
    }
  }
}

/** Tax consultants who put their own number on their clients' records: one per ~150 taxpayers. */
function consultantNumbers(seed: number, taxpayers: number): string[] {
  const rng = Rng.for(seed, -1);
  return Array.from({ length: Math.max(1, Math.ceil(taxpayers / 150)) }, () => mobileNumber(rng));
}
