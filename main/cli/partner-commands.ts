import type { Command } from 'commander';
import type { PartnerView } from '../../shared/api/partners.js';
import { emit, type GlobalOptions, table } from './output.js';
import { withApp } from './session.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The partner as printed: snake_case like the partner API's own fields, never the secret. */
function printable(p: PartnerView) {
  return { id: p.id, name: p.name, ip_allowlist: p.ipAllowlist, va_prefix: p.vaPrefix, active: p.active, created_at: p.createdAt, secret_rotated_at: p.secretRotatedAt };
}

export function registerPartnerCommands(program: Command, globals: () => GlobalOptions): void {
  const partner = program.command('partner').description('banks and e-wallets that may call the partner payment API');

  partner
    .command('add <name>')
    .description('add a partner; its secret is printed this once and never again')
    .option('--id <id>', 'what the partner sends as partner_id (default: the name in capitals)')
    .requiredOption('--ip <cidr>', 'an address or CIDR range it calls from (repeatable)', collect)
    .option('--va-prefix <digits>', 'its virtual-account company prefix, up to 8 digits')
    .action(async (name: string, opts: { id?: string; ip: string[]; vaPrefix?: string }) => {
      await withApp(globals(), async ({ call }) => {
        const { partner: p, secret } = await call('partners.add', { name, id: opts.id, ipAllowlist: opts.ip, vaPrefix: opts.vaPrefix });
        emit(globals(), { id: p.id, name: p.name, secret, ip_allowlist: p.ipAllowlist, va_prefix: p.vaPrefix }, () =>
          [`partner ${p.id} (${p.name}) added; VA prefix ${p.vaPrefix}; allowed from ${p.ipAllowlist.join(', ')}`, `secret (shown once, store it now): ${secret}`].join('\n'),
        );
      });
    });

  partner
    .command('list')
    .description('every partner, active or not (secrets are never shown)')
    .action(async () => {
      await withApp(globals(), async ({ call }) => {
        const { partners } = await call('partners.list', {});
        const rows = partners.map(printable);
        emit(globals(), { partners: rows }, () => table(rows.map((r) => ({ ...r, ip_allowlist: r.ip_allowlist.join(' ') })), ['id', 'name', 'va_prefix', 'active', 'ip_allowlist', 'secret_rotated_at']));
      });
    });

  partner
    .command('update <id>')
    .description("change a partner's name, addresses or VA prefix")
    .option('--name <name>', 'its name')
    .option('--ip <cidr>', 'replaces the allowlist (repeatable)', collect)
    .option('--va-prefix <digits>', 'its virtual-account company prefix')
    .action(async (id: string, opts: { name?: string; ip?: string[]; vaPrefix?: string }) => {
      await withApp(globals(), async ({ call }) => {
        const { partner: p } = await call('partners.update', { id, name: opts.name, ipAllowlist: opts.ip, vaPrefix: opts.vaPrefix });
        emit(globals(), printable(p), () => `partner ${p.id} updated`);
      });
    });

  for (const [verb, procedure] of [
    ['disable', 'partners.disable'],
    ['enable', 'partners.enable'],
  ] as const) {
    partner
      .command(`${verb} <id>`)
      .description(verb === 'disable' ? 'refuse its calls from now on' : 'accept its calls again')
      .action(async (id: string) => {
        await withApp(globals(), async ({ call }) => {
          const { partner: p } = await call(procedure, { id });
          emit(globals(), printable(p), () => `partner ${p.id} ${p.active ? 'enabled' : 'disabled'}`);
        });
      });
  }

  partner
    .command('rotate-secret <id>')
    .description('a new secret, printed this once; the old one stops working at once')
    .action(async (id: string) => {
      await withApp(globals(), async ({ call }) => {
        const { partner: p, secret } = await call('partners.rotateSecret', { id });
        emit(globals(), { id: p.id, secret, secret_rotated_at: p.secretRotatedAt }, () => `new secret for ${p.id} (shown once, store it now): ${secret}`);
      });
    });
}
