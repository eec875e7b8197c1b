import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeApp, createApp } from '../../main/app.js';
import { HttpClient } from '../support/http.js';
import { startServe } from '../support/cli.js';
import { type Figure, median, round } from './figure.js';

/** Backend cold start (a new `sipeka serve` process) to its first answered /api call, and migrating an empty ledger. */
export default async function foundationBench(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-bench-'));
  try {
    const starts: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const t0 = performance.now();
      const { child, url } = await startServe(['--db', path.join(dir, `cold-${i}.db`)], { SIPEKA_DATA_DIR: dir });
      const res = await new HttpClient(url).call('auth.state');
      if (res.status !== 200) throw new Error(`auth.state answered ${res.status}`);
      starts.push(performance.now() - t0);
      child.kill('SIGTERM');
    }
    const migrations: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const t0 = performance.now();
      const app = await createApp({ db: path.join(dir, `migrate-${i}.db`), env: { SIPEKA_DATA_DIR: dir } });
      migrations.push(performance.now() - t0);
      await closeApp(app);
    }
    return [
      { figure: 'cold start to first /api answer (median of 5)', value: round(median(starts), 0), unit: 'ms' },
      { figure: 'open + migrate an empty SQLite ledger (median of 10)', value: round(median(migrations), 1), unit: 'ms' },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
