import { expect } from 'playwright/test';
import type { Browser, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
import { runSync } from '../../main/ledger/index.js';
import { recordPayment } from '../../main/payments/index.js';
import { ManualClock } from '../../main/platform/clock.js';
import { snapshotBill } from '../support/snapshot-bill.js';
import type { SessionPort } from '../../main/api/context.js';
import { type Backend, launchBrowser, openApp, seedAdmin, seedUser, signIn, startBackend } from './support.js';

/** 30 November 2026, 10.00 WIB: the statement's day. */
const NOW = '2026-11-30T03:00:00Z';
const DAY = '2026-11-30';

let browser: Browser;
let backend: Backend;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});
beforeEach(async () => {
  backend = await startBackend({ clock: new ManualClock(NOW) });
});
afterEach(async () => {
  await backend.close();
});

/**
 * Warung Mbok Sri paid Rp 500.000 through Bank Sumsel Babel today, but the bank credited only
 * Rp 450.000; Salon Cantik Jelita is still unpaid.
 */
async function seedLedger(): Promise<void> {
  const db = backend.app.ledger.db;
  const now = new Date(NOW);
  const bills = [
    snapshotBill('320101000002', { npwpd: 'P.2.0000002.16.02', namaWp: 'Warung Mbok Sri', principal: 500_000, dueDate: '2026-12-10' }),
    snapshotBill('320101000011', { npwpd: 'P.2.0000011.16.02', namaWp: 'Salon Cantik Jelita', principal: 150_000, dueDate: '2026-12-10' }),
  ];
  await runSync(db, { fileName: 'v1.xlsx', sha256: 'v1', sheet: null, mapping: {}, bills, finish: () => ({ rowsRead: bills.length, duplicates: 0, rejects: [] }) }, { dryRun: false, actor: 'test', now });
  await db.insertInto('partners').values({ id: 'BSB', name: 'Bank Sumsel Babel', secret_sealed: '-', ip_allowlist: '[]', va_prefix: '9881', active: 1, created_by: 'test', created_at: NOW, updated_at: NOW, secret_rotated_at: NOW }).execute();
  const bill = await db.selectFrom('bills').select('id').where('kode_bayar', '=', '320101000002').executeTakeFirstOrThrow();
  const input = { billId: Number(bill.id), partnerId: 'BSB', partnerRef: 'TRXB0002', requestId: null, amountPaid: 500_000, paidAt: now, recordedBy: 'partner:BSB', expectedTotal: 500_000, principal: 500_000, penalty: 0, adminFee: 0 };
  const recorded = await db.transaction().execute((trx) => recordPayment(trx, input, now));
  if (!recorded.ok) throw new Error(`seed payment refused: ${recorded.reason}`);
}

const STATEMENT = ['PT BANK SUMSEL BABEL - MUTASI REKENING', 'Tgl Transaksi;Uraian;Referensi;Mutasi;D/K;Saldo', '30/11/2026;SETORAN KB 320101000002;FT26334002;450.000,00;K;10.450.000,00', ''].join('\r\n');

function sessionPort(): SessionPort {
  return {
    token: null,
    set(token) {
      this.token = token;
    },
  };
}

async function people(): Promise<void> {
  const admin = await seedAdmin(backend);
  await seedUser(backend, admin, { username: 'sari', role: 'treasurer', password: 'rahasia-sari' });
  await seedUser(backend, admin, { username: 'budi', role: 'officer', password: 'rahasia-budi' });
  await seedUser(backend, admin, { username: 'kepala', role: 'head', password: 'rahasia-kepala' });
}

async function signedInAs(username: string, password: string, hash: string): Promise<Page> {
  const page = await openApp(browser, backend, hash);
  await signIn(page, username, password);
  return page;
}

describe('the Rekonsiliasi screen', () => {
  it('lets the treasurer import a statement, resolve an underpaid credit, sign the day off and download the workbook', async () => {
    await people();
    await seedLedger();
    const page = await signedInAs('sari', 'rahasia-sari', '#/rekonsiliasi');
    await expect(page.getByLabel('Tanggal', { exact: true })).toHaveValue(DAY);
    const signoff = page.getByRole('button', { name: 'Tandatangani dan kunci' });

    await page.getByLabel('Pilih berkas rekening koran').setInputFiles({ name: 'bsb-2026-11-30.csv', mimeType: 'text/csv', buffer: Buffer.from(STATEMENT, 'utf8') });
    await expect(page.getByText(/bsb-2026-11-30\.csv: 1 baris, 1 kredit, 0 cocok/)).toBeVisible();
    const classes = page.getByRole('table', { name: 'Jumlah per kelas' });
    await expect(classes.getByRole('row', { name: /Kurang bayar/ })).toContainText('Rp 450.000');
    await expect(page.getByRole('table', { name: 'Per mitra' }).getByRole('row', { name: /BSB/ })).toContainText('Rp 500.000');
    await expect(signoff).toBeDisabled();
    await expect(page.getByText(/Belum dapat ditandatangani: 1 butir/)).toBeVisible();

    const exception = page.getByRole('table', { name: 'Butir rekonsiliasi' }).getByRole('row', { name: /SETORAN KB 320101000002/ });
    await expect(exception).toContainText('Seharusnya Rp 500.000');
    await exception.getByRole('button', { name: 'Selesaikan' }).click();
    const dialog = page.getByRole('dialog', { name: /Selesaikan butir/ });
    await dialog.getByLabel('Cara menyelesaikan').selectOption('write_off');
    await dialog.getByLabel('Catatan').fill('Kurang bayar Rp 50.000 ditagih lewat SKPD kurang bayar');
    await dialog.getByRole('button', { name: 'Simpan penyelesaian' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText('Periode ini sudah terekonsiliasi.')).toBeVisible();
    await page.getByLabel('Tampilkan').selectOption('exceptions');
    await expect(exception).toContainText('Hapus (write off)');
    await expect(exception).toContainText('Kurang bayar Rp 50.000 ditagih lewat SKPD kurang bayar');

    page.once('dialog', (confirm) => void confirm.accept());
    await signoff.click();
    await expect(page.getByTestId('recon-locked')).toContainText(`Periode ${DAY} dikunci: ditandatangani oleh sari`);
    await expect(page.getByRole('button', { name: 'Selesaikan' })).toHaveCount(0);

    await page.goto(`${backend.url}#/laporan`);
    await page.getByLabel('Laporan', { exact: true }).selectOption('reconciliation');
    await page.getByLabel('Tanggal', { exact: true }).fill(DAY);
    await page.getByRole('button', { name: 'Buat laporan' }).click();
    const button = page.getByRole('button', { name: `Unduh rekonsiliasi-${DAY}.xlsx` });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe(`rekonsiliasi-${DAY}.xlsx`);
  });

  it('does not let an officer sign off, and a signed-off day refuses a counter payment', async () => {
    await people();
    await seedLedger();
    // The treasurer's day, done as the screen does it above: import, resolve, sign off.
    const sari = sessionPort();
    await backend.call('auth.login', { username: 'sari', password: 'rahasia-sari' }, sari);
    await backend.call('statements.import', { fileName: 'bsb.csv', contentBase64: Buffer.from(STATEMENT, 'utf8').toString('base64') }, sari);
    const [underpaid] = (await backend.call('reconciliation.items', { period: DAY, classes: ['underpaid'] }, sari)).items;
    await backend.call('reconciliation.resolve', { itemId: underpaid?.id ?? 0, resolution: 'write_off', note: 'Ditagih lewat SKPD kurang bayar' }, sari);
    await backend.call('reconciliation.signoff', { period: DAY }, sari);

    const officer = await signedInAs('budi', 'rahasia-budi', '#/rekonsiliasi');
    await expect(officer.getByRole('heading', { name: 'Akses ditolak' })).toBeVisible();
    await expect(officer.getByRole('button', { name: 'Tandatangani dan kunci' })).toHaveCount(0);

    await officer.goto(`${backend.url}#/pembayaran`);
    await officer.getByRole('tab', { name: 'Pembayaran di loket' }).click();
    await officer.getByLabel('Kode bayar atau NOP').fill('320101000011');
    await officer.getByRole('button', { name: 'Cari tagihan' }).click();
    await officer.getByLabel('Nomor slip loket').fill('LKT-0002');
    await officer.getByRole('button', { name: 'Catat pembayaran' }).click();
    await expect(officer.getByRole('alert')).toContainText('sudah ditutup dan ditandatangani oleh sari');

    const head = await signedInAs('kepala', 'rahasia-kepala', '#/rekonsiliasi');
    await expect(head.getByTestId('recon-locked')).toBeVisible();
    await head.getByRole('button', { name: 'Buka kunci' }).click();
    const unlock = head.getByRole('dialog', { name: /Buka kunci/ });
    await unlock.getByLabel('Alasan membuka kunci').fill('Koreksi setoran loket');
    await unlock.getByRole('button', { name: 'Buka kunci' }).click();
    await expect(head.getByText(/Dibuka kembali oleh kepala/)).toBeVisible();
    await expect(head.getByRole('button', { name: 'Tandatangani dan kunci' })).toBeDisabled();
    await expect(head.getByText('Hanya bendahara penerimaan yang dapat menandatangani.')).toBeVisible();
  });
});
