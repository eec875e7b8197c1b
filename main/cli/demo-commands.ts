import fs from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { UserError } from '../../shared/errors.js';
import { writeAudit } from '../auth/index.js';
import { exportFormat, generateDemo, isIsoDate, ledgerBills, loadDemo, MAX_DEMO_TAXPAYERS, writeSimpadaExport } from '../ledger/demo/index.js';
import { calendarDate, clockFromEnv } from '../platform/clock.js';
import { agencyToday } from '../platform/today.js';
import { emit, type GlobalOptions } from './output.js';
import { cliActor, withApp } from './session.js';

interface LoadOptions {
  taxpayers: number;
  seed: number;
  asOf?: string;
  force?: boolean;
}

interface ExportOptions {
  rows?: number;
  taxpayers?: number;
  seed?: number;
  asOf?: string;
}

/** Without a ledger there is no agency setting to read: the default zone, WIB, decides "today". */
const DEFAULT_ZONE = 'Asia/Jakarta';

export function registerDemoCommands(program: Command, globals: () => GlobalOptions): void {
  const demo = program.command('demo').description('made-up OKI taxpayers and bills: fill a ledger for a demo, or write a SIMPADA-style export');

  // The default subcommand, so `sipeka demo --taxpayers 50 --seed 7` reads as the brief says.
  demo
    .command('load', { isDefault: true })
    .description('add generated bills to the ledger as an ordinary sync run, undoable like an import (the default: `sipeka demo --taxpayers N --seed S`)')
    .requiredOption('--taxpayers <n>', `how many taxpayers (1–${MAX_DEMO_TAXPAYERS})`, integer(1, MAX_DEMO_TAXPAYERS))
    .requiredOption('--seed <n>', 'the same seed gives the same data', integer(0, 2 ** 32 - 1))
    .option('--as-of <date>', "the demo's today, YYYY-MM-DD (default: today in the agency's zone)")
    .option('--force', 'add the bills even when the ledger already has some')
    .action(async (opts: LoadOptions) => {
      const options = globals();
      await withApp(options, async ({ app }) => {
        const today = asOf(opts.asOf) ?? (await agencyToday(app.ledger.db, app.clock));
        const actor = await cliActor(app, options.as);
        const result = await loadDemo(app.ledger.db, {
          taxpayers: opts.taxpayers,
          seed: opts.seed,
          today,
          force: Boolean(opts.force),
          actor: { username: actor.username, role: actor.role },
          origin: 'cli',
          now: app.clock.now(),
          onProgress: progress,
        });
        emit(options, { ...result }, () =>
          `Data demo ditambahkan sebagai impor #${result.run_id}: ${result.taxpayers} wajib pajak, ${result.bills} tagihan (${result.unpaid_bills} belum lunas, ${result.overdue_bills} lewat jatuh tempo).`,
        );
      });
    });

  demo
    .command('export')
    .description('write a SIMPADA-style Daftar Ketetapan (.xlsx or .csv) of the ledger, or of generated data with --taxpayers and --seed')
    .argument('<file>', 'FILE.xlsx or FILE.csv; must not exist yet')
    .option('--rows <n>', 'write at most this many bills', integer(1, Number.MAX_SAFE_INTEGER))
    .option('--taxpayers <n>', 'export generated data for this many taxpayers instead of the ledger (no database needed)', integer(1, MAX_DEMO_TAXPAYERS))
    .option('--seed <n>', 'with --taxpayers: the seed of the generated data', integer(0, 2 ** 32 - 1))
    .option('--as-of <date>', "today's date for the report and the generated data, YYYY-MM-DD")
    .action(async (file: string, opts: ExportOptions) => {
      const options = globals();
      exportFormat(file);
      if (fs.existsSync(file)) throw new UserError('FILE_EXISTS', { path: file });
      if ((opts.taxpayers === undefined) !== (opts.seed === undefined)) {
        throw new UserError('INVALID_INPUT', { field: opts.seed === undefined ? '--seed' : '--taxpayers', detail: 'generated data needs both --taxpayers and --seed' });
      }
      const human = (r: { rows: number; file: string }) => `${r.rows} tagihan ditulis ke ${r.file}.`;
      if (opts.taxpayers !== undefined && opts.seed !== undefined) {
        const today = asOf(opts.asOf) ?? calendarDate(clockFromEnv().now(), DEFAULT_ZONE);
        const result = await writeSimpadaExport(generateDemo({ taxpayers: opts.taxpayers, seed: opts.seed, today }), file, { printedOn: today, rows: opts.rows });
        emit(options, { ...result, source: 'generated' }, () => human(result));
        return;
      }
      await withApp(options, async ({ app }) => {
        const today = asOf(opts.asOf) ?? (await agencyToday(app.ledger.db, app.clock));
        const result = await writeSimpadaExport(ledgerBills(app.ledger.db), file, { printedOn: today, rows: opts.rows });
        // The file holds taxpayers' names and contacts: who took it out is worth recording.
        const actor = await cliActor(app, options.as);
        await writeAudit(app.ledger.db, { at: app.clock.now().toISOString(), actor: actor.username, role: actor.role, action: 'ledger.export', target: result.file, after: { rows: result.rows }, origin: 'cli' });
        emit(options, { ...result, source: 'ledger' }, () => human(result));
      });
    });
}

function integer(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    return n;
  };
}

function asOf(value: string | undefined): string | undefined {
  if (value !== undefined && !isIsoDate(value)) throw new UserError('INVALID_INPUT', { field: '--as-of', detail: `${value} is not a date YYYY-MM-DD` });
  return value;
}

/** Large demo ledgers take a while: show the count on a terminal, never in piped output. */
function progress(done: number): void {
  if (process.stderr.isTTY) process.stderr.write(`\r${done} tagihan…`);
}
