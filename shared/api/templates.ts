import { z } from 'zod';
import type { Role } from '../roles.js';
import { TEMPLATE_CHANNELS, TEMPLATE_ISSUE_CODES, TEMPLATE_PURPOSES } from '../templates/index.js';
import { isoInstant, language } from './common.js';
import { procedure } from './procedure.js';

/**
 * Message templates and their approval (templates module). Officers write and submit; so may a
 * head (whose own versions another head then decides) and an administrator (the CLI's local
 * actor, loading an agency's texts from files). Only a head decides, never on a version they
 * wrote; an administrator never decides. Treasurers have no business here.
 */
const READERS: readonly Role[] = ['officer', 'head', 'admin'];
const WRITERS: readonly Role[] = ['officer', 'head', 'admin'];
const DECIDERS: readonly Role[] = ['head'];
const RETIRERS: readonly Role[] = ['head', 'admin'];
const META_RECORDERS: readonly Role[] = ['officer', 'admin'];

export const TEMPLATE_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'retired'] as const;
export const META_STATUSES = ['pending', 'approved', 'rejected'] as const;
/** Meta's categories a reminder may be filed under; payment reminders are `UTILITY`. */
export const META_CATEGORIES = ['UTILITY', 'MARKETING'] as const;

const templateId = z.number().int().positive();

/** What a person writes; for SMS the Meta fields are dropped. */
export const templateContent = z
  .object({
    name: z.string().trim().min(1).max(120),
    channel: z.enum(TEMPLATE_CHANNELS),
    language,
    purpose: z.enum(TEMPLATE_PURPOSES),
    body: z.string().max(4000),
    metaName: z.string().trim().max(512).nullable().optional(),
    metaCategory: z.enum(META_CATEGORIES).nullable().optional(),
  })
  .strict();

export const templateIssue = z.object({
  code: z.enum(TEMPLATE_ISSUE_CODES),
  severity: z.enum(['error', 'warning']),
  start: z.number().int().optional(),
  end: z.number().int().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

/** One version. `usable`: approved by a head and, for WhatsApp, by Meta — only then is it sent. */
export const templateVersion = z.object({
  id: z.number().int(),
  familyId: z.number().int(),
  version: z.number().int(),
  name: z.string(),
  channel: z.enum(TEMPLATE_CHANNELS),
  language: z.string(),
  purpose: z.string(),
  body: z.string(),
  metaName: z.string().nullable(),
  metaCategory: z.string().nullable(),
  metaStatus: z.enum(META_STATUSES).nullable(),
  status: z.enum(TEMPLATE_STATUSES),
  usable: z.boolean(),
  rejectReason: z.string().nullable(),
  createdBy: z.string(),
  createdAt: isoInstant,
  updatedBy: z.string(),
  updatedAt: isoInstant,
  submittedBy: z.string().nullable(),
  submittedAt: isoInstant.nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: isoInstant.nullable(),
});

export const templateRow = templateVersion.omit({ body: true }).extend({
  /** The newest version of its family: what a list of templates shows by default. */
  latest: z.boolean(),
});

/** What changed from the previous version of the family (from nothing, for a first version). */
export const versionDiff = z.object({
  before: z.string().nullable(),
  after: z.string(),
  fields: z.array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
  /** Unified diff of the body; null when the body did not change. */
  patch: z.string().nullable(),
  words: z.array(z.object({ text: z.string(), op: z.enum(['same', 'added', 'removed']) })),
});

export const templatesList = procedure({
  name: 'templates.list',
  roles: READERS,
  kind: 'query',
  input: z
    .object({
      status: z.enum(TEMPLATE_STATUSES).optional(),
      channel: z.enum(TEMPLATE_CHANNELS).optional(),
      purpose: z.enum(TEMPLATE_PURPOSES).optional(),
      language: language.optional(),
    })
    .strict(),
  output: z.object({ rows: z.array(templateRow) }),
});

export const templatesGet = procedure({
  name: 'templates.get',
  roles: READERS,
  kind: 'query',
  input: z.object({ id: templateId }).strict(),
  output: z.object({
    template: templateVersion,
    /** The family's approved version, the one in force while this one is being worked on. */
    inForceId: z.number().int().nullable(),
    versions: z.array(templateVersion.extend({ diff: versionDiff })),
    issues: z.array(templateIssue),
    /** The longest value each placeholder takes in the ledger, for the editor's live length checks. */
    longestValues: z.record(z.string(), z.string()),
    /** WhatsApp: the body as registered at Meta (`{{1}}`, …) and the placeholder behind each number. */
    meta: z.object({ text: z.string(), parameters: z.array(z.string()) }).nullable(),
  }),
});

const changed = z.object({ template: templateVersion });
/**
 * `retired`: the family's previously approved version(s), out of force from now on because this
 * version became usable (for WhatsApp: approved by the head and by Meta, in either order).
 */
const changedInForce = changed.extend({ retired: z.array(z.number().int()) });

export const templatesCreate = procedure({
  name: 'templates.create',
  roles: WRITERS,
  kind: 'mutation',
  input: templateContent,
  output: changed,
});

export const templatesUpdate = procedure({
  name: 'templates.update',
  roles: WRITERS,
  kind: 'mutation',
  input: z
    .object({
      id: templateId,
      changes: templateContent.partial().refine((c) => Object.values(c).some((v) => v !== undefined), 'name at least one field to change'),
    })
    .strict(),
  /** `newVersion`: the edited version was approved, so the edit became the family's next draft. */
  output: changed.extend({ newVersion: z.boolean() }),
});

const byId = z.object({ id: templateId }).strict();

export const templatesSubmit = procedure({ name: 'templates.submit', roles: WRITERS, kind: 'mutation', input: byId, output: changed });

export const templatesWithdraw = procedure({ name: 'templates.withdraw', roles: WRITERS, kind: 'mutation', input: byId, output: changed });

export const templatesApprove = procedure({
  name: 'templates.approve',
  roles: DECIDERS,
  kind: 'mutation',
  input: byId,
  output: changedInForce,
});

export const templatesReject = procedure({
  name: 'templates.reject',
  roles: DECIDERS,
  kind: 'mutation',
  input: z.object({ id: templateId, reason: z.string().trim().min(1, 'alasan penolakan wajib diisi / a reason is required').max(1000) }).strict(),
  output: changed,
});

export const templatesRetire = procedure({ name: 'templates.retire', roles: RETIRERS, kind: 'mutation', input: byId, output: changed });

export const templatesSetMetaStatus = procedure({
  name: 'templates.setMetaStatus',
  roles: META_RECORDERS,
  kind: 'mutation',
  input: z.object({ id: templateId, metaStatus: z.enum(META_STATUSES) }).strict(),
  output: changedInForce,
});

export const PREVIEW_SAMPLES = ['example', 'longest', 'taxpayer'] as const;

/**
 * A saved version (`id`) or the editor's unsaved text (`draft`), filled with the typical
 * example, the longest values in the ledger, or one real taxpayer's bills.
 */
export const templatesPreview = procedure({
  name: 'templates.preview',
  roles: READERS,
  kind: 'query',
  input: z
    .object({
      id: templateId.optional(),
      draft: templateContent.pick({ channel: true, language: true, purpose: true, body: true, metaName: true }).optional(),
      sample: z.enum(PREVIEW_SAMPLES).default('example'),
      taxpayerId: z.number().int().optional(),
      npwpd: z.string().trim().min(1).max(40).optional(),
    })
    .strict()
    .refine((i) => (i.id === undefined) !== (i.draft === undefined), { message: 'give either id or draft', path: ['id'] })
    .refine((i) => i.sample !== 'taxpayer' || i.taxpayerId !== undefined || i.npwpd !== undefined, {
      message: 'sample "taxpayer" needs taxpayerId or npwpd',
      path: ['taxpayerId'],
    }),
  output: z.object({
    text: z.string(),
    channel: z.enum(TEMPLATE_CHANNELS),
    /** SMS: septets (GSM-7) or UTF-16 units (UCS-2); WhatsApp: UTF-16 units, as Meta counts. */
    characters: z.number().int(),
    smsParts: z.number().int().nullable(),
    encoding: z.enum(['GSM-7', 'UCS-2']).nullable(),
    ucs2Characters: z.array(z.string()),
    whatsappParameters: z.array(z.string()).nullable(),
    metaText: z.string().nullable(),
    issues: z.array(templateIssue),
    taxpayer: z.object({ id: z.number().int(), npwpd: z.string().nullable(), name: z.string(), bills: z.number().int() }).nullable(),
  }),
});

export const templateProcedures = [
  templatesList,
  templatesGet,
  templatesCreate,
  templatesUpdate,
  templatesSubmit,
  templatesWithdraw,
  templatesApprove,
  templatesReject,
  templatesRetire,
  templatesSetMetaStatus,
  templatesPreview,
] as const;
