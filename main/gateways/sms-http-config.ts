import { z } from 'zod';

/** What a field template may say; `{secret}` is for providers that want the key in the body or query. */
export const SMS_PLACEHOLDERS = ['to', 'to_local', 'to_msisdn', 'text', 'ref', 'sender', 'secret'] as const;
const RECIPIENT_PLACEHOLDERS = ['to', 'to_local', 'to_msisdn'];
const UNSAFE_KEY = /(^|\.)(__proto__|constructor|prototype)(\.|$)/;

export const smsAuthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  /** The secret is the header's whole value: `Bearer …` for `Authorization`, the key for `X-Api-Key`. */
  z.object({ kind: z.literal('header'), header: z.string().regex(/^[A-Za-z0-9-]{1,100}$/, 'a header name') }),
  /** HTTP basic: this user name, the secret as password. */
  z.object({ kind: z.literal('basic'), username: z.string().min(1).max(200) }),
]);

/**
 * A generic SMS provider over HTTP, as `gateways.config` holds it: nothing secret. Indonesian
 * providers differ in everything, so each part of the request and the answer is a setting.
 */
export const smsHttpConfigSchema = z
  .object({
    url: z.string().url(),
    method: z.enum(['POST', 'GET']).default('POST'),
    bodyFormat: z.enum(['json', 'form', 'query']).default('json'),
    /** Field name → template; dotted names nest in JSON (`messages.0.to`). */
    fields: z.record(z.string().min(1).max(100), z.string().max(500)).default({ to: '{to_msisdn}', text: '{text}' }),
    /** The sender id (masking) the provider registered, for `{sender}`. */
    sender: z.string().max(20).nullable().default(null),
    auth: smsAuthSchema.default({ kind: 'none' }),
    /** Where the answer's JSON holds the provider's message id. */
    idPath: z.string().min(1).default('message_id'),
    /** Where an answer holds the provider's error code. */
    errorPath: z.string().min(1).nullable().default(null),
    /** With `successValue`: an answer whose value there differs is an error, whatever its HTTP status. */
    successPath: z.string().min(1).nullable().default(null),
    successValue: z.string().nullable().default(null),
    /** Provider codes (in an answer, or a delivery report's status or error) meaning the number is invalid. */
    permanentErrors: z.array(z.string().min(1)).default([]),
    /** Provider codes worth trying again later (e.g. an empty balance); any other refusal is final. */
    transientErrors: z.array(z.string().min(1)).default([]),
    timeoutMs: z.number().int().min(100).default(15_000),
    ratePerSecond: z.number().min(0).default(10),
    maxAttempts: z.number().int().min(1).max(20).default(6),
    /** Delivery reports: where the provider's message id, its status and its error code are. */
    dlrIdField: z.string().min(1).default('message_id'),
    dlrStatusField: z.string().min(1).default('status'),
    dlrErrorField: z.string().min(1).nullable().default(null),
    /** Where a report echoes our `{ref}`, when the provider does: a report that outruns the send's answer still finds its message. */
    dlrRefField: z.string().min(1).nullable().default(null),
    /** Provider status → ours; statuses not listed are ignored. */
    dlrStatusMap: z.record(z.string().min(1), z.enum(['sent', 'delivered', 'failed'])).default({ DELIVRD: 'delivered', UNDELIV: 'failed', EXPIRED: 'failed', REJECTD: 'failed', ACCEPTD: 'sent' }),
    /** How the provider reaches this server, to show the delivery-report URL (`https://sipeka.example.go.id/`). */
    publicUrl: z.string().url().nullable().default(null),
  })
  .superRefine((config, ctx) => {
    if (config.method === 'GET' && config.bodyFormat !== 'query') ctx.addIssue({ code: 'custom', path: ['bodyFormat'], message: 'a GET request carries its fields in the query' });
    if ((config.successPath === null) !== (config.successValue === null)) ctx.addIssue({ code: 'custom', path: ['successValue'], message: 'successPath and successValue go together' });
    const used = new Set<string>();
    for (const [name, template] of Object.entries(config.fields)) {
      if (UNSAFE_KEY.test(name)) ctx.addIssue({ code: 'custom', path: ['fields', name], message: 'not a usable field name' });
      for (const [, placeholder] of template.matchAll(/\{(\w+)\}/g)) {
        if (!(SMS_PLACEHOLDERS as readonly string[]).includes(placeholder ?? '')) ctx.addIssue({ code: 'custom', path: ['fields', name], message: `unknown placeholder {${placeholder}}; known: ${SMS_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}` });
        used.add(placeholder ?? '');
      }
    }
    if (!used.has('text')) ctx.addIssue({ code: 'custom', path: ['fields'], message: 'no field carries {text}' });
    if (!RECIPIENT_PLACEHOLDERS.some((p) => used.has(p))) ctx.addIssue({ code: 'custom', path: ['fields'], message: 'no field carries the number: {to}, {to_local} or {to_msisdn}' });
  });

export type SmsHttpConfig = z.infer<typeof smsHttpConfigSchema>;

/** What `gateways.secrets` holds, sealed, for an SMS provider. */
export interface SmsSecrets {
  /** The auth header's value, the basic-auth password, or `{secret}` in the fields. */
  authSecret?: string;
  /** The last part of `/webhooks/sms/<token>`: only the provider knows where to post reports. */
  dlrToken?: string;
}

export const dlrPath = (token: string) => `webhooks/sms/${token}`;

/**
 * How SI PEKA talks to the simulator's SMS side (`POST /sms/send`), and how the simulator's
 * delivery reports read: the default install exercises the generic client end to end.
 */
export function simulatorSmsConfig(simulatorUrl: string): SmsHttpConfig {
  return smsHttpConfigSchema.parse({
    url: new URL('sms/send', simulatorUrl.endsWith('/') ? simulatorUrl : `${simulatorUrl}/`).toString(),
    bodyFormat: 'form',
    fields: { to: '{to_msisdn}', text: '{text}', ref: '{ref}' },
    successPath: 'status',
    successValue: 'OK',
    errorPath: 'code',
    permanentErrors: ['INVALID_NUMBER', 'UNDELIV'],
    ratePerSecond: 0,
    dlrErrorField: 'err',
    dlrRefField: 'ref',
  });
}
