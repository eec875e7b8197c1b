import { parentPort, workerData } from 'node:worker_threads';
import { workerInput } from '../platform/worker.js';
import { ImportFileError, iterateExport, type ParsedBill, type ParseExportOptions } from './import/index.js';
import type { WorkerInput, WorkerMessage } from './worker-protocol.js';

/**
 * The parsing thread of an import: reads and validates the export and streams bills to the
 * main thread in batches. It sends a batch only while it holds credit, so a slow database
 * never lets parsed bills pile up in memory.
 */
const BATCH = 500;
const input = workerInput<WorkerInput>(workerData);
const port = parentPort;
let credits = input.credits;
let wake: (() => void) | null = null;

port?.on('message', (message: { type: 'credit' }) => {
  if (message.type !== 'credit') return;
  credits += 1;
  wake?.();
  wake = null;
});

function send(message: WorkerMessage): void {
  port?.postMessage(message);
}

async function flush(batch: ParsedBill[]): Promise<void> {
  while (credits <= 0) await new Promise<void>((resolve) => (wake = resolve));
  credits -= 1;
  send({ type: 'bills', bills: batch });
}

async function main(): Promise<void> {
  const options: ParseExportOptions = {
    ...input.options,
    onProgress: (progress) => send({ type: 'progress', progress }),
  };
  const run = iterateExport(input.file, options);
  let batch: ParsedBill[] = [];
  for (;;) {
    const next = await run.next();
    if (next.done) {
      if (batch.length) await flush(batch);
      send({ type: 'done', summary: next.value });
      return;
    }
    batch.push(next.value);
    if (batch.length >= BATCH) {
      await flush(batch);
      batch = [];
    }
  }
}

main().catch((err: unknown) => {
  send({ type: 'error', error: err instanceof ImportFileError ? err.toJSON() : { name: 'Error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) } });
});
