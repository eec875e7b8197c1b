// Writes the large SIMPADA-style exports the import benchmarks read, from generated demo data
// (no database): `npx tsx scripts/make-bench-exports.ts <folder> [--xlsx-rows 500000]
// [--csv-rows 1000000] [--seed 1] [--today 2026-11-23]`. The same arguments give the same files.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { generateDemo, writeSimpadaExport } from '../main/ledger/demo/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'xlsx-rows': { type: 'string', default: '500000' },
    'csv-rows': { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '1' },
    today: { type: 'string', default: '2026-11-23' },
  },
});
const folder = positionals[0];
if (!folder) {
  console.error('usage: make-bench-exports.ts <folder> [--xlsx-rows N] [--csv-rows N] [--seed S] [--today YYYY-MM-DD]');
  process.exit(2);
}
fs.mkdirSync(folder, { recursive: true });

const seed = Number(values.seed);
const today = values.today;
for (const [format, rows] of [['xlsx', Number(values['xlsx-rows'])], ['csv', Number(values['csv-rows'])]] as const) {
  if (rows <= 0) continue;
  const file = path.join(folder, `daftar-ketetapan-${rows}.${format}`);
  const t0 = performance.now();
  // Every taxpayer has at least one bill, so this many taxpayers always yields enough rows; the
  // generator is lazy, so the ones past the last row are never made.
  const bills = generateDemo({ taxpayers: Math.min(rows, 1_000_000), seed, today });
  const result = await writeSimpadaExport(bills, file, { printedOn: today, rows });
  const seconds = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ ...result, seconds: Math.round(seconds * 10) / 10, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}
