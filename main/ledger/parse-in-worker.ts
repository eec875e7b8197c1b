import { startWorker } from '../platform/worker.js';
import { type ExportProgress, type ExportSummary, ImportFileError, type ParsedBill } from './import/index.js';
import type { WorkerInput, WorkerMessage } from './worker-protocol.js';

const CREDITS = 4;

export interface ParseHandle {
  /** Parsed bills in file order; ends when the file is done, throws what the parser threw. */
  bills: AsyncGenerator<ParsedBill>;
  /** The parser's counts and rejects; available once `bills` has ended. */
  summary(): ExportSummary;
}

/**
 * Parses an export in a worker thread so the UI and the HTTP server stay responsive. Cancelling
 * the signal terminates the thread at once.
 */
export function parseInWorker(file: string, options: WorkerInput['options'], signal?: AbortSignal, onProgress?: (p: ExportProgress) => void): ParseHandle {
  const worker = startWorker(new URL(`./import-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.mjs'}`, import.meta.url), { file, credits: CREDITS, options } satisfies WorkerInput, {
    // A bounded heap keeps a 500,000-row parse under the office PC's budget; the parser streams,
    // so it needs far less, and a runaway file fails instead of taking the machine down.
    maxOldGenerationSizeMb: 512,
  });
  const queue: WorkerMessage[] = [];
  let notify: (() => void) | null = null;
  let failure: Error | null = null;
  let finished: ExportSummary | null = null;
  const push = (message: WorkerMessage) => {
    queue.push(message);
    notify?.();
    notify = null;
  };
  worker.on('message', (message: WorkerMessage) => {
    if (message.type === 'progress') onProgress?.(message.progress);
    else push(message);
  });
  worker.on('error', (err) => push({ type: 'error', error: { name: 'Error', message: err.stack ?? err.message } }));
  worker.on('exit', (code) => {
    if (!finished && !failure) push({ type: 'error', error: { name: 'Error', message: `import worker exited with code ${code}` } });
  });
  const onAbort = () => {
    void worker.terminate();
    push({ type: 'error', error: new ImportFileError('CANCELLED', { file: options.fileName }).toJSON() });
  };
  signal?.addEventListener('abort', onAbort, { once: true });

  async function* bills(): AsyncGenerator<ParsedBill> {
    try {
      for (;;) {
        while (queue.length === 0) await new Promise<void>((resolve) => (notify = resolve));
        const message = queue.shift() as WorkerMessage;
        if (message.type === 'bills') {
          worker.postMessage({ type: 'credit' });
          yield* message.bills;
        } else if (message.type === 'done') {
          finished = message.summary;
          return;
        } else if (message.type === 'error') {
          failure = message.error.name === 'ImportFileError' ? ImportFileError.fromJSON(message.error) : new Error(message.error.message);
          throw failure;
        }
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
    }
  }

  return {
    bills: bills(),
    summary: () => {
      if (!finished) throw new Error('the export has not been read to the end');
      return finished;
    },
  };
}
