import type { Kysely } from 'kysely';
import type { App } from '../api/context.js';
import { writeAudit } from '../auth/audit-log.js';
import type { Database } from '../db/schema.js';
import type { JobProgress } from '../platform/jobs.js';
import { readSettings } from '../platform/settings.js';
import type { ExportSummary, MappingOverrides, ParsedBill, Reject } from './import/index.js';
import { loadProfiles, saveProfile } from './mapping-profiles.js';
import { parseInWorker } from './parse-in-worker.js';
import { parseInline } from './parse-inline.js';
import { importOptionsKey, recordRepeat, repeatOfLastRun } from './repeat-import.js';
import type { SnapshotBill, SnapshotReject } from './snapshot.js';
import { runSync } from './sync-apply.js';
import type { SyncReport } from './sync-report.js';
import { sha256File } from './uploads.js';

export interface ImportRequest {
  file: string;
  fileName: string;
  sheets?: string[];
  mapping?: MappingOverrides;
  /** Use this saved profile's mapping instead of detection. */
  profileName?: string;
  saveProfileAs?: string;
  dryRun: boolean;
  actor: { username: string; role: string };
  origin: string;
  /** `worker` (default) keeps a server responsive; `inline` saves the worker's start-up where nothing else waits. */
  parser?: 'worker' | 'inline';
  /** Answer a repeat of the last run from that run (default); `false` always reads the file. */
  reuse?: boolean;
}

/**
 * One import, end to end: parse in a worker thread, compare with the ledger and write, all in
 * one transaction together with its audit row (and the saved mapping, if asked).
 */
export async function runImport(app: App, request: ImportRequest, signal: AbortSignal, report: (p: JobProgress) => void): Promise<SyncReport> {
  const db = app.ledger.db;
  const [settings, profiles, sha256] = await Promise.all([readSettings(db), loadProfiles(db), sha256File(request.file)]);
  const chosen = request.profileName ? profiles.filter((p) => p.name === request.profileName) : profiles;
  const mapping = request.mapping ?? (request.profileName ? { profile: request.profileName } : 'detected');
  const optionsKey = importOptionsKey({ sheets: request.sheets ?? null, mapping: request.mapping ?? null, profiles: chosen.map((p) => [p.headerKey, p.columns]), timezone: settings.timezone });
  const beforeCommit = async (trx: Kysely<Database>, result: SyncReport, parsed: ExportSummary | null) => {
    await auditImport(trx, app, request, result);
    const used = parsed?.sheets.find((s) => s.status === 'imported')?.mapping;
    if (request.saveProfileAs && used) await saveProfile(trx, request.saveProfileAs, used, request.actor.username, app.clock.now());
  };
  if (request.reuse !== false && !request.saveProfileAs) {
    const repeat = await repeatOfLastRun(db, sha256, optionsKey);
    if (repeat) {
      return recordRepeat(db, repeat, {
        fileName: request.fileName,
        sheet: request.sheets?.join(', ') ?? null,
        mapping,
        optionsKey,
        dryRun: request.dryRun,
        actor: request.actor.username,
        now: app.clock.now(),
        beforeCommit: (trx, result) => beforeCommit(trx, result, null),
      });
    }
  }
  const parse = (request.parser === 'inline' ? parseInline : parseInWorker)(
    request.file,
    {
      fileName: request.fileName,
      ...(request.sheets ? { sheets: request.sheets } : {}),
      ...(request.mapping ? { mapping: request.mapping } : {}),
      profiles: chosen.map(({ headerKey, columns }) => ({ headerKey, columns })),
      timeZone: settings.timezone,
    },
    signal,
    (p) => report({ phase: 'reading', done: p.rowsRead, total: estimatedRows(p) }),
  );
  let summary: ExportSummary | null = null;
  const result = await runSync(
    db,
    {
      fileName: request.fileName,
      sha256,
      sheet: request.sheets?.join(', ') ?? null,
      mapping,
      optionsKey,
      bills: toSnapshots(parse.bills),
      finish: () => {
        summary = parse.summary();
        return { rowsRead: summary.rowsRead, duplicates: summary.duplicateCount, rejects: summary.rejects.map(toSnapshotReject), rejectedRows: summary.rejectedRowCount, sheet: importedSheets(summary) };
      },
    },
    {
      dryRun: request.dryRun,
      actor: request.actor.username,
      now: app.clock.now(),
      signal,
      onProgress: (done) => report({ phase: 'applying', done, total: null }),
      beforeCommit: (trx, result) => beforeCommit(trx, result, summary),
    },
  );
  return result;
}

function importedSheets(summary: ExportSummary): string | null {
  return summary.sheets.filter((s) => s.status === 'imported').map((s) => s.name).join(', ') || null;
}

/** A CSV states no row count; its share of bytes read gives a fair estimate. */
function estimatedRows(p: { rowsRead: number; totalRows: number | null; bytesRead: number | null; totalBytes: number | null }): number | null {
  if (p.totalRows !== null) return p.totalRows;
  if (p.bytesRead && p.totalBytes) return Math.round((p.rowsRead * p.totalBytes) / p.bytesRead);
  return null;
}

async function* toSnapshots(bills: AsyncIterable<ParsedBill>): AsyncGenerator<SnapshotBill> {
  for await (const bill of bills) {
    const { sheet: _s, row: _r, namaWpRaw: _raw, ...rest } = bill;
    yield { ...rest, namaWp: bill.namaWp ?? bill.npwpd ?? '' };
  }
}

function toSnapshotReject(reject: Reject): SnapshotReject {
  return {
    sheet: reject.sheet,
    row: reject.row,
    column: reject.columnLetter ? `${reject.column} (${reject.columnLetter})` : reject.column,
    value: reject.value,
    code: reject.reason,
    reason: reject.message_id,
    reasonEn: reject.message_en,
  };
}

async function auditImport(trx: Kysely<Database>, app: App, request: ImportRequest, result: SyncReport): Promise<void> {
  await writeAudit(trx, {
    at: app.clock.now().toISOString(),
    actor: request.actor.username,
    role: request.actor.role,
    action: 'import.apply',
    target: `sync_run:${result.runId}`,
    after: { file: request.fileName, sha256: result.sha256, bills: result.bills, taxpayers: result.taxpayers, rejected: result.rejectedCount, missing: result.missingFromSnapshot },
    origin: request.origin,
  });
}
