import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { App } from '../api/context.js';
import { packageRoot } from '../platform/package-root.js';
import { handleApi } from './api.js';
import { serveStatic } from './static-files.js';
import { handleWebhook } from './webhooks.js';

export const DEFAULT_PORT = 8750;
export const rendererDir = () => path.join(packageRoot().root, 'dist', 'renderer');

export interface ServeOptions {
  host?: string;
  /** 0 picks a free port; a busy port moves on to the next free one when `nextFreePort` is set. */
  port?: number;
  nextFreePort?: boolean;
  rendererDir?: string;
}

export interface RunningServer {
  server: http.Server;
  url: string;
  close(): Promise<void>;
}

/** The HTTP face of the backend: the officers' `/api`, the built UI, and a health check. */
export async function startServer(app: App, options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const root = options.rendererDir ?? rendererDir();
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) {
      void handleApi(app, req, res, decodeURIComponent(url.slice(5).split('?')[0] ?? ''));
    } else if (url.startsWith('/webhooks/')) {
      void handleWebhook(app, req, res, new URL(url, 'http://localhost'));
    } else if (url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, version: app.version }));
    } else {
      serveStatic(root, req, res);
    }
  });
  server.keepAliveTimeout = 5_000;
  let port = options.port ?? DEFAULT_PORT;
  for (let tries = 0; ; tries += 1) {
    try {
      await listen(server, port, host);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || !options.nextFreePort || tries >= 50) throw err;
      port += 1;
    }
  }
  const address = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    server,
    url: `http://${shownHost}:${address.port}/`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
