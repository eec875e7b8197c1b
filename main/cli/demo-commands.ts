import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { UserError } from '../../shared/errors.js';
import { writeAudit } from '../auth/index.js';
import { isIsoDate } from '../ledger/demo/calendar.js';
import { exportFormat } from '../ledger/demo/export.js';
import { generateDemo, ledgerBills, MAX_DEMO_TAXPAYERS, writeSimpadaExport } from '../ledger/demo/index.js';
import { runSync, type SnapshotBill, type SyncSource } from '../ledger/index.js';
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
    .description('add generated bills to the ledger as an ordinary sync run (undoable like an import)')
    .requiredOption('--taxpayers <n>', `how many taxpayers (1–${MAX_DEMO_TAXPAYERS})`, integer(1, MAX_DEMO_TAXPAYERS))
    .requiredOption('--seed <n>', 'the same seed gives the same data', integer(0, 2 ** 32 - 1))
    .option('--as-of <date>', "the demo's today, YYYY-MM-DD (default: today in the agency's zone)")
    .option('--force', 'add the bills even when the ledger already has some')
    .action(async (opts: LoadOptions) => {
      const options = globals();
      await withApp(options, async ({ app }) => {
        const db = app.ledger.db;
        const today = asOf(opts.asOf) ?? (await agencyToday(db, app.clock));
        const existing = Number((await db.selectFrom('bills').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
        if (existing > 0 && !opts.force) {
          throw new UserError('INVALID_INPUT', { field: '--force', detail: `the ledger already has ${existing} bills; add --force to add the demo bills to them` });
        }
        const actor = await cliActor(app, options.as);
        const fileName = `demo:seed=${opts.seed},taxpayers=${opts.taxpayers}`;
        const counts = new BillCounts(today);
        const source: SyncSource = {
          fileName,
          // The same options make the same "file": a second identical run is flagged as a repeat.
          sha256: createHash('sha256').update(`${fileName},asOf=${today}`).digest('hex'),
          sheet: null,
          mapping: { generator: 'demo', seed: opts.seed, taxpayers: opts.taxpayers, asOf: today },
          bills: counts.through(generateDemo({ taxpayers: opts.taxpayers, seed: opts.seed, today })),
          finish: () => ({ rowsRead: counts.bills, duplicates: 0, rejects: [] }),
        };
        const report = await runSync(db, source, { dryRun: false, actor: actor.username, now: app.clock.now(), onProgress: progress });
        const result = {
          run_id: report.runId,
          file_name: fileName,
          seed: opts.seed,
          as_of: today,
          taxpayers: opts.taxpayers,
          bills: counts.bills,
          paid: counts.paid,
          unpaid: counts.unpaid,
          overdue: counts.overdue,
          bills_inserted: report.bills.inserted,
          bills_updated: report.bills.updated,
          taxpayers_inserted: report.taxpayers.inserted,
          taxpayers_updated: report.taxpayers.updated,
        };
        await writeAudit(db, { at: app.clock.now().toISOString(), actor: actor.username, role: actor.role, action: 'ledger.demo', target: `sync_run:${report.runId}`, after: result, origin: 'cli' });
        emit(options, result, () => `Data demo ditambahkan sebagai impor #${report.runId}: ${opts.taxpayers} wajib pajak, ${counts.bills} tagihan (${counts.unpaid} belum lunas, ${counts.overdue} lewat jatuh tempo).`);
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

/** What the generated bills add up to, counted on their way into the sync. */
class BillCounts {
  bills = 0;
  paid = 0;
  unpaid = 0;
  overdue = 0;
  constructor(private readonly today: string) {}

  *through(bills: Iterable<SnapshotBill>): Generator<SnapshotBill> {
    for (const bill of bills) {
      this.bills += 1;
      if (bill.status === 'paid') this.paid += 1;
      else {
        this.unpaid += 1;
        if (bill.dueDate < this.today) this.overdue += 1;
      }
      yield bill;
    }
  }
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
