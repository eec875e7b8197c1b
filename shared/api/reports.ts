import { z } from 'zod';
import { isoDate, rupiah } from './common.js';
import { procedure } from './procedure.js';

/** Reports: the treasurer's Excel workbooks, written to the export folder and downloaded by token. */

export const REPORT_NAMES = ['dispatch', 'arrears', 'revenue', 'reconciliation'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];
/** Officers print the lists they work from; money reports are for the treasurer, the head and IT. */
export const OFFICER_REPORTS: readonly ReportName[] = ['dispatch', 'arrears'];
const REPORT_ROLES = ['treasurer', 'head', 'admin', 'officer'] as const;

export const reportRequest = z
  .object({
    report: z.enum(REPORT_NAMES),
    /** `YYYY-MM` (a month) or `YYYY` (revenue: the whole year). */
    period: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY-MM, YYYY or (reconciliation) YYYY-MM-DD').optional(),
    /** Dispatch: plan dates from … to …, inclusive. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** Arrears: unpaid on this day (default today, or the period's last day). */
    asOf: isoDate.optional(),
  })
  .strict();

const sheetResult = z.object({ sheet: z.string(), rows: z.number().int(), totals: z.record(z.string(), rupiah) });

export const reportResult = z.object({
  report: z.enum(REPORT_NAMES),
  /** The period as the title block prints it. */
  period: z.string(),
  fileName: z.string(),
  /** Hands the file to `reports.download` for 24 hours. */
  token: z.string(),
  /** Data rows of the first sheet. */
  rows: z.number().int(),
  sheets: z.array(sheetResult),
});

export const reportsGenerate = procedure({
  name: 'reports.generate',
  roles: REPORT_ROLES,
  kind: 'query',
  input: reportRequest,
  output: reportResult,
});

/** The same as a job with progress (rows written), for long reports; the job's result is a `reportResult`. */
export const reportsStart = procedure({
  name: 'reports.start',
  roles: REPORT_ROLES,
  kind: 'query',
  input: reportRequest,
  output: z.object({ jobId: z.string() }),
});

export const reportsDownload = procedure({
  name: 'reports.download',
  roles: REPORT_ROLES,
  kind: 'query',
  input: z.object({ token: z.string().uuid() }).strict(),
  output: z.object({ fileName: z.string(), contentBase64: z.string() }),
});

export const reportProcedures = [reportsGenerate, reportsStart, reportsDownload] as const;
