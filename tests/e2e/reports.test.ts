import { expect } from 'playwright/test';
import type { Browser } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
import { runSync } from '../../main/ledger/index.js';
import { ManualClock } from '../../main/platform/clock.js';
import { snapshotBill } from '../support/snapshot-bill.js';
import { type Backend, launchBrowser, openApp, seedAdmin, seedUser, signIn, startBackend } from './support.js';

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

describe('the Laporan screen', () => {
  it('lets the head generate the arrears list as of today and download it', async () => {
    const admin = await seedAdmin(backend);
    await seedUser(backend, admin, { username: 'kepala', role: 'head', password: 'rahasia-kepala' });
    const bills = [snapshotBill('1671261000088', { masaPajak: '2026-09', dueDate: '2026-10-10' }), snapshotBill('1671261000089', { masaPajak: '2026-10', dueDate: '2026-11-10' })];
    await runSync(backend.app.ledger.db, { fileName: 'v1.xlsx', sha256: 'v1', sheet: 'Daftar', mapping: {}, bills, finish: () => ({ rowsRead: 2, duplicates: 0, rejects: [] }) }, { dryRun: false, actor: 'test', now: new Date(NOW) });
    const page = await openApp(browser, backend, '#/laporan');
    await signIn(page, 'kepala', 'rahasia-kepala');
    await page.getByLabel('Laporan', { exact: true }).selectOption('arrears');
    await expect(page.getByLabel('Per tanggal')).toHaveValue('2026-11-23');
    await page.getByRole('button', { name: 'Buat laporan' }).click();
    await expect(page.getByText(/siap: 2 baris/)).toBeVisible();
    const button = page.getByRole('button', { name: /^Unduh .*\.xlsx$/ });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  });

  it('offers an officer only the lists officers work from', async () => {
    const admin = await seedAdmin(backend);
    await seedUser(backend, admin, { username: 'budi', role: 'officer', password: 'rahasia-budi' });
    const page = await openApp(browser, backend, '#/laporan');
    await signIn(page, 'budi', 'rahasia-budi');
    await expect(page.getByLabel('Laporan', { exact: true }).locator('option')).toHaveText(['Log Pengiriman Pengingat', 'Daftar Tunggakan']);
  });
});
