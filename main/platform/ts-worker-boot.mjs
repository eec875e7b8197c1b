// Boots a TypeScript worker module from sources: registers tsx in this thread, then imports it.
import { workerData } from 'node:worker_threads';

const { register } = await import(workerData.__boot.tsxApi);
register();
await import(workerData.__boot.module);
