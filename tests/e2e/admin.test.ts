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

async function openAs(username: string, password: string, screen: string): Promise<Page> {
  const page = await openApp(browser, backend);
  await signIn(page, username, password);
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: screen }).click();
  await expect(page.getByRole('heading', { name: screen, level: 1 })).toBeVisible();
  return page;
}

async function addUser(page: Page, user: { username: string; fullName: string; role: string; password: string }) {
  const form = page.getByRole('region', { name: 'Tambah pengguna' });
  await form.getByLabel('Nama pengguna').fill(user.username);
  await form.getByLabel('Nama lengkap').fill(user.fullName);
  await form.getByLabel('Peran').selectOption({ label: user.role });
  await form.getByLabel('Kata sandi awal').fill(user.password);
  await form.getByRole('button', { name: 'Tambah pengguna' }).click();
  await expect(page.getByRole('status')).toHaveText(`Pengguna ${user.username} telah ditambahkan.`);
}

describe('users', () => {
  it('the administrator adds an officer, disables, enables and resets them, and the officer can sign in', async () => {
    await seedAdmin(backend);
    const page = await openAs(ADMIN.username, ADMIN.password, 'Pengguna');
    await addUser(page, { username: 'budi', fullName: 'Budi Santoso', role: 'Petugas Penagihan', password: 'rahasia-budi' });
    const row = page.getByRole('row', { name: /budi/ });
    await expect(row).toContainText('Budi Santoso');
    await expect(row).toContainText('Petugas Penagihan');
    await expect(row).toContainText('Aktif');
    await expect(row).toContainText('Belum pernah');

    await page.getByRole('button', { name: 'Nonaktifkan budi' }).click();
    await expect(page.getByRole('status')).toHaveText('Pengguna budi telah dinonaktifkan.');
    await expect(row).toContainText('Nonaktif');
    await page.getByRole('button', { name: 'Aktifkan budi' }).click();
    await expect(page.getByRole('status')).toHaveText('Pengguna budi telah diaktifkan.');

    await page.getByRole('button', { name: 'Atur ulang kata sandi budi' }).click();
    const dialog = page.getByRole('dialog', { name: 'Atur ulang kata sandi budi' });
    await dialog.getByLabel('Kata sandi baru', { exact: true }).fill('sandi-baru-budi');
    await dialog.getByLabel('Ulangi kata sandi baru').fill('sandi-baru-budi');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('status')).toHaveText('Kata sandi budi telah diatur ulang.');

    // A duplicate is refused with the backend's message.
    await page.getByRole('region', { name: 'Tambah pengguna' }).getByLabel('Nama pengguna').fill('budi');
    await page.getByRole('region', { name: 'Tambah pengguna' }).getByLabel('Kata sandi awal').fill('rahasia-lain');
    await page.getByRole('region', { name: 'Tambah pengguna' }).getByRole('button', { name: 'Tambah pengguna' }).click();
    await expect(page.getByRole('alert')).toHaveText('Pengguna "budi" sudah ada.');

    const officer = await openApp(browser, backend);
    await signIn(officer, 'budi', 'sandi-baru-budi');
    await expect(officer.getByRole('banner')).toContainText('Budi Santoso');
  });
});

describe('audit', () => {
  it('lists the sign-in and the user creation, and filters by actor and action', async () => {
    await seedAdmin(backend);
    const page = await openAs(ADMIN.username, ADMIN.password, 'Pengguna');
    await addUser(page, { username: 'siti', fullName: 'Siti Aminah', role: 'Bendahara Penerimaan', password: 'rahasia-siti' });

    await page.getByRole('link', { name: 'Audit' }).click();
    const table = page.getByRole('table');
    const added = table.getByRole('row').filter({ hasText: 'users.add' });
    await expect(added).toContainText('Tambah pengguna');
    await expect(added).toContainText('user:siti');
    await expect(added).toContainText('role: treasurer, fullName: Siti Aminah');
    await expect(added).toContainText(/\d{1,2} \w+ \d{4} \d{2}\.\d{2} WIB/);
    const login = table.getByRole('row').filter({ hasText: 'auth.login' });
    await expect(login).toContainText('Masuk');
    await expect(login).toContainText('Administrator TI');
    await expect(page.getByText(/Menampilkan 1–3 dari 3 catatan/)).toBeVisible();

    await page.getByLabel('Tindakan (awalan kode)').fill('users.');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table.getByRole('row').nth(1)).toContainText('users.add');

    await page.getByLabel('Tindakan (awalan kode)').fill('');
    await page.getByLabel('Pelaku (nama pengguna)').fill('orang-lain');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await expect(page.getByText('Tidak ada catatan audit yang sesuai.')).toBeVisible();
  });
});

describe('settings', () => {
  it('an administrator edits the settings; they persist and the header follows', async () => {
    await seedAdmin(backend);
    const page = await openAs(ADMIN.username, ADMIN.password, 'Pengaturan');
    await page.getByLabel('Nama instansi').fill('Badan Pendapatan Daerah Kabupaten Contoh');
    await page.getByLabel('Nama kepala').fill('Drs. H. Ahmad Fauzi, M.Si.');
    await page.getByLabel('NIP kepala').fill('196805121990031004');
    await page.getByLabel('Sesi berakhir setelah tidak aktif (menit)').fill('45');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByRole('status')).toHaveText('Pengaturan telah disimpan.');
    await expect(page.getByRole('banner')).toContainText('Badan Pendapatan Daerah Kabupaten Contoh');

    await page.reload();
    await expect(page.getByLabel('Nama instansi')).toHaveValue('Badan Pendapatan Daerah Kabupaten Contoh');
    await expect(page.getByLabel('Nama kepala')).toHaveValue('Drs. H. Ahmad Fauzi, M.Si.');
    await expect(page.getByLabel('NIP kepala')).toHaveValue('196805121990031004');
    await expect(page.getByLabel('Sesi berakhir setelah tidak aktif (menit)')).toHaveValue('45');
    await expect(page.getByRole('region', { name: 'Informasi sistem' })).toContainText('SQLite');

    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByRole('status')).toHaveText('Tidak ada perubahan untuk disimpan.');
  });

  it('other roles may read the settings but not change them', async () => {
    const admin = await seedAdmin(backend);
    await seedUser(backend, admin, { username: 'kepala', fullName: 'Ahmad Fauzi', role: 'head', password: 'rahasia-kepala' });
    const page = await openAs('kepala', 'rahasia-kepala', 'Pengaturan');
    await expect(page.getByText('Hanya administrator yang dapat mengubah pengaturan. Anda dapat melihatnya saja.')).toBeVisible();
    await expect(page.getByLabel('Nama instansi')).toHaveValue('Badan Pengelola Pajak Daerah Kabupaten Ogan Komering Ilir');
    await expect(page.getByLabel('Nama instansi')).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Simpan' })).toHaveCount(0);
  });
});
