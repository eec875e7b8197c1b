// `npx tsx scripts/make-simpada-fixtures.ts`: writes the small SIMPADA export fixtures into
// tests/fixtures/simpada/. One messy report (title rows, varied headers, every amount, date and
// status spelling of docs/domain.md, duplicates, bad rows, sub-totals, a TOTAL row) is written
// as .xlsx, .xls, HTML-as-.xls, Windows-1252 semicolon CSV, UTF-8-BOM comma CSV and UTF-8 tab
// text, so every reader must produce the same bills; plus a later snapshot and broken files.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/simpada');
const bad = path.join(out, 'bad');
const FIXED_TIME = new Date(Date.UTC(2026, 8, 1, 1, 15));

type Value = string | number | Date | null | { formula: string; result: number };

/** A calendar date as Excel stores it (a floating date: its UTC fields are the date). */
const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));
const serial = (date: Date) => Math.round((date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);

const HEADER = [
  'No', 'No. SKPD', 'NPWPD/NPWRD', 'Nama Wajib Pajak', 'Nama Usaha', 'Alamat', 'Kec.', 'Kelurahan', 'Jenis Pajak', 'Rekening', 'Masa',
  'Tahun Pajak', 'Kohir', 'SKPD Tanggal', 'Pokok Pajak (Rp)', 'Denda', 'Tgl Jatuh Tempo', 'Status Bayar', 'Tgl Bayar', 'No. HP/WA', 'E-mail', 'NOP',
];
const WIDTH = HEADER.length;

const TITLE = [
  ['BADAN PENGELOLA PAJAK DAERAH KABUPATEN OGAN KOMERING ILIR'],
  ['DAFTAR KETETAPAN DAN TUNGGAKAN PAJAK DAERAH'],
  ['Dicetak: 01/09/2026 08:15'],
  [],
];

/** Excel rows 6–38 of the messy report; the comment says what each row tests. */
const MESSY_ROWS: Value[][] = [
  // 6: a plain bill, Excel date cells and number cells
  [1, '160226070000101', 'P.2.0100001.16.02', 'BUDI SANTOSO', 'RM. PADANG SEDERHANA', 'Jl. Lintas Timur No. 5', 'KAYUAGUNG', 'Sukadana', 'Pajak Restoran', '4.1.01.07.01 Pajak Restoran', 'Agustus', 2026, 101, d(2026, 8, 15), 1250000, 0, d(2026, 9, 10), 'BELUM LUNAS', null, '081234567890', 'budi@example.com', null],
  // 7: lower-case names, dotted amount text, `-` penalty, dd/mm/yyyy text
  [2, '160226070000102', 'p.2.0100002.16.02', 'siti aminah', 'warung makan bu siti', 'jl. merdeka  no. 12', 'Kayuagung', 'Paku', 'PBJT Makanan dan Minuman', null, 'Agustus 2026', 2026, '000102', '15/08/2026', '1.250.000', '-', '10/09/2026', 'Belum Bayar', null, '0812-3456-7891', 'Email kosong', null],
  // 8: `Rp` amounts, dd-mm-yyyy, LUNAS with a payment date, NPWPD with an inner space
  [3, '160226070000103', 'P.2.0100003 .16.02', 'CV. MAJU JAYA', 'HOTEL MAJU JAYA', 'Jl. Sudirman 1', 'Tanjung Lubuk', 'Tanjung Lubuk', 'PBJT Jasa Perhotelan', null, '08/2026', 2026, 103, '15-08-2026', 'Rp 3.500.000', 'Rp 35.000', '10-09-2026', 'LUNAS', '05-09-2026', '+62 812-3456-7892', 'maju.jaya@example.com', null],
  // 9: `Rp. …,00`, ISO dates, old label Pajak Hotel
  [4, '160226070000104', 'P.2.0100004.16.02', 'PT SRIWIJAYA INN', 'SRIWIJAYA INN', 'Jl. Letnan Mukhtar Saleh', 'Kayuagung', 'Kutaraya', 'Pajak Hotel', null, '2026-08', 2026, 104, '2026-08-15', 'Rp. 2.000.000,00', '0', '2026-09-10', 'Lunas', '2026-09-03', '6281234567893', null, null],
  // 10: month as a number, `31 Agustus 2026` style dates, SUDAH BAYAR
  [5, '160226070000105', 'P.2.0100005.16.02', 'H. AHMAD DAHLAN', 'PARKIR PASAR KAYUAGUNG', 'Pasar Kayuagung', 'Kayuagung', 'Kotaraya', 'Pajak Parkir', null, 8, 2026, 105, d(2026, 8, 15), 750000, 7500, '10 September 2026', 'SUDAH BAYAR', '1 September 2026', '(+62)81234567894', null, null],
  // 11: mixed-case name kept, amount as digits text, `10 Sep 2026`
  [6, '160226070000106', 'P.2.0100006.16.02', 'Rumah Makan Pindang Pegagan', 'RM PINDANG PEGAGAN', 'Jl. Lintas Timur Km 3', 'Kayuagung', 'Sukadana', 'PBJT - Makan Minum', null, 'Agu 2026', 2026, 106, d(2026, 8, 15), '1250000', null, '10 Sep 2026', 'BELUM LUNAS', null, '0812.3456.7895', null, null],
  // 12: `10 Agt 2026`, lower-case status, a phone number cell that lost its zero
  [7, '160226070000107', 'P.2.0100007.16.02', 'KARAOKE GEMBIRA', 'KARAOKE GEMBIRA', 'Jl. Pedamaran', 'Pedamaran', 'Pedamaran I', 'Pajak Hiburan', null, 'Juli', 2026, 107, d(2026, 7, 15), 2400000, 48000, '10 Agt 2026', 'belum lunas', null, 81234567896, null, null],
  // 13: a yearly period, a due date as a bare serial number
  [8, '160226070000108', 'P.2.0100008.16.02', 'TOKO ELEKTRONIK JAYA', 'BILLBOARD SIMPANG TIGA', 'Simpang Tiga', 'Kayuagung', 'Kayuagung Asli', 'Pajak Reklame', null, '2026', 2026, 108, d(2026, 1, 15), 6000000, 0, serial(d(2026, 2, 14)), 'LUNAS', d(2026, 2, 1), '0812 3456 7897', null, null],
  [9, '160226070000109', 'P.2.0100009.16.02', 'PDAM TIRTA OKI', 'SUMUR BOR PDAM', 'Jl. Kapten Abdullah', 'Kayuagung', 'Sidakersa', 'Pajak Air Tanah', null, 'Juli 2026', 2026, 109, d(2026, 7, 20), 900000, 0, d(2026, 8, 10), 'BELUM BAYAR', null, '0712-123456', null, null],
  // 15: PBB-P2 without NPWPD, printed NOP
  [10, '160226070000110', null, 'MARYAM', null, 'Desa Sukadana RT 01', 'Kayuagung', 'Sukadana', 'PBB-P2', null, '2026', 2026, 110, d(2026, 3, 1), 150000, 0, '31 Agustus 2026', 'BELUM LUNAS', null, '-', null, '16.02.010.001.001-0001.0'],
  // 16: PBB with an 18-digit NOP as text, `31 Agu 2026`
  [11, '160226070000111', null, 'YUSUF', null, 'Desa Paku', 'Kayuagung', 'Paku', 'PBB', null, 2026, 2026, 111, d(2026, 3, 1), '275.000', null, '31 Agu 2026', 'Lunas', '20/08/2026', 'Tidak Ada', null, '160201000100100020'],
  [12, '160226070000112', 'P.2.0100012.16.02', 'hj. siti rohani', null, 'Jl. Ogan 7', 'Kayuagung', 'Jua-Jua', 'BPHTB', null, '2026', 2026, 112, d(2026, 8, 20), 'Rp 12.500.000', null, d(2026, 9, 30), 'BELUM LUNAS', null, null, null, null],
  [13, '160226070000113', 'P.2.0100013.16.02', 'CV. BATU ALAM', 'GALIAN SUNGAI KOMERING', 'Sungai Komering', 'Teluk Gelam', 'Teluk Gelam', 'Pajak MBLB', null, 'Agustus 2026', 2026, 113, d(2026, 8, 15), 5000000, 0, '2026-09-10', 'BELUM LUNAS', null, null, null, null],
  [14, '160226070000114', 'P.2.0100014.16.02', 'UDIN SAPUTRA', 'SARANG WALET PAK UDIN', 'Desa Pedamaran', 'Pedamaran', 'Pedamaran II', 'Pajak Sarang Burung Walet', null, 'Juni 2026', 2026, 114, d(2026, 6, 15), 1000000, 0, '10/07/2026', 'LUNAS', '09/07/2026', null, null, null],
  [15, '160226070000115', 'P.2.0100015.16.02', 'PT PLN (PERSERO)', 'PLN UP3 OKI', 'Jl. Letnan Darna', 'Kayuagung', 'Kutaraya', 'PBJT Tenaga Listrik', null, '07/2026', 2026, 115, d(2026, 7, 20), 45000000, 0, '10/08/2026', 'SUDAH BAYAR', '2026-08-08', null, null, null],
  // 21: row 6 again, every cell written differently: a duplicate, not a conflict
  [1, '160226070000101', ' P.2.0100001.16.02 ', '  budi   santoso ', 'rm. padang sederhana', 'Jl.  Lintas Timur No. 5', 'Kayuagung', 'SUKADANA', 'Pajak Restoran', null, 'Agustus', '2026', '101', '15/08/2026', '1.250.000', '-', '10/09/2026', 'Belum Lunas', null, '0812-3456-7890', 'BUDI@example.com', null],
  // 22: row 8's code with another amount: a conflict naming row 8
  [3, '160226070000103', 'P.2.0100003.16.02', 'CV. MAJU JAYA', 'HOTEL MAJU JAYA', 'Jl. Sudirman 1', 'Tanjung Lubuk', 'Tanjung Lubuk', 'PBJT Jasa Perhotelan', null, '08/2026', 2026, 103, '15-08-2026', 'Rp 3.600.000', 'Rp 35.000', '10-09-2026', 'LUNAS', '05-09-2026', '+62 812-3456-7892', 'maju.jaya@example.com', null],
  // 23: no bill code
  [16, null, 'P.2.0100016.16.02', 'TOKO MAS MURNI', 'TOKO MAS MURNI', 'Pasar Kayuagung', 'Kayuagung', 'Kotaraya', 'Pajak Restoran', null, 'Agustus 2026', 2026, 116, d(2026, 8, 15), 500000, 0, d(2026, 9, 10), 'BELUM LUNAS', null, null, null, null],
  // 24: unreadable amount
  [17, '160226070000117', 'P.2.0100017.16.02', 'WARUNG KOPI ASRI', 'WARUNG KOPI ASRI', 'Jl. Merdeka 3', 'Kayuagung', 'Paku', 'Pajak Restoran', null, 'Agustus 2026', 2026, 117, d(2026, 8, 15), 'satu juta', 0, d(2026, 9, 10), 'BELUM LUNAS', null, null, null, null],
  // 25: impossible date
  [18, '160226070000118', 'P.2.0100018.16.02', 'SATE PADANG UNI', 'SATE PADANG UNI', 'Jl. Merdeka 4', 'Kayuagung', 'Paku', 'Pajak Restoran', null, 'Agustus 2026', 2026, 118, d(2026, 8, 15), 400000, 0, '31/02/2026', 'BELUM LUNAS', null, null, null, null],
  // 26: an 18-digit code typed into a number cell (digits lost)
  [19, Number('160226070000101234'), 'P.2.0100019.16.02', 'BAKSO SOLO', 'BAKSO SOLO', 'Jl. Merdeka 5', 'Kayuagung', 'Paku', 'Pajak Restoran', null, 'Agustus 2026', 2026, 119, d(2026, 8, 15), 350000, 0, d(2026, 9, 10), 'BELUM LUNAS', null, null, null, null],
  // 27: a status nobody defined
  [20, '160226070000120', 'P.2.0100020.16.02', 'MIE ACEH BANG JALI', 'MIE ACEH', 'Jl. Merdeka 6', 'Kayuagung', 'Paku', 'Pajak Restoran', null, 'Agustus 2026', 2026, 120, d(2026, 8, 15), 300000, 0, d(2026, 9, 10), 'PROSES', null, null, null, null],
  // 28: a negative amount
  [21, '160226070000121', 'P.2.0100021.16.02', 'PEMPEK CEK NI', 'PEMPEK CEK NI', 'Jl. Merdeka 7', 'Kayuagung', 'Paku', 'Pajak Restoran', null, 'Agustus 2026', 2026, 121, d(2026, 8, 15), '-500.000', 0, d(2026, 9, 10), 'BELUM LUNAS', null, null, null, null],
  // 29: a 15-digit code in a number cell (safe); no status but a payment date: paid
  [22, 160226070000129, 'P.2.0100022.16.02', 'KEDAI TEH MANIS', 'KEDAI TEH MANIS', 'Jl. Merdeka 8', 'Kayuagung', 'Paku', 'Pajak Restoran', null, 'Agustus 2026', 2026, 122, d(2026, 8, 15), 200000, 0, d(2026, 9, 10), null, d(2026, 9, 2), null, null, null],
  // 30: blank
  [],
  // 31: a page sub-total
  [null, null, null, 'Sub Total Halaman 1', null, null, null, null, null, null, null, null, null, null, 64925000, 90500],
  // 32: the header repeated on the next page
  HEADER,
  // 33: a name with é (Windows-1252 in the CSV), `Rp …,-`
  [23, '160226070000133', 'P.2.0100023.16.02', 'RENÉ SIREGAR', 'CAFÉ BENGAWAN SOLO', 'Jl. Diponegoro 2', 'Kayuagung', 'Kutaraya', 'PBJT Makanan dan/atau Minuman', null, 'Agustus 2026', 2026, 123, d(2026, 8, 15), 'Rp 1.750.000,-', null, '10/09/2026', 'BELUM LUNAS', null, '0813-1111-2222 / 0812-3333-4444', null, null],
  // 34: two problems in one row: a fraction of a Rupiah and no due date
  [24, '160226070000134', 'P.2.0100024.16.02', 'DONAT MADU', 'DONAT MADU', 'Jl. Diponegoro 3', 'Kayuagung', 'Kutaraya', 'Pajak Restoran', null, 'Agustus 2026', 2026, 124, d(2026, 8, 15), 'Rp 1.250.000,50', 0, null, 'BELUM LUNAS', null, null, null, null],
  // 35: only an amount: a carried-over sub-total
  [null, null, null, null, null, null, null, null, null, null, null, null, null, null, 12345000],
  // 36: a formula with its saved value (the penalty)
  [25, '160226070000136', 'P.2.0100025.16.02', 'parkir mall oki', 'PARKIR MALL OKI', 'Jl. Lingkar', 'kayuagung', 'kutaraya', 'PBJT Jasa Parkir', null, 'September 2026', 2026, 125, d(2026, 9, 15), 300000, { formula: 'O36*2%', result: 6000 }, d(2026, 10, 12), 'Belum Lunas', null, '082199998888', null, null],
  // 37: the grand total
  [null, 'JUMLAH', null, null, null, null, null, null, null, null, null, null, null, null, 90520000, 96500],
  // 38: a footer in the running-number column
  ['Dicetak oleh: admin'],
];

const COVER = [
  ['BADAN PENGELOLA PAJAK DAERAH'],
  ['KABUPATEN OGAN KOMERING ILIR'],
  [],
  ['LAPORAN DAFTAR KETETAPAN PAJAK DAERAH'],
  ['Periode: Agustus 2026'],
  ['Dicetak: 01/09/2026'],
];

const SNAPSHOT_HEADER = [
  'Kode Bayar', 'NPWPD', 'Nama WP', 'Nama Objek Pajak', 'Alamat', 'Kecamatan', 'Kelurahan', 'Pajak', 'Masa Pajak', 'Tahun', 'No Kohir',
  'Tgl Penetapan', 'Ketetapan', 'Denda', 'Jatuh Tempo', 'Status', 'Tgl Bayar', 'Nomor HP', 'Email', 'Nomor Objek Pajak',
];

/** The next month's export: 101 and 102 paid, 105's phone corrected, 109 gone, 201 and 202 new. */
const SNAPSHOT_ROWS: Value[][] = [
  ['160226070000101', 'P.2.0100001.16.02', 'BUDI SANTOSO', 'RM. PADANG SEDERHANA', 'Jl. Lintas Timur No. 5', 'Kayuagung', 'Sukadana', 'Pajak Restoran', 'Agustus 2026', 2026, '101', d(2026, 8, 15), 1250000, 0, d(2026, 9, 10), 'LUNAS', d(2026, 9, 9), '081234567890', 'budi@example.com', null],
  ['160226070000102', 'P.2.0100002.16.02', 'SITI AMINAH', 'WARUNG MAKAN BU SITI', 'Jl. Merdeka No. 12', 'Kayuagung', 'Paku', 'Pajak Restoran', 'Agustus 2026', 2026, '000102', d(2026, 8, 15), 1250000, 0, d(2026, 9, 10), 'LUNAS', d(2026, 9, 10), '0812-3456-7891', null, null],
  ['160226070000103', 'P.2.0100003.16.02', 'CV. MAJU JAYA', 'HOTEL MAJU JAYA', 'Jl. Sudirman 1', 'Tanjung Lubuk', 'Tanjung Lubuk', 'Pajak Hotel', 'Agustus 2026', 2026, '103', d(2026, 8, 15), 3500000, 35000, d(2026, 9, 10), 'LUNAS', d(2026, 9, 5), '+62 812-3456-7892', 'maju.jaya@example.com', null],
  ['160226070000104', 'P.2.0100004.16.02', 'PT SRIWIJAYA INN', 'SRIWIJAYA INN', 'Jl. Letnan Mukhtar Saleh', 'Kayuagung', 'Kutaraya', 'Pajak Hotel', 'Agustus 2026', 2026, '104', d(2026, 8, 15), 2000000, 0, d(2026, 9, 10), 'LUNAS', d(2026, 9, 3), '6281234567893', null, null],
  ['160226070000105', 'P.2.0100005.16.02', 'H. AHMAD DAHLAN', 'PARKIR PASAR KAYUAGUNG', 'Pasar Kayuagung', 'Kayuagung', 'Kotaraya', 'Pajak Parkir', 'Agustus 2026', 2026, '105', d(2026, 8, 15), 750000, 7500, d(2026, 9, 10), 'LUNAS', d(2026, 9, 1), '0813-7777-1234', null, null],
  ['160226070000106', 'P.2.0100006.16.02', 'Rumah Makan Pindang Pegagan', 'RM PINDANG PEGAGAN', 'Jl. Lintas Timur Km 3', 'Kayuagung', 'Sukadana', 'Pajak Restoran', 'Agustus 2026', 2026, '106', d(2026, 8, 15), 1250000, 12500, d(2026, 9, 10), 'BELUM LUNAS', null, '0812.3456.7895', null, null],
  ['160226070000107', 'P.2.0100007.16.02', 'KARAOKE GEMBIRA', 'KARAOKE GEMBIRA', 'Jl. Pedamaran', 'Pedamaran', 'Pedamaran I', 'Pajak Hiburan', 'Juli 2026', 2026, '107', d(2026, 7, 15), 2400000, 72000, d(2026, 8, 10), 'BELUM LUNAS', null, '081234567896', null, null],
  ['160226070000108', 'P.2.0100008.16.02', 'TOKO ELEKTRONIK JAYA', 'BILLBOARD SIMPANG TIGA', 'Simpang Tiga', 'Kayuagung', 'Kayuagung Asli', 'Pajak Reklame', '2026', 2026, '108', d(2026, 1, 15), 6000000, 0, d(2026, 2, 14), 'LUNAS', d(2026, 2, 1), '0812 3456 7897', null, null],
  ['160226070000110', null, 'MARYAM', null, 'Desa Sukadana RT 01', 'Kayuagung', 'Sukadana', 'PBB-P2', '2026', 2026, '110', d(2026, 3, 1), 150000, 0, d(2026, 8, 31), 'BELUM LUNAS', null, null, null, '16.02.010.001.001-0001.0'],
  ['160226070000111', null, 'YUSUF', null, 'Desa Paku', 'Kayuagung', 'Paku', 'PBB-P2', '2026', 2026, '111', d(2026, 3, 1), 275000, 0, d(2026, 8, 31), 'LUNAS', d(2026, 8, 20), null, null, '16.02.010.001.001-0002.0'],
  ['160226070000112', 'P.2.0100012.16.02', 'HJ. SITI ROHANI', null, 'Jl. Ogan 7', 'Kayuagung', 'Jua-Jua', 'BPHTB', '2026', 2026, '112', d(2026, 8, 20), 12500000, 0, d(2026, 9, 30), 'BELUM LUNAS', null, null, null, null],
  ['160226070000113', 'P.2.0100013.16.02', 'CV. BATU ALAM', 'GALIAN SUNGAI KOMERING', 'Sungai Komering', 'Teluk Gelam', 'Teluk Gelam', 'MBLB', 'Agustus 2026', 2026, '113', d(2026, 8, 15), 5000000, 0, d(2026, 9, 10), 'BELUM LUNAS', null, null, null, null],
  ['160226070000114', 'P.2.0100014.16.02', 'UDIN SAPUTRA', 'SARANG WALET PAK UDIN', 'Desa Pedamaran', 'Pedamaran', 'Pedamaran II', 'Pajak Sarang Burung Walet', 'Juni 2026', 2026, '114', d(2026, 6, 15), 1000000, 0, d(2026, 7, 10), 'LUNAS', d(2026, 7, 9), null, null, null],
  ['160226070000115', 'P.2.0100015.16.02', 'PT PLN (PERSERO)', 'PLN UP3 OKI', 'Jl. Letnan Darna', 'Kayuagung', 'Kutaraya', 'Pajak Penerangan Jalan', 'Juli 2026', 2026, '115', d(2026, 7, 20), 45000000, 0, d(2026, 8, 10), 'LUNAS', d(2026, 8, 8), null, null, null],
  ['160226070000129', 'P.2.0100022.16.02', 'KEDAI TEH MANIS', 'KEDAI TEH MANIS', 'Jl. Merdeka 8', 'Kayuagung', 'Paku', 'Pajak Restoran', 'Agustus 2026', 2026, '122', d(2026, 8, 15), 200000, 0, d(2026, 9, 10), 'LUNAS', d(2026, 9, 2), null, null, null],
  ['160226070000133', 'P.2.0100023.16.02', 'RENÉ SIREGAR', 'CAFÉ BENGAWAN SOLO', 'Jl. Diponegoro 2', 'Kayuagung', 'Kutaraya', 'Pajak Restoran', 'Agustus 2026', 2026, '123', d(2026, 8, 15), 1750000, 0, d(2026, 9, 10), 'BELUM LUNAS', null, '0813-1111-2222', null, null],
  ['160226070000136', 'P.2.0100025.16.02', 'PARKIR MALL OKI', 'PARKIR MALL OKI', 'Jl. Lingkar', 'Kayuagung', 'Kutaraya', 'Pajak Parkir', 'September 2026', 2026, '125', d(2026, 9, 15), 300000, 6000, d(2026, 10, 12), 'BELUM LUNAS', null, '082199998888', null, null],
  ['160226090000201', 'P.2.0100030.16.02', 'DEWI LESTARI', 'KATERING DEWI', 'Jl. Kartini 9', 'Kayuagung', 'Sidakersa', 'PBJT Makanan dan Minuman', 'September 2026', 2026, '201', d(2026, 9, 15), 800000, 0, d(2026, 10, 12), 'BELUM LUNAS', null, '085266667777', 'dewi@example.com', null],
  ['160226090000202', 'P.2.0100031.16.02', 'HOTEL BUNGA', 'HOTEL BUNGA', 'Jl. Mawar 1', 'Tanjung Lubuk', 'Tanjung Lubuk', 'PBJT Jasa Perhotelan', 'September 2026', 2026, '202', d(2026, 9, 15), 4200000, 0, d(2026, 10, 12), 'BELUM LUNAS', null, '081399990000', null, null],
];

const messyGrid = (): Value[][] => [...TITLE, HEADER, ...MESSY_ROWS];

await fs.promises.mkdir(bad, { recursive: true });
await writeXlsx(path.join(out, 'simpada-messy.xlsx'), [
  { name: 'Sampul', rows: COVER },
  { name: 'Daftar Ketetapan', rows: messyGrid() },
]);
writeXls(path.join(out, 'simpada-messy.xls'), 'Daftar Ketetapan', messyGrid());
writeText(path.join(out, 'simpada-messy-1252.csv'), csv(messyGrid(), ';', '\r\n'), 'windows-1252');
writeText(path.join(out, 'simpada-messy-utf8-bom.csv'), '\ufeff' + csv(messyGrid(), ',', '\r\n'), 'utf-8');
writeText(path.join(out, 'simpada-messy-tab.txt'), csv(messyGrid(), '\t', '\n'), 'utf-8');
writeText(path.join(out, 'simpada-messy-html.xls'), html(messyGrid()), 'utf-8');
await writeXlsx(path.join(out, 'simpada-snapshot-2.xlsx'), [{ name: 'Daftar Tunggakan', rows: [['DAFTAR TUNGGAKAN PAJAK DAERAH — SNAPSHOT 1 OKTOBER 2026'], [], SNAPSHOT_HEADER, ...SNAPSHOT_ROWS] }]);

// Broken files: each must be refused with a clear ImportFileError.
writeText(path.join(bad, 'empty.xlsx'), '', 'utf-8');
writeText(path.join(bad, 'laporan-pdf.xlsx'), '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'utf-8');
const messyBytes = await fs.promises.readFile(path.join(out, 'simpada-messy.xlsx'));
await fs.promises.writeFile(path.join(bad, 'corrupt-zip.xlsx'), messyBytes.subarray(0, Math.floor(messyBytes.length / 2)));
await fs.promises.writeFile(path.join(bad, 'zip-not-workbook.xlsx'), container([['readme.txt', 'Ekspor SIMPADA ada di dalam folder ini.']], 'zip'));
await fs.promises.writeFile(path.join(bad, 'encrypted.xlsx'), container([['EncryptionInfo', encryptionInfoStub()], ['EncryptedPackage', Buffer.alloc(4096, 0x5a)]], 'cfb'));
await fs.promises.writeFile(path.join(bad, 'word-document.xls'), container([['WordDocument', Buffer.alloc(1024, 0x11)]], 'cfb'));
await writeXlsx(path.join(bad, 'no-header.xlsx'), [{ name: 'Data', rows: [['LAPORAN'], [], ['Kolom 1', 'Kolom 2', 'Kolom 3'], ['160226070000101', 'BUDI', 1250000]] }]);
await writeXlsx(path.join(bad, 'missing-due-date.xlsx'), [{ name: 'Data', rows: [['Kode Bayar', 'NPWPD', 'Nama WP', 'Pokok'], ['160226070000101', 'P.2.0100001.16.02', 'BUDI', 1250000]] }]);
await writeXlsx(path.join(bad, 'formula-no-cache.xlsx'), [{ name: 'Data', rows: [['Kode Bayar', 'NPWPD', 'Nama WP', 'Pokok', 'Jatuh Tempo'], ['160226070000101', 'P.2.0100001.16.02', 'BUDI', 1250000, d(2026, 9, 10)], ['160226070000102', 'P.2.0100002.16.02', 'SITI', { formula: 'D2*2' } as unknown as Value, d(2026, 9, 10)]] }]);
await fs.promises.writeFile(path.join(bad, 'binary-garbage.csv'), pseudoRandomBytes(8192, 42));

for (const file of [...fs.readdirSync(out), ...fs.readdirSync(bad).map((f) => `bad/${f}`)].filter((f) => f.includes('.'))) {
  console.log(`${String(fs.statSync(path.join(out, file)).size).padStart(7)}  tests/fixtures/simpada/${file}`);
}

async function writeXlsx(file: string, sheets: { name: string; rows: Value[][] }[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SIMPADA';
  workbook.created = FIXED_TIME;
  workbook.modified = FIXED_TIME;
  for (const { name, rows } of sheets) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((values, r) => {
      const row = sheet.getRow(r + 1);
      values.forEach((value, c) => {
        if (value === null) return;
        const cell = row.getCell(c + 1);
        cell.value = value;
        if (value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      });
    });
  }
  // ExcelJS stamps each zip entry with the current time; pinned, the fixtures regenerate byte for byte.
  fs.writeFileSync(file, pinZipTimestamps(Buffer.from(await workbook.xlsx.writeBuffer())));
}

/** Sets every entry's DOS date and time (local header and central directory) to FIXED_TIME. */
function pinZipTimestamps(zip: Buffer): Buffer {
  const time = (FIXED_TIME.getUTCHours() << 11) | (FIXED_TIME.getUTCMinutes() << 5);
  const date = ((FIXED_TIME.getUTCFullYear() - 1980) << 9) | ((FIXED_TIME.getUTCMonth() + 1) << 5) | FIXED_TIME.getUTCDate();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const local = zip.readUInt32LE(at + 42);
    for (const offset of [at + 12, local + 10]) {
      zip.writeUInt16LE(time, offset);
      zip.writeUInt16LE(date, offset + 2);
    }
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}

/** BIFF8 through SheetJS; dates written as serials with a date format, so no time zone can shift them. */
function writeXls(file: string, name: string, rows: Value[][]): void {
  const sheet: XLSX.WorkSheet = {};
  let lastColumn = 0;
  rows.forEach((values, r) =>
    values.forEach((value, c) => {
      if (value === null) return;
      lastColumn = Math.max(lastColumn, c);
      const address = XLSX.utils.encode_cell({ r, c });
      if (value instanceof Date) sheet[address] = { t: 'n', v: serial(value), z: 'dd/mm/yyyy' };
      else if (typeof value === 'number') sheet[address] = { t: 'n', v: value };
      else if (typeof value === 'string') sheet[address] = { t: 's', v: value };
      else sheet[address] = { t: 'n', v: value.result, f: value.formula };
    }),
  );
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: lastColumn } });
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, name);
  fs.writeFileSync(file, XLSX.write(workbook, { type: 'buffer', bookType: 'biff8' }) as Buffer);
}

/** What Excel (Indonesian locale) writes when saving the report as CSV. */
function cellAsText(value: Value): string {
  if (value === null) return '';
  if (value instanceof Date) return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  if (typeof value === 'number') return value > 1e15 ? '1,60226E+17' : String(value);
  if (typeof value === 'string') return value;
  return String(value.result);
}

function csv(rows: Value[][], separator: string, newline: string): string {
  const quote = (text: string) => (text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return rows.map((values) => Array.from({ length: WIDTH }, (_, i) => quote(cellAsText(values[i] ?? null))).join(separator)).join(newline) + newline;
}

function html(rows: Value[][]): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = rows.map((values) => `<tr>${values.map((v) => `<td>${escape(cellAsText(v))}</td>`).join('')}</tr>`).join('\n');
  return `<html><head><meta charset="utf-8"></head><body><table border="1">\n${body}\n</table></body></html>\n`;
}

function writeText(file: string, text: string, encoding: 'utf-8' | 'windows-1252'): void {
  if (encoding === 'windows-1252' && [...text].some((c) => c.charCodeAt(0) > 0xff)) throw new Error(`${file}: text outside Windows-1252's Latin-1 range`);
  fs.writeFileSync(file, Buffer.from(text, encoding === 'utf-8' ? 'utf8' : 'latin1'));
}

/** A ZIP or OLE compound file with the given entries, written by SheetJS's CFB module. */
function container(entries: [string, string | Buffer][], fileType: 'zip' | 'cfb'): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new();
  for (const [name, content] of entries) XLSX.CFB.utils.cfb_add(cfb, `/${name}`, typeof content === 'string' ? Buffer.from(content) : content);
  return XLSX.CFB.write(cfb, { type: 'buffer', fileType }) as Buffer;
}

/** The start of an Agile EncryptionInfo stream (version 4.4): enough to look like what Excel writes. */
function encryptionInfoStub(): Buffer {
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>';
  return Buffer.concat([Buffer.from([0x04, 0x00, 0x04, 0x00, 0x40, 0x00, 0x00, 0x00]), Buffer.from(xml)]);
}

function pseudoRandomBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
