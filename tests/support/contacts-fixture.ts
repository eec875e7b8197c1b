import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { ContactProblem } from '../../shared/api/contacts.js';
import type { SnapshotBill } from '../../main/ledger/index.js';
import { snapshotBill } from './snapshot-bill.js';

/**
 * A messy SIMPADA export of 26 taxpayers, one per contact cell seen in real exports
 * (domain.md, "Contacts"), each with what the contacts module must make of it. Every taxpayer
 * has one unpaid August 2026 bill; the consultant's third client also has a paid July bill,
 * which must never count as unpaid principal.
 */
export interface MessyTaxpayer {
  /** The handle tests use. */
  key: string;
  npwpd: string;
  name: string;
  kecamatan: 'Kayuagung' | 'Tanjung Lubuk';
  taxType: 'PBJT_MAKMIN' | 'PBJT_HOTEL';
  /** Principal of the unpaid bill. */
  principal: number;
  /** The No HP cell exactly as written. */
  phone: string | null;
  email: string | null;
  expected: {
    status: 'valid' | 'landline' | 'invalid' | 'missing';
    /** The primary mobile, E.164. */
    phone: string | null;
    alternates: string[];
    landline?: string;
    email: string | null;
    emailStatus: 'valid' | 'invalid' | 'missing';
    /** At the default threshold of 3. */
    problems: ContactProblem[];
  };
}

/** Written in three forms on three unrelated taxpayers: a consultant's number. */
export const CONSULTANT = { typed: '0811-7777-8888', e164: '+6281177778888' };
/** One owner (three warungs, three NPWPD, one name, one phone): not a shared number. */
export const ONE_OWNER = { typed: '0852-6666-5555', e164: '+6285266665555', name: 'Warung Bu Sri' };
/** Two unrelated names: shared only when the threshold is lowered to 2. */
export const PAIR = { typed: '0857-1212-3434', e164: '+6285712123434' };

/** A 300-character cell: someone pasted a note into No HP. */
export const OVER_LONG_CELL = 'Hub. 0812-3456-7898 / '.repeat(14).slice(0, 300);

const TAX_LABEL = { PBJT_MAKMIN: 'Pajak Restoran', PBJT_HOTEL: 'Pajak Hotel' } as const;

type Row = [key: string, name: string, kecamatan: MessyTaxpayer['kecamatan'], taxType: MessyTaxpayer['taxType'], phone: string | null, email: string | null, expected: MessyTaxpayer['expected']];

const valid = (phone: string, problems: ContactProblem[] = [], email: Pick<MessyTaxpayer['expected'], 'email' | 'emailStatus'> = { email: null, emailStatus: 'missing' }) => ({
  status: 'valid' as const,
  phone,
  alternates: [],
  ...email,
  problems,
});
const without = (status: 'invalid' | 'missing', problems: ContactProblem[] = [status]) => ({ status, phone: null, alternates: [], email: null, emailStatus: 'missing' as const, problems });

const ROWS: Row[] = [
  ['plain', 'Rumah Makan Pindang Pegagan', 'Kayuagung', 'PBJT_MAKMIN', '081234567890', 'pindang@example.com', valid('+6281234567890', [], { email: 'pindang@example.com', emailStatus: 'valid' })],
  ['dashed', 'RM Sederhana', 'Kayuagung', 'PBJT_MAKMIN', '0812-3456-7891', 'Email kosong / Tidak Ada', valid('+6281234567891')],
  ['spaced', 'Pempek Candy', 'Tanjung Lubuk', 'PBJT_MAKMIN', '0812 3456 7897', '-', valid('+6281234567897')],
  ['international', 'Hotel Kayuagung Indah', 'Kayuagung', 'PBJT_HOTEL', '+62 812-3456-7892', 'Hotel.KI@Example.COM', valid('+6281234567892', [], { email: 'hotel.ki@example.com', emailStatus: 'valid' })],
  ['countryCode', 'Losmen Bunda', 'Tanjung Lubuk', 'PBJT_HOTEL', '6281234567893', null, valid('+6281234567893')],
  ['bracketed', 'Kedai Kopi Uli', 'Kayuagung', 'PBJT_MAKMIN', '(+62)81234567894', 'bukan email', valid('+6281234567894', ['invalid_email'], { email: null, emailStatus: 'invalid' })],
  ['dotted', 'Warung Pindang Meranjat', 'Tanjung Lubuk', 'PBJT_MAKMIN', '0812.3456.7895', 'meranjat@', valid('+6281234567895', ['invalid_email'], { email: null, emailStatus: 'invalid' })],
  ['lostZero', 'Bakso Mang Udin', 'Kayuagung', 'PBJT_MAKMIN', '81234567896', null, valid('+6281234567896')],
  ['twoNumbers', 'Martabak HAR Kayuagung', 'Kayuagung', 'PBJT_MAKMIN', '0812-1111-2222 / 0813-3333-4444', null, { ...valid('+6281211112222', ['several']), alternates: ['+6281333334444'] }],
  ['twoNumbersHotel', 'Wisma Sriwijaya', 'Tanjung Lubuk', 'PBJT_HOTEL', '0821-2222-3333 / 0822-4444-5555', null, { ...valid('+6282122223333', ['several']), alternates: ['+6282244445555'] }],
  ['landline', 'Hotel Plaza Kayuagung', 'Kayuagung', 'PBJT_HOTEL', '0712-123456', null, { status: 'landline', phone: null, alternates: ['+62712123456'], landline: '+62712123456', email: null, emailStatus: 'missing', problems: ['landline'] }],
  ['dash', 'Sate Padang Ajo', 'Kayuagung', 'PBJT_MAKMIN', '-', null, without('missing')],
  ['zero', 'Mie Ayam Pak De', 'Tanjung Lubuk', 'PBJT_MAKMIN', '0', null, without('missing')],
  ['tidakAda', 'Pondok Pecel Lele', 'Kayuagung', 'PBJT_MAKMIN', 'Tidak Ada', null, without('missing')],
  ['empty', 'Kantin Sekolah Harapan', 'Tanjung Lubuk', 'PBJT_MAKMIN', null, null, without('missing')],
  ['tooShort', 'Es Tebu Manis', 'Kayuagung', 'PBJT_MAKMIN', '0812345', null, without('invalid')],
  ['tooLong', 'Roti Bakar 88', 'Tanjung Lubuk', 'PBJT_MAKMIN', '0812345678901234', null, without('invalid')],
  ['overLong', 'Catering Berkah', 'Kayuagung', 'PBJT_MAKMIN', OVER_LONG_CELL, null, without('invalid')],
  ['consultantA', 'CV Sinar Jaya', 'Kayuagung', 'PBJT_HOTEL', '081177778888', null, valid(CONSULTANT.e164, ['shared'])],
  ['consultantB', 'Toko Makmur Jaya', 'Tanjung Lubuk', 'PBJT_MAKMIN', CONSULTANT.typed, null, valid(CONSULTANT.e164, ['shared'])],
  ['consultantC', 'Rumah Makan Sri Melayu', 'Kayuagung', 'PBJT_MAKMIN', '+62 811-7777-8888', null, valid(CONSULTANT.e164, ['shared'])],
  ['ownerA', ONE_OWNER.name, 'Kayuagung', 'PBJT_MAKMIN', ONE_OWNER.typed, null, valid(ONE_OWNER.e164)],
  ['ownerB', ONE_OWNER.name, 'Tanjung Lubuk', 'PBJT_MAKMIN', '085266665555', null, valid(ONE_OWNER.e164)],
  ['ownerC', ONE_OWNER.name, 'Kayuagung', 'PBJT_MAKMIN', '0852 6666 5555', null, valid(ONE_OWNER.e164)],
  ['pairA', 'Apotek Sehat', 'Kayuagung', 'PBJT_MAKMIN', PAIR.typed, null, valid(PAIR.e164)],
  ['pairB', 'Klinik Sehat Bersama', 'Tanjung Lubuk', 'PBJT_MAKMIN', PAIR.typed, null, valid(PAIR.e164)],
];

export const MESSY: readonly MessyTaxpayer[] = ROWS.map(([key, name, kecamatan, taxType, phone, email, expected], i) => ({
  key,
  npwpd: `P.2.${String(100001 + i).padStart(7, '0')}.16.02`,
  name,
  kecamatan,
  taxType,
  principal: 1_000_000 + (i + 1) * 50_000,
  phone,
  email,
  expected,
}));

export function messy(key: string): MessyTaxpayer {
  const found = MESSY.find((m) => m.key === key);
  if (!found) throw new Error(`no taxpayer ${key} in the messy export`);
  return found;
}

/** The paid July bill of the consultant's third client. */
export const PAID_BILL = { key: 'consultantC', kodeBayar: 'K0021-2026-07', principal: 2_000_000 };

/** A later export changes cells: `{ plain: { phone: '0813…' } }`; everything else as in the first. */
export type CellChanges = Record<string, { phone?: string | null; email?: string | null }>;

function withChanges(changes: CellChanges): MessyTaxpayer[] {
  return MESSY.map((m) => {
    const change = changes[m.key];
    if (!change) return m;
    return { ...m, phone: change.phone !== undefined ? change.phone : m.phone, email: change.email !== undefined ? change.email : m.email };
  });
}

/** The export as the sync sees it after parsing. */
export function messyBills(changes: CellChanges = {}): SnapshotBill[] {
  const bills: SnapshotBill[] = [];
  for (const [i, m] of withChanges(changes).entries()) {
    const common = {
      npwpd: m.npwpd,
      namaWp: m.name,
      alamat: `Jl. Lintas Timur No. ${i + 1}`,
      kecamatan: m.kecamatan,
      kelurahan: null,
      namaObjek: m.name,
      taxType: m.taxType,
      taxTypeLabel: TAX_LABEL[m.taxType],
      rawPhone: m.phone,
      rawEmail: m.email,
    };
    bills.push(snapshotBill(billCode(i), { ...common, masaPajak: '2026-08', dueDate: '2026-09-10', principal: m.principal }));
    if (m.key === PAID_BILL.key) {
      bills.push(snapshotBill(PAID_BILL.kodeBayar, { ...common, masaPajak: '2026-07', dueDate: '2026-08-10', principal: PAID_BILL.principal, status: 'paid', paidDate: '2026-08-05' }));
    }
  }
  return bills;
}

function billCode(i: number): string {
  return `K${String(i + 1).padStart(4, '0')}-2026-08`;
}

const HEADER = ['No', 'NPWPD', 'Nama WP', 'Alamat', 'Kecamatan', 'Jenis Pajak', 'Masa Pajak', 'Kode Bayar', 'Pokok Pajak', 'Jatuh Tempo', 'Status', 'Tgl Bayar', 'No HP', 'Email'];
const TITLE = ['BADAN PENGELOLA PAJAK DAERAH KABUPATEN OGAN KOMERING ILIR', 'DAFTAR KETETAPAN PAJAK DAERAH'];

/** The export's rows as an officer's spreadsheet holds them: text, and numbers where Excel would make them numbers. */
function sheetRows(changes: CellChanges): (string | number | null)[][] {
  return messyBills(changes).map((b, i) => [
    i + 1,
    b.npwpd,
    b.namaWp,
    b.alamat,
    b.kecamatan,
    b.taxTypeLabel,
    `${b.masaPajak === '2026-08' ? 'Agustus' : 'Juli'} 2026`,
    b.kodeBayar,
    b.principal,
    b.dueDate.split('-').reverse().join('/'),
    b.status === 'paid' ? 'LUNAS' : 'BELUM LUNAS',
    b.paidDate ? b.paidDate.split('-').reverse().join('/') : null,
    b.rawPhone,
    b.rawEmail,
  ]);
}

/** A semicolon CSV, as Indonesian Excel saves one, with the report's title rows above the header. */
export function writeMessyCsv(file: string, changes: CellChanges = {}): void {
  const quote = (v: string | number | null) => {
    const text = v === null ? '' : String(v);
    return /[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [...TITLE, '', HEADER.join(';'), ...sheetRows(changes).map((r) => r.map(quote).join(';'))];
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
}

/**
 * The same export as an xlsx workbook. A phone cell of digits alone not starting with 0 is
 * written as a number cell (`81234567896`, `6281234567893`), as Excel turns them into one.
 */
export async function writeMessyXlsx(file: string, changes: CellChanges = {}): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Daftar Ketetapan');
  for (const line of TITLE) sheet.addRow([line]);
  sheet.addRow([]);
  sheet.addRow(HEADER);
  const phoneColumn = HEADER.indexOf('No HP');
  for (const row of sheetRows(changes)) {
    const phone = row[phoneColumn];
    if (typeof phone === 'string' && /^[1-9]\d*$/.test(phone)) row[phoneColumn] = Number(phone);
    sheet.addRow(row);
  }
  await workbook.xlsx.writeFile(file);
}
