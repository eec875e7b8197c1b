import { type Command, Option } from 'commander';
import { ROLES } from '../../shared/roles.js';
import { emit, type GlobalOptions, readStdin, table } from './output.js';
import { withApp } from './session.js';

export function registerUserCommands(program: Command, globals: () => GlobalOptions): void {
  const user = program.command('user').description('manage users (pengguna)');

  user
    .command('add')
    .description('add a user; the password is read from standard input')
    .argument('<name>', 'user name (letters, digits, . _ -)')
    .addOption(new Option('--role <role>', 'role').choices([...ROLES]).makeOptionMandatory())
    .option('--full-name <text>', 'full name shown in the app')
    .requiredOption('--password-stdin', 'read the password from standard input')
    .action(async (name: string, opts: { role: (typeof ROLES)[number]; fullName?: string }) => {
      const password = await readStdin();
      await withApp(globals(), async ({ call }) => {
        const { user: created } = await call('users.add', { username: name, role: opts.role, fullName: opts.fullName, password });
        emit(globals(), { user: created }, () => `Pengguna ${created.username} (${created.role}) dibuat.`);
      });
    });

  user
    .command('list')
    .description('list users')
    .action(async () => {
      await withApp(globals(), async ({ call }) => {
        const { users } = await call('users.list', {});
        emit(globals(), { users }, () => table(users, ['username', 'fullName', 'role', 'active', 'lockedUntil', 'lastLoginAt']));
      });
    });

  for (const [command, active] of [['disable', false], ['enable', true]] as const) {
    user
      .command(command)
      .description(active ? 'enable a user' : 'disable a user (their sessions end at once)')
      .argument('<name>', 'user name')
      .action(async (name: string) => {
        await withApp(globals(), async ({ call }) => {
          const { user: changed } = await call('users.setActive', { username: name, active });
          emit(globals(), { user: changed }, () => `Pengguna ${changed.username} ${active ? 'diaktifkan' : 'dinonaktifkan'}.`);
        });
      });
  }

  user
    .command('reset-password')
    .description('set a new password (read from standard input); also lifts a lockout')
    .argument('<name>', 'user name')
    .requiredOption('--password-stdin', 'read the password from standard input')
    .action(async (name: string) => {
      const password = await readStdin();
      await withApp(globals(), async ({ call }) => {
        const { user: changed } = await call('users.resetPassword', { username: name, password });
        emit(globals(), { user: changed }, () => `Kata sandi ${changed.username} diganti.`);
      });
    });
}
