import { expect } from 'playwright/test';
import type { Browser } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
import { runSync } from '../../main/ledger/index.js';
import { ManualClock } from '../../main/platform/clock.js';
import { snapshotBill } from '../support/snapshot-bill.js';
import { ADMIN, type Backend, launchBrowser, openApp, seedAdmin, seedUser, signIn, startBackend } from './support.js';

/** 23 November 2026, 10.00 WIB. */
const NOW = '2026-11-23T03:00:00Z';

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

async function seedBill() {
  // Due 10 October: as of today, two months or part of one late at 1 %.
  const bills = [snapshotBill('1671261000088', { masaPajak: '2026-09', dueDate: '2026-10-10' })];
  await runSync(backend.app.ledger.db, { fileName: 'v1.xlsx', sha256: 'v1', sheet: 'Daftar', mapping: {}, bills, finish: () => ({ rowsRead: 1, duplicates: 0, rejects: [] }) }, { dryRun: false, actor: 'test', now: new Date(NOW) });
}

describe('the Pembayaran screen', () => {
  it('lets the administrator add a partner on Mitra Pembayaran, shows its secret once, edits its allowlist and disables it', async () => {
    await seedAdmin(backend);
    const page = await openApp(browser, backend, '#/mitra');
    await signIn(page, ADMIN.username, ADMIN.password);
    await expect(page.getByRole('heading', { name: 'Mitra Pembayaran', level: 1 })).toBeVisible();
    await page.getByLabel('Nama', { exact: true }).fill('Bank Sumsel Babel Mobile');
    await page.getByLabel('ID mitra').fill('BSB_MOBILE');
    await page.getByLabel('Alamat IP yang diizinkan').fill('203.0.113.0/24, 198.51.100.7');
    await page.getByLabel('Awalan VA').fill('98765432');
    await page.getByRole('button', { name: 'Tambah mitra' }).click();
    const secretBox = page.getByRole('region', { name: 'Rahasia mitra BSB_MOBILE' });
    await expect(secretBox).toContainText('hanya ditampilkan sekali');
    await expect(secretBox.getByLabel('Rahasia')).not.toHaveValue('');
    const row = page.getByRole('table', { name: 'Daftar mitra pembayaran' }).getByRole('row', { name: /BSB_MOBILE/ });
    await expect(row).toContainText('203.0.113.0/24, 198.51.100.7/32');
    await page.getByRole('button', { name: 'Sudah saya simpan' }).click();
    await expect(page.getByText('hanya ditampilkan sekali')).toHaveCount(0);

    await row.getByRole('button', { name: 'Ubah' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ubah mitra BSB_MOBILE' });
    await dialog.getByLabel('Alamat IP yang diizinkan').fill('203.0.113.0/24');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(row).not.toContainText('198.51.100.7');

    await row.getByRole('button', { name: 'Nonaktifkan' }).click();
    await expect(row).toContainText('Nonaktif');
  });

  it('refuses the Mitra Pembayaran screen to an officer', async () => {
    const admin = await seedAdmin(backend);
    await seedUser(backend, admin, { username: 'budi', role: 'officer', password: 'rahasia-budi' });
    const page = await openApp(browser, backend, '#/mitra');
    await signIn(page, 'budi', 'rahasia-budi');
    await expect(page.getByRole('heading', { name: 'Akses ditolak' })).toBeVisible();
  });

  it('saves the late-payment penalty and the message costs from the Pembayaran fieldset of Pengaturan', async () => {
    const admin = await seedAdmin(backend);
    const page = await openApp(browser, backend, '#/pengaturan');
    await signIn(page, ADMIN.username, ADMIN.password);
    const fieldset = page.getByRole('group', { name: 'Pembayaran' });
    await expect(fieldset.getByLabel('Denda per bulan (%)')).toHaveValue('1');
    await fieldset.getByLabel('Denda per bulan (%)').fill('2');
    await fieldset.getByLabel('Biaya satu SMS (Rp)').fill('500');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByText('Pengaturan telah disimpan.')).toBeVisible();
    expect((await backend.call('settings.get', {}, admin)).settings).toMatchObject({ penaltyPercentPerMonth: 2, smsMessageCost: 500 });
  });

  it('lets an officer record a counter payment of the total as of its day, then lists it', async () => {
    const admin = await seedAdmin(backend);
    await seedUser(backend, admin, { username: 'budi', role: 'officer', password: 'rahasia-budi' });
    await seedBill();
    const page = await openApp(browser, backend, '#/pembayaran');
    await signIn(page, 'budi', 'rahasia-budi');
    await page.getByRole('tab', { name: 'Pembayaran di loket' }).click();
    await page.getByLabel('Kode bayar atau NOP').fill('1671261000088');
    await page.getByRole('button', { name: 'Cari tagihan' }).click();
    await expect(page.getByText('Rp 1.275.000 (pokok Rp 1.250.000, denda Rp 25.000)')).toBeVisible();
    await page.getByLabel('Nomor slip loket').fill('LKT-0001');
    await page.getByRole('button', { name: 'Catat pembayaran' }).click();
    await expect(page.getByText(/Pembayaran 1671261000088 sebesar Rp 1.275.000 tercatat; tanda terima BPPD\/20261123\//)).toBeVisible();

    await page.getByRole('tab', { name: 'Pembayaran tercatat' }).click();
    const rows = page.getByRole('table', { name: 'Pembayaran tercatat' }).locator('tbody').getByRole('row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Loket BPPD');
    await expect(rows.first()).toContainText('Rp 1.275.000');
  });
});
