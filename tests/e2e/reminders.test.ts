import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'playwright/test';
import type { Browser, Locator, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
import type { SessionPort } from '../../main/api/context.js';
import { type RunningSimulator, startSimulator } from '../../main/gateways/index.js';
import { ManualClock } from '../../main/platform/clock.js';
import { type Backend, launchBrowser, openApp, seedAdmin, seedUser, signIn, startBackend } from './support.js';

/** Tuesday 15 September 2026, 09.00 WIB: a working day inside the send window. */
const NOW = '2026-09-15T02:00:00Z';
const OFFICER = { username: 'budi', fullName: 'Budi Santoso', role: 'officer' as const, password: 'rahasia-budi' };
const APP_SECRET = 'rahasia-simulator-e2e';
/** The README's picture of the monitoring screen, at the office screen size. */
const SCREENSHOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshot-reminders.png');

let browser: Browser;
let backend: Backend;
let admin: SessionPort;
let simulator: RunningSimulator;

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
  await backend.call('ledger.loadDemo', { taxpayers: 200, seed: 1 }, admin);
  // The default templates start as drafts; their review is the templates screen's test, so here they are simply approved.
  await backend.app.ledger.db
    .updateTable('templates')
    .set({ status: 'approved', meta_status: 'approved', decided_by: 'kepala', decided_at: new Date(NOW).toISOString() })
    .execute();
  // A simulator that reads half of what it delivers, so both counts stay on screen once sending ends.
  simulator = await startSimulator({ webhookUrl: new URL('webhooks/whatsapp', backend.url).toString(), appSecret: APP_SECRET, readRate: 0.5, statusDelayMs: 100, seed: 7 });
  for (const channel of ['whatsapp', 'sms'] as const) {
    await backend.call('gateways.set', { channel, kind: 'simulator', baseUrl: simulator.url, ratePerSecond: 0, appSecret: APP_SECRET }, admin);
  }
});
afterEach(async () => {
  await backend.close();
  await simulator.close();
});

async function openReminders(): Promise<Page> {
  const page = await openApp(browser, backend);
  await signIn(page, OFFICER.username, OFFICER.password);
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pengingat' }).click();
  await expect(page.getByRole('heading', { name: 'Pengingat', level: 1 })).toBeVisible();
  return page;
}

function stateCount(page: Page, state: string): Locator {
  return page.locator('dl[aria-label="Jumlah pesan menurut status"]').locator(`dd[data-state="${state}"]`);
}

async function countOf(page: Page, state: string): Promise<number> {
  return Number(((await stateCount(page, state).textContent()) ?? '').replace(/\D/g, ''));
}

describe('Pengingat', () => {
  it('an officer plans today’s reminders, starts sending, and watches the counts move to delivered and read', async () => {
    const page = await openReminders();

    // The dry run first: how many messages today's plan makes, before any is created.
    await page.getByRole('button', { name: 'Rencanakan hari ini' }).click();
    const planned = Number(((await page.getByTestId('plan-preview-count').textContent()) ?? '').replace(/\D/g, ''));
    expect(planned).toBeGreaterThan(0);
    await expect.poll(() => countOf(page, 'queued')).toBe(0);
    await page.getByRole('button', { name: /^Buat .* pesan$/ }).click();
    await expect(page.getByText(/pesan direncanakan untuk/)).toBeVisible();
    await expect.poll(() => countOf(page, 'queued'), { timeout: 5000 }).toBe(planned);
    await expect(page.getByRole('table', { name: 'Rencana menurut tahap dan kanal' })).toBeVisible();

    await page.getByRole('button', { name: 'Mulai kirim' }).click();
    await expect.poll(() => countOf(page, 'read'), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => countOf(page, 'queued'), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => countOf(page, 'delivered'), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect(page.getByRole('status').filter({ hasText: 'Tidak sedang mengirim' })).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: SCREENSHOT });

    // A failure says what it means and what to do, not only the gateway's code.
    const db = backend.app.ledger.db;
    const failedOne = await db.selectFrom('outbox').select('id').where('state', 'in', ['delivered', 'read']).orderBy('id').limit(1).executeTakeFirstOrThrow();
    await db.updateTable('outbox').set({ state: 'failed', error_code: '131026' }).where('id', '=', failedOne.id).execute();
    const failures = page.getByRole('table', { name: 'Kegagalan menurut penyebab' });
    await expect(failures).toContainText('Nomor tidak terdaftar di WhatsApp.', { timeout: 5000 });
    await expect(failures).toContainText('Kirim lewat SMS atau perbaiki nomor');

    // Search by number, then the taxpayer's own page shows what they were sent.
    const list = page.getByRole('table', { name: 'Daftar pesan' });
    const first = list.locator('tbody tr').first();
    const recipient = ((await first.locator('td').nth(3).textContent()) ?? '').trim();
    await page.getByLabel('Cari NPWPD atau nomor').fill(recipient.replace(/^\+62/, '0'));
    await expect(list.locator('tbody tr td:nth-child(4)').first()).toHaveText(recipient);
    const name = ((await list.locator('tbody tr a.cell-main').first().textContent()) ?? '').trim();
    await list.locator('tbody tr a.cell-main').first().click();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    const timeline = page.getByRole('list', { name: 'Riwayat pesan' });
    await expect(timeline).toBeVisible();
    await expect(timeline.locator('.message-timeline-item').first()).toContainText(recipient);
  });
});
