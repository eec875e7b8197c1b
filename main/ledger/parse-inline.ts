import { type ExportProgress, type ExportSummary, iterateExport } from './import/index.js';
import type { ParseHandle } from './parse-in-worker.js';
import type { WorkerInput } from './worker-protocol.js';

/**
 * Parses an export on the calling thread. For the command line and tests, where no screen
 * waits on the thread and a worker's start-up (loading the parser again) would only cost time.
 */
export function parseInline(file: string, options: WorkerInput['options'], signal?: AbortSignal, onProgress?: (p: ExportProgress) => void): ParseHandle {
  let finished: ExportSummary | null = null;
  const run = iterateExport(file, { ...options, ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) });
  async function* bills() {
    for (;;) {
      const next = await run.next();
      if (next.done) {
        finished = next.value;
        return;
      }
      yield next.value;
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
