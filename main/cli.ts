import { Command, CommanderError } from 'commander';
import { type ErrorBody, UserError } from '../shared/errors.js';
import { registerAuditCommands } from './cli/audit-commands.js';
import { registerContactCommands } from './cli/contact-commands.js';
import { registerDbCommands } from './cli/db-commands.js';
import { registerDemoCommands } from './cli/demo-commands.js';
import { registerImportCommands } from './cli/import-commands.js';
import { registerLedgerCommands } from './cli/ledger-commands.js';
import { registerKpiCommands } from './cli/kpi-commands.js';
import { registerMessageCommands } from './cli/message-commands.js';
import { emitError, type GlobalOptions } from './cli/output.js';
import { registerPartnerCommands } from './cli/partner-commands.js';
import { registerPaymentCommands } from './cli/payment-commands.js';
import { registerReconcileCommands } from './cli/reconcile-commands.js';
import { registerReminderCommands } from './cli/reminder-commands.js';
import { registerReportCommands } from './cli/report-commands.js';
import { registerServeCommand } from './cli/serve-command.js';
import { registerSettingsCommands } from './cli/settings-commands.js';
import { registerStatementCommands } from './cli/statement-commands.js';
import { registerTemplateCommands } from './cli/template-commands.js';
import { registerUserCommands } from './cli/user-commands.js';

/** Exit codes: 0 success, 1 a user error with a message, 2 a usage error. */
export const EXIT_OK = 0;
export const EXIT_USER_ERROR = 1;
export const EXIT_USAGE = 2;

export function buildProgram(): { program: Command; failed: () => boolean } {
  const program = new Command('sipeka')
    .description('SI PEKA — Sistem Peringatan dan Kemudahan Bayar (collection reminders and payments)')
    .option('--db <file>', 'SQLite ledger file (default SIPEKA_DB or <data dir>/sipeka.db)')
    .option('--database-url <url>', 'use a PostgreSQL ledger (default SIPEKA_DATABASE_URL)')
    .option('--json', 'print exactly one JSON object on stdout')
    .option('--as <name>', 'act as this user in the audit log (default cli:<os user>)')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stderr.write(s), writeErr: (s) => process.stderr.write(s) });
  const globals = () => program.opts<GlobalOptions>();
  registerUserCommands(program, globals);
  const db = registerDbCommands(program, globals);
  registerAuditCommands(program, globals);
  registerSettingsCommands(program, globals);
  registerLedgerCommands(program, globals);
  registerImportCommands(program, globals);
  registerServeCommand(program, globals);
  registerDemoCommands(program, globals);
  registerContactCommands(program, globals);
  registerTemplateCommands(program, globals);
  registerReminderCommands(program, globals);
  registerMessageCommands(program, globals);
  registerStatementCommands(program, globals);
  registerReconcileCommands(program, globals);
  registerKpiCommands(program, globals);
  registerPartnerCommands(program, globals);
  registerPaymentCommands(program, globals);
  registerReportCommands(program, globals);
  for (const command of allCommands(program)) command.exitOverride().showHelpAfterError();
  return { program, failed: db.failed };
}

function allCommands(command: Command): Command[] {
  return command.commands.flatMap((c) => [c, ...allCommands(c)]);
}

export async function main(argv: string[]): Promise<number> {
  const { program, failed } = buildProgram();
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return failed() ? EXIT_USER_ERROR : EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? EXIT_OK : EXIT_USAGE;
    }
    const options = program.opts<GlobalOptions>();
    if (err instanceof UserError) {
      emitError(options, err.toBody('id'));
      return EXIT_USER_ERROR;
    }
    const body: ErrorBody = new UserError('INTERNAL', { log: 'stderr' }).toBody('id');
    emitError(options, body);
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    return EXIT_USER_ERROR;
  }
}
