import type { Kysely } from 'kysely';
import { OFFICER_REPORTS, type ReportName } from '../../shared/api/reports.js';
import { UserError } from '../../shared/errors.js';
import type { Actor } from '../api/context.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../platform/clock.js';
import { readSettings } from '../platform/settings.js';
import { arrearsReport } from './arrears-report.js';
import { dispatchReport } from './dispatch-report.js';
import type { ReportDefinition } from './report.js';
import { reportContext } from './report-context.js';
import { newReportFile, removeReportFile } from './report-files.js';
import { type ReportPeriodInput, type ResolvedPeriod, resolvePeriod } from './report-period.js';
import { revenueReport } from './revenue-report.js';
import { reconciliationReport } from '../payments/reconciliation/reconciliation-report.js';
import { type WriteOptions, writeReport } from './write-report.js';

export interface ReportRequest extends ReportPeriodInput {
  report: ReportName;
}

export interface GeneratedReport {
  report: ReportName;
  period: string;
  fileName: string;
  token: string;
  /** Where the workbook lies, for the CLI (never sent over HTTP). */
  file: string;
  rows: number;
  sheets: { sheet: string; rows: number; totals: Record<string, number> }[];
}

const FILE_PREFIX: Record<ReportName, string> = { dispatch: 'log-pengiriman', arrears: 'daftar-tunggakan', revenue: 'rekap-penerimaan', reconciliation: 'rekonsiliasi' };

/** Refuses the money reports to officers, who print only the lists they work from. */
export function checkReportRole(actor: Actor | null, report: ReportName): void {
  if (actor?.role === 'officer' && !OFFICER_REPORTS.includes(report)) throw new UserError('REPORT_NOT_ALLOWED', { role: actor.role, report });
}

/** Builds a report from the ledger and writes it into the export folder under a fresh download token. */
export async function generateReport(db: Kysely<Database>, clock: Clock, dataDir: string, request: ReportRequest, options: WriteOptions = {}): Promise<GeneratedReport> {
  const ctx = await reportContext(db, clock);
  const resolved = resolvePeriod(request.report, request, ctx.today);
  const definition = await buildReport(db, resolved);
  const fileName = `${FILE_PREFIX[request.report]}-${resolved.fileTag}.xlsx`;
  const { token, file } = newReportFile(dataDir, fileName, ctx.now);
  try {
    const result = await writeReport(definition, ctx, { file }, options);
    const sheets = result.tables.map((t) => ({ sheet: t.sheetName, rows: t.rows, totals: t.totals }));
    return { report: request.report, period: definition.period, fileName, token, file, rows: sheets[0]?.rows ?? 0, sheets };
  } catch (err) {
    removeReportFile(dataDir, token);
    throw err;
  }
}

async function buildReport(db: Kysely<Database>, resolved: ResolvedPeriod): Promise<ReportDefinition> {
  switch (resolved.report) {
    case 'dispatch':
      return dispatchReport(db, resolved.from, resolved.to);
    case 'arrears': {
      const settings = await readSettings(db);
      return arrearsReport(db, resolved.asOf, { percentPerMonth: settings.penaltyPercentPerMonth, maxMonths: settings.penaltyMaxMonths });
    }
    case 'revenue':
      return revenueReport(db, resolved.period);
    case 'reconciliation':
      return reconciliationReport(db, resolved.period);
  }
}
