// `npm run bench`: runs every tests/bench/*.bench.ts (or those whose name contains argv[2]) and
// prints one table of figures. Benchmarks measure; they never fail on a time.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Figure } from '../tests/bench/figure.js';

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../tests/bench');
const filter = process.argv[2] ?? '';
const files = fs.readdirSync(benchDir).filter((f) => f.endsWith('.bench.ts') && f.includes(filter)).sort();

const rows: (Figure & { bench: string })[] = [];
for (const file of files) {
  process.stderr.write(`bench: ${file}…\n`);
  const mod = (await import(pathToFileURL(path.join(benchDir, file)).href)) as { default: () => Promise<Figure[]> };
  for (const figure of await mod.default()) rows.push({ bench: file.replace('.bench.ts', ''), ...figure });
}

const header = ['bench', 'figure', 'value', 'unit', 'target'];
const cells = rows.map((r) => [r.bench, r.figure, String(r.value), r.unit, r.target ?? '']);
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const c of cells) console.log(line(c));
