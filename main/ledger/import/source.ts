import type { SheetRow } from './cells.js';

/** What the readers share; read-rows.ts turns a source into the public row stream. */
export type FileKind = 'xlsx' | 'xls' | 'xlsb' | 'ods' | 'html' | 'csv';

export interface SheetMeta {
  name: string;
  hidden: boolean;
  /** The last row number when the file says it up front (xlsx `<dimension>`, xls, ods); else null. */
  totalRows: number | null;
}

export interface SourceReadOptions {
  /** Only these sheets; every sheet when absent. */
  sheets?: ReadonlySet<string>;
  /** Stop each sheet after this many rows (listSheets only needs the top of each sheet). */
  maxRowsPerSheet?: number;
}

export interface SpreadsheetSource {
  kind: FileKind;
  sheets: SheetMeta[];
  rows(options: SourceReadOptions): AsyncGenerator<SheetRow>;
  /** Bytes consumed so far and in all, for sources whose rows have no total (CSV). */
  bytes?(): { read: number; total: number };
  /** The CSV separator and encoding detected (or given), for the officer to see. */
  text?: { delimiter: string; encoding: string };
}

/** Anything a library throws while reading: the file's fault, worded for the officer. */
export function libraryDetail(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/\s+/g, ' ').slice(0, 200) || 'unknown error';
}
