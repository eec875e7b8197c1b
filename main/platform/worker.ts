import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type ResourceLimits, Worker } from 'node:worker_threads';

const BOOT = new URL('./ts-worker-boot.mjs', import.meta.url);

/**
 * Starts a worker thread on a module. From sources (`.ts`, run through tsx) the worker first
 * registers tsx in its own thread — Node 20 does not pass the parent's loader to workers; a
 * bundled `.mjs` module starts directly.
 */
export function startWorker(moduleUrl: URL, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const limits = resourceLimits ? { resourceLimits } : {};
  if (!moduleUrl.pathname.endsWith('.ts')) return new Worker(moduleUrl, { workerData, ...limits });
  const require = createRequire(import.meta.url);
  const tsxApi = pathToFileURL(path.join(path.dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  return new Worker(fileURLToPath(BOOT), { workerData: { __boot: { tsxApi, module: moduleUrl.href }, data: workerData }, ...limits });
}

/** Inside a worker: the data its starter passed, whichever way it was started. */
export function workerInput<T>(raw: unknown): T {
  const boxed = raw as { __boot?: unknown; data?: unknown };
  return (boxed && typeof boxed === 'object' && '__boot' in boxed ? boxed.data : raw) as T;
}
