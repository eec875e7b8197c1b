import type { Command } from 'commander';
import { emit, type GlobalOptions, table } from './output.js';
import { withApp } from './session.js';

export function registerLedgerCommands(program: Command, globals: () => GlobalOptions): void {
  const ledger = program.command('ledger').description('taxpayers and bills (the ledger)');

  ledger
    .command('summary')
    .description('counts and arrears; overdue as of today (WIB) or --as-of')
    .option('--as-of <date>', 'YYYY-MM-DD')
    .action(async (opts: { asOf?: string }) => {
      await withApp(globals(), async ({ call }) => {
        const s = await call('ledger.summary', { asOf: opts.asOf });
        const result = {
          as_of: s.asOf,
          taxpayers: s.taxpayers,
          bills: s.bills,
          paid_bills: s.paidBills,
          unpaid_bills: s.unpaidBills,
          unpaid_principal: s.unpaidPrincipal,
          overdue_bills: s.overdueBills,
          overdue_principal: s.overduePrincipal,
        };
        emit(globals(), result, () => Object.entries(result).map(([k, v]) => `${k.padEnd(18)} ${v}`).join('\n'));
      });
    });

  ledger
    .command('bills')
    .description('list bills')
    .option('--status <status>', 'paid or unpaid')
    .option('--npwpd <npwpd>', 'one taxpayer')
    .option('--search <text>', 'name, NPWPD, NOP or bill code')
    .option('--overdue', 'only unpaid bills past their due date')
    .option('--limit <n>', 'at most this many', (v) => Number.parseInt(v, 10), 100)
    .option('--offset <n>', 'skip this many', (v) => Number.parseInt(v, 10), 0)
    .action(async (opts: { status?: 'paid' | 'unpaid'; npwpd?: string; search?: string; overdue?: boolean; limit: number; offset: number }) => {
      await withApp(globals(), async ({ call }) => {
        const page = await call('ledger.bills', {
          filter: { status: opts.status, npwpd: opts.npwpd, search: opts.search, overdue: opts.overdue },
          limit: opts.limit,
          offset: opts.offset,
        });
        emit(globals(), { bills: page.rows, total: page.total, as_of: page.asOf }, () =>
          table(page.rows, ['kodeBayar', 'npwpd', 'taxpayerName', 'taxType', 'masaPajak', 'principal', 'dueDate', 'status']) + `\n(${page.total} tagihan)`,
        );
      });
    });
}
