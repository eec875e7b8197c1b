import type { Gateway, OutgoingMessage, SentReceipt } from './gateway.js';
import { GatewayError } from './gateway.js';
import { nestFields, textAt } from './json-path.js';
import { networkError } from './network-error.js';
import type { SmsHttpConfig } from './sms-http-config.js';

/**
 * A generic SMS provider over HTTP: the request is built from the configured field templates,
 * the answer read at the configured paths. The secret goes into a header or a field and never
 * into an error: every detail is scrubbed of it before it leaves this file.
 */
export function smsHttpGateway(config: SmsHttpConfig, secret: string | null, name = 'sms_http'): Gateway {
  const scrub = (text: string) => (secret ? text.split(secret).join('***') : text);
  return {
    name,
    async send(message: OutgoingMessage): Promise<SentReceipt> {
      const request = buildRequest(config, secret, message);
      let response: Response;
      try {
        response = await fetch(request.url, { method: config.method, headers: request.headers, body: request.body, signal: AbortSignal.timeout(config.timeoutMs) });
      } catch (err) {
        const error = networkError(err);
        throw new GatewayError(error.kind, error.code, scrub(error.detail));
      }
      let text: string;
      try {
        text = await response.text();
      } catch (err) {
        // The provider answered and then broke off: it may have taken the message.
        throw new GatewayError('ambiguous', 'ANSWER_CUT', scrub((err as Error).message));
      }
      const outcome = readAnswer(config, response.status, text);
      if ('id' in outcome) return { id: outcome.id };
      throw new GatewayError(outcome.kind, scrub(outcome.code), scrub(outcome.detail).slice(0, 300), outcome.numberProblem);
    },
  };
}

export interface SmsRequest {
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** The HTTP request for one message, from the field templates. */
export function buildRequest(config: SmsHttpConfig, secret: string | null, message: OutgoingMessage): SmsRequest {
  const values = placeholderValues(config, secret, message);
  const fields = Object.fromEntries(Object.entries(config.fields).map(([name, template]) => [name, template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole)]));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (config.auth.kind === 'header' && secret) headers[config.auth.header.toLowerCase()] = secret;
  if (config.auth.kind === 'basic') headers.authorization = `Basic ${Buffer.from(`${config.auth.username}:${secret ?? ''}`).toString('base64')}`;
  const url = new URL(config.url);
  if (config.bodyFormat === 'query') {
    for (const [name, value] of Object.entries(fields)) url.searchParams.set(name, value);
    return { url: url.toString(), headers, body: undefined };
  }
  if (config.bodyFormat === 'form') {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    return { url: url.toString(), headers, body: new URLSearchParams(fields).toString() };
  }
  headers['content-type'] = 'application/json';
  return { url: url.toString(), headers, body: JSON.stringify(nestFields(fields)) };
}

/** `{to}` `+6281…`, `{to_local}` `081…` (providers that only take national numbers), `{to_msisdn}` `6281…`. */
export function placeholderValues(config: SmsHttpConfig, secret: string | null, message: OutgoingMessage): Record<string, string> {
  const msisdn = message.to.replace(/^\+/, '');
  return {
    to: message.to,
    to_local: msisdn.startsWith('62') ? `0${msisdn.slice(2)}` : msisdn,
    to_msisdn: msisdn,
    text: message.text,
    ref: message.ref,
    sender: config.sender ?? '',
    secret: secret ?? '',
  };
}

export type SmsAnswer = { id: string } | { kind: GatewayError['kind']; code: string; detail: string; numberProblem: 'invalid_number' | null };

/**
 * What the provider's answer means. Busy (429, 5xx) is worth a retry; a refusal names its code,
 * which the configured lists class as an invalid number, worth a retry, or final. A success
 * without a message id is `ambiguous`: the provider may have the message, so it is not resent.
 */
export function readAnswer(config: SmsHttpConfig, status: number, text: string): SmsAnswer {
  const body = parseJson(text);
  const providerCode = config.errorPath ? textAt(body, config.errorPath) : null;
  const detail = text.trim() || `HTTP ${status}`;
  if (status === 429 || status >= 500) return { kind: 'transient', code: providerCode ?? `HTTP_${status}`, detail, numberProblem: null };
  const refused = status < 200 || status >= 300 || !succeeded(config, body, providerCode);
  if (refused) {
    const code = providerCode ?? (config.successPath ? textAt(body, config.successPath) : null) ?? `HTTP_${status}`;
    if (config.permanentErrors.includes(code)) return { kind: 'permanent', code, detail, numberProblem: 'invalid_number' };
    if (config.transientErrors.includes(code)) return { kind: 'transient', code, detail, numberProblem: null };
    return { kind: 'permanent', code, detail, numberProblem: null };
  }
  const id = textAt(body, config.idPath);
  if (!id) return { kind: 'ambiguous', code: 'NO_ID', detail: `HTTP ${status} without a message id at ${config.idPath}`, numberProblem: null };
  return { id };
}

/**
 * With `successPath`, success is that value; without it, an answer is an error when the error
 * path holds a code — some providers put `"error": 0` or `""` in every successful answer.
 */
function succeeded(config: SmsHttpConfig, body: unknown, providerCode: string | null): boolean {
  if (config.successPath !== null) return textAt(body, config.successPath) === config.successValue;
  return providerCode === null || providerCode === '' || providerCode === '0' || providerCode === 'false';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
