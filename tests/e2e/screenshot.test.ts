import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'playwright/test';
import { afterAll, beforeAll, it } from 'vitest';
import type { Browser } from 'playwright';
import { ADMIN, type Backend, launchBrowser, openApp, seedAdmin, signIn, startBackend } from './support.js';

/** Refreshes the README's picture of the shell: an administrator on Beranda at the office screen size. */
const SCREENSHOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshot-shell.png');

let browser: Browser;
let backend: Backend;

beforeAll(async () => {
  browser = await launchBrowser();
  backend = await startBackend();
});
afterAll(async () => {
  await backend.close();
  await browser.close();
});

it('saves a screenshot of the shell at 1366×768', async () => {
  await seedAdmin(backend);
  const page = await openApp(browser, backend);
  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: 'Beranda', level: 1 })).toBeVisible();
  await page.screenshot({ path: SCREENSHOT });
});
