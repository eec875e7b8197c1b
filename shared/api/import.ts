import { z } from 'zod';
import { procedure } from './procedure.js';

/** Officers import; administrators may too (they set up the first sync). */
const IMPORTERS = ['officer', 'admin'] as const;
const LEDGER_READERS = ['officer', 'admin', 'head', 'treasurer'] as const;

/** Largest export the screen may upload: 100 MB of xlsx is far beyond 500,000 rows. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

const sameFileRun = z.object({ id: z.number().int(), createdAt: z.string(), createdBy: z.string() });
/** `reason` is the officer's sentence in Indonesian, `reasonEn` the same in English. */
const reject = z.object({ sheet: z.string(), row: z.number().int(), column: z.string(), value: z.string(), code: z.string(), reason: z.string(), reasonEn: z.string().optional() });
const fieldChange = z.object({ field: z.string(), old: z.unknown(), new: z.unknown() });

export const syncReport = z.object({
  runId: z.number().int().nullable(),
  dryRun: z.boolean(),
  fileName: z.string(),
  sha256: z.string(),
  sheet: z.string().nullable(),
  rowsRead: z.number().int(),
  bills: z.object({ inserted: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), newlyPaid: z.number().int() }),
  taxpayers: z.object({ inserted: z.number().int(), updated: z.number().int() }),
  duplicates: z.number().int(),
  rejectedCount: z.number().int(),
  rejected: z.array(reject),
  missingFromSnapshot: z.number().int(),
  missing: z.array(
    z.object({ kodeBayar: z.string(), taxpayer: z.string(), taxType: z.string(), tahun: z.number().int().nullable(), principal: z.number(), dueDate: z.string(), status: z.string() }),
  ),
  conflicts: z.array(z.object({ kodeBayar: z.string(), reason: z.string(), detail: z.string(), detailEn: z.string().optional() })),
  sameFileRuns: z.array(sameFileRun),
  /** A repeat of this run into an unchanged ledger: answered from it without reading the file again. */
  repeatOf: z.number().int().nullable(),
  samples: z.object({
    inserted: z.array(z.object({ kodeBayar: z.string(), taxpayer: z.string(), principal: z.number(), dueDate: z.string(), status: z.string() })),
    updated: z.array(z.object({ kodeBayar: z.string(), taxpayer: z.string(), changes: z.array(fieldChange) })),
    newTaxpayers: z.array(z.object({ key: z.string(), name: z.string() })),
    changedTaxpayers: z.array(z.object({ key: z.string(), name: z.string(), changes: z.array(fieldChange) })),
  }),
});

export const importUpload = procedure({
  name: 'import.upload',
  roles: IMPORTERS,
  kind: 'query',
  bodyLimit: Math.ceil(MAX_UPLOAD_BYTES * 1.4),
  input: z.object({ fileName: z.string().trim().min(1).max(255), contentBase64: z.string().min(1) }).strict(),
  output: z.object({
    uploadId: z.string(),
    fileName: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    sheets: z.array(z.object({ name: z.string(), recognised: z.boolean(), rows: z.number().int().nullable() })),
    sameFileRuns: z.array(sameFileRun),
  }),
});

export const importColumn = z.object({
  index: z.number().int(),
  letter: z.string(),
  header: z.string(),
  field: z.string(),
  status: z.enum(['recognised', 'unknown', 'ambiguous', 'profile', 'chosen']),
});

export const importInspect = procedure({
  name: 'import.inspect',
  roles: IMPORTERS,
  kind: 'query',
  input: z.object({ uploadId: z.string(), sheet: z.string().optional(), mapping: z.record(z.string(), z.string()).optional() }).strict(),
  output: z.object({
    sheet: z.string(),
    headerRow: z.number().int(),
    columns: z.array(importColumn),
    missingRequired: z.array(z.object({ id: z.string(), en: z.string() })),
    ambiguous: z.array(z.string()),
    profileName: z.string().nullable(),
    ready: z.boolean(),
    fields: z.array(z.object({ field: z.string(), labelId: z.string(), labelEn: z.string(), required: z.boolean() })),
  }),
});

export const importStart = procedure({
  name: 'import.start',
  roles: IMPORTERS,
  kind: 'self-managed',
  input: z
    .object({
      uploadId: z.string(),
      sheet: z.string().optional(),
      /** Field per column index (as text), overriding what was recognised. */
      mapping: z.record(z.string(), z.string()).optional(),
      dryRun: z.boolean(),
      saveProfileAs: z.string().trim().min(1).max(100).optional(),
    })
    .strict(),
  output: z.object({ jobId: z.string() }),
});

const runRow = z.object({
  id: z.number().int(),
  fileName: z.string(),
  sha256: z.string(),
  sheet: z.string().nullable(),
  status: z.enum(['applied', 'undone']),
  rowsRead: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  newlyPaid: z.number().int(),
  duplicates: z.number().int(),
  rejectedCount: z.number().int(),
  missingFromSnapshot: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  undoneBy: z.string().nullable(),
  undoneAt: z.string().nullable(),
});

export const importHistory = procedure({
  name: 'import.history',
  roles: LEDGER_READERS,
  kind: 'query',
  input: z.object({ limit: z.number().int().min(1).max(500).default(50), offset: z.number().int().min(0).default(0) }).strict(),
  output: z.object({ runs: z.array(runRow), total: z.number().int() }),
});

export const importRun = procedure({
  name: 'import.run',
  roles: LEDGER_READERS,
  kind: 'query',
  input: z.object({ runId: z.number().int(), rejectsLimit: z.number().int().min(0).max(5000).default(500) }).strict(),
  output: z.object({ run: runRow, report: syncReport.nullable(), rejects: z.array(reject), rejectsTotal: z.number().int() }),
});

export const importUndo = procedure({
  name: 'import.undo',
  roles: IMPORTERS,
  kind: 'mutation',
  input: z.object({ runId: z.number().int() }).strict(),
  output: z.object({ runId: z.number().int(), billsRemoved: z.number().int(), billsRestored: z.number().int(), taxpayersRemoved: z.number().int(), taxpayersRestored: z.number().int() }),
});

export const importRejectsXlsx = procedure({
  name: 'import.rejectsXlsx',
  roles: LEDGER_READERS,
  kind: 'query',
  input: z.object({ runId: z.number().int() }).strict(),
  output: z.object({ fileName: z.string(), contentBase64: z.string() }),
});

export const importProfiles = procedure({
  name: 'import.profiles',
  roles: IMPORTERS,
  kind: 'query',
  input: z.object({}).strict(),
  output: z.object({ profiles: z.array(z.object({ name: z.string(), headers: z.array(z.string()), createdBy: z.string(), createdAt: z.string() })) }),
});
