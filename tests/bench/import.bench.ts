import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemo, writeSimpadaExport } from '../../main/ledger/demo/index.js';
import { type Figure, round } from './figure.js';

/**
 * SIMPADA import end to end (read, parse, validate, apply) of a 500,000-row xlsx and a
 * 1,000,000-row CSV, each in a fresh process, then the unchanged re-import. Set
 * SIPEKA_BENCH_SCALE=0.1 for a quick run.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = path.resolve(here, '../../node_modules/.bin/tsx');
const scale = Number(process.env.SIPEKA_BENCH_SCALE ?? '1');

function importOnce(db: string, file: string): { seconds: number; maxRssMb: number; rows: number } {
  const out = execFileSync(tsx, [path.join(here, 'run-import.ts'), db, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop() as string);
}

export default async function importBench(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-bench-import-'));
  const figures: Figure[] = [];
  try {
    for (const [format, rows, target] of [
      ['xlsx', Math.round(500_000 * scale), '≤ 60 s, ≤ 1 GB RSS'],
      ['csv', Math.round(1_000_000 * scale), '—'],
    ] as const) {
      const file = path.join(dir, `ekspor-${rows}.${format}`);
      await writeSimpadaExport(generateDemo({ taxpayers: rows, seed: 1, today: '2026-11-23' }), file, { printedOn: '2026-11-23', rows });
      const db = path.join(dir, `${format}.db`);
      const first = importOnce(db, file);
      const again = importOnce(db, file);
      const label = `${rows.toLocaleString('en')}-row ${format}`;
      figures.push(
        { figure: `import ${label}: end to end`, value: round(first.seconds), unit: 's', target },
        { figure: `import ${label}: throughput`, value: Math.round(first.rows / first.seconds), unit: 'rows/s' },
        { figure: `import ${label}: peak RSS`, value: first.maxRssMb, unit: 'MB', target: format === 'xlsx' ? '≤ 1024' : '' },
        { figure: `re-import unchanged ${label}`, value: round(again.seconds), unit: 's' },
        { figure: `re-import speed-up ${label}`, value: round(first.seconds / again.seconds, 2), unit: '×', target: '≥ 3' },
      );
      fs.rmSync(file);
    }
    return figures;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
