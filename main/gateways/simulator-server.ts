import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RemoteStatus } from './gateway.js';
import { TokenBucket } from './token-bucket.js';
import { type SmsSimulatorOptions, smsSendEndpoint } from './simulator-sms.js';
import { Rng } from '../platform/rng.js';

export interface SimulatorOptions extends SmsSimulatorOptions {
  host?: string;
  /** 0: a free port. */
  port?: number;
  /** How long each send takes to answer. */
  latencyMs?: number;
  /**
   * Share of sends that fail: half answer a 5xx at once (nothing recorded as accepted), half
   * are accepted and later reported `failed` (131026) by the webhook.
   */
  failRate?: number;
  /** Share of delivered messages later read. */
  readRate?: number;
  /** Messages a second before answering 429 / 130429; 0 unlimited. */
  rateLimit?: number;
  /** Where statuses go (`<serve URL>/webhooks/whatsapp`); none: no webhooks. */
  webhookUrl?: string | null;
  /** Signs webhooks as Meta does (X-Hub-Signature-256). */
  appSecret?: string;
  /** Required as `Authorization: Bearer …` when set. */
  accessToken?: string | null;
  /** Delay between a message's statuses. */
  statusDelayMs?: number;
  seed?: number;
  /** Do not keep the process alive (the built-in simulator inside `serve` or a CLI dispatch). */
  unref?: boolean;
}

export interface ReceivedMessage {
  /** Our outbox ref (`biz_opaque_callback_data`). */
  ref: string | null;
  to: string;
  id: string;
  at: string;
  template: string | null;
  parameters: string[];
  /** An SMS's text. */
  text?: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
}

export interface RunningSimulator {
  url: string;
  /** Every message accepted, in order; a ref twice is a duplicate. */
  received: ReceivedMessage[];
  duplicates(): number;
  /** A taxpayer writes back (e.g. `BERHENTI`): sent to the webhook as an inbound message. */
  inbound(from: string, text: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A stand-in for the WhatsApp Business Cloud API: the same request and answer shapes, realistic
 * ids and errors, and status webhooks signed like Meta's. New installs send here, so nobody
 * real is messaged until an administrator configures a real gateway.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const random = seededRandom(options.seed ?? Date.now());
  const failRate = options.failRate ?? 0;
  const readRate = options.readRate ?? 1;
  const bucket = new TokenBucket(options.rateLimit ?? 0, Math.max(1, options.rateLimit ?? 1));
  const statusDelay = options.statusDelayMs ?? 200;
  const received: ReceivedMessage[] = [];
  const byRef = new Map<string, ReceivedMessage>();
  const timers = new Set<NodeJS.Timeout>();

  const later = (ms: number, run: () => Promise<void>) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      void run().catch(() => undefined);
    }, ms);
    if (options.unref) timer.unref();
    timers.add(timer);
  };

  const webhook = async (value: Record<string, unknown>) => {
    if (!options.webhookUrl) return;
    const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: 'SIMULATOR', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '6281100000000', phone_number_id: 'SIMULATOR' }, ...value } }] }] });
    const signature = `sha256=${createHmac('sha256', options.appSecret ?? '').update(body).digest('hex')}`;
    await fetch(options.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body, signal: AbortSignal.timeout(10_000) });
  };

  const status = (m: ReceivedMessage, state: ReceivedMessage['status'], error?: { code: number; title: string }) => {
    m.status = state;
    const entry: Record<string, unknown> = { id: m.id, status: state, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: m.to, biz_opaque_callback_data: m.ref ?? undefined };
    if (error) entry.errors = [{ code: error.code, title: error.title, message: error.title, error_data: { details: error.title } }];
    return webhook({ statuses: [entry] });
  };

  const record = (message: ReceivedMessage) => {
    received.push(message);
    if (message.ref && !byRef.has(message.ref)) byRef.set(message.ref, message);
  };
  const sms = smsSendEndpoint({ options, statusDelayMs: statusDelay, random, record, later });

  const accept = (to: string, payload: SendPayload): ReceivedMessage => {
    const message: ReceivedMessage = {
      ref: typeof payload.biz_opaque_callback_data === 'string' ? payload.biz_opaque_callback_data : null,
      to,
      id: `wamid.HBgM${to}${randomBytes(12).toString('hex').toUpperCase()}`,
      at: new Date().toISOString(),
      template: payload.template?.name ?? null,
      parameters: payload.template?.components?.flatMap((c) => c.parameters?.map((p) => p.text ?? '') ?? []) ?? [],
      status: 'sent',
    };
    record(message);
    const fails = random() < failRate / 2;
    const reads = random() < readRate;
    later(statusDelay, () => status(message, 'sent'));
    if (fails) later(statusDelay * 2, () => status(message, 'failed', { code: 131026, title: 'Message undeliverable' }));
    else {
      later(statusDelay * 2, () => status(message, 'delivered'));
      if (reads) later(statusDelay * 3, () => status(message, 'read'));
    }
    return message;
  };

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => reply(res, 500, metaError(1, `simulator: ${(err as Error).message}`)));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const refMatch = /^\/_sim\/ref\/(.+)$/.exec(url.pathname);
    if (req.method === 'GET' && refMatch) {
      const m = byRef.get(decodeURIComponent(refMatch[1] ?? ''));
      const answer: RemoteStatus = m ? { found: true, id: m.id, status: m.status } : { found: false };
      return reply(res, m ? 200 : 404, answer);
    }
    if (req.method === 'GET' && url.pathname === '/_sim/messages') return reply(res, 200, { received, duplicates: countDuplicates(received) });
    if (url.pathname === '/sms/send') return sms(req, res, url);
    if (req.method !== 'POST' || !/^\/v\d+\.\d+\/[^/]+\/messages$/.test(url.pathname)) return reply(res, 404, metaError(803, 'Unknown path components'));
    if (options.accessToken && req.headers.authorization !== `Bearer ${options.accessToken}`) return reply(res, 401, metaError(190, 'Invalid OAuth access token'));
    const payload = JSON.parse(await readAll(req)) as SendPayload;
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    if (bucket.tryTake() > 0) return reply(res, 429, metaError(130429, 'Rate limit hit', 'Cloud API message throughput has been reached.'));
    if (random() < failRate / 2) return reply(res, 503, metaError(131000, 'Something went wrong'));
    const to = String(payload.to ?? '');
    if (!/^62\d{8,13}$/.test(to)) return reply(res, 400, metaError(131009, 'Parameter value is not valid', `Invalid recipient ${to}`));
    // The simulator's "not on WhatsApp" range: numbers ending in 0000.
    if (to.endsWith('0000')) return reply(res, 400, metaError(131026, 'Message undeliverable', 'Receiver is incapable of receiving this message'));
    const message = accept(to, payload);
    reply(res, 200, { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id: message.id, message_status: 'accepted' }] });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  server.keepAliveTimeout = 30_000;
  if (options.unref) server.unref();
  const address = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${address.port}`,
    received,
    duplicates: () => countDuplicates(received),
    inbound: (from, text) =>
      webhook({ contacts: [{ wa_id: from.replace(/^\+/, '') }], messages: [{ from: from.replace(/^\+/, ''), id: `wamid.IN${randomBytes(8).toString('hex')}`, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: text } }] }),
    close: () =>
      new Promise((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface SendPayload {
  to?: string;
  biz_opaque_callback_data?: unknown;
  template?: { name?: string; components?: { parameters?: { text?: string }[] }[] };
}

export function countDuplicates(received: readonly ReceivedMessage[]): number {
  const seen = new Set<string>();
  let duplicates = 0;
  for (const m of received) {
    const key = m.ref ?? m.id;
    if (seen.has(key)) duplicates += 1;
    seen.add(key);
  }
  return duplicates;
}

function metaError(code: number, message: string, details = message) {
  return { error: { message: `(#${code}) ${message}`, type: 'OAuthException', code, error_data: { messaging_product: 'whatsapp', details }, fbtrace_id: randomBytes(9).toString('base64url') } };
}

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readAll(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}


/** Uniform in [0, 1) from a seed: the same run every time. */
function seededRandom(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}
