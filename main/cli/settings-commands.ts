import type { Command } from 'commander';
import { SETTING_KEYS, type SettingKey, settingsSchema } from '../../shared/api/settings.js';
import { UserError } from '../../shared/errors.js';
import { emit, type GlobalOptions } from './output.js';
import { withApp } from './session.js';

export function registerSettingsCommands(program: Command, globals: () => GlobalOptions): void {
  const settings = program.command('settings').description(`agency settings: ${SETTING_KEYS.join(', ')}`);

  settings
    .command('get')
    .description('show all settings, or one')
    .argument('[key]', 'one setting')
    .action(async (key: string | undefined) => {
      if (key) assertKey(key);
      await withApp(globals(), async ({ call }) => {
        const { settings: all } = await call('settings.get', {});
        if (key) emit(globals(), { key, value: all[key as SettingKey] }, () => String(all[key as SettingKey]));
        else emit(globals(), { settings: all }, () => Object.entries(all).map(([k, v]) => `${k} = ${v}`).join('\n'));
      });
    });

  settings
    .command('set')
    .description('change one setting')
    .argument('<key>', 'setting name')
    .argument('<value>', 'new value')
    .action(async (key: string, value: string) => {
      assertKey(key);
      // Numbers arrive as text on the command line; the schema says which settings are numbers.
      const asNumber = /^-?\d+$/.test(value) && settingsSchema.shape[key as SettingKey].safeParse(Number(value)).success;
      const typed = asNumber ? Number(value) : value;
      await withApp(globals(), async ({ call }) => {
        const { settings: all } = await call('settings.update', { changes: { [key]: typed } });
        emit(globals(), { key, value: all[key as SettingKey] }, () => `${key} = ${all[key as SettingKey]}`);
      });
    });
}

function assertKey(key: string): void {
  if (!(SETTING_KEYS as string[]).includes(key)) throw new UserError('SETTING_UNKNOWN', { key, known: SETTING_KEYS.join(', ') });
}
