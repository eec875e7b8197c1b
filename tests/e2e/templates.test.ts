import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'playwright/test';
import type { Browser, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
import { ManualClock } from '../../main/platform/clock.js';
import { type Backend, launchBrowser, openApp, seedAdmin, seedUser, signIn, startBackend } from './support.js';

/** 15 September 2026, 10.00 WIB. */
const NOW = '2026-09-15T03:00:00Z';
const OFFICER = { username: 'budi', fullName: 'Budi Santoso', role: 'officer' as const, password: 'rahasia-budi' };
const HEAD = { username: 'hendra', fullName: 'Hendra Wijaya', role: 'head' as const, password: 'rahasia-hendra' };
const SCREENSHOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshot-templates.png');

const NAME = 'Pengingat H-3 Restoran';
/** A first draft with a typo in the name placeholder and no due date: two errors the editor must show. */
const FIRST_DRAFT = [
  'Yth. Bapak/Ibu {nama_pemilik}',
  '',
  'Tagihan {jenis_pajak} untuk {objek_pajak} sebesar *{total}* belum kami terima.',
  'Kode bayar: {kode_bayar}. Cara bayar: {cara_bayar}.',
  '',
  'Terima kasih.',
].join('\n');
const REASON = 'Cantumkan kontak instansi agar wajib pajak dapat bertanya.';

/** The part of a textarea the test reads (the tests compile without the DOM library). */
interface TextArea {
  value: string;
  selectionStart: number;
  selectionEnd: number;
}

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

async function signedIn(user: { username: string; password: string }, hash = ''): Promise<Page> {
  const page = await openApp(browser, backend, hash);
  await signIn(page, user.username, user.password);
  return page;
}

function menu(page: Page) {
  return page.getByRole('navigation', { name: 'Menu utama' });
}

function body(page: Page) {
  return page.getByLabel('Isi pesan', { exact: true });
}

function issues(page: Page) {
  return page.getByRole('list', { name: 'Masalah pada template' });
}

function inboxItem(page: Page, version: number) {
  return page.getByRole('article', { name: `${NAME}, versi ${version}` });
}

describe('Template Pesan', () => {
  it('an officer drafts a WhatsApp reminder with live checks and a real preview; the head rejects, then approves; the audit log shows each step', async () => {
    const admin = await seedAdmin(backend);
    await seedUser(backend, admin, OFFICER);
    await seedUser(backend, admin, HEAD);
    await backend.call('ledger.loadDemo', { taxpayers: 60, seed: 7 }, admin);
    const [debtor] = (await backend.call('ledger.taxpayers', { sort: 'unpaidPrincipal', direction: 'desc', limit: 1 }, admin)).rows;
    if (!debtor) throw new Error('the demo ledger has no taxpayer');

    // 1. The officer starts a new WhatsApp template for H-3.
    const officer = await signedIn(OFFICER);
    await menu(officer).getByRole('link', { name: 'Template Pesan' }).click();
    await expect(officer.getByRole('heading', { name: 'Template Pesan', level: 1 })).toBeVisible();
    await officer.getByRole('link', { name: '+ Template baru' }).click();
    await expect(officer.getByRole('heading', { name: 'Template baru', level: 1 })).toBeVisible();
    await officer.getByLabel('Nama template', { exact: true }).fill(NAME);
    await expect(officer.getByLabel('Kanal')).toHaveValue('whatsapp');
    await officer.getByLabel('Tujuan').selectOption('H-3');
    await expect(issues(officer)).toContainText('Isi pesan masih kosong.');

    // 2. Live checks: the unknown placeholder is underlined where it was typed; KF-03 names what is missing.
    await body(officer).fill(FIRST_DRAFT);
    await expect(issues(officer)).toContainText('Nama template Meta wajib diisi untuk WhatsApp.');
    await officer.getByRole('button', { name: 'Buat dari nama' }).click();
    await expect(officer.getByLabel('Nama template Meta', { exact: true })).toHaveValue('pengingat_h_3_restoran');
    await expect(issues(officer)).toContainText('{nama_pemilik} bukan placeholder yang dikenal.');
    await expect(issues(officer)).toContainText('Pengingat wajib memuat jatuh tempo: sisipkan {jatuh_tempo} atau {daftar_tagihan}.');
    await expect(issues(officer)).toContainText('Pengingat wajib memuat nama WP: sisipkan {nama_wp}.');
    await expect(officer.locator('.body-mirror .hl-error')).toHaveText('{nama_pemilik}');
    await expect(officer.getByRole('list', { name: 'Isi wajib pengingat (KF-03):' }).getByText('Jatuh tempo')).toContainText('wajib, belum ada');
    await expect(officer.getByRole('button', { name: 'Ajukan ke Kepala' })).toBeDisabled();
    await issues(officer).getByRole('listitem').filter({ hasText: '{nama_pemilik}' }).getByRole('button', { name: 'baris 1, kolom 16' }).click();
    expect(await body(officer).evaluate((area: TextArea) => area.value.slice(area.selectionStart, area.selectionEnd))).toBe('{nama_pemilik}');

    // 3. The preview with a real taxpayer, found by name, in a WhatsApp bubble.
    await officer.getByRole('radio', { name: 'Wajib pajak' }).click();
    await officer.getByLabel('Cari wajib pajak').fill(debtor.name);
    await officer.getByRole('list', { name: 'Wajib pajak yang ditemukan' }).getByRole('button', { name: new RegExp(escapeRegExp(debtor.name)) }).first().click();
    const bubble = officer.getByRole('figure', { name: 'Pratinjau pesan WhatsApp' });
    await expect(officer.getByText(`Diisi untuk ${debtor.name}`)).toBeVisible();
    await expect(bubble).toContainText('{nama_pemilik}');

    // 4. Fix both: the right placeholder by typing, the due date from the palette at the cursor.
    await body(officer).fill(FIRST_DRAFT.replace('{nama_pemilik}', '{nama_wp}').replace('Terima kasih.', 'Mohon dibayar sebelum '));
    await body(officer).press('Control+End');
    await officer.getByRole('button', { name: /^Sisipkan \{jatuh_tempo\}/ }).click();
    await body(officer).pressSequentially('.\n\nTerima kasih.');
    await expect(body(officer)).toHaveValue(/Mohon dibayar sebelum \{jatuh_tempo\}\.\n\nTerima kasih\.$/);
    await expect(officer.getByText('Tidak ada masalah.')).toBeVisible();
    await expect(bubble).toContainText(`Yth. Bapak/Ibu ${debtor.name}`);
    await expect(officer.getByRole('table', { name: 'Pemetaan placeholder ke variabel Meta' })).toContainText('{nama_wp}');
    await expect(officer.getByLabel('Isi untuk didaftarkan di Meta')).toContainText('Yth. Bapak/Ibu {{1}}');
    await officer.locator('.content').evaluate((content: { scrollTo(x: number, y: number): void }) => content.scrollTo(0, 0));
    await officer.screenshot({ path: SCREENSHOT });

    // 5. Submit: saved and sent to the head in one step.
    await officer.getByRole('button', { name: 'Ajukan ke Kepala' }).click();
    await expect(officer.getByText(`“${NAME}” versi 1 diajukan ke Kepala untuk disetujui.`)).toBeVisible();
    await expect(officer.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();
    await expect(officer.getByText('Teks dikunci selama ditinjau', { exact: false })).toBeVisible();
    const templateUrl = officer.url();

    // 6. The head finds it in the inbox and rejects it with a reason.
    const head = await signedIn(HEAD, '#/template/persetujuan');
    await expect(head.getByRole('tab', { name: 'Kotak persetujuan' })).toHaveAttribute('aria-selected', 'true');
    await expect(inboxItem(head, 1)).toContainText('Belum ada versi yang berlaku');
    await expect(inboxItem(head, 1)).toContainText('diajukan oleh budi');
    await inboxItem(head, 1).getByRole('button', { name: 'Tolak…' }).click();
    const dialog = head.getByRole('dialog', { name: `Tolak “${NAME}” versi 1` });
    await dialog.getByLabel('Alasan penolakan').fill(REASON);
    await dialog.getByRole('button', { name: 'Tolak template' }).click();
    await expect(head.getByText(`“${NAME}” versi 1 ditolak`, { exact: false })).toBeVisible();
    await expect(head.getByText('Tidak ada template yang menunggu persetujuan.')).toBeVisible();

    // 7. The officer sees the rejection and its reason, fixes the text and submits again.
    await officer.goto(`${backend.url}#/template`);
    const row = officer.getByRole('row', { name: new RegExp(NAME) });
    await expect(row).toContainText('Ditolak');
    await row.getByRole('link', { name: NAME }).click();
    await expect(officer.getByText('Ditolak oleh hendra', { exact: false })).toBeVisible();
    await expect(officer.getByText(`“${REASON}”`)).toBeVisible();
    await body(officer).press('Control+End');
    await body(officer).pressSequentially('\nInformasi: {kontak_instansi}.');
    await officer.getByRole('button', { name: 'Ajukan ke Kepala' }).click();
    await expect(officer.getByText(`“${NAME}” versi 1 diajukan ke Kepala untuk disetujui.`)).toBeVisible();
    expect(officer.url()).toBe(templateUrl);

    // 8. The head approves; without Meta's approval it is not used yet.
    await head.reload();
    await expect(inboxItem(head, 1).getByRole('group', { name: 'Perubahan isi pesan' })).toContainText('Informasi: {kontak_instansi}.');
    await inboxItem(head, 1).getByRole('button', { name: 'Setujui' }).click();
    await expect(head.getByText(`“${NAME}” versi 1 disetujui; template dipakai setelah Meta juga menyetujuinya.`)).toBeVisible();

    // 9. The officer records Meta's approval: now it is in use.
    await officer.reload();
    await expect(officer.locator('.workflow-facts')).toContainText('Menunggu Meta');
    await officer.getByLabel('Status Meta').selectOption('approved');
    await officer.getByRole('button', { name: 'Catat' }).click();
    await expect(officer.locator('.workflow-facts')).toContainText('Dipakai');

    // 10. The version history shows the one version and its text.
    await officer.getByRole('link', { name: 'Riwayat versi (1)' }).click();
    await expect(officer.getByRole('heading', { name: `Riwayat versi: ${NAME}`, level: 1 })).toBeVisible();
    await expect(officer.getByRole('listitem', { name: 'Versi 1' })).toContainText('Disetujui oleh hendra');

    // 11. The audit log has every step, in order.
    await head.goto(`${backend.url}#/audit`);
    await head.getByLabel('Tindakan (awalan kode)').fill('templates.');
    await head.getByRole('button', { name: 'Terapkan' }).click();
    const actions = head.getByRole('table').locator('tbody tr .code-line');
    await expect(actions).toHaveText(['templates.setMetaStatus', 'templates.approve', 'templates.submit', 'templates.update', 'templates.reject', 'templates.submit', 'templates.create']);
    await expect(head.getByRole('row').filter({ hasText: 'templates.reject' })).toContainText(REASON);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
