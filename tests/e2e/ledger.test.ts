import { expect } from 'playwright/test';
import type { Browser, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
import { runSync, type SnapshotBill } from '../../main/ledger/index.js';
import { ManualClock } from '../../main/platform/clock.js';
import { snapshotBill } from '../support/snapshot-bill.js';
import { ADMIN, type Backend, launchBrowser, openApp, seedAdmin, seedUser, signIn, startBackend } from './support.js';

/** 15 September 2026, 10.00 WIB: KB-001, KB-004 and KB-007 are past their due dates. */
const NOW = '2026-09-15T03:00:00Z';

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

const pindang = { npwpd: 'P.2.0100001.16.02', namaWp: 'Rumah Makan Pindang Pegagan', alamat: 'Jl. Letnan Darna No. 12', namaObjek: 'RM Pindang Pegagan', rawPhone: '0812-3456-7890', rawEmail: 'Email kosong' };
const hotel = { npwpd: 'P.2.0100002.16.02', namaWp: 'Hotel Kayuagung Indah', alamat: 'Jl. Lintas Timur Km 3', namaObjek: 'Hotel Kayuagung Indah', taxType: 'PBJT_HOTEL', taxTypeLabel: 'Pajak Hotel', rawPhone: null };

function bill(kodeBayar: string, over: Partial<SnapshotBill>): SnapshotBill {
  return snapshotBill(kodeBayar, { ...pindang, ...over });
}

const BILLS = [
  bill('KB-001', {}),
  bill('KB-002', { masaPajak: '2026-08', principal: 1_300_000, dueDate: '2026-09-10', status: 'paid', paidDate: '2026-09-09' }),
  bill('KB-003', { masaPajak: '2026-09', principal: 1_275_000, dueDate: '2026-10-12' }),
  bill('KB-004', { ...hotel, principal: 4_500_000 }),
  bill('KB-005', { ...hotel, masaPajak: '2026-08', principal: 4_750_000, dueDate: '2026-09-10', status: 'paid', paidDate: '2026-09-08' }),
  bill('KB-006', { npwpd: null, namaWp: 'Parkir Pasar Kayuagung', alamat: 'Pasar Kayuagung', namaObjek: 'Parkir Pasar', kecamatan: 'Tanjung Lubuk', taxType: 'PBJT_PARKIR', taxTypeLabel: 'Pajak Parkir', principal: 300_000, dueDate: '2026-10-10', rawPhone: null, rawEmail: null }),
  bill('KB-007', {
    npwpd: 'P.1.0300007.16.02',
    namaWp: 'Siti Aminah',
    alamat: 'Desa Pedamaran I',
    namaObjek: null,
    kecamatan: 'Pedamaran',
    kelurahan: 'Pedamaran I',
    nop: '16.02.010.001.001-0001.0',
    taxType: 'PBB_P2',
    taxTypeLabel: 'PBB P2',
    masaPajak: null,
    principal: 85_000,
    dueDate: '2026-08-31',
    rawPhone: '81234567890',
    rawEmail: null,
  }),
];

async function seedLedger() {
  await runSync(
    backend.app.ledger.db,
    { fileName: 'daftar-ketetapan.xlsx', sha256: 'e2e-ledger', sheet: 'Sheet1', mapping: {}, bills: BILLS, finish: () => ({ rowsRead: BILLS.length, duplicates: 0, rejects: [] }) },
    { dryRun: false, actor: ADMIN.username, now: new Date(NOW) },
  );
}

async function openLedger(username = ADMIN.username, password = ADMIN.password): Promise<Page> {
  const page = await openApp(browser, backend);
  await signIn(page, username, password);
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Wajib Pajak & Tagihan' }).click();
  await expect(page.getByRole('heading', { name: 'Wajib Pajak & Tagihan', level: 1 })).toBeVisible();
  return page;
}

function billRows(page: Page) {
  return page.getByRole('table', { name: 'Daftar tagihan' }).locator('tbody').getByRole('row');
}

describe('Wajib Pajak & Tagihan', () => {
  it('shows the arrears in Rupiah, narrows the bills by status, search and overdue, and sorts them by amount', async () => {
    await seedAdmin(backend);
    await seedLedger();
    const page = await openLedger();

    await expect(page.getByText('Rp 7.410.000')).toBeVisible();
    await expect(page.getByText('Rp 5.835.000')).toBeVisible();
    await expect(page.getByText('3 tagihan, per 15 September 2026')).toBeVisible();

    const rows = billRows(page);
    await expect(rows).toHaveCount(7);
    await expect(rows.first()).toContainText('KB-001');
    await expect(rows.first()).toContainText('Rp 1.250.000');
    await expect(rows.first()).toContainText('10 Agustus 2026');
    await expect(rows.first()).toContainText('lewat 36 hari');
    await expect(rows.first()).toContainText('PBJT Makanan & Minuman');
    await expect(page.getByRole('status').filter({ hasText: 'dari 7 tagihan' })).toBeVisible();

    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'LUNAS' });
    await expect(rows).toHaveCount(2);
    await expect(rows).toContainText(['KB-002', 'KB-005']);

    await page.getByRole('button', { name: 'Hapus saringan' }).click();
    await expect(rows).toHaveCount(7);
    await page.getByLabel('Cari', { exact: true }).fill('hotel');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('Hotel Kayuagung Indah');
    await page.getByLabel('Cari', { exact: true }).fill('KB-006');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Parkir Pasar Kayuagung');
    await page.getByLabel('Cari', { exact: true }).fill('');
    await expect(rows).toHaveCount(7);

    await page.getByLabel('Hanya yang lewat jatuh tempo').check();
    await expect(rows).toHaveCount(3);
    await expect(rows).toContainText(['KB-001', 'KB-004', 'KB-007']);
    await page.getByLabel('Hanya yang lewat jatuh tempo').uncheck();

    await page.getByLabel('Jenis pajak', { exact: true }).selectOption({ label: 'PBB-P2' });
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('16.02.010.001.001-0001.0');
    await page.getByLabel('Jenis pajak', { exact: true }).selectOption({ label: 'Semua' });

    await page.getByRole('button', { name: /^Pokok/ }).click();
    await expect(rows.first()).toContainText('Rp 4.750.000');
    await expect(page.getByRole('columnheader', { name: /Pokok/ })).toHaveAttribute('aria-sort', 'descending');
    await page.getByRole('button', { name: /^Pokok/ }).click();
    await expect(rows.first()).toContainText('Rp 85.000');
    await expect(rows.last()).toContainText('Rp 4.750.000');
  });

  it('opens a taxpayer with their bills and contact cells as exported, and comes back to the same list', async () => {
    await seedAdmin(backend);
    await seedLedger();
    const page = await openLedger();
    await page.getByLabel('Kecamatan', { exact: true }).selectOption('Kayuagung');
    await expect(billRows(page)).toHaveCount(5);

    await billRows(page).first().getByRole('link', { name: 'Rumah Makan Pindang Pegagan' }).click();
    await expect(page.getByRole('heading', { name: 'Rumah Makan Pindang Pegagan', level: 1 })).toBeVisible();
    expect(page.url()).toMatch(/#\/wajib-pajak\/\d+$/);
    const identity = page.getByRole('region', { name: 'Identitas' });
    await expect(identity).toContainText('P.2.0100001.16.02');
    await expect(identity).toContainText('Jl. Letnan Darna No. 12');
    await expect(identity).toContainText('Cintaraja');
    const contacts = page.getByRole('region', { name: 'Kontak seperti di ekspor SIMPADA' });
    await expect(contacts).toContainText('0812-3456-7890');
    await expect(contacts).toContainText('Email kosong');
    await expect(page.getByRole('region', { name: 'Objek pajak' })).toContainText('RM Pindang Pegagan');
    const bills = page.getByRole('table', { name: 'Tagihan' }).locator('tbody').getByRole('row');
    await expect(bills).toHaveCount(3);
    await expect(bills.filter({ hasText: 'KB-002' })).toContainText('LUNAS');
    await expect(bills.filter({ hasText: 'KB-002' })).toContainText('9 September 2026');
    await expect(bills.filter({ hasText: 'KB-001' })).toContainText('BELUM LUNAS');

    await page.getByRole('link', { name: /Kembali ke daftar/ }).click();
    await expect(page.getByLabel('Kecamatan', { exact: true })).toHaveValue('Kayuagung');
    await expect(billRows(page)).toHaveCount(5);
  });

  it('lists taxpayers sorted by what they owe', async () => {
    await seedAdmin(backend);
    await seedLedger();
    const page = await openLedger();
    await page.getByRole('tab', { name: 'Wajib Pajak' }).click();
    const rows = page.getByRole('table', { name: 'Daftar wajib pajak' }).locator('tbody').getByRole('row');
    await expect(rows).toHaveCount(4);
    await expect(rows.first()).toContainText('Hotel Kayuagung Indah');
    await page.getByRole('button', { name: /^Pokok belum lunas/ }).click();
    await expect(rows.first()).toContainText('Hotel Kayuagung Indah');
    await expect(rows.first()).toContainText('Rp 4.500.000');
    await expect(rows.last()).toContainText('Siti Aminah');
    await rows.last().click();
    await expect(page.getByRole('heading', { name: 'Siti Aminah', level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Kontak seperti di ekspor SIMPADA' })).toContainText('81234567890');
  });

  it('says the ledger is empty and shows the way to the import only to those who may import', async () => {
    const admin = await seedAdmin(backend);
    await seedUser(backend, admin, { username: 'budi', fullName: 'Budi Santoso', role: 'officer', password: 'rahasia-budi' });
    await seedUser(backend, admin, { username: 'sari', fullName: 'Sari Wulandari', role: 'treasurer', password: 'rahasia-sari' });

    const officer = await openLedger('budi', 'rahasia-budi');
    await expect(officer.getByText('Belum ada data. Impor ekspor SIMPADA terlebih dahulu.')).toBeVisible();
    await officer.getByRole('link', { name: 'Buka Impor SIMPADA' }).click();
    await expect(officer.getByRole('heading', { name: 'Impor SIMPADA', level: 1 })).toBeVisible();

    const treasurer = await openLedger('sari', 'rahasia-sari');
    await expect(treasurer.getByText('Belum ada data. Impor ekspor SIMPADA terlebih dahulu.')).toBeVisible();
    await expect(treasurer.getByRole('link', { name: 'Buka Impor SIMPADA' })).toHaveCount(0);
    await expect(treasurer.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Impor SIMPADA' })).toHaveCount(0);
  });
});

describe('an empty ledger on first start', () => {
  it('offers the demo kabupaten on Beranda and shows its figures once loaded', async () => {
    await seedAdmin(backend);
    const page = await openApp(browser, backend);
    await signIn(page, ADMIN.username, ADMIN.password);
    await expect(page.getByRole('heading', { name: 'Beranda', level: 1 })).toBeVisible();
    await expect(page.getByText('Belum ada data. Impor ekspor SIMPADA terlebih dahulu.')).toBeVisible();
    await page.getByRole('button', { name: 'Muat data contoh' }).click();
    // The administrator lands on the performance dashboard once there is data (issue 9).
    await expect(page.getByTestId('kpi-arrears')).toHaveText(/Rp \d{1,3}(\.\d{3})+/, { timeout: 30_000 });
    await expect(page.getByText('Belum ada data. Impor ekspor SIMPADA terlebih dahulu.')).toHaveCount(0);
  });
});
