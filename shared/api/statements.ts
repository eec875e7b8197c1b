import { z } from 'zod';
import { MAX_UPLOAD_BYTES } from './import.js';
import { procedure } from './procedure.js';

/** Bank statements: the treasurer's daily statement, imported and matched (payments module). */

const IMPORTERS = ['treasurer', 'admin'] as const;
const READERS = ['treasurer', 'head', 'admin'] as const;
const count = z.number().int();

export const STATEMENT_MAPPING_FIELDS = ['date', 'description', 'reference', 'debit', 'credit', 'amount', 'direction', 'balance'] as const;

export const statementImportResult = z.object({
  importId: count.nullable(),
  fileName: z.string(),
  sha256: z.string(),
  lines: count,
  credits: count,
  debits: count,
  matched: count,
  exceptions: z.object({
    underpaid: count,
    overpaid: count,
    paid_twice: count,
    no_bill: count,
    no_credit: count,
    never_credited: count,
  }),
  duplicates: count,
  /** Days matched; days signed off keep their items as signed (their new lines wait for an unlock). */
  days: z.array(z.string()),
  lockedDays: z.array(z.string()),
});

/** The statement travels base64-encoded in the call, as the SIMPADA upload does. */
export const statementsImport = procedure({
  name: 'statements.import',
  roles: IMPORTERS,
  kind: 'mutation',
  bodyLimit: Math.ceil(MAX_UPLOAD_BYTES * 1.4),
  input: z
    .object({
      fileName: z.string().trim().min(1).max(255),
      contentBase64: z.string().min(1),
      /** Column index (0 = A) → field; remembered for this statement layout. */
      mapping: z.partialRecord(z.enum(STATEMENT_MAPPING_FIELDS), z.number().int().min(0).max(200)).optional(),
    })
    .strict(),
  output: statementImportResult,
});

export const statementsList = procedure({
  name: 'statements.list',
  roles: READERS,
  kind: 'query',
  input: z.object({ limit: z.number().int().min(1).max(500).default(50), offset: z.number().int().min(0).default(0) }).strict(),
  output: z.object({
    total: count,
    imports: z.array(
      z.object({
        id: count,
        fileName: z.string(),
        sha256: z.string(),
        lines: count,
        credits: count,
        duplicates: count,
        firstDate: z.string().nullable(),
        lastDate: z.string().nullable(),
        importedBy: z.string(),
        importedAt: z.string(),
      }),
    ),
  }),
});

export const statementProcedures = [statementsImport, statementsList] as const;
