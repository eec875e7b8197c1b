import type { Worker } from 'node:worker_threads';
import { startWorker } from '../platform/worker.js';
import type { ComputedPart } from './rollup-tables.js';

export interface RollupWorkerInput {
  dbFile: string;
  part: 'ledger' | 'messages';
}

export type RollupWorkerMessage = { type: 'done'; computed: ComputedPart } | { type: 'error'; message: string };

/** A part computed on a worker thread; `stop` ends the thread (the promise then rejects). */
export function computeInWorker(input: RollupWorkerInput): { result: Promise<ComputedPart>; stop: () => Promise<void> } {
  const worker: Worker = startWorker(new URL(`./rollup-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.mjs'}`, import.meta.url), input);
  const result = new Promise<ComputedPart>((resolve, reject) => {
    worker.once('message', (message: RollupWorkerMessage) => (message.type === 'done' ? resolve(message.computed) : reject(new Error(message.message))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the rollup worker stopped (exit code ${code})`)));
  });
  return {
    result,
    stop: async () => {
      await worker.terminate();
    },
  };
}
