import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import type { App } from '../api/context.js';
import { recordDeliveryProblem } from '../contacts/index.js';
import type { Database } from '../db/schema.js';
import { readDeliveryReports, type SmsDeliveryReport, smsDeliverySettings } from '../gateways/index.js';
import { applyStatus } from '../reminders/message-status.js';
import { readBody } from './read-body.js';

const REPORT_BODY_LIMIT = 1024 * 1024;
export const SMS_REPORT_PREFIX = '/webhooks/sms/';

/**
 * `/webhooks/sms/<token>`: an SMS provider's delivery reports (GET or POST; JSON, form or query).
 * The token, made when the gateway was configured, is the only proof the report comes from the
 * provider, so a wrong one is a plain 404 and changes nothing. Statuses go through the same
 * monotonic path as WhatsApp's.
 */
export async function handleSmsDeliveryReport(app: App, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  try {
    if (req.method !== 'POST' && req.method !== 'GET') return end(res, 405, 'method not allowed');
    const settings = await smsDeliverySettings(app);
    const token = url.pathname.slice(SMS_REPORT_PREFIX.length);
    if (!settings || !safeEqual(token, settings.token)) {
      app.logger.warn('sms delivery report: refused a report to an unknown address', { from: req.socket.remoteAddress });
      return end(res, 404, 'not found');
    }
    const body = req.method === 'POST' ? (await readBody(req, REPORT_BODY_LIMIT)).toString('utf8') : '';
    let read: ReturnType<typeof readDeliveryReports>;
    try {
      read = readDeliveryReports(settings.config, url.searchParams, body, req.headers['content-type']);
    } catch {
      return end(res, 400, 'unreadable report');
    }
    const { reports, ignored } = read;
    const counts = await app.ledger.db.transaction().execute((trx) => applyReports(trx, reports, app.clock.now()));
    end(res, 200, JSON.stringify({ ...counts, ignored }));
  } catch (err) {
    app.logger.error('sms delivery report: could not process a report', { error: (err as Error).message });
    end(res, 500, 'error');
  }
}

async function applyReports(trx: Kysely<Database>, reports: SmsDeliveryReport[], at: Date) {
  const counts = { applied: 0, stale: 0, not_found: 0 };
  for (const report of reports) {
    const failed = report.status === 'failed';
    const outcome = await applyStatus(trx, {
      gatewayMessageId: report.id,
      ref: report.ref,
      status: report.status,
      at,
      errorCode: failed ? report.providerStatus : null,
      errorDetail: failed && report.errorCode ? `error ${report.errorCode}` : null,
    });
    counts[outcome] += 1;
    // As a WhatsApp "not on WhatsApp" status does, an invalid number tells the contacts module.
    if (outcome === 'applied' && report.invalidNumber) {
      const message = await trx.selectFrom('outbox').select('recipient').where('gateway_message_id', '=', report.id).executeTakeFirst();
      if (message) await recordDeliveryProblem(trx, { phone: message.recipient, problem: 'invalid_number', at, detail: `SMS ${report.providerStatus} ${report.errorCode ?? ''}`.trim() });
    }
  }
  return counts;
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
