import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app as electronApp, BrowserWindow, net, protocol, session, shell } from 'electron';
import log from 'electron-log/main';
import { closeApp, createApp } from '../app.js';
import { packageRoot } from '../platform/package-root.js';
import { CONTENT_SECURITY_POLICY } from '../server/static-files.js';
import { registerIpc } from './ipc.js';

/**
 * The desktop shell: one window on the built renderer, served from the `app://` scheme so the
 * renderer's absolute asset paths work and the strict CSP applies. The backend runs in this
 * process; the renderer reaches it only through the preload's `invoke`.
 */
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
log.initialize();

async function start(): Promise<void> {
  await electronApp.whenReady();
  const backend = await createApp({ env: process.env });
  registerIpc(backend);
  const rendererDir = path.join(packageRoot().root, 'dist', 'renderer');
  protocol.handle('app', (request) => {
    const { pathname } = new URL(request.url);
    const file = path.join(rendererDir, path.normalize(decodeURIComponent(pathname)));
    const inside = file.startsWith(rendererDir) && path.extname(file) !== '';
    return net.fetch(pathToFileURL(inside ? file : path.join(rendererDir, 'index.html')).toString());
  });
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  const window = new BrowserWindow({
    width: 1366,
    height: 768,
    title: 'SI PEKA',
    webPreferences: {
      preload: path.join(packageRoot().root, 'dist', 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  // Links to the outside world open in the system browser, never inside the app window.
  window.webContents.setWindowOpenHandler(({ url }) => {
    void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith('app://')) event.preventDefault();
  });
  await window.loadURL('app://sipeka/index.html');

  electronApp.on('window-all-closed', () => {
    void closeApp(backend).finally(() => electronApp.quit());
  });
}

start().catch((err: unknown) => {
  log.error('SI PEKA failed to start', err);
  electronApp.exit(1);
});
