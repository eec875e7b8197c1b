export { ledgerProcedures } from './procedures.js';
export { runSync, type SyncSource } from './sync-apply.js';
export { undoRun } from './sync-undo.js';
export { ledgerSummary } from './summary.js';
export type { SyncReport } from './sync-report.js';
export type { SnapshotBill, SnapshotReject } from './snapshot.js';
