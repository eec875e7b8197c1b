import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { closeApp, createApp } from '../../main/app.js';
import { generateDemo } from '../../main/ledger/demo/index.js';
import { runSync } from '../../main/ledger/index.js';
import { packageRoot } from '../../main/platform/package-root.js';
import { type Figure, round } from './figure.js';

const TODAY = '2026-11-23';
const NOW = new Date('2026-11-23T07:00:00Z');

/**
 * The Daftar Tunggakan of 100,000 unpaid bills, written by `sipeka report arrears` in its own
 * process so its peak RSS is the report's (plus the CLI's start-up), not the ledger builder's.
 */
export default async function reportsBench(): Promise<Figure[]> {
  const target = Math.round(100_000 * Number(process.env.SIPEKA_BENCH_SCALE ?? '1'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-bench-reports-'));
  const db = path.join(dir, 'ledger.db');
  try {
    const app = await createApp({ db, env: { SIPEKA_DATA_DIR: dir } });
    const t0 = performance.now();
    try {
      let count = 0;
      function* limited() {
        for (const bill of generateDemo({ taxpayers: target, seed: 21, today: TODAY })) {
          if (count++ >= target) return;
          yield bill;
        }
      }
      await runSync(app.ledger.db, { fileName: 'bench', sha256: 'bench', sheet: null, mapping: null, bills: limited(), finish: () => ({ rowsRead: target, duplicates: 0, rejects: [] }) }, { dryRun: false, actor: 'bench', now: NOW });
      // Every demo bill becomes an arrear of the report's day: unpaid, and due before it.
      await app.ledger.db.updateTable('bills').set({ status: 'unpaid', paid_date: null, paid_source: null }).execute();
      await app.ledger.db.updateTable('bills').set({ due_date: '2026-11-10' }).where('due_date', '>=', TODAY).execute();
    } finally {
      await closeApp(app);
    }
    const buildSeconds = (performance.now() - t0) / 1000;

    const out = path.join(dir, 'tunggakan.xlsx');
    const run = await timedCli(['--db', db, '--json', 'report', 'arrears', '--as-of', TODAY, '--out', out], { ...process.env, SIPEKA_DATA_DIR: dir, SIPEKA_FAKE_NOW: NOW.toISOString() });
    const result = JSON.parse(run.stdout) as { rows: number };
    const idle = await timedCli(['--db', db, '--json', 'ledger', 'summary', '--as-of', TODAY], { ...process.env, SIPEKA_DATA_DIR: dir });
    const size = `${result.rows.toLocaleString('en')}-row arrears report`;
    return [
      { figure: `build a ${target.toLocaleString('en')}-bill ledger of arrears`, value: round(buildSeconds), unit: 's' },
      { figure: `${size}: sipeka report arrears, start to exit`, value: round(run.seconds), unit: 's', target: '≤ 15' },
      { figure: `${size}: peak RSS of that process`, value: Math.round(run.maxRssMb), unit: 'MB', target: '≤ 400' },
      { figure: 'for comparison: peak RSS of sipeka ledger summary on the same ledger', value: Math.round(idle.maxRssMb), unit: 'MB' },
      { figure: `${size}: file size`, value: round(fs.statSync(out).size / 1_048_576), unit: 'MB' },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs the real command and reads its own peak RSS: a small preamble starts the CLI as
 * bin/sipeka.mjs does, and reports `process.resourceUsage().maxRSS` on stderr when it exits.
 */
function timedCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ seconds: number; maxRssMb: number; stdout: string }> {
  const root = packageRoot().root;
  const preamble = `
    const { register } = await import(${JSON.stringify(pathToFileURL(path.join(root, 'node_modules/tsx/dist/esm/api/index.mjs')).href)});
    register();
    const { main } = await import(${JSON.stringify(pathToFileURL(path.join(root, 'main/cli.ts')).href)});
    const code = await main(process.argv.slice(1));
    process.stderr.write('\\nmaxrss-kb=' + process.resourceUsage().maxRSS + '\\n');
    process.exit(code);
  `;
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', preamble, '--', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      const rss = /maxrss-kb=(\d+)/.exec(stderr);
      if (code !== 0 || !rss) reject(new Error(`sipeka ${args.join(' ')} failed (${code}): ${stderr}`));
      else resolve({ seconds, maxRssMb: Number(rss[1]) / 1024, stdout });
    });
  });
}
