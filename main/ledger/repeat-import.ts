import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { ledgerFingerprint } from './ledger-fingerprint.js';
import { rejectFromRow, runRejects } from './sync-history.js';
import type { SyncReport } from './sync-report.js';

/** Bump when parsing changes, so a run recorded by an older parser is never taken as a repeat. */
const PARSER_VERSION = 1;

export function importOptionsKey(options: unknown): string {
  return createHash('sha256').update(JSON.stringify({ parser: PARSER_VERSION, options })).digest('hex');
}

/**
 * The same file with the same options, into a ledger unchanged since that file's own run
 * committed, changes nothing: the answer is that run's, with every bill unchanged. Reading a
 * 500,000-row workbook again to learn this would take a minute; this takes a second.
 */
export async function repeatOfLastRun(db: Kysely<Database>, sha256: string, optionsKey: string): Promise<{ runId: number; report: SyncReport } | null> {
  const last = await db.selectFrom('sync_runs').selectAll().where('status', '=', 'applied').orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!last || last.sha256 !== sha256 || last.options_key !== optionsKey || !last.ledger_fingerprint) return null;
  if (last.ledger_fingerprint !== (await ledgerFingerprint(db))) return null;
  const previous = JSON.parse(last.counts) as SyncReport;
  const rejects = await runRejects(db, last.id);
  const seen = previous.bills.inserted + previous.bills.updated + previous.bills.unchanged;
  return {
    runId: last.id,
    report: {
      ...previous,
      runId: null,
      repeatOf: last.id,
      bills: { inserted: 0, updated: 0, unchanged: seen, newlyPaid: 0 },
      taxpayers: { inserted: 0, updated: 0 },
      rejected: rejects.map(rejectFromRow),
      samples: { inserted: [], updated: [], newTaxpayers: [], changedTaxpayers: [] },
    },
  };
}

export interface RepeatRecord {
  fileName: string;
  sheet: string | null;
  mapping: unknown;
  optionsKey: string;
  dryRun: boolean;
  actor: string;
  now: Date;
  beforeCommit: (trx: Kysely<Database>, report: SyncReport) => Promise<void>;
}

/** Records the repeat as a run of its own (with its rejects), so the history shows every import. */
export async function recordRepeat(db: Kysely<Database>, repeat: { runId: number; report: SyncReport }, record: RepeatRecord): Promise<SyncReport> {
  const sameFileRuns = (
    await db.selectFrom('sync_runs').select(['id', 'created_at', 'created_by']).where('sha256', '=', repeat.report.sha256).where('status', '=', 'applied').orderBy('id').execute()
  ).map((r) => ({ id: r.id, createdAt: r.created_at, createdBy: r.created_by }));
  const report: SyncReport = { ...repeat.report, fileName: record.fileName, dryRun: record.dryRun, sameFileRuns };
  if (record.dryRun) return report;
  return db.transaction().execute(async (trx) => {
    const fingerprint = await ledgerFingerprint(trx);
    const run = await trx
      .insertInto('sync_runs')
      .values({
        file_name: record.fileName,
        sha256: report.sha256,
        sheet: record.sheet ?? report.sheet,
        mapping: JSON.stringify(record.mapping ?? null),
        options_key: record.optionsKey,
        ledger_fingerprint: fingerprint,
        status: 'applied',
        rows_read: report.rowsRead,
        counts: JSON.stringify({ ...report, rejected: [] }),
        created_by: record.actor,
        created_at: record.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const runId = Number(run.id);
    const rejects = await runRejects(trx, repeat.runId);
    for (let i = 0; i < rejects.length; i += 500) {
      await trx.insertInto('sync_rejects').values(rejects.slice(i, i + 500).map((r) => ({ ...r, run_id: runId }))).execute();
    }
    const recorded = { ...report, runId };
    await record.beforeCommit(trx, recorded);
    return recorded;
  });
}
