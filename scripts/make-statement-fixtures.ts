// `npx tsx scripts/make-statement-fixtures.ts`: writes the small bank statement fixtures into
// tests/fixtures/statements/. One day (30 November 2026) of a Bank Sumsel Babel giro account as
// the treasurer downloads it — letterhead, opening balance, credits naming a partner reference,
// a kode bayar, a VA number, a taxpayer's name or nothing known, a bank fee, a closing total —
// as .xlsx (separate Debet/Kredit columns) and as a semicolon CSV with a BOM (one Mutasi column
// and a D/K flag); plus a CSV with an unreadable amount. tests/integration/statements.test.ts
// builds the ledger these lines reconcile against.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/statements');
fs.mkdirSync(dir, { recursive: true });

interface Line {
  description: string;
  reference: string;
  credit: number;
  debit: number;
}

/** In the order the bank printed them; the comment says what each is for. */
const LINES: Line[] = [
  { description: 'TRF BSB TRXA0001 PBJT MAKMIN', reference: 'FT26334001', credit: 1_250_000, debit: 0 }, // partner reference → matched
  { description: 'SETORAN KB 320101000002', reference: 'FT26334002', credit: 450_000, debit: 0 }, // kode bayar, 50.000 short → underpaid
  { description: 'PEMB VA 9881320101000003', reference: 'FT26334003', credit: 350_000, debit: 0 }, // VA number, 50.000 over → overpaid
  { description: 'PBJT TRXD0004', reference: 'FT26334004', credit: 200_000, debit: 0 }, // partner reference → matched
  { description: 'PEMBAYARAN PAJAK 320101000004', reference: 'FT26334005', credit: 200_000, debit: 0 }, // the same bill again → paid twice
  { description: 'TRANSFER DARI ANDI', reference: 'FT26334006', credit: 99_000, debit: 0 }, // nothing known → no bill
  { description: 'SETORAN TUNAI HOTEL SRIWIJAYA', reference: 'FT26334007', credit: 750_000, debit: 0 }, // amount, day and name → fuzzy
  { description: 'BIAYA ADMINISTRASI', reference: 'FT26334008', credit: 0, debit: 5_000 }, // a debit: kept, never matched
];
const OPENING = 10_000_000;

async function writeXlsx(): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Rekening Koran');
  sheet.addRow(['PT BANK SUMSEL BABEL']);
  sheet.addRow(['REKENING KORAN / ACCOUNT STATEMENT']);
  sheet.addRow(['No. Rekening: 150.30.00001 a.n. BPPD KAB. OGAN KOMERING ILIR']);
  sheet.addRow(['Periode: 30/11/2026 s/d 30/11/2026']);
  sheet.addRow([]);
  sheet.addRow(['Tanggal', 'Keterangan', 'No. Ref', 'Debet', 'Kredit', 'Saldo']);
  sheet.addRow([null, 'SALDO AWAL', null, null, null, OPENING]);
  let balance = OPENING;
  for (const l of LINES) {
    balance += l.credit - l.debit;
    sheet.addRow([new Date(Date.UTC(2026, 10, 30)), l.description, l.reference, l.debit || null, l.credit || null, balance]);
  }
  const credits = LINES.reduce((s, l) => s + l.credit, 0);
  const debits = LINES.reduce((s, l) => s + l.debit, 0);
  sheet.addRow([null, 'TOTAL MUTASI', null, debits, credits, null]);
  sheet.getColumn(1).numFmt = 'dd/mm/yyyy';
  await book.xlsx.writeFile(path.join(dir, 'bank-sumsel-2026-11-30.xlsx'));
}

function rupiah(n: number): string {
  return `${n.toLocaleString('id-ID')},00`;
}

function writeCsv(): void {
  const rows = [
    'PT BANK SUMSEL BABEL - MUTASI REKENING',
    'Tgl Transaksi;Uraian;Referensi;Mutasi;D/K;Saldo',
    `;SALDO AWAL;;;;${rupiah(OPENING)}`,
  ];
  let balance = OPENING;
  for (const l of LINES) {
    balance += l.credit - l.debit;
    rows.push(`30/11/2026;${l.description};${l.reference};${rupiah(l.credit || l.debit)};${l.credit ? 'K' : 'D'};${rupiah(balance)}`);
  }
  fs.writeFileSync(path.join(dir, 'bank-sumsel-2026-11-30.csv'), '\ufeff' + rows.join('\r\n') + '\r\n', 'utf8');
}

function writeBadCsv(): void {
  const rows = [
    'Tgl Transaksi;Uraian;Referensi;Mutasi;D/K;Saldo',
    '30/11/2026;TRF BSB TRXA0001;FT26334001;1.250.000,00;K;11.250.000,00',
    '30/11/2026;SETORAN KB 320101000002;FT26334002;4S0.000,00;K;11.700.000,00',
  ];
  fs.writeFileSync(path.join(dir, 'bad-amount.csv'), rows.join('\r\n') + '\r\n', 'utf8');
}

await writeXlsx();
writeCsv();
writeBadCsv();
console.log(`statement fixtures written to ${dir}`);
