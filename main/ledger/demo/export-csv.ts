import fs from 'node:fs';
import { once } from 'node:events';
import { COLUMNS, DENDA_COLUMN, type ExportSink, type LayoutValue, POKOK_COLUMN, printedLine, slashDate, TITLE_LINES } from './simpada-layout.js';

/** Rows are written in batches of about this many characters. */
const BATCH = 64 * 1024;

/**
 * The CSV an Indonesian Excel writes: `;` between cells (`,` is the decimal mark), a UTF-8 BOM
 * so Excel reads the names right, CRLF line ends, `1.250.000` and `31/08/2026`.
 */
export function openCsvSink(file: string, printedOn: string): ExportSink {
  const out = fs.createWriteStream(file);
  let pending = `\uFEFF${[...TITLE_LINES, printedLine(printedOn)].map(quote).join('\r\n')}\r\n\r\n${COLUMNS.map((c) => quote(c.header)).join(';')}\r\n`;
  const flush = (): Promise<void> | undefined => {
    const ok = out.write(pending);
    pending = '';
    return ok ? undefined : once(out, 'drain').then(() => undefined);
  };
  return {
    row(values) {
      pending += `${values.map((v, i) => cellText(v, i)).join(';')}\r\n`;
      return pending.length >= BATCH ? flush() : undefined;
    },
    async finish({ principal, penalty }) {
      const total: LayoutValue[] = COLUMNS.map(() => null);
      total[0] = 'JUMLAH';
      total[POKOK_COLUMN] = principal;
      total[DENDA_COLUMN] = penalty;
      pending += `${total.map((v, i) => cellText(v, i)).join(';')}\r\n`;
      await flush();
      out.end();
      await once(out, 'finish');
    },
    abort() {
      out.destroy();
    },
  };
}

function cellText(value: LayoutValue, column: number): string {
  if (value === null) return '';
  const kind = (COLUMNS[column] as (typeof COLUMNS)[number]).kind;
  if (kind === 'money' && typeof value === 'number') return thousands(value);
  if (kind === 'date' && typeof value === 'string') return slashDate(value);
  return quote(String(value));
}

/** 1250000 → `1.250.000`. */
export function thousands(value: number): string {
  return String(Math.trunc(value)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function quote(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
