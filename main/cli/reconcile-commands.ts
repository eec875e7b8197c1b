import type { Command } from 'commander';
import { RECON_CLASS_NAMES, RECON_RESOLUTIONS } from '../../shared/api/reconciliation.js';
import { UserError } from '../../shared/errors.js';
import { emit, type GlobalOptions, table } from './output.js';
import { withApp } from './session.js';

type Resolution = (typeof RECON_RESOLUTIONS)[number];
type ReconClass = (typeof RECON_CLASS_NAMES)[number];

interface PeriodFlags {
  date?: string;
  month?: string;
}

export function registerReconcileCommands(program: Command, globals: () => GlobalOptions): void {
  const reconcile = program
    .command('reconcile')
    .description('match a day or month again and show where it stands; `reconcile items|resolve|signoff|unlock`')
    .option('--date <YYYY-MM-DD>', 'the day')
    .option('--month <YYYY-MM>', 'the month')
    .action(async (opts: PeriodFlags) => {
      const period = periodOf({ ...reconcile.opts<PeriodFlags>(), ...defined(opts) });
      await withApp(globals(), async ({ call }) => {
        const s = await call('reconciliation.refresh', { period });
        emit(globals(), s, () =>
          [
            `Rekonsiliasi ${s.period}: ${s.reconciled ? 'SELESAI' : `${s.open} butir terbuka`}${s.lock ? ` (${s.lock.state === 'locked' ? `dikunci oleh ${s.lock.signedBy}` : `dibuka oleh ${s.lock.unlockedBy}`})` : ''}`,
            table(
              RECON_CLASS_NAMES.map((c) => ({ class: c, count: s.classes[c].count, amount: s.classes[c].amount })),
              ['class', 'count', 'amount'],
            ),
            table(s.partners, ['partnerId', 'payments', 'paymentAmount', 'credits', 'creditAmount', 'difference']),
          ].join('\n\n'),
        );
      });
    });

  reconcile
    .command('items')
    .description("a period's items, oldest first")
    .option('--date <YYYY-MM-DD>', 'the day')
    .option('--month <YYYY-MM>', 'the month')
    .option('--class <list>', `only these classes: ${RECON_CLASS_NAMES.join(',')}`)
    .option('--open', 'only exceptions not yet resolved')
    .option('--limit <n>', 'how many', (v) => Number.parseInt(v, 10), 100)
    .action(async (opts: PeriodFlags & { class?: string; open?: boolean; limit: number }) => {
      const period = periodOf({ ...reconcile.opts<PeriodFlags>(), ...defined(opts) });
      const classes = opts.class ? (opts.class.split(',').map((c) => c.trim()) as ReconClass[]) : undefined;
      await withApp(globals(), async ({ call }) => {
        const r = await call('reconciliation.items', { period, classes, openOnly: Boolean(opts.open), limit: opts.limit });
        emit(globals(), r, () => table(r.items, ['id', 'day', 'source', 'class', 'amount', 'expected', 'rule', 'confidence', 'kodeBayar', 'taxpayerName', 'description', 'resolution']));
      });
    });

  // `--as` is the program's own option (the user to act as); here it names the resolution, as
  // issue 8 writes the command, and `--by` names the treasurer when one should be recorded.
  reconcile
    .command('resolve')
    .description('settle an item with --as link|refund|write_off|accept: link a credit to a bill (--bill), or mark an exception (write_off needs --note)')
    .argument('<item>', 'the item id', (v) => Number.parseInt(v, 10))
    .option('--bill <code>', 'link: the kode bayar, payment code or NOP')
    .option('--note <text>', 'why (required for write_off)')
    .option('--by <user>', 'act as this treasurer (default: the local administrator)')
    .action(async (itemId: number, opts: { bill?: string; note?: string; by?: string }) => {
      const resolution = globals().as;
      if (!resolution || !(RECON_RESOLUTIONS as readonly string[]).includes(resolution)) throw new UserError('INVALID_INPUT', { field: '--as', detail: `use ${RECON_RESOLUTIONS.join(', ')}` });
      await withApp({ ...globals(), as: opts.by }, async ({ call }) => {
        const { item } = await call('reconciliation.resolve', { itemId, resolution: resolution as Resolution, bill: opts.bill, note: opts.note });
        emit(globals(), { item }, () => `#${item.id} ${item.class}${item.resolution ? ` → ${item.resolution}` : ''}${item.kodeBayar ? ` (${item.kodeBayar})` : ''}`);
      });
    });

  reconcile
    .command('signoff')
    .description('sign a reconciled day or month off, which locks it (run with --as TREASURER)')
    .option('--date <YYYY-MM-DD>', 'the day')
    .option('--month <YYYY-MM>', 'the month')
    .action(async (opts: PeriodFlags) => {
      const period = periodOf({ ...reconcile.opts<PeriodFlags>(), ...defined(opts) });
      await withApp(globals(), async ({ call }) => {
        const r = await call('reconciliation.signoff', { period });
        emit(globals(), r, () => `${r.period} ditandatangani oleh ${r.signedBy} pada ${r.signedAt}; periode dikunci.`);
      });
    });

  reconcile
    .command('unlock')
    .description('reopen a signed-off day or month, with the reason (run with --as HEAD)')
    .option('--date <YYYY-MM-DD>', 'the day')
    .option('--month <YYYY-MM>', 'the month')
    .requiredOption('--reason <text>', 'why it is reopened')
    .action(async (opts: PeriodFlags & { reason: string }) => {
      const period = periodOf({ ...reconcile.opts<PeriodFlags>(), ...defined(opts) });
      await withApp(globals(), async ({ call }) => {
        const r = await call('reconciliation.unlock', { period, reason: opts.reason });
        emit(globals(), r, () => `${r.period} dibuka oleh ${r.unlockedBy}: ${r.reason}`);
      });
    });
}

/** `reconcile` itself takes --date/--month, so commander hands them to it even after a subcommand. */
function defined(opts: PeriodFlags): PeriodFlags {
  return Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined));
}

function periodOf(opts: PeriodFlags): string {
  const period = opts.date ?? opts.month;
  if (!period || (opts.date && opts.month)) throw new UserError('INVALID_INPUT', { field: '--date', detail: 'give --date YYYY-MM-DD or --month YYYY-MM' });
  return period;
}
