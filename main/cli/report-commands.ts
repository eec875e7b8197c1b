import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Out } from '../../shared/api/index.js';
import { REPORT_NAMES, type ReportName } from '../../shared/api/reports.js';
import { UserError } from '../../shared/errors.js';
import { removeReportFile, reportFile } from '../reports/index.js';
import { emit, type GlobalOptions } from './output.js';
import { terminalProgress } from './progress.js';
import { withApp } from './session.js';

interface ReportFlags {
  period?: string;
  from?: string;
  to?: string;
  asOf?: string;
  out: string;
}

export function registerReportCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('report')
    .description(`write an Excel report: ${REPORT_NAMES.join('|')}`)
    .argument('<name>', REPORT_NAMES.join('|'))
    .option('--period <period>', 'YYYY-MM (dispatch, arrears, revenue) or YYYY (revenue)')
    .option('--from <date>', 'dispatch: first plan date YYYY-MM-DD')
    .option('--to <date>', 'dispatch: last plan date YYYY-MM-DD')
    .option('--as-of <date>', 'arrears: unpaid on this day (default today)')
    .requiredOption('--out <file>', 'where to write the workbook (.xlsx)')
    .action(async (name: string, opts: ReportFlags) => {
      if (!(REPORT_NAMES as readonly string[]).includes(name)) throw new UserError('INVALID_INPUT', { field: 'name', detail: `expected ${REPORT_NAMES.join(', ')}` });
      await withApp(globals(), async ({ app, call }) => {
        const { jobId } = await call('reports.start', { report: name as ReportName, period: opts.period, from: opts.from, to: opts.to, asOf: opts.asOf });
        // Ctrl+C stops the report; the half-written workbook is removed.
        const cancel = () => app.jobs.cancel(jobId);
        process.once('SIGINT', cancel);
        process.once('SIGTERM', cancel);
        const progress = terminalProgress(`report ${name}`);
        let done = app.jobs.get(jobId);
        while (done.state === 'running') {
          progress.update(done.progress);
          await new Promise((resolve) => setTimeout(resolve, 100));
          done = app.jobs.get(jobId);
        }
        progress.done();
        process.off('SIGINT', cancel);
        process.off('SIGTERM', cancel);
        if (done.error) throw new UserError(done.error.code, done.error.params);
        if (done.state !== 'done') throw new UserError('INVALID_INPUT', { field: 'report', detail: 'cancelled' });
        const r = done.result as Out<'reports.generate'>;
        const out = path.resolve(opts.out);
        moveFile(reportFile(app.location.dataDir, r.token).file, out);
        removeReportFile(app.location.dataDir, r.token);
        const { token: _token, sheets, ...rest } = r;
        emit(globals(), { ...rest, path: out, totals: sheets[0]?.totals ?? {}, sheets }, () => `${r.fileName}: ${r.rows} baris (${r.period}) → ${out}`);
      });
    });
}

/** The export folder may sit on another disk than --out; rename where it can, copy where it cannot. */
function moveFile(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    fs.copyFileSync(from, to);
  }
}
