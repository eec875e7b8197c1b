import { z } from 'zod';
import { jobView } from './jobs.js';
import { isoDate, isoInstant } from './common.js';
import { procedure } from './procedure.js';

/** The outbox as officers see it, the dispatcher as they steer it, and the gateways (reminders module). */

const READERS = ['officer', 'head', 'admin'] as const;
const SENDERS = ['officer', 'admin'] as const;

export const MESSAGE_STATES = ['queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'unknown', 'cancelled'] as const;
export const CHANNELS = ['whatsapp', 'sms'] as const;
export const GATEWAY_KINDS = ['simulator', 'whatsapp_cloud', 'sms_http'] as const;

export const messageRow = z.object({
  id: z.number().int(),
  taxpayerId: z.number().int(),
  npwpd: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
  stage: z.string(),
  dueDate: z.string(),
  channel: z.enum(CHANNELS),
  recipient: z.string(),
  state: z.enum(MESSAGE_STATES),
  attempts: z.number().int(),
  gateway: z.string().nullable(),
  gatewayMessageId: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorDetail: z.string().nullable(),
  notBefore: isoInstant,
  nextAttemptAt: isoInstant,
  sentAt: isoInstant.nullable(),
  deliveredAt: isoInstant.nullable(),
  readAt: isoInstant.nullable(),
  failedAt: isoInstant.nullable(),
  updatedAt: isoInstant,
});

/** Which messages: every filter is applied by the database (main/reminders/message-search.ts). */
export const messageFilters = z.object({
  state: z.enum(MESSAGE_STATES).optional(),
  /** One taxpayer's messages: the NPWPD exactly. */
  npwpd: z.string().trim().max(60).optional(),
  channel: z.enum(CHANNELS).optional(),
  stage: z.string().trim().min(1).max(20).optional(),
  /** Plan dates from and to, inclusive (agency zone). */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Part of an NPWPD (any case), of a name, or of a number however typed (`0812…`, `+62 812…`). */
  search: z.string().max(100).optional(),
});
export type MessageFilters = z.infer<typeof messageFilters>;

export const messagesList = procedure({
  name: 'messages.list',
  roles: READERS,
  kind: 'query',
  input: messageFilters
    .extend({
      limit: z.number().int().min(1).max(5000).default(200),
      /** Oldest first from `afterId` (the CLI's export order), or newest first before `beforeId` (the screen's). */
      order: z.enum(['oldest', 'newest']).default('oldest'),
      afterId: z.number().int().min(0).default(0),
      beforeId: z.number().int().min(1).optional(),
    })
    .strict(),
  output: z.object({
    messages: z.array(messageRow),
    /** Oldest first: the next page's `afterId`; null on the last page. */
    nextAfterId: z.number().int().nullable(),
    /** Newest first: the next page's `beforeId`; null on the last page. */
    nextBeforeId: z.number().int().nullable(),
  }),
});

const stateCounts = z.object(Object.fromEntries(MESSAGE_STATES.map((s) => [s, z.number().int()])) as Record<(typeof MESSAGE_STATES)[number], z.ZodNumber>);

/** Failed messages sharing one error code (see shared/reminders/failure-reasons.ts for what it means). */
export const failureGroup = z.object({
  code: z.string().nullable(),
  messages: z.number().int(),
  taxpayers: z.number().int(),
  /** The first few taxpayers affected, to link to. */
  examples: z.array(z.object({ taxpayerId: z.number().int(), name: z.string() })),
});

export const messagesSummary = procedure({
  name: 'messages.summary',
  roles: READERS,
  kind: 'query',
  input: messageFilters.strict(),
  output: z.object({
    total: z.number().int(),
    byState: stateCounts,
    byChannel: z.record(z.string(), stateCounts),
    /** Stage → channel → messages. */
    byStage: z.record(z.string(), z.record(z.string(), z.number().int())),
    /** Failed messages by error code, most first. */
    failures: z.array(failureGroup),
    optOuts: z.number().int(),
    /** Messages that need an officer: `unknown` (the gateway may or may not have them). */
    needsDecision: z.number().int(),
  }),
});

export const messagesTimeline = procedure({
  name: 'messages.timeline',
  roles: READERS,
  kind: 'query',
  input: z.object({ taxpayerId: z.number().int() }).strict(),
  output: z.object({
    messages: z.array(messageRow.extend({ body: z.string(), events: z.array(z.object({ at: isoInstant, state: z.string(), detail: z.string().nullable() })) })),
  }),
});

/**
 * An officer's decision on an `unknown` message: `requeue` sends it again (the officer checked
 * the taxpayer did not get it), `sent` or `failed` close it.
 */
export const messagesResolve = procedure({
  name: 'messages.resolve',
  roles: SENDERS,
  kind: 'mutation',
  input: z.object({ id: z.number().int(), decision: z.enum(['requeue', 'sent', 'failed']), note: z.string().trim().max(500).optional() }).strict(),
  output: z.object({ id: z.number().int(), state: z.enum(MESSAGE_STATES) }),
});

export const dispatchResult = z.object({
  sent: z.number().int(),
  failed: z.number().int(),
  retried: z.number().int(),
  unknown: z.number().int(),
  cancelled: z.number().int(),
  rate_per_s: z.number(),
  interrupted: z.number().int(),
  confirmed: z.number().int(),
  stopped: z.enum(['daily_cap', 'cancelled', 'lease_lost']).nullable(),
});

export const dispatchStart = procedure({
  name: 'dispatch.start',
  roles: SENDERS,
  kind: 'self-managed',
  input: z.object({ limit: z.number().int().min(1).optional(), untilEmpty: z.boolean().default(false), concurrency: z.number().int().min(1).max(256).optional() }).strict(),
  output: jobView,
});

const dispatchSteer = (name: 'dispatch.pause' | 'dispatch.resume' | 'dispatch.cancel' | 'dispatch.status') =>
  procedure({
    name,
    roles: name === 'dispatch.status' ? READERS : SENDERS,
    kind: name === 'dispatch.status' ? 'query' : 'self-managed',
    input: z.object({}).strict(),
    output: z.object({
      job: jobView.nullable(),
      paused: z.boolean(),
      /** A dispatch holding the ledger's lease from another process or PC (`sipeka dispatch`, another server). */
      elsewhere: z.object({ host: z.string(), pid: z.number().int(), since: isoInstant }).nullable(),
    }),
  });

export const dispatchPause = dispatchSteer('dispatch.pause');
export const dispatchResume = dispatchSteer('dispatch.resume');
export const dispatchCancel = dispatchSteer('dispatch.cancel');
export const dispatchStatus = dispatchSteer('dispatch.status');

const gatewayView = z.object({
  channel: z.enum(CHANNELS),
  kind: z.enum(GATEWAY_KINDS),
  config: z.record(z.string(), z.unknown()),
  /** Names of the secrets stored, never their values. */
  secretsSet: z.array(z.string()),
});

export const gatewaysSet = procedure({
  name: 'gateways.set',
  roles: ['admin'],
  kind: 'mutation',
  input: z
    .object({
      channel: z.enum(CHANNELS),
      kind: z.enum(GATEWAY_KINDS),
      baseUrl: z.string().url().optional(),
      version: z.string().optional(),
      phoneNumberId: z.string().optional(),
      ratePerSecond: z.number().min(0).optional(),
      dailyCap: z.number().int().min(1).nullable().optional(),
      timeoutMs: z.number().int().min(100).optional(),
      maxAttempts: z.number().int().min(1).max(20).optional(),
      accessToken: z.string().min(1).max(1000).optional(),
      appSecret: z.string().min(1).max(200).optional(),
      verifyToken: z.string().min(1).max(200).optional(),
    })
    .strict(),
  output: gatewayView,
});

export const gatewaysTest = procedure({
  name: 'gateways.test',
  roles: ['admin'],
  kind: 'query',
  input: z.object({ channel: z.enum(CHANNELS), to: z.string().regex(/^\+62\d{8,13}$/, 'E.164, +62…'), template: z.string().min(1).max(200).default('hello_world') }).strict(),
  output: z.object({ gateway: z.string(), id: z.string() }),
});

export const messageProcedures = [
  messagesList,
  messagesSummary,
  messagesTimeline,
  messagesResolve,
  dispatchStart,
  dispatchPause,
  dispatchResume,
  dispatchCancel,
  dispatchStatus,
  gatewaysSet,
  gatewaysTest,
] as const;
