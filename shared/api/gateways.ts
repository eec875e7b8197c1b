import { z } from 'zod';
import { procedure } from './procedure.js';

/** The generic SMS provider's settings, and every channel's gateway as an administrator sees it (gateways module). */

export const SMS_DLR_STATUSES = ['sent', 'delivered', 'failed'] as const;

const path = z.string().trim().min(1).max(200);
const codes = z.array(z.string().trim().min(1).max(100)).max(100);

export const gatewaysSetSms = procedure({
  name: 'gateways.setSms',
  roles: ['admin'],
  kind: 'mutation',
  /** Settings left out keep their stored value; `fields`, the code lists and the status map are replaced whole. */
  input: z
    .object({
      url: z.string().url().optional(),
      method: z.enum(['POST', 'GET']).optional(),
      bodyFormat: z.enum(['json', 'form', 'query']).optional(),
      fields: z.record(z.string().min(1).max(100), z.string().max(500)).optional(),
      sender: z.string().max(20).nullable().optional(),
      auth: z
        .discriminatedUnion('kind', [
          z.object({ kind: z.literal('none') }),
          z.object({ kind: z.literal('header'), header: z.string().min(1).max(100) }),
          z.object({ kind: z.literal('basic'), username: z.string().min(1).max(200) }),
        ])
        .optional(),
      idPath: path.optional(),
      errorPath: path.nullable().optional(),
      successPath: path.nullable().optional(),
      successValue: z.string().max(200).nullable().optional(),
      permanentErrors: codes.optional(),
      transientErrors: codes.optional(),
      timeoutMs: z.number().int().min(100).optional(),
      ratePerSecond: z.number().min(0).optional(),
      maxAttempts: z.number().int().min(1).max(20).optional(),
      dlrIdField: path.optional(),
      dlrStatusField: path.optional(),
      dlrErrorField: path.nullable().optional(),
      dlrRefField: path.nullable().optional(),
      dlrStatusMap: z.record(z.string().min(1).max(100), z.enum(SMS_DLR_STATUSES)).optional(),
      publicUrl: z.string().url().nullable().optional(),
      /** The auth header's value, the basic-auth password, or what `{secret}` stands for. Stored sealed. */
      authSecret: z.string().min(1).max(2000).optional(),
      /** A new delivery-report token: the old URL stops working. */
      newDlrToken: z.boolean().default(false),
    })
    .strict(),
  output: z.object({
    channel: z.literal('sms'),
    kind: z.literal('sms_http'),
    config: z.record(z.string(), z.unknown()),
    /** Secret name → masked value. */
    secrets: z.record(z.string(), z.string()),
    /** Where the provider posts delivery reports; give it to the provider once. */
    dlrUrl: z.string(),
  }),
});

export const gatewaysShow = procedure({
  name: 'gateways.show',
  roles: ['admin'],
  kind: 'query',
  input: z.object({}).strict(),
  output: z.object({
    gateways: z.array(
      z.object({
        channel: z.enum(['whatsapp', 'sms']),
        kind: z.enum(['simulator', 'whatsapp_cloud', 'sms_http']),
        /** False: nothing configured, the built-in simulator sends. */
        configured: z.boolean(),
        config: z.record(z.string(), z.unknown()),
        secrets: z.record(z.string(), z.string()),
        /** The SMS delivery-report URL, its token masked. */
        dlrUrl: z.string().nullable(),
        updatedBy: z.string().nullable(),
        updatedAt: z.string().nullable(),
      }),
    ),
  }),
});

export const gatewayProcedures = [gatewaysSetSms, gatewaysShow] as const;
