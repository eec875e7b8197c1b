// One import in a fresh process, so its peak RSS is its own: `tsx tests/bench/run-import.ts DB FILE`.
// Prints {seconds, maxRssMb, report counts} as one JSON line.
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { closeApp, createApp } from '../../main/app.js';
import { runImport } from '../../main/ledger/index.js';

const [db, file] = process.argv.slice(2) as [string, string];
const app = await createApp({ db, env: { ...process.env, SIPEKA_DATA_DIR: path.dirname(db) } });
const t0 = performance.now();
const report = await runImport(
  app,
  { file, fileName: path.basename(file), dryRun: false, actor: { username: 'bench', role: 'admin' }, origin: 'bench' },
  new AbortController().signal,
  () => undefined,
);
const seconds = (performance.now() - t0) / 1000;
await closeApp(app);
console.log(JSON.stringify({ seconds, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), rows: report.rowsRead, bills: report.bills, rejected: report.rejectedCount }));
