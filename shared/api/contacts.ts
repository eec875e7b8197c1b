import { z } from 'zod';
import { isoInstant, rupiah } from './common.js';
import { procedure } from './procedure.js';

/** Contacts: cleaned phone numbers and emails, officers' fixes, reachability (contacts module). */

const READERS = ['officer', 'head', 'admin'] as const;
const EDITORS = ['officer', 'admin'] as const;

export const PHONE_STATUSES = ['valid', 'landline', 'invalid', 'missing'] as const;
export const EMAIL_STATUSES = ['valid', 'invalid', 'missing'] as const;
export const CONTACT_SOURCES = ['export', 'officer', 'delivery'] as const;
export const REACH = ['whatsapp', 'sms', 'none'] as const;
/** What the review queue lists; a contact may have several. */
export const CONTACT_PROBLEMS = ['conflict', 'invalid', 'missing', 'landline', 'shared', 'several', 'no_whatsapp', 'invalid_email', 'office_number'] as const;
export type ContactProblem = (typeof CONTACT_PROBLEMS)[number];

const phoneStatus = z.enum(PHONE_STATUSES);
const source = z.enum(CONTACT_SOURCES);
const reach = z.enum(REACH);
const taxpayerRef = z.object({ taxpayerId: z.number().int().optional(), npwpd: z.string().trim().max(60).optional() }).strict();
const filters = {
  kecamatan: z.string().max(100).optional(),
  taxType: z.string().max(30).optional(),
};

const candidate = z.object({ text: z.string(), e164: z.string().nullable(), status: z.enum(['valid', 'landline', 'invalid']), reason: z.string().optional(), noWhatsapp: z.boolean().optional() });

export const contactRow = z.object({
  taxpayerId: z.number().int(),
  npwpd: z.string().nullable(),
  name: z.string(),
  kecamatan: z.string().nullable(),
  phoneRaw: z.string().nullable(),
  phone: z.string().nullable(),
  waPhone: z.string().nullable(),
  landline: z.string().nullable(),
  phoneStatus,
  phoneReason: z.string().nullable(),
  alternates: z.array(z.string()),
  candidates: z.array(candidate),
  primaryConfirmed: z.boolean(),
  /** Taxpayers using the primary number, when two or more; with the officers' verdict on it. */
  shared: z.object({ count: z.number().int(), marking: z.enum(['office', 'shared']).nullable() }).nullable(),
  emailRaw: z.string().nullable(),
  email: z.string().nullable(),
  emailStatus: z.enum(EMAIL_STATUSES),
  phoneSource: source,
  emailSource: source,
  phoneConflict: z.object({ raw: z.string().nullable(), at: isoInstant }).nullable(),
  emailConflict: z.object({ raw: z.string().nullable(), at: isoInstant }).nullable(),
  reach,
  verifiedAt: isoInstant.nullable(),
  problems: z.array(z.enum(CONTACT_PROBLEMS)),
  unpaidBills: z.number().int(),
  unpaidPrincipal: rupiah,
});
export type ContactRowOut = z.infer<typeof contactRow>;

const problemCounts = z.object(Object.fromEntries(CONTACT_PROBLEMS.map((p) => [p, z.number().int()])) as Record<ContactProblem, z.ZodNumber>);

export const contactsQueue = procedure({
  name: 'contacts.queue',
  roles: READERS,
  kind: 'query',
  input: z
    .object({
      problem: z.enum(CONTACT_PROBLEMS).optional(),
      ...filters,
      search: z.string().trim().max(100).optional(),
      limit: z.number().int().min(1).max(200).default(50),
      offset: z.number().int().min(0).default(0),
    })
    .strict(),
  output: z.object({ rows: z.array(contactRow), total: z.number().int(), totalCapped: z.boolean(), sharedThreshold: z.number().int() }),
});

export const contactsCounts = procedure({
  name: 'contacts.counts',
  roles: READERS,
  kind: 'query',
  input: z.object(filters).strict(),
  output: z.object({ counts: problemCounts }),
});

export const contactsDetail = procedure({
  name: 'contacts.detail',
  roles: READERS,
  kind: 'query',
  input: taxpayerRef,
  output: z.object({
    contact: contactRow,
    address: z.string().nullable(),
    history: z.array(
      z.object({ at: isoInstant, actor: z.string(), source, field: z.string(), oldValue: z.string().nullable(), newValue: z.string().nullable(), reason: z.string().nullable() }),
    ),
    /** Other taxpayers on the same primary number (a few), so the officer sees who shares it. */
    sharedWith: z.array(z.object({ taxpayerId: z.number().int(), npwpd: z.string().nullable(), name: z.string() })),
  }),
});

export const contactsList = procedure({
  name: 'contacts.list',
  roles: READERS,
  kind: 'query',
  input: z
    .object({ status: phoneStatus.optional(), shared: z.boolean().optional(), limit: z.number().int().min(1).max(10_000).default(1000), afterId: z.number().int().default(0) })
    .strict(),
  output: z.object({
    taxpayers: z.array(
      z.object({
        taxpayer_id: z.number().int(),
        npwpd: z.string().nullable(),
        name: z.string(),
        phone_raw: z.string().nullable(),
        phone: z.string().nullable(),
        phone_status: phoneStatus,
        shared_phone: z.boolean(),
        shared_marking: z.enum(['office', 'shared']).nullable(),
        alternates: z.array(z.string()),
        email: z.string().nullable(),
        email_status: z.enum(EMAIL_STATUSES),
        source,
      }),
    ),
    nextAfterId: z.number().int().nullable(),
  }),
});

const reachCounts = z.object({ whatsapp: z.number().int(), sms: z.number().int(), none: z.number().int(), total: z.number().int() });
const reachGroup = z.object({ key: z.string().nullable(), taxpayers: reachCounts, principal: reachCounts });
export const reachability = z.object({ taxpayers: reachCounts, principal: reachCounts, byKecamatan: z.array(reachGroup), byTaxType: z.array(reachGroup) });
export type Reachability = z.infer<typeof reachability>;

export const contactsReachability = procedure({
  name: 'contacts.reachability',
  roles: READERS,
  kind: 'query',
  input: z.object(filters).strict(),
  output: reachability,
});

export const contactsSummary = procedure({
  name: 'contacts.summary',
  roles: READERS,
  kind: 'query',
  input: z.object({}).strict(),
  output: z.object({
    taxpayers: z.number().int(),
    phone: z.object(Object.fromEntries(PHONE_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof PHONE_STATUSES)[number], z.ZodNumber>),
    email: z.object(Object.fromEntries(EMAIL_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof EMAIL_STATUSES)[number], z.ZodNumber>),
    sharedNumbers: z.object({ flagged: z.number().int(), office: z.number().int(), shared: z.number().int(), threshold: z.number().int() }),
    problems: problemCounts,
    reach: reachCounts,
    reachShare: z.object({ whatsapp: z.number(), sms: z.number(), none: z.number() }),
    principalShare: z.object({ whatsapp: z.number(), sms: z.number(), none: z.number() }),
  }),
});

export const contactsSharedNumbers = procedure({
  name: 'contacts.sharedNumbers',
  roles: READERS,
  kind: 'query',
  input: z.object({ marking: z.enum(['unmarked', 'office', 'shared', 'all']).default('unmarked'), limit: z.number().int().min(1).max(500).default(100) }).strict(),
  output: z.object({
    numbers: z.array(z.object({ phone: z.string(), taxpayers: z.number().int(), marking: z.enum(['office', 'shared']).nullable(), markedBy: z.string().nullable(), markedAt: isoInstant.nullable(), note: z.string().nullable(), sampleNames: z.array(z.string()) })),
    threshold: z.number().int(),
  }),
});

const fixReason = z.string().trim().max(500).optional();

export const contactsFixPhone = procedure({
  name: 'contacts.fixPhone',
  roles: EDITORS,
  kind: 'mutation',
  // Longer than any cell on purpose: an over-long value gets the contacts module's own message.
  input: taxpayerRef.extend({ phone: z.string().max(2000), reason: fixReason }).strict(),
  output: z.object({ contact: contactRow }),
});

/** Phone and email together, all or nothing (the CLI's `contacts fix`). */
export const contactsFix = procedure({
  name: 'contacts.fix',
  roles: EDITORS,
  kind: 'mutation',
  input: taxpayerRef.extend({ phone: z.string().max(2000).optional(), email: z.string().max(2000).optional(), reason: fixReason }).strict(),
  output: z.object({ contact: contactRow }),
});

export const contactsFixEmail = procedure({
  name: 'contacts.fixEmail',
  roles: EDITORS,
  kind: 'mutation',
  input: taxpayerRef.extend({ email: z.string().max(2000), reason: fixReason }).strict(),
  output: z.object({ contact: contactRow }),
});

export const contactsChoosePrimary = procedure({
  name: 'contacts.choosePrimary',
  roles: EDITORS,
  kind: 'mutation',
  input: z
    .object({
      /** One taxpayer and the number to make primary, or many whose current first number is confirmed. */
      taxpayerIds: z.array(z.number().int()).min(1).max(5000),
      phone: z.string().max(20).optional(),
    })
    .strict(),
  output: z.object({ updated: z.number().int() }),
});

export const contactsMarkShared = procedure({
  name: 'contacts.markShared',
  roles: EDITORS,
  kind: 'mutation',
  input: z.object({ phone: z.string().trim().min(1).max(200), as: z.enum(['office', 'shared', 'none']), note: z.string().trim().max(500).optional() }).strict(),
  output: z.object({ phone: z.string(), marking: z.enum(['office', 'shared']).nullable(), taxpayers: z.number().int(), reachChanged: z.number().int() }),
});

export const contactsResolveConflict = procedure({
  name: 'contacts.resolveConflict',
  roles: EDITORS,
  kind: 'mutation',
  input: taxpayerRef.extend({ field: z.enum(['phone', 'email']), keep: z.enum(['officer', 'export']) }).strict(),
  output: z.object({ contact: contactRow }),
});

export const contactsExportCorrections = procedure({
  name: 'contacts.exportCorrections',
  roles: READERS,
  kind: 'query',
  input: z.object({}).strict(),
  output: z.object({ fileName: z.string(), contentBase64: z.string(), rows: z.number().int() }),
});

export const contactProcedures = [
  contactsQueue,
  contactsCounts,
  contactsDetail,
  contactsList,
  contactsReachability,
  contactsSummary,
  contactsSharedNumbers,
  contactsFixPhone,
  contactsFixEmail,
  contactsFix,
  contactsChoosePrimary,
  contactsMarkShared,
  contactsResolveConflict,
  contactsExportCorrections,
] as const;
