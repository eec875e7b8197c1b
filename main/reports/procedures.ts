import fs from 'node:fs';
import type { ProcedureName } from '../../shared/api/index.js';
import type { Ctx } from '../api/context.js';
import type { HandlerMap } from '../api/handler.js';
import { checkReportRole, type GeneratedReport, generateReport } from './generate-report.js';
import { reportFile } from './report-files.js';

export const reportProcedures: HandlerMap<Extract<ProcedureName, `reports.${string}`>> = {
  async 'reports.generate'(ctx, request) {
    checkReportRole(ctx.actor, request.report);
    return withoutPath(await generateReport(ctx.db, ctx.app.clock, ctx.app.location.dataDir, request));
  },

  // Runs beside the call on the ledger itself (a query's ctx.db is no transaction to outlive).
  async 'reports.start'(ctx, request) {
    checkReportRole(ctx.actor, request.report);
    const job = ctx.app.jobs.start(`report.${request.report}`, ctx.actor?.username ?? 'system', async (signal, report) =>
      withoutPath(
        await generateReport(ctx.app.ledger.db, ctx.app.clock, ctx.app.location.dataDir, request, {
          signal,
          onProgress: (done) => report({ phase: 'writing', done, total: null }),
        }),
      ),
    );
    return { jobId: job.id };
  },

  async 'reports.download'(ctx: Ctx, { token }) {
    const { file, fileName } = reportFile(ctx.app.location.dataDir, token);
    return { fileName, contentBase64: fs.readFileSync(file).toString('base64') };
  },
};

/** The server's folders are nobody's business over HTTP; the token is what downloads the file. */
function withoutPath({ file: _file, ...rest }: GeneratedReport) {
  return rest;
}
