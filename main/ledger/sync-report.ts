import type { Conflict, FieldChange } from './bill-diff.js';
import type { SnapshotReject } from './snapshot.js';

/** How many rows of each detail list a report carries; counts are always complete. */
export const SAMPLE_LIMIT = 200;

export interface MissingBill {
  kodeBayar: string;
  taxpayer: string;
  taxType: string;
  tahun: number | null;
  principal: number;
  dueDate: string;
  status: string;
}

/** What a sync did, or in a dry run would do. The CLI prints it; the import screen shows it. */
export interface SyncReport {
  runId: number | null;
  dryRun: boolean;
  fileName: string;
  sha256: string;
  sheet: string | null;
  rowsRead: number;
  bills: { inserted: number; updated: number; unchanged: number; newlyPaid: number };
  taxpayers: { inserted: number; updated: number };
  duplicates: number;
  rejectedCount: number;
  rejected: SnapshotReject[];
  missingFromSnapshot: number;
  missing: MissingBill[];
  conflicts: Conflict[];
  /** Earlier applied runs of a file with the same SHA-256: the officer is warned. */
  sameFileRuns: { id: number; createdAt: string; createdBy: string }[];
  /** Set when this was a repeat of that run into an unchanged ledger, answered without reading the file again. */
  repeatOf: number | null;
  samples: {
    inserted: { kodeBayar: string; taxpayer: string; principal: number; dueDate: string; status: string }[];
    updated: { kodeBayar: string; taxpayer: string; changes: FieldChange[] }[];
    newTaxpayers: { key: string; name: string }[];
    changedTaxpayers: { key: string; name: string; changes: FieldChange[] }[];
  };
}

export function emptyReport(meta: Pick<SyncReport, 'fileName' | 'sha256' | 'sheet' | 'dryRun'>): SyncReport {
  return {
    runId: null,
    ...meta,
    rowsRead: 0,
    bills: { inserted: 0, updated: 0, unchanged: 0, newlyPaid: 0 },
    taxpayers: { inserted: 0, updated: 0 },
    duplicates: 0,
    rejectedCount: 0,
    rejected: [],
    missingFromSnapshot: 0,
    missing: [],
    conflicts: [],
    sameFileRuns: [],
    repeatOf: null,
    samples: { inserted: [], updated: [], newTaxpayers: [], changedTaxpayers: [] },
  };
}

export function pushSample<T>(list: T[], item: T): void {
  if (list.length < SAMPLE_LIMIT) list.push(item);
}
