import type { Command } from 'commander';
import { REMINDER_CHANNELS } from '../../shared/api/reminders.js';
import { UserError } from '../../shared/errors.js';
import { emit, type GlobalOptions, table } from './output.js';
import { withApp } from './session.js';

type ReminderChannel = (typeof REMINDER_CHANNELS)[number];

export function registerReminderCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('plan')
    .description("plan the day's reminders into the outbox (what the daily run does); planning twice plans nothing new")
    .option('--date <YYYY-MM-DD>', 'the day to plan for (default today, agency zone)')
    .option('--dry-run', 'count what would be planned and skipped, change nothing')
    .action(async (opts: { date?: string; dryRun?: boolean }) => {
      await withApp(globals(), async ({ call }) => {
        const r = await call('reminders.plan', { date: opts.date, dryRun: opts.dryRun ?? false });
        emit(globals(), r, () =>
          [
            `${r.dry_run ? 'Uji coba (tidak disimpan)' : `Rencana #${r.plan_run_id}`} ${r.date}: ${r.planned} pesan, kirim mulai ${r.not_before}`,
            `per tahap    ${counts(r.by_stage)}`,
            `per saluran  ${counts(r.by_channel)}`,
            `dilewati     ${counts(r.skipped)}`,
          ].join('\n'),
        );
      });
    });

  const reminders = program.command('reminders').description('reminder rules: stages, the holiday calendar, past plan runs');

  reminders
    .command('stages')
    .description('the reminder stages in force (the defaults until an officer changes one)')
    .action(async () => {
      await withApp(globals(), async ({ call }) => {
        const r = await call('reminders.stages', {});
        const rows = r.stages.map((s) => ({ code: s.code, tax_type: s.taxType, offset_days: s.offsetDays, channels: s.channels.join(' > '), active: s.active ? 'yes' : 'no' }));
        emit(globals(), r, () => table(rows, ['code', 'tax_type', 'offset_days', 'channels', 'active']));
      });
    });

  reminders
    .command('stage <code>')
    .description('add or change a stage: its day, its channel order, on or off; for every tax type or one (--tax-type)')
    .option('--tax-type <code>', 'only for this tax type (default: every tax type, `*`)', '*')
    .option('--offset <days>', 'days from the due date, e.g. -7 or 30', (v) => Number.parseInt(v, 10))
    .option('--channels <list>', 'channels in the order tried, e.g. whatsapp,sms')
    .option('--off', 'stop sending this stage')
    .option('--on', 'send this stage again')
    .action(async (code: string, opts: { taxType: string; offset?: number; channels?: string; off?: boolean; on?: boolean }) => {
      await withApp(globals(), async ({ call }) => {
        const { stages } = await call('reminders.stages', {});
        const current = stages.find((s) => s.code === code && s.taxType === opts.taxType) ?? stages.find((s) => s.code === code && s.taxType === '*');
        const offsetDays = opts.offset ?? current?.offsetDays;
        if (offsetDays === undefined || Number.isNaN(offsetDays)) throw new UserError('INVALID_INPUT', { field: '--offset', detail: `a new stage needs its day, e.g. --offset -7` });
        const channels = opts.channels ? parseChannels(opts.channels) : (current?.channels ?? ['whatsapp', 'sms']);
        const active = opts.off ? false : opts.on ? true : (current?.active ?? true);
        const { stage } = await call('reminders.updateStage', { code, taxType: opts.taxType, offsetDays, channels, active });
        emit(globals(), { stage }, () => `${stage.code} (${stage.taxType}): ${stage.offsetDays} hari, ${stage.channels.join(' > ')}, ${stage.active ? 'aktif' : 'nonaktif'}`);
      });
    });

  reminders
    .command('runs')
    .description('the latest plan runs with their counts')
    .option('--limit <n>', 'how many', (v) => Number.parseInt(v, 10), 30)
    .action(async (opts: { limit: number }) => {
      await withApp(globals(), async ({ call }) => {
        const r = await call('reminders.planRuns', { limit: opts.limit });
        const rows = r.runs.map((run) => ({ id: run.id, date: run.planDate, actor: run.actor, started_at: run.startedAt, planned: run.planned, skipped: run.skipped }));
        emit(globals(), r, () => table(rows, ['id', 'date', 'actor', 'started_at', 'planned', 'skipped']));
      });
    });

  const holidays = reminders.command('holidays').description('the national-holiday calendar: nothing is sent on these days');

  holidays
    .command('list')
    .option('--year <year>', 'only this year', (v) => Number.parseInt(v, 10))
    .action(async (opts: { year?: number }) => {
      await withApp(globals(), async ({ call }) => {
        const r = await call('reminders.holidays', { year: opts.year });
        emit(globals(), r, () => table(r.holidays, ['day', 'name', 'createdBy']));
      });
    });

  holidays
    .command('add <day> <name...>')
    .description('add a holiday, e.g. `add 2026-12-25 Hari Raya Natal`')
    .action(async (day: string, name: string[]) => {
      await withApp(globals(), async ({ call }) => {
        const r = await call('reminders.addHoliday', { day, name: name.join(' ') });
        emit(globals(), r, () => `${r.holiday.day} ${r.holiday.name}: libur, tidak ada pengiriman`);
      });
    });

  holidays
    .command('remove <day>')
    .action(async (day: string) => {
      await withApp(globals(), async ({ call }) => {
        const r = await call('reminders.removeHoliday', { day });
        emit(globals(), r, () => `${r.holiday.day} ${r.holiday.name}: dihapus dari kalender libur`);
      });
    });
}

function counts(record: Record<string, number>): string {
  return Object.entries(record)
    .map(([key, n]) => `${key} ${n}`)
    .join(', ');
}

function parseChannels(list: string): ReminderChannel[] {
  const channels = list.split(',').map((c) => c.trim());
  const bad = channels.find((c) => !(REMINDER_CHANNELS as readonly string[]).includes(c));
  if (bad !== undefined) throw new UserError('INVALID_INPUT', { field: '--channels', detail: `${bad}: use ${REMINDER_CHANNELS.join(', ')}` });
  return channels as ReminderChannel[];
}
