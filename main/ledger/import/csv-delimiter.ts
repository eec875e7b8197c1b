import { parse } from 'csv-parse/sync';
import { findHeaderRow } from './find-table.js';

/**
 * The separator of a CSV export. Indonesian Excel writes `;` (the comma is the decimal mark),
 * SIMPADA's own CSV often `,`, "Unicode Text" a tab. Counting characters misleads, because
 * `Rp 1.250.000,00` puts commas into a semicolon file; so each candidate parses the first lines
 * and the one that yields a recognisable header wins, then the one with the steadiest number of
 * fields, then the semicolon.
 */
export const DELIMITERS = [';', ',', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export function sniffDelimiter(sample: string): Delimiter {
  const lastBreak = sample.lastIndexOf('\n');
  const text = lastBreak > 0 ? sample.slice(0, lastBreak) : sample;
  let best: { delimiter: Delimiter; header: number; steady: number } = { delimiter: ';', header: 0, steady: 0 };
  for (const delimiter of DELIMITERS) {
    const rows = parseSample(text, delimiter);
    const header = findHeaderRow(rows)?.score ?? 0;
    const steady = steadiness(rows);
    if (header > best.header || (header === best.header && steady > best.steady)) best = { delimiter, header, steady };
  }
  return best.delimiter;
}

function parseSample(text: string, delimiter: Delimiter): string[][] {
  try {
    return parse(text, { delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: true, to_line: 60 }) as string[][];
  } catch {
    return [];
  }
}

/** How many rows share the most common field count, when that count is above one. */
function steadiness(rows: string[][]): number {
  const counts = new Map<number, number>();
  for (const row of rows) if (row.length > 1) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  return Math.max(0, ...counts.values());
}
