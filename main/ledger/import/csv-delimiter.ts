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

export interface CsvShape {
  delimiter: Delimiter;
  /** The field count most rows share: the table's width. */
  width: number;
}

export function sniffDelimiter(sample: string): Delimiter {
  return sniffCsv(sample).delimiter;
}

export function sniffCsv(sample: string): CsvShape {
  const lastBreak = sample.lastIndexOf('\n');
  const text = lastBreak > 0 ? sample.slice(0, lastBreak) : sample;
  let best = { delimiter: ';' as Delimiter, header: 0, steady: { rows: 0, width: 1 } };
  for (const delimiter of DELIMITERS) {
    const rows = parseSample(text, delimiter);
    const header = findHeaderRow(rows)?.score ?? 0;
    const steady = steadiness(rows);
    if (header > best.header || (header === best.header && steady.rows > best.steady.rows)) best = { delimiter, header, steady };
  }
  return { delimiter: best.delimiter, width: best.steady.width };
}

function parseSample(text: string, delimiter: Delimiter): string[][] {
  try {
    return parse(text, { delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: true, to_line: 60 }) as string[][];
  } catch {
    return [];
  }
}

/** The most common field count above one, and how many rows have it. */
function steadiness(rows: string[][]): { rows: number; width: number } {
  const counts = new Map<number, number>();
  for (const row of rows) if (row.length > 1) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  let best = { rows: 0, width: 1 };
  for (const [width, count] of counts) if (count > best.rows) best = { rows: count, width };
  return best;
}
