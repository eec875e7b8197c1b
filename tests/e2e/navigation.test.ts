import { expect } from 'playwright/test';
import type { Browser, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
import { ADMIN, type Backend, launchBrowser, openApp, seedAdmin, seedUser, signIn, startBackend } from './support.js';

let browser: Browser;
let backend: Backend;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});
beforeEach(async () => {
  backend = await startBackend();
});
afterEach(async () => {
  await backend.close();
});

function menuItems(page: Page) {
  return page.getByRole('navigation', { name: /^(Menu utama|Main menu)$/ }).getByRole('link');
}

describe('role-based navigation', () => {
  it('shows the administrator every screen', async () => {
    await seedAdmin(backend);
    const page = await openApp(browser, backend);
    await signIn(page, ADMIN.username, ADMIN.password);
    await expect(menuItems(page)).toHaveText([
      'Beranda',
      'Wajib Pajak & Tagihan',
      'Impor SIMPADA',
      'Kontak',
      'Template Pesan',
      'Pengingat',
      'Pembayaran',
      'Rekonsiliasi',
      'Laporan',
      'Mitra Pembayaran',
      'Pengguna',
      'Pengaturan',
      'Audit',
    ]);
  });

  it('shows an officer only the officer screens, and refuses #/pengguna typed in directly', async () => {
    const admin = await seedAdmin(backend);
    await seedUser(backend, admin, { username: 'budi', fullName: 'Budi Santoso', role: 'officer', password: 'rahasia-budi' });
    const page = await openApp(browser, backend);
    await signIn(page, 'budi', 'rahasia-budi');
    await expect(page.getByRole('banner')).toContainText('Petugas Penagihan');
    await expect(menuItems(page)).toHaveText(['Beranda', 'Wajib Pajak & Tagihan', 'Impor SIMPADA', 'Kontak', 'Template Pesan', 'Pengingat', 'Pembayaran', 'Laporan', 'Pengaturan']);

    await page.goto(`${backend.url}#/pengguna`);
    await expect(page.getByRole('heading', { name: 'Akses ditolak' })).toBeVisible();
    await expect(page.getByText('Peran Anda (Petugas Penagihan) tidak berwenang membuka halaman Pengguna.')).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);

    await page.goto(`${backend.url}#/audit`);
    await expect(page.getByRole('heading', { name: 'Akses ditolak' })).toBeVisible();
  });

  it('keeps a deep link through sign-in and reload', async () => {
    await seedAdmin(backend);
    const page = await openApp(browser, backend, '#/audit');
    await signIn(page, ADMIN.username, ADMIN.password);
    await expect(page.getByRole('heading', { name: 'Audit', level: 1 })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Audit', level: 1 })).toBeVisible();
    await expect(menuItems(page).getByText('Audit')).toHaveAttribute('aria-current', 'page');
  });
});

describe('language', () => {
  it('switches the UI to English and back, and remembers the choice after a reload', async () => {
    await seedAdmin(backend);
    const page = await openApp(browser, backend);
    await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();

    // Before sign-in the choice is kept by this browser...
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    // ...and carried into the user's account on sign-in.
    await signIn(page, ADMIN.username, ADMIN.password);
    await expect(page.getByRole('heading', { name: 'Home', level: 1 })).toBeVisible();
    await expect(page.getByText('This screen is not available in this version yet.')).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('IT Administrator');

    await page.getByRole('button', { name: 'Indonesia' }).click();
    await expect(page.getByRole('heading', { name: 'Beranda', level: 1 })).toBeVisible();
    await expect(menuItems(page).first()).toHaveText('Beranda');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: 'Home', level: 1 })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Home', level: 1 })).toBeVisible();

    // Another computer (a fresh browser) picks it up from the account once signed in.
    const elsewhere = await openApp(browser, backend);
    await expect(elsewhere.getByRole('heading', { name: 'Masuk' })).toBeVisible();
    await signIn(elsewhere, ADMIN.username, ADMIN.password);
    await expect(elsewhere.getByRole('heading', { name: 'Home', level: 1 })).toBeVisible();

    await page.getByRole('button', { name: 'Indonesia' }).click();
    await expect(page.getByRole('heading', { name: 'Beranda', level: 1 })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Beranda', level: 1 })).toBeVisible();
  });

  it('shows backend errors in the chosen language', async () => {
    await seedAdmin(backend);
    const page = await openApp(browser, backend);
    await signIn(page, ADMIN.username, 'bukan-sandinya');
    await expect(page.getByRole('alert')).toHaveText('Nama pengguna atau kata sandi salah.');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('alert')).toHaveText('Wrong user name or password.');
  });
});
