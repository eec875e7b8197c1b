import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../../shared/errors.js';
import { parseMappingText } from '../payments/statements/statement-profiles.js';
import { emit, type GlobalOptions, table } from './output.js';
import { withApp } from './session.js';

export function registerStatementCommands(program: Command, globals: () => GlobalOptions): void {
  const statements = program.command('statements').description('bank statements: import the daily statement (xlsx or csv) and match its credits');

  statements
    .command('import')
    .description('import a bank statement and match its credits to payments and bills; the same file or lines again add nothing')
    .argument('<file>', 'the statement (.xlsx, .xls or .csv)')
    .option('--mapping <columns>', 'the columns when the header is not recognised, e.g. A=tanggal,B=keterangan,C=referensi,E=kredit (remembered for this layout)')
    .action(async (file: string, opts: { mapping?: string }) => {
      const resolved = path.resolve(file);
      if (!fs.existsSync(resolved) || !fs.statSync(resolved).isFile()) throw new UserError('FILE_NOT_FOUND', { path: resolved });
      const mapping = opts.mapping ? parseMappingText(opts.mapping) : undefined;
      await withApp(globals(), async ({ call }) => {
        const r = await call('statements.import', { fileName: path.basename(resolved), contentBase64: fs.readFileSync(resolved).toString('base64'), ...(mapping ? { mapping } : {}) });
        emit(globals(), r, () =>
          [
            `${r.fileName}: ${r.lines} baris, ${r.credits} kredit, ${r.debits} debet, ${r.duplicates} sudah pernah diimpor`,
            `cocok        ${r.matched}`,
            `pengecualian ${Object.entries(r.exceptions).map(([c, n]) => `${c} ${n}`).join(', ')}`,
            ...(r.lockedDays.length ? [`hari terkunci (tidak dicocokkan): ${r.lockedDays.join(', ')}`] : []),
          ].join('\n'),
        );
      });
    });

  statements
    .command('list')
    .description('imported statements, newest first')
    .option('--limit <n>', 'how many', (v) => Number.parseInt(v, 10), 50)
    .action(async (opts: { limit: number }) => {
      await withApp(globals(), async ({ call }) => {
        const r = await call('statements.list', { limit: opts.limit });
        emit(globals(), r, () => table(r.imports, ['id', 'fileName', 'firstDate', 'lastDate', 'lines', 'credits', 'duplicates', 'importedBy', 'importedAt']));
      });
    });
}
