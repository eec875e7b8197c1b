import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { TokenBucket } from './token-bucket.js';

export interface SmsSimulatorOptions {
  /** Where delivery reports go (`<serve URL>/webhooks/sms/<token>`); none: no reports. */
  smsDlrUrl?: string | null;
  /** Required as `X-Api-Key` on `/sms/send` when set. */
  smsApiKey?: string | null;
}

/** An accepted SMS as the simulator records it, among its WhatsApp messages. */
export interface ReceivedSms {
  ref: string | null;
  to: string;
  id: string;
  at: string;
  template: null;
  parameters: string[];
  text: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
}

export interface SmsSimulatorParts {
  options: SmsSimulatorOptions & { latencyMs?: number; failRate?: number; rateLimit?: number };
  statusDelayMs: number;
  random: () => number;
  /** Keeps an accepted message for `/_sim/messages`, the duplicate count and the ref lookup. */
  record(message: ReceivedSms): void;
  later(ms: number, run: () => Promise<void>): void;
}

/**
 * The simulator's SMS side, shaped like the usual Indonesian HTTP SMS provider: `POST /sms/send`
 * with a form or JSON `{to, text, ref}`, answering `{"status":"OK","message_id":"sms-…"}` or
 * `{"status":"ERROR","code":…}`, then posting a delivery report (`DELIVRD` / `UNDELIV`) as a form.
 * Numbers ending in 0000 are its dead range: accepted, then undeliverable.
 */
export function smsSendEndpoint(parts: SmsSimulatorParts): (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<void> {
  const { options, random } = parts;
  const failRate = options.failRate ?? 0;
  const bucket = new TokenBucket(options.rateLimit ?? 0, Math.max(1, options.rateLimit ?? 1));

  const report = async (message: ReceivedSms, status: 'DELIVRD' | 'UNDELIV') => {
    message.status = status === 'DELIVRD' ? 'delivered' : 'failed';
    if (!options.smsDlrUrl) return;
    const body = new URLSearchParams({ message_id: message.id, status, err: status === 'DELIVRD' ? '000' : '001', to: message.to, ref: message.ref ?? '', done_date: new Date().toISOString() });
    await fetch(options.smsDlrUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString(), signal: AbortSignal.timeout(10_000) });
  };

  return async (req, res, url) => {
    if (req.method !== 'POST') return answer(res, 405, { status: 'ERROR', code: 'METHOD_NOT_ALLOWED' });
    if (options.smsApiKey && req.headers['x-api-key'] !== options.smsApiKey) return answer(res, 401, { status: 'ERROR', code: 'UNAUTHORIZED' });
    const fields = { ...Object.fromEntries(url.searchParams), ...parseFields(await readAll(req), req.headers['content-type']) };
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    if (bucket.tryTake() > 0) return answer(res, 429, { status: 'ERROR', code: 'THROTTLED' });
    if (random() < failRate / 2) return answer(res, 503, { status: 'ERROR', code: 'SERVICE_UNAVAILABLE' });
    const to = msisdn(fields.to ?? '');
    if (!to) return answer(res, 200, { status: 'ERROR', code: 'INVALID_NUMBER', message: 'invalid destination number' });
    if (!fields.text) return answer(res, 200, { status: 'ERROR', code: 'EMPTY_MESSAGE' });
    const message: ReceivedSms = { ref: fields.ref || null, to, id: `sms-${randomBytes(10).toString('hex')}`, at: new Date().toISOString(), template: null, parameters: [], text: fields.text, status: 'sent' };
    parts.record(message);
    const dead = to.endsWith('0000') || random() < failRate / 2;
    parts.later(parts.statusDelayMs * 2, () => report(message, dead ? 'UNDELIV' : 'DELIVRD'));
    answer(res, 200, { status: 'OK', message_id: message.id });
  };
}

/** `0812…`, `+62812…` or `62812…` as `62812…`; anything else is not a mobile number. */
function msisdn(raw: string): string | null {
  const digits = raw.replace(/^\+/, '').replace(/^0/, '62');
  return /^628\d{7,12}$/.test(digits) ? digits : null;
}

function parseFields(raw: string, contentType: string | undefined): Record<string, string> {
  if (!raw) return {};
  if (contentType?.startsWith('application/json')) {
    const json = JSON.parse(raw) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(json).filter(([, v]) => typeof v === 'string' || typeof v === 'number').map(([k, v]) => [k, String(v)]));
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

function answer(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readAll(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
