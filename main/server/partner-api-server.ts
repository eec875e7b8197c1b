import http from 'node:http';
import https from 'node:https';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { App } from '../api/context.js';
import { addressAllowed } from '../payments/partner-secrets.js';
import type { PartnerCall, Reply } from '../payments/partner-api/reply.js';
import { logRequest, pruneRequestBodies } from '../payments/partner-api/request-log.js';
import { answerPartnerCall, routeOf, tooLarge } from '../payments/partner-api/router.js';
import type { RunningServer } from './index.js';
import { readBody } from './read-body.js';

/** Partners send a few hundred bytes; 16 KB leaves room and refuses floods early. */
export const PARTNER_BODY_LIMIT = 16 * 1024;
export const DEFAULT_PARTNER_PORT = 8443;
const DAY_MS = 86_400_000;

export interface PartnerServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Addresses (CIDRs) of reverse proxies whose X-Forwarded-For is believed; nobody else's is. */
  trustProxy?: string[];
  tls?: { certFile: string; keyFile: string };
}

/**
 * The partner payment API on its own listener, so it can be exposed to banks without the
 * officers' API or UI behind it: nothing but the five partner routes is served here.
 */
export async function startPartnerApiServer(app: App, options: PartnerServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const trusted = options.trustProxy ?? [];
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => void servePartnerRequest(app, req, res, trusted);
  const server = options.tls
    ? https.createServer({ cert: fs.readFileSync(options.tls.certFile), key: fs.readFileSync(options.tls.keyFile) }, handler)
    : http.createServer(handler);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PARTNER_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const prune = () => void pruneRequestBodies(app.ledger.db, app.clock.now()).catch((err: Error) => app.logger.warn('partner api: could not prune old bodies', { error: err.message }));
  prune();
  const daily = setInterval(prune, DAY_MS);
  daily.unref();
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    server,
    url: `${options.tls ? 'https' : 'http'}://${shownHost}:${port}/`,
    close: () =>
      new Promise((resolve) => {
        clearInterval(daily);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function servePartnerRequest(app: App, req: http.IncomingMessage, res: http.ServerResponse, trusted: string[]): Promise<void> {
  const startedAt = performance.now();
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const route = req.method === 'POST' ? routeOf(path) : null;
  if (!route) return send(res, { http: 404, code: '404', body: { status_code: '404', message: 'Tidak ditemukan' } });
  const call: PartnerCall = { api: route.api, endpoint: path, method: 'POST', address: clientAddress(req, trusted), headers: req.headers, raw: Buffer.alloc(0), startedAt };
  let reply: Reply;
  try {
    call.raw = await readBody(req, PARTNER_BODY_LIMIT);
  } catch {
    reply = tooLarge(route, PARTNER_BODY_LIMIT);
    await logRequest(app.ledger.db, call, { partnerId: null, taxId: null, idempotencyKey: null }, reply, app.clock.now()).catch(() => undefined);
    res.setHeader('connection', 'close');
    return send(res, reply);
  }
  reply = await answerPartnerCall(app, route, call);
  send(res, reply);
}

/**
 * The socket's address, or, when the socket is a configured proxy, the address that proxy
 * saw: the last X-Forwarded-For entry (earlier entries are whatever the client claimed).
 */
export function clientAddress(req: http.IncomingMessage, trusted: string[]): string {
  const socket = req.socket.remoteAddress ?? '';
  if (trusted.length === 0 || !addressAllowed(trusted, socket)) return socket;
  const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return forwarded[forwarded.length - 1] ?? socket;
}

function send(res: http.ServerResponse, reply: Reply): void {
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.http, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
