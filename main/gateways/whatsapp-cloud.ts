import type { Gateway, OutgoingMessage, RemoteStatus, SentReceipt } from './gateway.js';
import { GatewayError } from './gateway.js';
import { networkError } from './network-error.js';

export interface WhatsAppCloudConfig {
  /** `https://graph.facebook.com`, or the simulator's URL. */
  baseUrl: string;
  version: string;
  phoneNumberId: string;
  accessToken: string;
  timeoutMs: number;
  /** The simulator answers `GET /_sim/ref/<ref>`; Meta has no such lookup. */
  lookup?: boolean;
}

/** Meta error codes worth a retry: rate limits, pair rate, temporary service trouble. */
const TRANSIENT_CODES = new Set([4, 80007, 130429, 131000, 131016, 131048, 131056, 133004]);
/** Codes that say the number itself is the problem. */
const NOT_ON_WHATSAPP = new Set([131026]);
const INVALID_NUMBER = new Set([131009, 131021, 100]);

interface MetaError {
  error?: { code?: number; message?: string; error_data?: { details?: string } };
}

/** WhatsApp Business Cloud API: template messages, `POST /{version}/{phone-number-id}/messages`. */
export function whatsAppCloudGateway(config: WhatsAppCloudConfig, name = 'whatsapp_cloud'): Gateway {
  const base = config.baseUrl.replace(/\/+$/, '');
  const gateway: Gateway = {
    name,
    async send(message: OutgoingMessage): Promise<SentReceipt> {
      const body = JSON.stringify(requestBody(message));
      let response: Response;
      try {
        response = await fetch(`${base}/${config.version}/${config.phoneNumberId}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${config.accessToken}` },
          body,
          signal: AbortSignal.timeout(config.timeoutMs),
        });
      } catch (err) {
        throw networkError(err);
      }
      const text = await response.text().catch(() => '');
      if (response.ok) {
        const id = (safeJson(text) as { messages?: { id?: string }[] } | null)?.messages?.[0]?.id;
        if (!id) throw new GatewayError('ambiguous', 'NO_ID', `HTTP ${response.status} without a message id`);
        return { id };
      }
      throw httpError(response.status, safeJson(text) as MetaError | null);
    },
  };
  if (config.lookup) {
    gateway.status = async (ref: string): Promise<RemoteStatus> => {
      const response = await fetch(`${base}/_sim/ref/${encodeURIComponent(ref)}`, { signal: AbortSignal.timeout(config.timeoutMs) });
      if (response.status === 404) return { found: false };
      if (!response.ok) throw new GatewayError('transient', `HTTP_${response.status}`, 'status lookup failed');
      return (await response.json()) as RemoteStatus;
    };
  }
  return gateway;
}

function requestBody(message: OutgoingMessage): Record<string, unknown> {
  const to = message.to.replace(/^\+/, '');
  const common = { messaging_product: 'whatsapp', recipient_type: 'individual', to, biz_opaque_callback_data: message.ref };
  if (!message.template) return { ...common, type: 'text', text: { body: message.text } };
  return {
    ...common,
    type: 'template',
    template: {
      name: message.template.name,
      language: { code: message.template.language },
      components: [{ type: 'body', parameters: message.template.parameters.map((text) => ({ type: 'text', text })) }],
    },
  };
}

function httpError(status: number, body: MetaError | null): GatewayError {
  const code = body?.error?.code;
  const detail = body?.error?.error_data?.details ?? body?.error?.message ?? `HTTP ${status}`;
  const label = code === undefined ? `HTTP_${status}` : String(code);
  if (code !== undefined && NOT_ON_WHATSAPP.has(code)) return new GatewayError('permanent', label, detail, 'not_on_whatsapp');
  if (code !== undefined && INVALID_NUMBER.has(code)) return new GatewayError('permanent', label, detail, 'invalid_number');
  if (status === 429 || status >= 500 || (code !== undefined && TRANSIENT_CODES.has(code))) return new GatewayError('transient', label, detail);
  return new GatewayError('permanent', label, detail);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
