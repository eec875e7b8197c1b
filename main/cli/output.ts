import { type ErrorBody, UserError } from '../../shared/errors.js';

export interface GlobalOptions {
  db?: string;
  databaseUrl?: string;
  json?: boolean;
  as?: string;
}

/**
 * `--json` prints exactly one JSON object on stdout; without it, a short human summary.
 * Logs and progress always go to stderr.
 */
export function emit(options: GlobalOptions, result: Record<string, unknown>, human: () => string): void {
  if (options.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else process.stdout.write(`${human()}\n`);
}

export function emitError(options: GlobalOptions, body: ErrorBody): void {
  if (options.json) process.stdout.write(`${JSON.stringify(body)}\n`);
  process.stderr.write(`sipeka: ${body.error.message}\n`);
}

export function table(rows: Record<string, unknown>[], columns: string[]): string {
  if (rows.length === 0) return '(kosong / empty)';
  const cells = rows.map((r) => columns.map((c) => (r[c] === null || r[c] === undefined ? '' : String(r[c]))));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => (row[i] ?? '').length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UserError('INVALID_INPUT', { field: '--password-stdin', detail: 'pipe the password on standard input' });
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
