import { expect } from 'playwright/test';
import type { Browser } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
import { ManualClock } from '../../main/platform/clock.js';
import { ADMIN, type Backend, launchBrowser, openApp, seedAdmin, seedUser, signIn, startBackend } from './support.js';

let browser: Browser;
let backend: Backend;
let clock: ManualClock;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});
beforeEach(async () => {
  clock = new ManualClock(new Date());
  backend = await startBackend({ clock });
});
afterEach(async () => {
  await backend.close();
});

describe('first run', () => {
  it('creates the administrator, then shows the shell in Bahasa Indonesia', async () => {
    const page = await openApp(browser, backend);
    await expect(page.getByRole('heading', { name: 'Penyiapan awal' })).toBeVisible();
    await page.getByLabel('Nama pengguna').fill(ADMIN.username);
    await page.getByLabel('Nama lengkap').fill(ADMIN.fullName);
    await page.getByLabel('Kata sandi', { exact: true }).fill('pendek');
    await page.getByLabel('Ulangi kata sandi').fill('pendek');
    await page.getByRole('button', { name: 'Buat administrator' }).click();
    await expect(page.getByRole('alert')).toHaveText('Kata sandi minimal 8 karakter.');

    await page.getByLabel('Kata sandi', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Ulangi kata sandi').fill(`${ADMIN.password}x`);
    await page.getByRole('button', { name: 'Buat administrator' }).click();
    await expect(page.getByRole('alert')).toHaveText('Ulangan kata sandi tidak sama dengan kata sandi.');

    await page.getByLabel('Ulangi kata sandi').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Buat administrator' }).click();
    await expect(page.getByRole('heading', { name: 'Beranda', level: 1 })).toBeVisible();
    await expect(page.getByText('Layar ini belum tersedia pada versi ini.')).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('Rudi Hartono');
    await expect(page.getByRole('banner')).toContainText('Administrator TI');
    await expect(page.getByRole('banner')).toContainText('Badan Pengelola Pajak Daerah Kabupaten Ogan Komering Ilir');
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');

    // The session cookie keeps them signed in, and the setup page is gone for good.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Beranda', level: 1 })).toBeVisible();
  });
});

describe('login', () => {
  it('refuses a wrong password with a message saying so', async () => {
    await seedAdmin(backend);
    const page = await openApp(browser, backend);
    await signIn(page, ADMIN.username, 'bukan-sandinya');
    await expect(page.getByRole('alert')).toHaveText('Nama pengguna atau kata sandi salah.');
    await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
  });

  it('locks the account after five wrong passwords, and then refuses even the right one', async () => {
    await seedAdmin(backend);
    const page = await openApp(browser, backend);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await signIn(page, ADMIN.username, `salah-${attempt}-kali`);
      await expect(page.getByRole('alert')).toHaveText('Nama pengguna atau kata sandi salah.');
    }
    await signIn(page, ADMIN.username, 'salah-5-kali');
    const locked = 'Akun dikunci karena terlalu banyak kata sandi salah. Coba lagi dalam 15 menit.';
    await expect(page.getByRole('alert')).toHaveText(locked);

    await signIn(page, ADMIN.username, ADMIN.password);
    await expect(page.getByRole('alert')).toHaveText(locked);
    await expect(page.getByRole('navigation', { name: 'Menu utama' })).toHaveCount(0);
  });

  it('tells a disabled user to contact the administrator', async () => {
    const admin = await seedAdmin(backend);
    await seedUser(backend, admin, { username: 'budi', role: 'officer', password: 'rahasia-budi' });
    await backend.call('users.setActive', { username: 'budi', active: false }, admin);
    const page = await openApp(browser, backend);
    await signIn(page, 'budi', 'rahasia-budi');
    await expect(page.getByRole('alert')).toHaveText('Akun ini dinonaktifkan. Hubungi administrator.');
  });
});

describe('session', () => {
  it('logging out returns to the login page, and a reload does not sign back in', async () => {
    await seedAdmin(backend);
    const page = await openApp(browser, backend);
    await signIn(page, ADMIN.username, ADMIN.password);
    await expect(page.getByRole('heading', { name: 'Beranda', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'Keluar' }).click();
    await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
  });

  it('returns to the login page with the reason when the session expired while idle', async () => {
    await seedAdmin(backend);
    const page = await openApp(browser, backend);
    await signIn(page, ADMIN.username, ADMIN.password);
    await expect(page.getByRole('heading', { name: 'Beranda', level: 1 })).toBeVisible();
    // Beranda has finished loading its figures before the officer walks away.
    await expect(page.getByText('Belum ada data. Impor ekspor SIMPADA terlebih dahulu.')).toBeVisible();
    clock.advance(31 * 60_000);
    await page.getByRole('link', { name: 'Pengguna' }).click();
    await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveText('Sesi Anda berakhir karena tidak aktif. Silakan masuk lagi.');

    // Signing in again lands where they were going.
    await signIn(page, ADMIN.username, ADMIN.password);
    await expect(page.getByRole('heading', { name: 'Pengguna', level: 1 })).toBeVisible();
  });

  it('lets a user change their own password from the header', async () => {
    await seedAdmin(backend);
    const page = await openApp(browser, backend);
    await signIn(page, ADMIN.username, ADMIN.password);
    await page.getByRole('link', { name: 'Ganti kata sandi' }).click();
    await page.getByLabel('Kata sandi saat ini').fill('bukan-sandinya');
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('sandi-baru-123');
    await page.getByLabel('Ulangi kata sandi baru').fill('sandi-baru-123');
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await expect(page.getByRole('alert')).toHaveText('Nama pengguna atau kata sandi salah.');

    await page.getByLabel('Kata sandi saat ini').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await expect(page.getByRole('status')).toHaveText('Kata sandi Anda telah diganti.');

    await page.getByRole('button', { name: 'Keluar' }).click();
    await signIn(page, ADMIN.username, 'sandi-baru-123');
    await expect(page.getByRole('heading', { name: 'Beranda', level: 1 })).toBeVisible();
  });
});
