import fs from 'node:fs';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../main/db/schema.js';
import { runSync, type SnapshotBill, type SyncSource } from '../../main/ledger/index.js';
import { writeSettings } from '../../main/platform/settings.js';
import { reportFile } from '../../main/reports/index.js';
import { HEADER_ROW, RUPIAH_FORMAT } from '../../main/reports/write-report.js';
import { failureReasonLine } from '../../shared/reminders/failure-reasons.js';
import { testEngines } from '../support/engines.js';
import { seedOutbox } from '../support/outbox-fixture.js';
import { snapshotBill } from '../support/snapshot-bill.js';
import { createTestApp, seedUsers, type TestApp, type TestClient } from '../support/test-app.js';
import { allTexts, cell, evaluateSum, frozenRows, readReport, rowWithLabel, sheetOf } from './reports-read-back.js';

/**
 * The treasurer's workbooks from a small ledger seen on Monday 23 November 2026 (WIB), read back
 * with SheetJS. Taxpayers are named the way an attacker would name a restaurant in SIMPADA.
 */
const CRAFTED = { npwpd: 'P.2.0200001.16.02', namaWp: '=HYPERLINK("http://x","y")', kecamatan: 'Kayuagung' };
const PLUS = { npwpd: 'P.2.0200002.16.02', namaWp: '+62 812 PIUTANG', kecamatan: 'Kayuagung' };
const MINUS = { npwpd: 'P.2.0200003.16.02', namaWp: '-5', kecamatan: 'Tanjung Lubuk' };
const AT = { npwpd: 'P.2.0200004.16.02', namaWp: '@SUM(A1)', kecamatan: 'Tanjung Lubuk' };
const HOTEL = { taxType: 'PBJT_HOTEL', taxTypeLabel: 'Pajak Hotel' };

const LEDGER: SnapshotBill[] = [
  // Overdue on 2026-11-23: 30, 91, 181 and 400 days.
  snapshotBill('A30', { ...CRAFTED, dueDate: '2026-10-24', principal: 100_000 }),
  snapshotBill('B91', { ...PLUS, dueDate: '2026-08-24', principal: 400_000 }),
  snapshotBill('C181', { ...MINUS, ...HOTEL, dueDate: '2026-05-26', principal: 800_000, penalty: 50_000 }),
  snapshotBill('D400', { ...AT, dueDate: '2025-10-19', principal: 1_600_000, masaPajak: '2025-09', tahun: 2025 }),
  // Due today: not in arrears yet.
  snapshotBill('DUE-TODAY', { ...CRAFTED, dueDate: '2026-11-23', principal: 700_000 }),
  // Paid on 20 November: in arrears at the end of October, not today.
  snapshotBill('LATE', { ...PLUS, masaPajak: '2026-09', dueDate: '2026-10-10', principal: 300_000, status: 'paid', paidDate: '2026-11-20' }),
  // Revenue of 2026: February and March from SIMPADA, May through SI PEKA (the payment's amount counts), and LATE in November.
  snapshotBill('P-FEB', { ...CRAFTED, masaPajak: '2026-01', dueDate: '2026-02-10', principal: 1_000_000, status: 'paid', paidDate: '2026-02-10' }),
  snapshotBill('P-MAR', { ...MINUS, ...HOTEL, masaPajak: '2026-01', dueDate: '2026-02-10', principal: 2_000_000, penalty: 20_000, status: 'paid', paidDate: '2026-03-05' }),
  snapshotBill('P-MAY', { ...AT, masaPajak: '2026-04', dueDate: '2026-05-10', principal: 3_000_000, status: 'paid', paidDate: '2026-05-20' }),
  // Paid in 2025: not in 2026's revenue.
  snapshotBill('P-2025', { ...AT, masaPajak: '2025-11', dueDate: '2025-12-10', principal: 9_000_000, status: 'paid', paidDate: '2025-12-09' }),
];

const SIGNERS = { headName: 'Drs. H. Ahmad Yani, M.Si', headNip: '196805121990031004', treasurerName: 'Siti Rahmawati, S.E.', treasurerNip: '198203142006042011' };

async function sync(t: TestApp, bills: SnapshotBill[]): Promise<void> {
  const source: SyncSource = { fileName: 'tunggakan.xlsx', sha256: 'reports', sheet: 'Daftar Tunggakan', mapping: {}, bills, finish: () => ({ rowsRead: bills.length, duplicates: 0, rejects: [] }) };
  await runSync(t.app.ledger.db, source, { dryRun: false, actor: 'test', now: t.clock.now() });
}

async function recordPayment(db: Kysely<Database>, kodeBayar: string, amount: number, paidDate: string): Promise<void> {
  const bill = await db.selectFrom('bills').select('id').where('kode_bayar', '=', kodeBayar).executeTakeFirstOrThrow();
  await db
    .insertInto('payments')
    .values({ bill_id: Number(bill.id), partner_id: 'LOKET', partner_ref: `REF-${kodeBayar}`, request_id: null, receipt_number: `RCPT-${kodeBayar}`, amount, principal: amount, penalty: 0, admin_fee: 0, paid_at: `${paidDate}T03:00:00.000Z`, paid_date: paidDate, recorded_by: 'test', recorded_at: `${paidDate}T03:00:00.000Z`, note: null })
    .execute();
}

/** The column letter of a header on the report's first row of headers. */
function columnOf(sheet: ReturnType<typeof sheetOf>, header: string): string {
  for (let c = 0; c < 30; c++) {
    const letter = String.fromCharCode(65 + c);
    if (cell(sheet, `${letter}${HEADER_ROW}`)?.v === header) return letter;
  }
  throw new Error(`no column "${header}"`);
}

/** The data rows of a sheet, keyed by header. */
function dataRows(sheet: ReturnType<typeof sheetOf>, count: number): Record<string, unknown>[] {
  const headers: [string, string][] = [];
  for (let c = 0; c < 30; c++) {
    const letter = String.fromCharCode(65 + c);
    const h = cell(sheet, `${letter}${HEADER_ROW}`);
    if (h) headers.push([letter, String(h.v)]);
  }
  return Array.from({ length: count }, (_, i) => Object.fromEntries(headers.map(([letter, h]) => [h, cell(sheet, `${letter}${HEADER_ROW + 1 + i}`)?.v ?? null])));
}

describe.each(testEngines())('reports on %s', (engine) => {
  let t: TestApp;
  let treasurer: TestClient;
  let officer: TestClient;

  beforeEach(async () => {
    t = await createTestApp(engine);
    await seedUsers(t);
    await writeSettings(t.app.ledger.db, SIGNERS, 'test', t.clock.now());
    await sync(t, LEDGER);
    await recordPayment(t.app.ledger.db, 'P-MAY', 3_030_000, '2026-05-20');
    treasurer = t.client();
    await treasurer.login('treasurer', 'rahasia-treasurer');
    officer = t.client();
    await officer.login('officer', 'rahasia-officer');
  });
  afterEach(async () => t.close());

  const workbook = (token: string) => {
    const { file } = reportFile(t.app.location.dataDir, token);
    return { file, book: readReport(file), bytes: fs.readFileSync(file) };
  };

  it('lists the bills unpaid today with their age, penalty and Rupiah totals that SUM exactly the data rows', async () => {
    const r = await officer.call('reports.generate', { report: 'arrears' });
    expect(r).toMatchObject({ report: 'arrears', period: '23 November 2026', fileName: 'daftar-tunggakan-2026-11-23.xlsx', rows: 4 });
    const { book, bytes } = workbook(r.token);
    const sheet = sheetOf(book, 'Daftar Tunggakan');
    expect(cell(sheet, 'A3')?.v).toBe('Keadaan per 23 November 2026');
    const rows = dataRows(sheet, 4);
    expect(rows.map((row) => [row['Kode Bayar'], row['Hari Lewat'], row['Umur Tunggakan']])).toEqual([
      ['A30', 30, '0–30 hari'],
      ['B91', 91, '91–180 hari'],
      ['C181', 181, '181–365 hari'],
      ['D400', 400, '> 365 hari'],
    ]);
    // 1 % of the principal per month or part of one, at most 24 months; SIMPADA's larger penalty wins.
    expect(rows.map((row) => row.Denda)).toEqual([1_000, 12_000, 50_000, 224_000]);

    const pokok = columnOf(sheet, 'Pokok');
    const first = HEADER_ROW + 1;
    expect(cell(sheet, `${pokok}${first}`)).toMatchObject({ t: 'n', v: 100_000, z: RUPIAH_FORMAT });
    const due = cell(sheet, `${columnOf(sheet, 'Jatuh Tempo')}${first}`)!;
    expect(due.t).toBe('d');
    expect((due.v as Date).toISOString().slice(0, 10)).toBe('2026-10-24');

    const totalsRow = rowWithLabel(sheet, 'JUMLAH');
    expect(totalsRow).toBe(HEADER_ROW + 5);
    const expected: Record<string, number> = { Pokok: 2_900_000, Denda: 287_000, Jumlah: 3_187_000 };
    for (const [header, total] of Object.entries(expected)) {
      const c = cell(sheet, `${columnOf(sheet, header)}${totalsRow}`)!;
      const letter = columnOf(sheet, header);
      expect(c.f).toBe(`SUM(${letter}${first}:${letter}${first + 3})`);
      expect(evaluateSum(sheet, c.f!)).toBe(total);
      expect(c.v).toBe(total);
      expect(c.z).toBe(RUPIAH_FORMAT);
    }
    expect(sheet['!autofilter']?.ref).toBe(`A${HEADER_ROW}:N${first + 3}`);
    expect(frozenRows(bytes)).toBe(HEADER_ROW);
  });

  it('sums the arrears per kecamatan and tax type by age on a second sheet', async () => {
    const r = await officer.call('reports.generate', { report: 'arrears' });
    const summary = sheetOf(workbook(r.token).book, 'Rekap per Kecamatan');
    expect(dataRows(summary, 3).map((row) => [row.Kecamatan, row['Jenis Pajak'], row['Banyak Tagihan'], row['Umur 91–180 hari'], row.Jumlah])).toEqual([
      ['Kayuagung', 'Pajak Restoran', 2, 412_000, 513_000],
      ['Tanjung Lubuk', 'Pajak Hotel', 1, 0, 850_000],
      ['Tanjung Lubuk', 'Pajak Restoran', 1, 0, 1_824_000],
    ]);
    const totalsRow = rowWithLabel(summary, 'JUMLAH');
    const jumlah = cell(summary, `${columnOf(summary, 'Jumlah')}${totalsRow}`)!;
    expect(evaluateSum(summary, jumlah.f!)).toBe(3_187_000);
    expect(r.sheets[1]).toMatchObject({ sheet: 'Rekap per Kecamatan', rows: 3, totals: { bills: 4, total: 3_187_000 } });
  });

  it('takes the arrears of a past month as they stood on its last day', async () => {
    const r = await officer.call('reports.generate', { report: 'arrears', period: '2026-10' });
    expect(r.period).toBe('31 Oktober 2026');
    const rows = dataRows(sheetOf(workbook(r.token).book, 'Daftar Tunggakan'), r.rows);
    expect(rows.map((row) => row['Kode Bayar'])).toEqual(['A30', 'B91', 'C181', 'D400', 'LATE']);
  });

  it('keeps taxpayer names that look like formulas as inert text', async () => {
    const r = await officer.call('reports.generate', { report: 'arrears' });
    const sheet = sheetOf(workbook(r.token).book, 'Daftar Tunggakan');
    const names = columnOf(sheet, 'Nama WP');
    const shown = [0, 1, 2, 3].map((i) => cell(sheet, `${names}${HEADER_ROW + 1 + i}`)!);
    for (const c of shown) {
      expect(c.t).toBe('s');
      expect(c.f).toBeUndefined();
      expect(String(c.v)).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(shown.map((c) => c.v)).toEqual([`'=HYPERLINK("http://x","y")`, `'+62 812 PIUTANG`, `'-5`, `'@SUM(A1)`]);
  });

  it('prints the title block and the signature block with the names and NIPs from the settings', async () => {
    const r = await treasurer.call('reports.generate', { report: 'revenue', period: '2026-11' });
    const sheet = sheetOf(workbook(r.token).book, 'Rekap Penerimaan');
    expect(cell(sheet, 'A1')?.v).toBe('BADAN PENGELOLA PAJAK DAERAH KABUPATEN OGAN KOMERING ILIR');
    expect(cell(sheet, 'A2')?.v).toBe('REKAPITULASI PENERIMAAN PAJAK DAERAH PER JENIS PAJAK');
    expect(cell(sheet, 'A3')?.v).toBe('Periode: Januari – November 2026');
    expect(cell(sheet, 'A4')?.v).toBe('Dicetak: 23/11/2026 08.00 WIB');
    const texts = allTexts(sheet);
    for (const line of ['Mengetahui,', 'Ogan Komering Ilir, 23 November 2026', 'Bendahara Penerimaan', SIGNERS.headName, `NIP. ${SIGNERS.headNip}`, SIGNERS.treasurerName, `NIP. ${SIGNERS.treasurerNip}`]) {
      expect(texts).toContain(line);
    }
  });

  it('sums revenue by tax type and month, at the payment amount where SI PEKA recorded one', async () => {
    const r = await treasurer.call('reports.generate', { report: 'revenue', period: '2026-11' });
    const sheet = sheetOf(workbook(r.token).book, 'Rekap Penerimaan');
    const rows = dataRows(sheet, 2);
    expect(rows.map((row) => [row['Jenis Pajak'], row.Februari, row.Maret, row.Mei, row.November, row.Jumlah])).toEqual([
      ['Pajak Hotel', 0, 2_020_000, 0, 0, 2_020_000],
      ['Pajak Restoran', 1_000_000, 0, 3_030_000, 300_000, 4_330_000],
    ]);
    expect(cell(sheet, `N${HEADER_ROW + 1}`)).toMatchObject({ f: `SUM(C${HEADER_ROW + 1}:M${HEADER_ROW + 1})`, z: RUPIAH_FORMAT });
    const totalsRow = rowWithLabel(sheet, 'JUMLAH');
    const grand = cell(sheet, `N${totalsRow}`)!;
    expect(grand.f).toBe(`SUM(N${HEADER_ROW + 1}:N${HEADER_ROW + 2})`);
    expect(evaluateSum(sheet, grand.f!)).toBe(6_350_000);
    expect(evaluateSum(sheet, cell(sheet, `E${totalsRow}`)!.f!)).toBe(2_020_000);
    expect(r.sheets[0]?.totals.total).toBe(6_350_000);
  });

  it('writes the dispatch log with the wall-clock times, the reason of a failure and counts per state', async () => {
    const [first, second] = await seedOutbox(t.app.ledger.db, 3, { recipient: (i) => `+6281300000${i}1` });
    await t.app.ledger.db.updateTable('outbox').set({ state: 'delivered', sent_at: '2026-11-23T01:05:00.000Z', delivered_at: '2026-11-23T01:06:00.000Z' }).where('id', '=', first!).execute();
    await t.app.ledger.db.updateTable('outbox').set({ state: 'failed', failed_at: '2026-11-23T01:07:00.000Z', error_code: '131026' }).where('id', '=', second!).execute();
    const r = await officer.call('reports.generate', { report: 'dispatch', period: '2026-11' });
    expect(r).toMatchObject({ report: 'dispatch', period: 'November 2026', rows: 3, fileName: 'log-pengiriman-2026-11.xlsx' });
    const sheet = sheetOf(workbook(r.token).book, 'Log Pengiriman');
    const rows = dataRows(sheet, 3);
    expect(rows.map((row) => [row.Status, row['Nomor Tujuan'], row['Kode Bayar']])).toEqual([
      ['Diterima', `'+628130000001`, 'KT-0'],
      ['Gagal', `'+628130000011`, 'KT-1'],
      ['Antre', `'+628130000021`, 'KT-2'],
    ]);
    // A date serial is a fraction of a day; SheetJS's reading of it may miss the second by a millisecond.
    const sent = new Date(Math.round((rows[0]?.Dikirim as Date).getTime() / 1000) * 1000);
    expect(sent.toISOString()).toBe('2026-11-23T08:05:00.000Z');
    expect(cell(sheet, `${columnOf(sheet, 'Dikirim')}${HEADER_ROW + 1}`)?.t).toBe('d');
    expect(rows[1]?.Alasan).toBe(failureReasonLine('131026', 'id'));
    const failedRow = rowWithLabel(sheet, 'Status Gagal');
    expect(cell(sheet, `D${failedRow}`)).toMatchObject({ f: `COUNTIF(I${HEADER_ROW + 1}:I${HEADER_ROW + 3},"Gagal")`, v: 1 });
    expect(cell(sheet, `D${rowWithLabel(sheet, 'Jumlah pesan')}`)?.v).toBe(3);
  });

  it('refuses the revenue report to an officer and an unknown download token to anyone', async () => {
    await expect(officer.call('reports.generate', { report: 'revenue', period: '2026-11' })).rejects.toMatchObject({ code: 'REPORT_NOT_ALLOWED' });
    await expect(treasurer.call('reports.download', { token: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'REPORT_FILE_GONE' });
  });

  it('runs a report as a job and hands the workbook out by its token', async () => {
    const { jobId } = await treasurer.call('reports.start', { report: 'arrears', asOf: '2026-11-23' });
    const job = await t.app.jobs.wait(jobId);
    expect(job.state).toBe('done');
    const result = job.result as { token: string; rows: number; fileName: string };
    expect(result.rows).toBe(4);
    const download = await treasurer.call('reports.download', { token: result.token });
    expect(download.fileName).toBe('daftar-tunggakan-2026-11-23.xlsx');
    const book = readReport(Buffer.from(download.contentBase64, 'base64'));
    expect(book.SheetNames).toEqual(['Daftar Tunggakan', 'Rekap per Kecamatan']);
  });
});
