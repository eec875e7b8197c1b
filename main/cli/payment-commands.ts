import type { Command } from 'commander';
import type { Out } from '../../shared/api/index.js';
import { formatRupiah } from '../../shared/format.js';
import { emit, type GlobalOptions, table } from './output.js';
import { withApp } from './session.js';

const int = (v: string) => Number.parseInt(v, 10);

export function registerPaymentCommands(program: Command, globals: () => GlobalOptions): void {
  const payments = program.command('payments').description('payments recorded: by partners through the API, or at the counter (LOKET)');

  payments
    .command('list')
    .description('payments, newest first')
    .option('--from <date>', 'paid on or after YYYY-MM-DD')
    .option('--to <date>', 'paid on or before YYYY-MM-DD')
    .option('--partner <id>', 'one partner, or LOKET for the counter')
    .option('--search <text>', 'kode bayar, payment code, NPWPD, receipt or reference')
    .option('--limit <n>', 'at most this many (default: all)', int)
    .action(async (opts: { from?: string; to?: string; partner?: string; search?: string; limit?: number }) => {
      await withApp(globals(), async ({ call }) => {
        const rows: Out<'payments.list'>['payments'] = [];
        let beforeId: number | undefined;
        let totals: Out<'payments.list'>['totals'] = { count: 0, amount: 0 };
        for (;;) {
          const want = opts.limit === undefined ? 5000 : Math.min(5000, opts.limit - rows.length);
          const page: Out<'payments.list'> = await call('payments.list', { from: opts.from, to: opts.to, partnerId: opts.partner, search: opts.search, limit: want, beforeId });
          rows.push(...page.payments);
          totals = page.totals;
          if (page.nextBeforeId === null || (opts.limit !== undefined && rows.length >= opts.limit)) break;
          beforeId = page.nextBeforeId;
        }
        emit(globals(), { payments: rows, totals }, () =>
          [table(rows, ['id', 'paidDate', 'partnerId', 'partnerRef', 'receiptNumber', 'kodeBayar', 'npwpd', 'taxpayerName', 'amount']), `${totals.count} payments, ${formatRupiah(totals.amount)}`].join('\n'),
        );
      });
    });

  payments
    .command('record')
    .description('record a payment taken at the counter: the exact total as of its day, in an open period')
    .requiredOption('--code <code>', 'kode bayar, payment code or 18-digit NOP')
    .requiredOption('--amount <rupiah>', 'amount received, integer Rupiah', int)
    .requiredOption('--date <date>', 'the day it was paid, YYYY-MM-DD')
    .requiredOption('--ref <reference>', "the counter's slip or receipt book number")
    .option('--receipt <number>', 'the receipt number already handed out (default: one is made)')
    .option('--note <text>', 'a note for the treasurer')
    .action(async (opts: { code: string; amount: number; date: string; ref: string; receipt?: string; note?: string }) => {
      await withApp(globals(), async ({ call }) => {
        const { payment: p } = await call('payments.record', { taxId: opts.code, amount: opts.amount, paidDate: opts.date, reference: opts.ref, receiptNumber: opts.receipt, note: opts.note });
        emit(globals(), { payment: p }, () => `payment #${p.id} recorded: ${p.kodeBayar} ${formatRupiah(p.amount)} on ${p.paidDate}, receipt ${p.receiptNumber}`);
      });
    });
}
