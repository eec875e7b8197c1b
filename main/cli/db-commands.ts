import type { Command } from 'commander';
import { UserError } from '../../shared/errors.js';
import { closeApp, createApp } from '../app.js';
import { writeAudit } from '../auth/index.js';
import { backupLedger, restoreLedger } from '../db/backup.js';
import { checkLedger } from '../db/check.js';
import { migrateToLatest } from '../db/migrate.js';
import { resolveLocation } from '../platform/paths.js';
import { emit, type GlobalOptions } from './output.js';
import { cliActor, withApp } from './session.js';

export function registerDbCommands(program: Command, globals: () => GlobalOptions): { failed: () => boolean } {
  let failed = false;
  const db = program.command('db').description('the ledger database');

  db.command('migrate')
    .description('run pending migrations')
    .action(async () => {
      await withApp(
        globals(),
        async ({ app }) => {
          const result = await migrateToLatest(app.ledger.db as never, app.ledger.engine, app.ledger.label);
          emit(globals(), { database: app.ledger.label, engine: app.ledger.engine, ...result }, () =>
            result.applied.length ? `Migrasi dijalankan: ${result.applied.join(', ')}` : `Skema sudah terbaru (${result.current}).`,
          );
        },
        { migrate: false },
      );
    });

  db.command('check')
    .description('check the ledger is whole (integrity, foreign keys, schema)')
    .action(async () => {
      await withApp(
        globals(),
        async ({ app }) => {
          const report = await checkLedger(app.ledger);
          failed = !report.ok;
          emit(globals(), { ...report }, () =>
            report.ok ? `Basis data utuh: ${report.database} (${report.schema}).` : `MASALAH pada ${report.database}: ${JSON.stringify(report)}`,
          );
        },
        { migrate: false },
      );
    });

  program
    .command('backup')
    .description('online backup of the SQLite ledger, consistent while the app runs')
    .requiredOption('--out <file>', 'where to write the backup')
    .action(async (opts: { out: string }) => {
      await withApp(globals(), async ({ app }) => {
        const result = await backupLedger(app.ledger, opts.out);
        const actor = await cliActor(app, globals().as);
        await writeAudit(app.ledger.db, { at: app.clock.now().toISOString(), actor: actor.username, role: actor.role, action: 'db.backup', target: result.file, origin: 'cli' });
        emit(globals(), { ...result }, () => `Cadangan ditulis: ${result.file} (${result.bytes} bita, integritas ${result.integrity}).`);
      });
    });

  program
    .command('restore')
    .description('replace the ledger with a backup; the current ledger is kept beside it')
    .argument('<file>', 'a backup written by `sipeka backup`')
    .action(async (file: string) => {
      const options = globals();
      const location = resolveLocation({ db: options.db, databaseUrl: options.databaseUrl });
      if (location.databaseUrl) throw new UserError('BACKUP_UNSUPPORTED');
      const result = await restoreLedger(location.dbFile, file, new Date());
      // Open once more: migrates an older backup to this version and records the restore.
      const app = await createApp({ db: location.dbFile });
      try {
        const actor = await cliActor(app, options.as);
        await writeAudit(app.ledger.db, { at: app.clock.now().toISOString(), actor: actor.username, role: actor.role, action: 'db.restore', target: result.restoredFrom, after: result, origin: 'cli' });
      } finally {
        await closeApp(app);
      }
      emit(options, { ...result }, () =>
        `Dipulihkan dari ${result.restoredFrom}.` + (result.previousKeptAt ? ` Basis data sebelumnya disimpan di ${result.previousKeptAt}.` : ''),
      );
    });

  return { failed: () => failed };
}
