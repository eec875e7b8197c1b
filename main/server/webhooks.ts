import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App } from '../api/context.js';
import { webhookSecrets } from '../gateways/index.js';
import { applyStatus, type GatewayStatus, recordInbound } from '../reminders/message-status.js';
import { readBody } from './read-body.js';
import { handleSmsDeliveryReport, SMS_REPORT_PREFIX } from './sms-delivery-reports.js';

const WEBHOOK_BODY_LIMIT = 1024 * 1024;
const STATUSES = new Set<GatewayStatus>(['sent', 'delivered', 'read', 'failed']);

/**
 * `/webhooks/whatsapp`: Meta's subscription check (GET with `hub.challenge`) and its status
 * and inbound-message notifications (POST, signed with the app secret in X-Hub-Signature-256).
 */
export async function handleWebhook(app: App, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  try {
    if (url.pathname.startsWith(SMS_REPORT_PREFIX)) return await handleSmsDeliveryReport(app, req, res, url);
    if (url.pathname !== '/webhooks/whatsapp') return end(res, 404, 'not found');
    const { appSecret, verifyToken } = await webhookSecrets(app);
    if (req.method === 'GET') {
      const ok = url.searchParams.get('hub.mode') === 'subscribe' && verifyToken !== null && safeEqual(url.searchParams.get('hub.verify_token') ?? '', verifyToken);
      return ok ? end(res, 200, url.searchParams.get('hub.challenge') ?? '') : end(res, 403, 'verification failed');
    }
    if (req.method !== 'POST') return end(res, 405, 'method not allowed');
    const raw = await readBody(req, WEBHOOK_BODY_LIMIT);
    if (!appSecret || !validSignature(raw, String(req.headers['x-hub-signature-256'] ?? ''), appSecret)) {
      app.logger.warn('webhook: refused a notification with a bad signature', { from: req.socket.remoteAddress });
      return end(res, 401, 'bad signature');
    }
    const counts = await applyNotification(app, JSON.parse(raw.toString('utf8')) as Notification);
    end(res, 200, JSON.stringify(counts));
  } catch (err) {
    app.logger.error('webhook: could not process a notification', { error: (err as Error).message });
    end(res, 500, 'error');
  }
}

export function validSignature(raw: Buffer, header: string, appSecret: string): boolean {
  const expected = `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`;
  return safeEqual(header, expected);
}

interface Notification {
  entry?: { changes?: { value?: NotificationValue }[] }[];
}
interface NotificationValue {
  statuses?: { id?: string; status?: string; timestamp?: string; biz_opaque_callback_data?: string; errors?: { code?: number; title?: string; message?: string; error_data?: { details?: string } }[] }[];
  messages?: { from?: string; timestamp?: string; type?: string; text?: { body?: string }; button?: { text?: string } }[];
}

async function applyNotification(app: App, notification: Notification) {
  const counts = { applied: 0, stale: 0, not_found: 0, opt_outs: 0 };
  const values = (notification.entry ?? []).flatMap((e) => (e.changes ?? []).map((c) => c.value ?? {}));
  await app.ledger.db.transaction().execute(async (trx) => {
    for (const value of values) {
      for (const s of value.statuses ?? []) {
        if (!s.id || !STATUSES.has(s.status as GatewayStatus)) continue;
        const error = s.errors?.[0];
        const outcome = await applyStatus(trx, {
          gatewayMessageId: s.id,
          ref: s.biz_opaque_callback_data ?? null,
          status: s.status as GatewayStatus,
          at: instant(s.timestamp, app),
          errorCode: error?.code === undefined ? null : String(error.code),
          errorDetail: error?.error_data?.details ?? error?.message ?? error?.title ?? null,
        });
        counts[outcome] += 1;
      }
      for (const m of value.messages ?? []) {
        const text = m.text?.body ?? m.button?.text;
        if (!m.from || !text) continue;
        if (await recordInbound(trx, `+${m.from.replace(/^\+/, '')}`, text, instant(m.timestamp, app))) counts.opt_outs += 1;
      }
    }
  });
  return counts;
}

function instant(timestamp: string | undefined, app: App): Date {
  const seconds = Number(timestamp);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : app.clock.now();
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function end(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(body);
}
