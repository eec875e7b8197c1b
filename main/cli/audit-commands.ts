import type { Command } from 'commander';
import { emit, type GlobalOptions, table } from './output.js';
import { withApp } from './session.js';

export function registerAuditCommands(program: Command, globals: () => GlobalOptions): void {
  const audit = program.command('audit').description('the audit log');
  audit
    .command('list')
    .description('newest entries first')
    .option('--limit <n>', 'how many', (v) => Number.parseInt(v, 10), 50)
    .option('--offset <n>', 'skip this many', (v) => Number.parseInt(v, 10), 0)
    .option('--actor <name>', 'only this actor')
    .option('--action <prefix>', 'only actions starting with this, e.g. users.')
    .action(async (opts: { limit: number; offset: number; actor?: string; action?: string }) => {
      await withApp(globals(), async ({ call }) => {
        const result = await call('audit.list', opts);
        emit(globals(), result, () => table(result.entries, ['at', 'actor', 'role', 'action', 'target', 'after']));
      });
    });
}
