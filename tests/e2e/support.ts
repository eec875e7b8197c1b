import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright';
import type { App, SessionPort } from '../../main/api/context.js';
import { dispatch } from '../../main/api/dispatch.js';
import { closeApp, createApp } from '../../main/app.js';
import type { Clock } from '../../main/platform/clock.js';
import { rendererDir, startServer } from '../../main/server/index.js';
import type { In, Out, ProcedureName } from '../../shared/api/index.js';
import type { Role } from '../../shared/roles.js';

/**
 * The real backend in this process (a fresh SQLite ledger in a temp folder, HTTP on a free
 * port, the built renderer from dist/renderer) and a Chromium that talks to it. The UI is
 * what is under test; data a test only needs to exist is made through the same dispatcher.
 */
export interface Backend {
  app: App;
  url: string;
  /** Calls a procedure as `as` would, or as nobody; returns its output. */
  call<N extends ProcedureName>(name: N, input: In<N>, as?: SessionPort): Promise<Out<N>>;
  close(): Promise<void>;
}

export const ADMIN = { username: 'admin', fullName: 'Rudi Hartono', password: 'rahasia-admin' };

/** `clock` lets a test move time, e.g. past the session idle limit. */
export async function startBackend(options: { clock?: Clock } = {}): Promise<Backend> {
  if (!fs.existsSync(path.join(rendererDir(), 'index.html'))) {
    throw new Error(`no built renderer in ${rendererDir()}: run \`npx vite build\` first (npm run test:e2e does)`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-e2e-'));
  const app = await createApp({ db: path.join(dir, 'sipeka.db'), env: { SIPEKA_DATA_DIR: dir }, ...options });
  const server = await startServer(app, { port: 0 });
  return {
    app,
    url: server.url,
    call: async (name, input, as = newSession()) => (await dispatch(app, { procedure: name, input, session: as, origin: 'e2e' })) as Out<typeof name>,
    close: async () => {
      await server.close();
      await closeApp(app);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The first administrator, created the way the first-run page does, and their session. */
export async function seedAdmin(backend: Backend): Promise<SessionPort> {
  const session = newSession();
  await backend.call('auth.setup', ADMIN, session);
  return session;
}

export async function seedUser(backend: Backend, admin: SessionPort, user: { username: string; role: Role; password: string; fullName?: string }) {
  await backend.call('users.add', user, admin);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh browser profile (no cookies, no saved language) on the app's start page. */
export async function openApp(browser: Browser, backend: Backend, hash = ''): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const page = await context.newPage();
  await page.goto(`${backend.url}${hash}`);
  return page;
}

/** Fills the login form in either language and waits for the backend's answer. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel(/^(Nama pengguna|User name)$/).fill(username);
  await page.getByLabel(/^(Kata sandi|Password)$/).fill(password);
  await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/api/auth.login')),
    page.getByRole('button', { name: /^(Masuk|Sign in)$/ }).click(),
  ]);
}

function newSession(): SessionPort {
  return {
    token: null,
    set(token) {
      this.token = token;
    },
  };
}
