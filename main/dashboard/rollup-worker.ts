import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteReader } from '../db/open-sqlite.js';
import { workerInput } from '../platform/worker.js';
import { computeLedgerRollups, computeMessageRollups } from './rollup-compute.js';
import type { RollupWorkerInput, RollupWorkerMessage } from './rollup-in-worker.js';

/**
 * The thread that computes a part of the dashboard's rollups from an SQLite ledger, on a
 * read-only connection of its own: better-sqlite3 runs queries synchronously, so reading a
 * million bills on the main thread would stall every request (partner payments included) for
 * seconds. WAL lets it read while the main thread writes.
 */
const input = workerInput<RollupWorkerInput>(workerData);

async function main(): Promise<RollupWorkerMessage> {
  const db = openSqliteReader(input.dbFile);
  try {
    const computed = input.part === 'ledger' ? await computeLedgerRollups(db) : await computeMessageRollups(db);
    return { type: 'done', computed };
  } finally {
    await db.destroy();
  }
}

main()
  .then((message) => parentPort?.postMessage(message))
  .catch((err: unknown) => parentPort?.postMessage({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies RollupWorkerMessage));
