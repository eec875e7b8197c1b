import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'playwright/test';
import type { Browser, Locator, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
import type { SessionPort } from '../../main/api/context.js';
import { ManualClock } from '../../main/platform/clock.js';
import { type Backend, launchBrowser, openApp, seedAdmin, seedUser, signIn, startBackend } from './support.js';

/** 15 September 2026, 10.00 WIB. */
const NOW = '2026-09-15T03:00:00Z';
const OFFICER = { username: 'budi', fullName: 'Budi Santoso', role: 'officer' as const, password: 'rahasia-budi' };
/** The README's picture of the contacts screen, at the office screen size. */
const SCREENSHOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshot-contacts.png');

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
  await seedUser(backend, admin, OFFICER);
  // The demo kabupaten: 200 taxpayers with the dirty phone cells real exports have, and consultants' numbers on several.
  await backend.call('ledger.loadDemo', { taxpayers: 200, seed: 1 }, admin);
});
afterEach(async () => {
  await backend.close();
});

async function openContacts(): Promise<Page> {
  const page = await openApp(browser, backend);
  await signIn(page, OFFICER.username, OFFICER.password);
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Kontak' }).click();
  await expect(page.getByRole('heading', { name: 'Kontak', level: 1 })).toBeVisible();
  return page;
}

function problemTile(page: Page, label: RegExp): Locator {
  return page.getByRole('group', { name: 'Saring antrean menurut jenis masalah' }).getByRole('button', { name: label });
}

function queueRows(page: Page): Locator {
  return page.getByRole('table', { name: 'Antrean pemeriksaan kontak' }).locator('tbody tr');
}

/** The "Tidak terjangkau" card's line `22 dari 200 wajib pajak`. */
function unreachableLine(page: Page): Locator {
  return page
    .getByRole('term')
    .filter({ hasText: /^Tidak terjangkau$/ })
    .locator('xpath=following-sibling::dd[2]');
}

async function unreachableOnScreen(page: Page): Promise<number> {
  const text = (await unreachableLine(page).textContent()) ?? '';
  const match = /^(\d+) dari 200 wajib pajak$/.exec(text.trim());
  if (!match) throw new Error(`unexpected reachability line: ${text}`);
  return Number(match[1]);
}

describe('Kontak', () => {
  it('an officer fixes an invalid number with a live preview, marks a shared number as the office’s, and the reachability follows', async () => {
    const counts = (await backend.call('contacts.counts', {}, admin)).counts;
    const reachAtStart = await backend.call('contacts.reachability', {}, admin);
    expect(counts.invalid).toBeGreaterThan(1);
    const page = await openContacts();

    // The counts by problem, and the figures of who reminders reach.
    const invalidTile = problemTile(page, /^Tidak valid/);
    await expect(invalidTile.locator('.problem-tile-count')).toHaveText(String(counts.invalid));
    await expect(problemTile(page, /^Nomor bersama/).locator('.problem-tile-count')).toHaveText(String(counts.shared));
    await expect(unreachableLine(page)).toHaveText(`${reachAtStart.taxpayers.none} dari 200 wajib pajak`);

    await invalidTile.click();
    await expect(invalidTile).toHaveAttribute('aria-pressed', 'true');
    const rows = queueRows(page);
    await expect(rows).toHaveCount(counts.invalid);
    await expect(rows.first()).toHaveAttribute('aria-current', 'true');

    // Next and previous problem from the keyboard.
    const secondName = (await rows.nth(1).locator('[data-queue-row]').textContent()) ?? '';
    await page.keyboard.press('j');
    await expect(rows.nth(1)).toHaveAttribute('aria-current', 'true');
    await expect(page.getByRole('heading', { level: 2, name: secondName })).toBeVisible();
    await page.keyboard.press('k');
    await expect(rows.first()).toHaveAttribute('aria-current', 'true');
    await page.keyboard.press('Alt+ArrowDown');
    await expect(rows.nth(1)).toHaveAttribute('aria-current', 'true');
    await page.keyboard.press('Alt+ArrowUp');
    await expect(rows.first()).toHaveAttribute('aria-current', 'true');

    // Enter opens the editor on the selected taxpayer; a bad number cannot be saved.
    const name = (await rows.first().locator('[data-queue-row]').textContent()) ?? '';
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Tagihan belum lunas wajib pajak' }).or(page.getByText('Tidak ada tagihan yang belum lunas.'))).toBeVisible();
    await page.keyboard.press('Enter');
    const input = page.getByLabel('Nomor HP baru');
    await expect(input).toBeFocused();
    const preview = page.getByRole('status', { name: 'Pratinjau nomor' });
    const save = page.getByRole('button', { name: 'Simpan', exact: true });
    await input.fill('0812-345');
    await expect(preview).toContainText('Tidak valid');
    await expect(preview).toContainText('terlalu pendek');
    await expect(save).toBeDisabled();

    // Esc cancels; Enter opens the editor again.
    await page.keyboard.press('Escape');
    await expect(input).toHaveCount(0);
    await page.keyboard.press('Enter');
    await expect(input).toBeFocused();

    // A messy but good number: the E.164 form and the status show while typing.
    await input.fill(' (+62) 813.1234.5678 ');
    await expect(preview).toContainText('+6281312345678');
    await expect(preview).toContainText('+62 813 1234 5678');
    await expect(preview).toContainText('Nomor HP valid');
    await expect(save).toBeEnabled();
    await page.getByLabel('Alasan perubahan (opsional)').fill('Dikonfirmasi lewat telepon');
    await save.click();

    await expect(page.getByText(`Nomor HP ${name} disimpan: +62 813 1234 5678.`)).toBeVisible();
    await expect(invalidTile.locator('.problem-tile-count')).toHaveText(String(counts.invalid - 1));
    await expect(rows).toHaveCount(counts.invalid - 1);
    await expect(rows.filter({ hasText: name })).toHaveCount(0);
    const fixed = await backend.call('contacts.queue', { search: name, limit: 5 }, admin);
    expect(fixed.rows.filter((row) => row.name === name)).toHaveLength(0);
    // Reachable now, on WhatsApp: one fewer nobody can reach.
    await expect(unreachableLine(page)).toHaveText(`${reachAtStart.taxpayers.none - 1} dari 200 wajib pajak`);
    const unreachableBefore = await unreachableOnScreen(page);

    // The correction goes to whoever keeps SIMPADA, as a workbook.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor koreksi untuk tim SIMPADA' }).click()]);
    expect(download.suggestedFilename()).toBe('koreksi-kontak-wp.xlsx');
    await expect(page.getByText('Berkas koreksi-kontak-wp.xlsx telah diunduh: 1 koreksi kontak untuk dimasukkan ke SIMPADA.')).toBeVisible();

    // The most used shared number, marked as the office's: its taxpayers are reached by nobody.
    await page.getByRole('tab', { name: 'Nomor bersama' }).click();
    const sharedTable = page.getByRole('table', { name: 'Daftar nomor bersama' });
    const numberRow = sharedTable.locator('tbody tr').first();
    const users = Number(await numberRow.locator('td').nth(1).textContent());
    const phone = (await numberRow.locator('td').first().locator('.mono').textContent()) ?? '';
    expect(users).toBeGreaterThan(1);
    await numberRow.getByRole('button', { name: 'Milik kantor/konsultan' }).click();
    const dialog = page.getByRole('dialog', { name: /^Tandai nomor \+62/ });
    await expect(dialog.getByRole('radio', { name: /Milik kantor atau konsultan/ })).toBeChecked();
    await dialog.getByLabel('Catatan (opsional)').fill('Nomor konsultan pajak');
    await dialog.getByRole('button', { name: 'Simpan tanda' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText(`Saluran pengingat ${users} wajib pajak berubah.`)).toBeVisible();
    await expect(sharedTable.locator('tbody tr').filter({ hasText: phone })).toHaveCount(0);

    await expect(unreachableLine(page)).toHaveText(`${unreachableBefore + users} dari 200 wajib pajak`);
    const reachAfter = await backend.call('contacts.reachability', {}, admin);
    expect(reachAfter.taxpayers.none).toBe(unreachableBefore + users);
    expect(reachAfter.taxpayers.whatsapp + reachAfter.taxpayers.sms + reachAfter.taxpayers.none).toBe(200);
    const marked = await backend.call('contacts.sharedNumbers', { marking: 'office' }, admin);
    expect(marked.numbers).toMatchObject([{ phone, marking: 'office', note: 'Nomor konsultan pajak', markedBy: OFFICER.username }]);

    // The same figure per kecamatan, summed, on the reachability tab.
    await page.getByRole('tab', { name: 'Keterjangkauan' }).click();
    const total = page.getByRole('table', { name: 'Per kecamatan' }).locator('tfoot tr');
    await expect(total.locator('td').first()).toHaveText('200');
    await expect(total.locator('td').nth(3).locator('.cell-main')).toHaveText(String(reachAfter.taxpayers.none));

    // The picture for the README: the invalid numbers, one taxpayer's contact beside their bills.
    await page.getByRole('tab', { name: 'Antrean pemeriksaan' }).click();
    await invalidTile.click();
    await rows.nth(1).locator('[data-queue-row]').click();
    await expect(page.getByRole('table', { name: 'Tagihan belum lunas wajib pajak' })).toBeVisible();
    await page.screenshot({ path: SCREENSHOT });
  });

  it('confirms the first number as primary for many taxpayers with several numbers at once', async () => {
    const several = (await backend.call('contacts.counts', {}, admin)).counts.several;
    expect(several).toBeGreaterThan(2);
    const page = await openContacts();
    const tile = problemTile(page, /^Beberapa nomor/);
    await tile.click();
    const rows = queueRows(page);
    await expect(rows).toHaveCount(several);
    await expect(rows.first()).toContainText('Utama: +62');
    const confirm = page.getByRole('button', { name: /^Tetapkan nomor pertama sebagai nomor utama/ });
    await expect(confirm).toBeDisabled();
    await rows.nth(0).getByRole('checkbox').check();
    await rows.nth(1).getByRole('checkbox').check();
    await expect(confirm).toHaveText('Tetapkan nomor pertama sebagai nomor utama (2)');
    await confirm.click();
    await expect(page.getByText('Nomor pertama ditetapkan sebagai nomor utama untuk 2 wajib pajak.')).toBeVisible();
    await expect(rows).toHaveCount(several - 2);
    await expect(tile.locator('.problem-tile-count')).toHaveText(String(several - 2));

    await page.getByLabel('Pilih semua di halaman ini').check();
    await expect(confirm).toHaveText(`Tetapkan nomor pertama sebagai nomor utama (${several - 2})`);
    await confirm.click();
    await expect(page.getByText('Tidak ada kontak bermasalah yang sesuai dengan saringan.')).toBeVisible();
    expect((await backend.call('contacts.counts', {}, admin)).counts.several).toBe(0);
  });
});
