import { performance } from 'node:perf_hooks';
import { normaliseEmailCell, normalisePhoneCell } from '../../shared/contacts/index.js';
import { type Figure, round } from './figure.js';
import { Rng } from '../../main/platform/rng.js';

/**
 * Normalising 1,000,000 raw phone cells as an export holds them: ~70 % distinct mobile numbers
 * in the forms officers and Excel write, ~10 % repeats, ~10 % landlines, ~10 % placeholders,
 * invalid and two-number cells. Then as many email cells. Set SIPEKA_BENCH_SCALE=0.1 for a quick run.
 */
export default async function contactsNormaliseBench(): Promise<Figure[]> {
  const cells = Math.round(1_000_000 * Number(process.env.SIPEKA_BENCH_SCALE ?? '1'));
  const phones = phoneCells(cells, 7);
  const rssBefore = process.memoryUsage().rss;
  let t0 = performance.now();
  let cpu0 = process.cpuUsage();
  let usable = 0;
  for (const cell of phones) if (normalisePhoneCell(cell).status !== 'invalid') usable += 1;
  const phoneSeconds = (performance.now() - t0) / 1000;
  const phoneCpuSeconds = cpuSeconds(cpu0);
  const rssAfter = process.memoryUsage().rss;
  if (usable < cells * 0.8) throw new Error(`only ${usable} of ${cells} cells read as usable or missing: the generator and the normaliser disagree`);

  // The worst case for the cache: every cell a mobile number not seen before.
  const distinct = phoneCells(cells, 8, 1);
  t0 = performance.now();
  cpu0 = process.cpuUsage();
  for (const cell of distinct) normalisePhoneCell(cell);
  const distinctSeconds = (performance.now() - t0) / 1000;
  const distinctCpuSeconds = cpuSeconds(cpu0);

  const emails = emailCells(cells, 7);
  t0 = performance.now();
  for (const cell of emails) normaliseEmailCell(cell);
  const emailSeconds = (performance.now() - t0) / 1000;

  const label = `${cells.toLocaleString('en')} cells`;
  return [
    { figure: `phone cells normalised, ${label}`, value: Math.round(cells / phoneSeconds), unit: 'cells/s', target: '≥ 100,000' },
    { figure: `phone cells, ${label}: per CPU second (busy machine: compare with the above)`, value: Math.round(cells / phoneCpuSeconds), unit: 'cells/s' },
    { figure: `phone cells, ${label}: time`, value: round(phoneSeconds, 2), unit: 's' },
    { figure: `phone cells, ${label}: RSS after (before: ${Math.round(rssBefore / 2 ** 20)} MB, input held)`, value: Math.round(rssAfter / 2 ** 20), unit: 'MB' },
    { figure: `phone cells normalised, ${label}, all distinct mobiles`, value: Math.round(cells / distinctSeconds), unit: 'cells/s' },
    { figure: `phone cells, ${label}, all distinct mobiles: per CPU second`, value: Math.round(cells / distinctCpuSeconds), unit: 'cells/s' },
    { figure: `email cells normalised, ${label}`, value: Math.round(cells / emailSeconds), unit: 'cells/s' },
  ];
}

// Sample numbers to generate realistic input; the normaliser itself knows no prefixes.
const MOBILE_PREFIXES = ['811', '812', '813', '821', '822', '852', '853', '814', '815', '816', '855', '856', '857', '858', '817', '818', '819', '859', '877', '878', '895', '896', '897', '898', '899', '881', '882', '887', '888', '831', '832', '833', '838'];
const AREA_CODES = ['711', '712', '713', '714', '21', '22', '31', '61', '274', '361', '411', '511', '761'];
const PLACEHOLDERS = ['', '-', '0', '00', 'Tidak Ada', 'kosong', 'N/A', '.', ' ', 'TIDAK ADA'];
const INVALID = ['0812345', '081234567890123', 'Budi', '6.28123E+12', '0800 1234 567', '1234'];

function phoneCells(count: number, seed: number, distinctShare = 0.7): string[] {
  const random = seededRandom(seed);
  const digits = (n: number) => String(Math.floor(random() * 10 ** n)).padStart(n, '0');
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const mobile = () => pick(MOBILE_PREFIXES) + digits(random() < 0.6 ? 8 : 7);
  const written: string[] = [];
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const r = random();
    if (r < distinctShare || written.length === 0) {
      const cell = writeMobile(mobile(), random());
      written.push(cell);
      out.push(cell);
    } else if (r < 0.8) {
      out.push(random() < 0.5 ? pick(written) : writeMobile((pick(written).match(/8\d{8,11}/) ?? ['81234567890'])[0], random()));
    } else if (r < 0.9) {
      const area = pick(AREA_CODES);
      const local = digits(area.length === 2 ? 8 : 6);
      out.push(pick([`0${area}-${local}`, `(0${area}) ${local}`, `0${area} ${local}`, `+62 ${area} ${local}`, `0${area}-${local} ext 12`]));
    } else {
      const s = random();
      if (s < 0.5) out.push(pick(PLACEHOLDERS));
      else if (s < 0.7) out.push(pick(INVALID));
      else if (s < 0.85) out.push(`${writeMobile(mobile(), 0.05)} / ${writeMobile(mobile(), 0.15)}`);
      else out.push(`0${mobile()} 0${mobile()}`);
    }
  }
  return out;
}

/** One number the way exports hold it: mostly plain, then dashed, spaced, +62, lost zero… */
function writeMobile(nsn: string, r: number): string {
  const [a, b, c] = [nsn.slice(0, 3), nsn.slice(3, 7), nsn.slice(7)];
  if (r < 0.35) return `0${nsn}`;
  if (r < 0.5) return `0${a}-${b}-${c}`;
  if (r < 0.6) return `0${a} ${b} ${c}`;
  if (r < 0.7) return `+62 ${a}-${b}-${c}`;
  if (r < 0.78) return `62${nsn}`;
  if (r < 0.84) return nsn;
  if (r < 0.88) return `(+62)${nsn}`;
  if (r < 0.91) return `0${a}.${b}.${c}`;
  if (r < 0.94) return `'0${nsn}`;
  if (r < 0.97) return `HP: 0${a} ${b} ${c}`;
  return `0${a}-${b}-${c} (WA)`;
}

function emailCells(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const r = random();
    const user = `wp${Math.floor(random() * 1e7)}`;
    if (r < 0.5) out.push(`${user}@gmail.com`);
    else if (r < 0.6) out.push(` ${user.toUpperCase()}@YAHOO.CO.ID `);
    else if (r < 0.85) out.push(r < 0.75 ? 'Email kosong / Tidak Ada' : '-');
    else if (r < 0.95) out.push(`${user}@gmail.com; ${user}@kantor.go.id`);
    else out.push(`${user}@gmail`);
  }
  return out;
}

/** Process CPU time since `from`: on a machine shared with other work, closer to one core's speed than the wall clock. */
function cpuSeconds(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
}


/** Uniform in [0, 1) from a seed: the same run every time. */
function seededRandom(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}
