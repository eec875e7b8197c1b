import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect } from 'playwright/test';
import type { Browser } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
import type { SessionPort } from '../../main/api/context.js';
import { ManualClock } from '../../main/platform/clock.js';
import { type Backend, launchBrowser, openApp, seedAdmin, seedUser, signIn, startBackend } from './support.js';

/** Monday 23 November 2026, 10.00 WIB. */
const NOW = '2026-11-23T03:00:00Z';
const HEAD = { username: 'kepala', fullName: 'Ir. Hendra Wijaya', role: 'head' as const, password: 'rahasia-kepala' };

let browser: Browser;
let backend: Backend;
let admin: SessionPort;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});
beforeEach(async () => {
  backend = await startBackend({ clock: new ManualClock(NOW) });
  admin = await seedAdmin(backend);
  await seedUser(backend, admin, HEAD);
  await backend.call('ledger.loadDemo', { taxpayers: 200, seed: 1 }, admin);
  await backend.call('dashboard.setTargets', { year: 2026, targets: [{ indicator: 'revenue', taxType: '*', target: 5_000_000_000 }] }, admin);
});
afterEach(async () => {
  await backend.close();
});

describe('the head’s dashboard', () => {
  it('the head sees the demo ledger’s figures, filters by a kecamatan, drills into the 91–180 day arrears and exports the LAKIN-style table', async () => {
    // A kecamatan of the demo ledger that has arrears 91–180 days old.
    const all = await backend.call('dashboard.kpi', {}, admin);
    const kecamatan = all.arrears.byKecamatan.find((g) => (g.buckets.find((b) => b.bucket === '91-180')?.bills ?? 0) > 0)?.key as string;
    const expected = (await backend.call('dashboard.kpi', { kecamatan }, admin)).arrears.buckets.find((b) => b.bucket === '91-180');

    const page = await openApp(browser, backend);
    await signIn(page, HEAD.username, HEAD.password);
    await expect(page.getByRole('heading', { name: 'Beranda', level: 1 })).toBeVisible();
    await expect(page.getByTestId('kpi-arrears')).toHaveText(rupiah(all.arrears.principal));
    await expect(page.getByTestId('kpi-realisation')).toHaveText(rupiah(all.realisation.cumulative));
    await expect(page.getByRole('img', { name: /Grafik realisasi per bulan/ })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Tabel pengukuran kinerja' })).toBeVisible();

    await page.getByRole('combobox', { name: 'Kecamatan' }).selectOption(kecamatan);
    await expect(page.getByRole('table', { name: 'Tunggakan per kecamatan' }).locator('tbody tr')).toHaveCount(1);
    await expect(page.getByRole('table', { name: 'Tunggakan per kecamatan' }).locator('tbody tr th')).toHaveText(kecamatan);

    await page.getByRole('button', { name: 'Lihat tagihan 91–180 hari' }).click();
    const drill = page.getByRole('region', { name: 'Tunggakan 91–180 hari' });
    await expect(drill).toBeVisible();
    await expect(drill.getByTestId('drill-count')).toHaveText(`${expected?.bills} tagihan`);
    const rows = drill.getByRole('table', { name: 'Rincian tagihan' }).locator('tbody tr');
    await expect(rows).toHaveCount(Math.min(expected?.bills ?? 0, 50));
    for (const row of await rows.all()) {
      await expect(row.locator('td').nth(1)).toHaveText(kecamatan);
      const days = Number(((await row.locator('td').nth(6).textContent()) ?? '').replace(/\D/g, ''));
      expect(days).toBeGreaterThanOrEqual(91);
      expect(days).toBeLessThanOrEqual(180);
    }
    const [bills] = await Promise.all([page.waitForEvent('download'), drill.getByRole('button', { name: 'Ekspor xlsx' }).click()]);
    expect(bills.suggestedFilename()).toBe('tagihan-arrears-91-180-2026-11-23.xlsx');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor tabel LAKIN (xlsx)' }).click()]);
    expect(download.suggestedFilename()).toBe('kinerja-2026-per-2026-11-23.xlsx');
    const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-lakin-')), download.suggestedFilename());
    await download.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const sheet = workbook.getWorksheet('Kinerja 2026');
    expect(sheet?.getCell('A2').value).toBe('PENGUKURAN KINERJA TAHUN 2026');
    const revenue = sheet?.getRow(7);
    expect(revenue?.getCell(2).value).toBe('Realisasi penerimaan pajak daerah (PAD)');
    expect(revenue?.getCell(8).value).toBe(5_000_000_000);
    expect(revenue?.getCell(8).numFmt).toBe('#,##0');

    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh PNG' }).first().click()]);
    expect(png.suggestedFilename()).toBe('realisasi-2026.png');
    const [table] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh xlsx' }).first().click()]);
    expect(table.suggestedFilename()).toBe('realisasi-per-jenis-2026.xlsx');
    await page.getByRole('heading', { name: 'Efek pengingat' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(os.tmpdir(), 'sipeka-dashboard-lower.png') });
  });
});

function rupiah(amount: number): string {
  return `Rp ${new Intl.NumberFormat('id-ID').format(amount)}`;
}
