import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect } from 'playwright/test';
import type { Browser, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
import { ManualClock } from '../../main/platform/clock.js';
import { type Backend, launchBrowser, openApp, seedAdmin, seedUser, signIn, startBackend } from './support.js';

const NOW = '2026-09-15T03:00:00Z';
const OFFICER = { username: 'budi', fullName: 'Budi Santoso', role: 'officer' as const, password: 'rahasia-budi' };
const HEAD = { username: 'hendra', fullName: 'Hendra Wijaya', role: 'head' as const, password: 'rahasia-hendra' };

let browser: Browser;
let backend: Backend;
let dir: string;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});
beforeEach(async () => {
  backend = await startBackend({ clock: new ManualClock(NOW) });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-e2e-import-'));
});
afterEach(async () => {
  await backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A "Daftar Ketetapan" the way SIMPADA prints it: a notes sheet first, title rows above the
 * header, a bill code under a header no synonym knows ("Nomor Tagihan Daerah"), amounts and
 * dates as text, a row without a code, an unreadable amount, a duplicated row, a JUMLAH row.
 */
async function messyExport(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Catatan').addRow(['Dicetak dari SIMPADA oleh operator bidang penagihan']);
  const sheet = workbook.addWorksheet('Daftar Ketetapan');
  sheet.addRow(['BADAN PENGELOLA PAJAK DAERAH KABUPATEN OGAN KOMERING ILIR']);
  sheet.addRow(['DAFTAR KETETAPAN PAJAK DAERAH TAHUN 2026']);
  sheet.addRow([]);
  sheet.addRow(['No', 'NPWPD', 'Nama WP', 'Nama Usaha', 'Alamat', 'Kec.', 'Jenis Pajak', 'Masa Pajak', 'Tahun', 'Nomor Tagihan Daerah', 'Pokok', 'Jatuh Tempo', 'Status', 'No. HP/WA', 'Email']);
  const pindang = ['P.2.0100001.16.02', 'rumah makan pindang pegagan', 'RM Pindang Pegagan', 'Jl. Letnan Darna No. 12', 'Kayuagung', 'Pajak Restoran', 'Juli', 2026, 'SKPD-2026-0001', 'Rp 1.250.000', '10/08/2026', 'BELUM LUNAS', '0812-3456-7890', 'Email kosong'];
  sheet.addRow([1, ...pindang]);
  sheet.addRow([2, 'P.2.0100002.16.02', 'HOTEL KAYUAGUNG INDAH', 'Hotel Kayuagung Indah', 'Jl. Lintas Timur Km 3', 'Kayuagung', 'PBJT Jasa Perhotelan', 'Agustus', 2026, 'SKPD-2026-0002', 4_750_000, '10 September 2026', 'Lunas', '+62 813-1111-2222', 'hotel@example.com']);
  sheet.addRow([3, 'P.2.0100003.16.02', 'Parkir Pasar Kayuagung', 'Parkir Pasar', 'Pasar Kayuagung', 'Tanjung Lubuk', 'Pajak Parkir', 'Juli', 2026, '', '300.000', '2026-08-10', 'BELUM BAYAR', '-', '']);
  sheet.addRow([4, 'P.2.0100003.16.02', 'Parkir Pasar Kayuagung', 'Parkir Pasar', 'Pasar Kayuagung', 'Tanjung Lubuk', 'Pajak Parkir', 'Agustus', 2026, 'SKPD-2026-0004', 'tiga ratus ribu', '2026-09-10', 'BELUM BAYAR', '-', '']);
  sheet.addRow([5, 'P.2.0100003.16.02', 'Parkir Pasar Kayuagung', 'Parkir Pasar', 'Pasar Kayuagung', 'Tanjung Lubuk', 'Pajak Parkir', 'September', 2026, 'SKPD-2026-0005', '300.000', '2026-10-10', 'BELUM BAYAR', '-', '']);
  sheet.addRow([6, ...pindang]);
  sheet.addRow(['', '', '', '', '', '', '', '', '', 'JUMLAH', 7_900_000]);
  const file = path.join(dir, 'daftar-ketetapan-oki.xlsx');
  await workbook.xlsx.writeFile(file);
  return file;
}

async function openImport(user: { username: string; password: string }): Promise<Page> {
  const page = await openApp(browser, backend);
  await signIn(page, user.username, user.password);
  await menu(page).getByRole('link', { name: 'Impor SIMPADA' }).click();
  await expect(page.getByRole('heading', { name: 'Impor SIMPADA', level: 1 })).toBeVisible();
  return page;
}

function menu(page: Page) {
  return page.getByRole('navigation', { name: 'Menu utama' });
}

function count(page: Page, label: string) {
  return page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
}

describe('Impor SIMPADA', () => {
  it('an officer maps an unknown column by hand, previews, applies, re-imports to no effect and undoes from the history', async () => {
    const admin = await seedAdmin(backend);
    await seedUser(backend, admin, OFFICER);
    await seedUser(backend, admin, HEAD);
    const file = await messyExport();
    const sha256 = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    const page = await openImport(OFFICER);

    // 1. The file: its name, size and fingerprint; the sheet with the bills is chosen, not the notes.
    await page.getByLabel('Pilih berkas ekspor').setInputFiles(file);
    await expect(page.getByText(sha256)).toBeVisible();
    await expect(page.getByText('daftar-ketetapan-oki.xlsx')).toBeVisible();
    await expect(page.getByLabel('Lembar', { exact: true })).toHaveValue('Daftar Ketetapan');
    await expect(page.getByText('Berkas yang sama sudah pernah diimpor')).toHaveCount(0);

    // 2. The bill code's header is unknown: the preview waits until the officer maps it.
    await expect(page.getByText('Judul kolom ditemukan pada baris 4 lembar “Daftar Ketetapan”.')).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('Kolom wajib belum dipetakan: Kode Bayar');
    const mappingRow = page.getByRole('row', { name: /Nomor Tagihan Daerah/ });
    await expect(mappingRow).toContainText('tidak dikenal');
    await expect(page.getByRole('row', { name: /Kec\./ })).toContainText('dikenali');
    await expect(page.getByRole('button', { name: 'Pratinjau' })).toBeDisabled();
    await page.getByLabel('Pemetaan kolom J (Nomor Tagihan Daerah)').selectOption({ label: 'Kode Bayar *' });
    await expect(mappingRow).toContainText('dipilih petugas');
    await expect(page.getByText('Kolom wajib belum dipetakan')).toHaveCount(0);
    await page.getByLabel('Simpan pemetaan sebagai profil (opsional)').fill('Daftar Ketetapan OKI');

    // 3. The dry run: what would happen, nothing written yet.
    await page.getByRole('button', { name: 'Pratinjau' }).click();
    await expect(page.getByText('Ini adalah uji coba: data tagihan belum diubah.', { exact: false })).toBeVisible();
    await expect(count(page, 'Tagihan baru')).toHaveText('3');
    await expect(count(page, 'Tagihan berubah')).toHaveText('0');
    await expect(count(page, 'Wajib pajak baru')).toHaveText('3');
    await expect(count(page, 'Baris ganda')).toHaveText('1');
    await expect(count(page, 'Baris ditolak')).toHaveText('2');
    const newBills = page.getByRole('table', { name: 'Tagihan baru' });
    await expect(newBills).toContainText('SKPD-2026-0002');
    await expect(newBills).toContainText('Rp 4.750.000');
    await page.getByRole('tab', { name: /^Ditolak/ }).click();
    const rejects = page.getByRole('table', { name: 'Ditolak' });
    await expect(rejects.getByRole('row', { name: /tiga ratus ribu/ })).toContainText('Pokok (K)');
    expect((await backend.call('ledger.summary', {}, admin)).bills).toBe(0);

    // 4. Apply, then see the bills in the ledger.
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await expect(page.getByText('Impor #1 telah diterapkan pada data tagihan.')).toBeVisible();
    await expect(count(page, 'Tagihan baru')).toHaveText('3');
    await page.getByRole('link', { name: 'Lihat Wajib Pajak & Tagihan' }).click();
    const bills = page.getByRole('table', { name: 'Daftar tagihan' }).locator('tbody').getByRole('row');
    await expect(bills).toHaveCount(3);
    await expect(bills).toContainText(['SKPD-2026-0001', 'SKPD-2026-0002', 'SKPD-2026-0005']);
    await expect(bills.filter({ hasText: 'SKPD-2026-0002' })).toContainText('LUNAS');
    await expect(page.getByText('Rp 1.550.000')).toBeVisible();

    // 5. The same file again: a warning, the saved mapping, and a preview with nothing new.
    await menu(page).getByRole('link', { name: 'Impor SIMPADA' }).click();
    await page.getByLabel('Pilih berkas ekspor').setInputFiles(file);
    await expect(page.getByText(/Berkas yang sama sudah pernah diimpor pada 15 September 2026 10\.00 WIB oleh budi \(impor #1\)/)).toBeVisible();
    await expect(page.getByText('Pemetaan diambil dari profil “Daftar Ketetapan OKI”.', { exact: false })).toBeVisible();
    await page.getByRole('button', { name: 'Pratinjau' }).click();
    await expect(count(page, 'Tidak berubah')).toHaveText('3');
    await expect(count(page, 'Tagihan baru')).toHaveText('0');
    await expect(count(page, 'Tagihan berubah')).toHaveText('0');
    await page.getByRole('button', { name: 'Batalkan', exact: true }).click();
    await expect(page.getByLabel('Pilih berkas ekspor')).toBeVisible();

    // 6. The history: the run, its rejected rows as a workbook, and undo.
    await page.getByRole('tab', { name: 'Riwayat impor' }).click();
    const run = page.getByRole('row', { name: /daftar-ketetapan-oki\.xlsx/ });
    await expect(run).toHaveCount(1);
    await expect(run).toContainText('Diterapkan');
    await expect(run).toContainText('budi');
    await page.getByRole('link', { name: 'Rincian impor #1' }).click();
    await expect(page.getByRole('heading', { name: 'Impor #1' })).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh baris ditolak (xlsx)' }).click()]);
    expect(download.suggestedFilename()).toBe('impor-1-baris-ditolak.xlsx');
    const saved = path.join(dir, 'ditolak.xlsx');
    await download.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    expect(workbook.getWorksheet('Baris ditolak')?.actualRowCount).toBe(3);

    await page.getByRole('button', { name: 'Batalkan impor ini' }).click();
    const dialog = page.getByRole('dialog', { name: 'Batalkan impor #1?' });
    await dialog.getByRole('button', { name: 'Ya, batalkan impor' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Impor #1 telah dibatalkan: 3 tagihan dihapus' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Batalkan impor ini' })).toHaveCount(0);
    await menu(page).getByRole('link', { name: 'Wajib Pajak & Tagihan' }).click();
    await expect(page.getByText('Belum ada data. Impor ekspor SIMPADA terlebih dahulu.')).toBeVisible();

    // The head reads the history but is offered neither the import nor the undo.
    const head = await openApp(browser, backend);
    await signIn(head, HEAD.username, HEAD.password);
    await expect(menu(head).getByRole('link', { name: 'Impor SIMPADA' })).toHaveCount(0);
    await menu(head).getByRole('link', { name: 'Riwayat Impor' }).click();
    await expect(head.getByRole('row', { name: /daftar-ketetapan-oki\.xlsx/ })).toContainText('Dibatalkan');
  });
});
