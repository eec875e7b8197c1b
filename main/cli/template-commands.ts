import fs from 'node:fs';
import { Argument, type Command, InvalidArgumentError, Option } from 'commander';
import type { In } from '../../shared/api/index.js';
import { META_STATUSES, TEMPLATE_STATUSES } from '../../shared/api/templates.js';
import { UserError } from '../../shared/errors.js';
import { TEMPLATE_CHANNELS, TEMPLATE_PURPOSES } from '../../shared/templates/index.js';
import { emit, type GlobalOptions, table } from './output.js';
import { withApp } from './session.js';

interface TemplateSummary {
  id: number;
  version: number;
  name: string;
  status: string;
  usable: boolean;
}

export function registerTemplateCommands(program: Command, globals: () => GlobalOptions): void {
  const templates = program.command('templates').description('message templates and their approval (templat pesan)');

  templates
    .command('list')
    .description('list template versions')
    .addOption(new Option('--status <status>', 'only this status').choices([...TEMPLATE_STATUSES]))
    .addOption(new Option('--channel <channel>', 'whatsapp or sms').choices([...TEMPLATE_CHANNELS]))
    .addOption(new Option('--purpose <purpose>', 'reminder stage').choices([...TEMPLATE_PURPOSES]))
    .action(async (opts: { status?: (typeof TEMPLATE_STATUSES)[number]; channel?: 'whatsapp' | 'sms'; purpose?: (typeof TEMPLATE_PURPOSES)[number] }) => {
      await withApp(globals(), async ({ call }) => {
        const { rows } = await call('templates.list', opts);
        emit(globals(), { templates: rows }, () => table(rows, ['id', 'familyId', 'version', 'name', 'channel', 'purpose', 'status', 'metaStatus', 'usable', 'updatedBy']));
      });
    });

  templates
    .command('show')
    .description('one version with its family, the diffs between versions and the checks')
    .argument('<id>', 'template id', parseId)
    .action(async (templateId: number) => {
      await withApp(globals(), async ({ call }) => {
        const detail = await call('templates.get', { id: templateId });
        emit(globals(), detail, () =>
          [
            describe(detail.template),
            '',
            detail.template.body,
            '',
            ...detail.versions.map((v) => `v${v.version} ${v.status}${v.diff.patch ? `\n${v.diff.patch}` : ''}`),
            ...detail.issues.map((i) => `${i.severity}: ${i.code} ${JSON.stringify(i.params)}`),
          ].join('\n'),
        );
      });
    });

  templates
    .command('create')
    .description('create a draft from a JSON file {name, channel, language, purpose, body, metaName?}')
    .requiredOption('--file <file>', 'the template as JSON')
    .action(async (opts: { file: string }) => {
      const content = readJsonFile(opts.file);
      await withApp(globals(), async ({ call }) => {
        const { template } = await call('templates.create', content as In<'templates.create'>);
        emit(globals(), { template }, () => `${describe(template)} dibuat.`);
      });
    });

  templates
    .command('update')
    .description('edit a version from a JSON file of the fields to change; an approved version gets a new draft version')
    .argument('<id>', 'template id', parseId)
    .requiredOption('--file <file>', 'the changed fields as JSON')
    .action(async (templateId: number, opts: { file: string }) => {
      const changes = readJsonFile(opts.file);
      await withApp(globals(), async ({ call }) => {
        const { template, newVersion } = await call('templates.update', { id: templateId, changes: changes as In<'templates.update'>['changes'] });
        emit(globals(), { template, new_version: newVersion }, () => `${describe(template)} ${newVersion ? 'dibuat sebagai versi baru' : 'diubah'}.`);
      });
    });

  for (const [command, procedure, description] of [
    ['submit', 'templates.submit', 'submit a draft for a head to approve'],
    ['withdraw', 'templates.withdraw', 'take a submitted version back to draft'],
    ['retire', 'templates.retire', 'take a version out of use for good'],
  ] as const) {
    templates
      .command(command)
      .description(description)
      .argument('<id>', 'template id', parseId)
      .action(async (templateId: number) => {
        await withApp(globals(), async ({ call }) => {
          const { template } = await call(procedure, { id: templateId });
          emit(globals(), { template }, () => describe(template));
        });
      });
  }

  templates
    .command('approve')
    .description('approve a submitted version as the head named by --as (never one you wrote)')
    .argument('<id>', 'template id', parseId)
    .action(async (templateId: number) => {
      requireHead(globals());
      await withApp(globals(), async ({ call }) => {
        const { template, retired } = await call('templates.approve', { id: templateId });
        emit(globals(), { template, retired }, () => describeInForce(template, retired));
      });
    });

  templates
    .command('reject')
    .description('reject a submitted version, with the reason, as the head named by --as')
    .argument('<id>', 'template id', parseId)
    .requiredOption('--reason <text>', 'why, for the author')
    .action(async (templateId: number, opts: { reason: string }) => {
      requireHead(globals());
      await withApp(globals(), async ({ call }) => {
        const { template } = await call('templates.reject', { id: templateId, reason: opts.reason });
        emit(globals(), { template }, () => describe(template));
      });
    });

  templates
    .command('meta-status')
    .description("record Meta's verdict on a WhatsApp template")
    .argument('<id>', 'template id', parseId)
    .addArgument(new Argument('<status>', "Meta's verdict").choices([...META_STATUSES]))
    .action(async (templateId: number, metaStatus: (typeof META_STATUSES)[number]) => {
      await withApp(globals(), async ({ call }) => {
        const { template, retired } = await call('templates.setMetaStatus', { id: templateId, metaStatus });
        emit(globals(), { template, retired }, () => describeInForce(template, retired));
      });
    });

  templates
    .command('preview')
    .description('the message as a taxpayer would get it: the example, the longest ledger values (--longest) or one taxpayer (--npwpd)')
    .argument('<id>', 'template id', parseId)
    .option('--npwpd <npwpd>', "fill in this taxpayer's bills")
    .option('--longest', 'fill in the longest values in the ledger')
    .action(async (templateId: number, opts: { npwpd?: string; longest?: boolean }) => {
      await withApp(globals(), async ({ call }) => {
        const sample = opts.npwpd ? 'taxpayer' : opts.longest ? 'longest' : 'example';
        const p = await call('templates.preview', { id: templateId, sample, npwpd: opts.npwpd });
        const result = { text: p.text, channel: p.channel, characters: p.characters, sms_parts: p.smsParts, encoding: p.encoding, whatsapp_parameters: p.whatsappParameters };
        emit(globals(), result, () =>
          [p.text, '', p.channel === 'sms' ? `${p.characters} karakter, ${p.smsParts} SMS (${p.encoding})` : `${p.characters} karakter`].join('\n'),
        );
      });
    });
}

function describe(t: TemplateSummary): string {
  return `Templat #${t.id} "${t.name}" v${t.version}: ${t.status}${t.usable ? ' (siap dipakai)' : ''}`;
}

function describeInForce(t: TemplateSummary, retired: number[]): string {
  return retired.length ? `${describe(t)}; versi sebelumnya dipensiunkan: #${retired.join(', #')}` : describe(t);
}

function parseId(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('a template id is a positive whole number.');
  return n;
}

/** Deciding needs a person: the CLI's default actor is an administrator, who may not approve. */
function requireHead(options: GlobalOptions): void {
  if (!options.as) throw new UserError('INVALID_INPUT', { field: '--as', detail: 'name the deciding head: --as NAME' });
}

function readJsonFile(file: string): unknown {
  if (!fs.existsSync(file)) throw new UserError('FILE_NOT_FOUND', { path: file });
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UserError('INVALID_INPUT', { field: '--file', detail: `${file}: ${(err as Error).message}` });
  }
}
