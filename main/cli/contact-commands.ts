import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { PHONE_STATUSES } from '../../shared/api/contacts.js';
import type { Out } from '../../shared/api/index.js';
import { UserError } from '../../shared/errors.js';
import { emit, type GlobalOptions, table } from './output.js';
import { withApp } from './session.js';

const MARKINGS = ['office', 'shared', 'none'] as const;
type Marking = (typeof MARKINGS)[number];

export function registerContactCommands(program: Command, globals: () => GlobalOptions): void {
  const contacts = program.command('contacts').description('taxpayer phone numbers and emails: status, fixes, shared numbers');

  contacts
    .command('list')
    .description('every taxpayer with the cleaned contact')
    .option('--status <status>', PHONE_STATUSES.join('|'))
    .option('--shared', 'only taxpayers whose number is shared by several unrelated taxpayers')
    .action(async (opts: { status?: (typeof PHONE_STATUSES)[number]; shared?: boolean }) => {
      await withApp(globals(), async ({ call }) => {
        const taxpayers: Out<'contacts.list'>['taxpayers'] = [];
        let afterId: number | null = 0;
        while (afterId !== null) {
          const page: Out<'contacts.list'> = await call('contacts.list', { status: opts.status, shared: opts.shared, limit: 5000, afterId });
          taxpayers.push(...page.taxpayers);
          afterId = page.nextAfterId;
        }
        emit(globals(), { taxpayers }, () => table(taxpayers, ['npwpd', 'name', 'phone_raw', 'phone', 'phone_status', 'shared_phone', 'email', 'email_status', 'source']));
      });
    });

  contacts
    .command('summary')
    .description('counts by status, shared numbers, who can be reached')
    .action(async () => {
      await withApp(globals(), async ({ call }) => {
        const s = await call('contacts.summary', {});
        emit(globals(), s, () =>
          [
            `taxpayers         ${s.taxpayers}`,
            `phone             ${Object.entries(s.phone).map(([k, v]) => `${k} ${v}`).join(', ')}`,
            `email             ${Object.entries(s.email).map(([k, v]) => `${k} ${v}`).join(', ')}`,
            `shared numbers    flagged ${s.sharedNumbers.flagged}, office ${s.sharedNumbers.office}, shared ${s.sharedNumbers.shared} (threshold ${s.sharedNumbers.threshold})`,
            `reachable         WhatsApp ${pct(s.reachShare.whatsapp)}, SMS ${pct(s.reachShare.sms)}, nobody ${pct(s.reachShare.none)}`,
            `unpaid principal  WhatsApp ${pct(s.principalShare.whatsapp)}, SMS ${pct(s.principalShare.sms)}, nobody ${pct(s.principalShare.none)}`,
          ].join('\n'),
        );
      });
    });

  contacts
    .command('fix <npwpd>')
    .description("record an officer's correction; it outranks the export until the export changes that cell")
    .option('--phone <number>', 'the right phone number (any usual form)')
    .option('--email <address>', 'the right email address')
    .option('--reason <text>', 'why, for the history and the SIMPADA team')
    .action(async (npwpd: string, opts: { phone?: string; email?: string; reason?: string }) => {
      if (opts.phone === undefined && opts.email === undefined) throw new UserError('INVALID_INPUT', { field: '--phone', detail: 'give --phone and/or --email' });
      await withApp(globals(), async ({ call }) => {
        const { contact: c } = await call('contacts.fix', { npwpd, phone: opts.phone, email: opts.email, reason: opts.reason });
        const result = { npwpd: c.npwpd, name: c.name, phone: c.phone ?? c.landline, phone_status: c.phoneStatus, email: c.email, email_status: c.emailStatus, source: c.phoneSource };
        emit(globals(), result, () => `${c.name}: ${result.phone ?? '-'} (${result.phone_status}), ${result.email ?? '-'} (${result.email_status})`);
      });
    });

  contacts
    .command('mark-shared <number>')
    .description("mark a number many taxpayers use: --as office (the office's or a consultant's: never messaged), shared (message each taxpayer), none")
    .option('--marking <marking>', MARKINGS.join('|'))
    .option('--note <text>', 'who the number belongs to')
    .action(async (number: string, opts: { marking?: string; note?: string }) => {
      // `--as` is also the global "act as this user" option, which commander reads first: here a
      // marking word given with --as is the marking, and the command runs as the default actor.
      const global = globals();
      const asMarking = isMarking(global.as) ? global.as : undefined;
      const marking = opts.marking ?? asMarking;
      if (!isMarking(marking)) throw new UserError('INVALID_INPUT', { field: '--as', detail: `one of ${MARKINGS.join(', ')}` });
      const options = asMarking ? { ...global, as: undefined } : global;
      await withApp(options, async ({ call }) => {
        const r = await call('contacts.markShared', { phone: number, as: marking, note: opts.note });
        emit(global, r, () => `${r.phone}: ${r.marking ?? 'no marking'} (${r.taxpayers} taxpayers, ${r.reachChanged} changed reach)`);
      });
    });

  contacts
    .command('export')
    .description('all contact corrections as xlsx for the SIMPADA team')
    .requiredOption('--out <file>', 'where to write the workbook')
    .action(async (opts: { out: string }) => {
      await withApp(globals(), async ({ call }) => {
        const r = await call('contacts.exportCorrections', {});
        const out = path.resolve(opts.out);
        fs.writeFileSync(out, Buffer.from(r.contentBase64, 'base64'));
        emit(globals(), { file: out, corrections: r.rows }, () => `${r.rows} corrections written to ${out}`);
      });
    });
}

function isMarking(value: string | undefined): value is Marking {
  return (MARKINGS as readonly string[]).includes(value ?? '');
}

function pct(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}
