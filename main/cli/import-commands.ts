import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../../shared/errors.js';
import { asUserError, profileByName, runImport, type SyncReport } from '../ledger/index.js';
import { emit, type GlobalOptions, table } from './output.js';
import { terminalProgress } from './progress.js';
import { cliActor, withApp } from './session.js';

export function registerImportCommands(program: Command, globals: () => GlobalOptions): void {
  const command = program
    .command('import')
    .description('import a SIMPADA export (xlsx, xls or csv) into the ledger; `import history`, `import undo RUN_ID`')
    .argument('<file>', 'the export file')
    .option('--sheet <name>', 'import only this sheet')
    .option('--mapping <name>', 'use this saved column-mapping profile')
    .option('--dry-run', 'show what would change and write nothing')
    .action(async (file: string, opts: { sheet?: string; mapping?: string; dryRun?: boolean }) => {
      const resolved = path.resolve(file);
      if (!fs.existsSync(resolved) || !fs.statSync(resolved).isFile()) throw new UserError('FILE_NOT_FOUND', { path: resolved });
      await withApp(globals(), async ({ app }) => {
        const actor = await cliActor(app, globals().as);
        if (opts.mapping) await profileByName(app.ledger.db, opts.mapping);
        const controller = new AbortController();
        const cancel = () => controller.abort();
        process.once('SIGINT', cancel);
        const progress = terminalProgress(path.basename(resolved));
        try {
          const report = await asUserError(
            runImport(
              app,
              {
                file: resolved,
                fileName: path.basename(resolved),
                ...(opts.sheet ? { sheets: [opts.sheet] } : {}),
                ...(opts.mapping ? { profileName: opts.mapping } : {}),
                dryRun: Boolean(opts.dryRun),
                actor: { username: actor.username, role: actor.role },
                origin: 'cli',
                // One command, one import: nothing else runs in this process while it parses.
                parser: 'inline',
              },
              controller.signal,
              progress.update,
            ),
          );
          progress.done();
          emit(globals(), toCliJson(report), () => describe(report));
        } finally {
          progress.done();
          process.off('SIGINT', cancel);
        }
      });
    });

  command
    .command('history')
    .description('sync runs, newest first')
    .option('--limit <n>', 'how many', (v) => Number.parseInt(v, 10), 50)
    .action(async (opts: { limit: number }) => {
      await withApp(globals(), async ({ call }) => {
        const { runs, total } = await call('import.history', { limit: opts.limit });
        emit(globals(), { runs, total }, () => table(runs, ['id', 'createdAt', 'createdBy', 'fileName', 'status', 'rowsRead', 'inserted', 'updated', 'unchanged', 'rejectedCount']));
      });
    });

  command
    .command('undo')
    .description('undo a sync run (the latest applied one), restoring every row it touched')
    .argument('<run-id>', 'the run', (v) => Number.parseInt(v, 10))
    .action(async (runId: number) => {
      await withApp(globals(), async ({ call }) => {
        const result = await call('import.undo', { runId });
        emit(globals(), { run_id: result.runId, bills_removed: result.billsRemoved, bills_restored: result.billsRestored, taxpayers_removed: result.taxpayersRemoved, taxpayers_restored: result.taxpayersRestored }, () =>
          `Impor #${runId} dibatalkan: ${result.billsRemoved} tagihan dihapus, ${result.billsRestored} dipulihkan.`,
        );
      });
    });
}

/** The issue's JSON shape for `sipeka import --json`: snake_case, counts first. */
function toCliJson(r: SyncReport) {
  return {
    run_id: r.runId,
    dry_run: r.dryRun,
    file: r.fileName,
    sha256: r.sha256,
    sheet: r.sheet,
    rows_read: r.rowsRead,
    bills: { inserted: r.bills.inserted, updated: r.bills.updated, unchanged: r.bills.unchanged, newly_paid: r.bills.newlyPaid },
    taxpayers: r.taxpayers,
    duplicates: r.duplicates,
    rejected_count: r.rejectedCount,
    rejected: r.rejected.map(({ sheet, row, column, value, code, reason }) => ({ sheet, row, column, value, code, reason })),
    missing_from_snapshot: r.missingFromSnapshot,
    missing: r.missing,
    conflicts: r.conflicts,
    same_file_runs: r.sameFileRuns,
  };
}

function describe(r: SyncReport): string {
  const lines = [
    `${r.dryRun ? 'PRATINJAU (tidak ada yang ditulis)' : `Impor #${r.runId} diterapkan`}: ${r.fileName}`,
    `baris dibaca ${r.rowsRead}; tagihan baru ${r.bills.inserted}, berubah ${r.bills.updated} (baru lunas ${r.bills.newlyPaid}), tetap ${r.bills.unchanged}`,
    `wajib pajak baru ${r.taxpayers.inserted}, berubah ${r.taxpayers.updated}; duplikat ${r.duplicates}; ditolak ${r.rejectedCount}; hilang dari ekspor ${r.missingFromSnapshot}; konflik ${r.conflicts.length}`,
  ];
  if (r.sameFileRuns.length) lines.push(`PERINGATAN: berkas yang sama sudah diimpor (#${r.sameFileRuns.map((s) => s.id).join(', #')}).`);
  for (const reject of r.rejected.slice(0, 20)) lines.push(`  ditolak: ${reject.sheet} baris ${reject.row}, kolom ${reject.column}, "${reject.value}": ${reject.reason}`);
  if (r.rejected.length > 20) lines.push(`  … dan ${r.rejected.length - 20} lainnya (lihat --json)`);
  return lines.join('\n');
}
