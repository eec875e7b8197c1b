import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { UserError } from '../../../shared/errors.js';
import { writeAudit } from '../../auth/audit-log.js';
import type { Database } from '../../db/schema.js';
import type { SnapshotBill } from '../snapshot.js';
import { runSync } from '../sync-apply.js';
import { generateDemo } from './generate.js';

export interface LoadDemoRequest {
  taxpayers: number;
  seed: number;
  today: string;
  force: boolean;
  actor: { username: string; role: string };
  origin: string;
  now: Date;
  onProgress?: (done: number) => void;
}

export interface LoadDemoResult {
  run_id: number | null;
  file_name: string;
  seed: number;
  as_of: string;
  taxpayers: number;
  bills: number;
  paid_bills: number;
  unpaid_bills: number;
  overdue_bills: number;
  bills_inserted: number;
  bills_updated: number;
  taxpayers_inserted: number;
  taxpayers_updated: number;
}

/**
 * Fills the ledger with generated OKI taxpayers as an ordinary sync run (undoable like an
 * import), audited in the same transaction. An empty ledger only, unless forced: demo bills
 * mixed into real ones would be hard to tell apart.
 */
export async function loadDemo(db: Kysely<Database>, request: LoadDemoRequest): Promise<LoadDemoResult> {
  const existing = Number((await db.selectFrom('bills').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  if (existing > 0 && !request.force) throw new UserError('LEDGER_NOT_EMPTY', { bills: existing });
  const fileName = `demo:seed=${request.seed},taxpayers=${request.taxpayers}`;
  const counts = new BillCounts(request.today);
  let result: LoadDemoResult | null = null;
  await runSync(
    db,
    {
      fileName,
      // The same options make the same "file": a second identical run is flagged as a repeat.
      sha256: createHash('sha256').update(`${fileName},asOf=${request.today}`).digest('hex'),
      sheet: null,
      mapping: { generator: 'demo', seed: request.seed, taxpayers: request.taxpayers, asOf: request.today },
      bills: counts.through(generateDemo({ taxpayers: request.taxpayers, seed: request.seed, today: request.today })),
      finish: () => ({ rowsRead: counts.bills, duplicates: 0, rejects: [] }),
    },
    {
      dryRun: false,
      actor: request.actor.username,
      now: request.now,
      ...(request.onProgress ? { onProgress: request.onProgress } : {}),
      beforeCommit: async (trx, report) => {
        result = {
          run_id: report.runId,
          file_name: fileName,
          seed: request.seed,
          as_of: request.today,
          taxpayers: request.taxpayers,
          bills: counts.bills,
          paid_bills: counts.paid,
          unpaid_bills: counts.unpaid,
          overdue_bills: counts.overdue,
          bills_inserted: report.bills.inserted,
          bills_updated: report.bills.updated,
          taxpayers_inserted: report.taxpayers.inserted,
          taxpayers_updated: report.taxpayers.updated,
        };
        await writeAudit(trx, { at: request.now.toISOString(), actor: request.actor.username, role: request.actor.role, action: 'ledger.demo', target: `sync_run:${report.runId}`, after: result, origin: request.origin });
      },
    },
  );
  return result as unknown as LoadDemoResult;
}

/** What the generated bills add up to, counted on their way into the sync. */
class BillCounts {
  bills = 0;
  paid = 0;
  unpaid = 0;
  overdue = 0;
  constructor(private readonly today: string) {}

  *through(bills: Iterable<SnapshotBill>): Generator<SnapshotBill> {
    for (const bill of bills) {
      this.bills += 1;
      if (bill.status === 'paid') this.paid += 1;
      else {
        this.unpaid += 1;
        if (bill.dueDate < this.today) this.overdue += 1;
      }
      yield bill;
    }
  }
}
