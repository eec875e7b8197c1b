import { z } from 'zod';
import { isoInstant, rupiah } from './common.js';
import { procedure } from './procedure.js';

/** Reconciliation of bank credits against payments and bills, sign-off and period lock (payments module). */

const READERS = ['treasurer', 'head', 'admin'] as const;
const count = z.number().int();

export const RECON_CLASS_NAMES = ['matched', 'underpaid', 'overpaid', 'paid_twice', 'no_bill', 'no_credit', 'never_credited'] as const;
export const RECON_RESOLUTIONS = ['link', 'refund', 'write_off', 'accept'] as const;

/** `YYYY-MM-DD` (a day) or `YYYY-MM` (a month). */
export const reconPeriod = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'expected YYYY-MM-DD or YYYY-MM');

const amounts = z.object({ count, amount: rupiah });

export const reconStatus = z.object({
  period: z.string(),
  kind: z.enum(['day', 'month']),
  classes: z.object(Object.fromEntries(RECON_CLASS_NAMES.map((c) => [c, amounts])) as Record<(typeof RECON_CLASS_NAMES)[number], typeof amounts>),
  resolved: count,
  open: count,
  credits: amounts,
  payments: amounts,
  /** Payments recorded per partner against what the bank credited for them. */
  partners: z.array(z.object({ partnerId: z.string(), payments: count, paymentAmount: rupiah, credits: count, creditAmount: rupiah, difference: rupiah })),
  reconciled: z.boolean(),
  lock: z
    .object({ state: z.enum(['locked', 'unlocked']), kind: z.enum(['day', 'month']), period: z.string(), signedBy: z.string(), signedAt: isoInstant, unlockedBy: z.string().nullable(), unlockedAt: z.string().nullable(), unlockReason: z.string().nullable() })
    .nullable(),
});

export const reconItem = z.object({
  id: count,
  day: z.string(),
  source: z.enum(['credit', 'payment', 'bill']),
  class: z.enum(RECON_CLASS_NAMES),
  amount: rupiah,
  expected: rupiah.nullable(),
  rule: z.string().nullable(),
  confidence: count.nullable(),
  partnerId: z.string().nullable(),
  description: z.string().nullable(),
  reference: z.string().nullable(),
  billId: count.nullable(),
  kodeBayar: z.string().nullable(),
  taxpayerName: z.string().nullable(),
  paymentId: count.nullable(),
  receiptNumber: z.string().nullable(),
  resolution: z.enum(RECON_RESOLUTIONS).nullable(),
  note: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});

export const reconciliationStatus = procedure({
  name: 'reconciliation.status',
  roles: READERS,
  kind: 'query',
  input: z.object({ period: reconPeriod }).strict(),
  output: reconStatus,
});

/** Matches the period again against payments recorded since the last statement. */
export const reconciliationRefresh = procedure({
  name: 'reconciliation.refresh',
  roles: ['treasurer', 'admin'],
  kind: 'mutation',
  input: z.object({ period: reconPeriod }).strict(),
  output: reconStatus,
});

export const reconciliationItems = procedure({
  name: 'reconciliation.items',
  roles: READERS,
  kind: 'query',
  input: z
    .object({
      period: reconPeriod,
      classes: z.array(z.enum(RECON_CLASS_NAMES)).optional(),
      /** Only exceptions the treasurer has not resolved. */
      openOnly: z.boolean().default(false),
      limit: z.number().int().min(1).max(1000).default(100),
      offset: z.number().int().min(0).default(0),
    })
    .strict(),
  output: z.object({ total: count, items: z.array(reconItem) }),
});

/** The treasurer decides; the CLI, acting as the local administrator, may too. */
export const reconciliationResolve = procedure({
  name: 'reconciliation.resolve',
  roles: ['treasurer', 'admin'],
  kind: 'mutation',
  input: z
    .object({
      itemId: z.number().int().min(1),
      resolution: z.enum(RECON_RESOLUTIONS),
      /** For `link`: the bill's kode bayar, payment code or NOP. */
      bill: z.string().trim().min(1).max(60).optional(),
      note: z.string().trim().max(1000).optional(),
    })
    .strict(),
  output: z.object({ item: reconItem }),
});

export const reconciliationSignoff = procedure({
  name: 'reconciliation.signoff',
  roles: ['treasurer'],
  kind: 'mutation',
  input: z.object({ period: reconPeriod }).strict(),
  output: z.object({ period: z.string(), kind: z.enum(['day', 'month']), signedBy: z.string(), signedAt: isoInstant, status: reconStatus }),
});

export const reconciliationUnlock = procedure({
  name: 'reconciliation.unlock',
  roles: ['head'],
  kind: 'mutation',
  input: z.object({ period: reconPeriod, reason: z.string().trim().max(1000) }).strict(),
  output: z.object({ period: z.string(), unlockedBy: z.string(), unlockedAt: isoInstant, reason: z.string() }),
});

export const reconciliationProcedures = [
  reconciliationStatus,
  reconciliationRefresh,
  reconciliationItems,
  reconciliationResolve,
  reconciliationSignoff,
  reconciliationUnlock,
] as const;
