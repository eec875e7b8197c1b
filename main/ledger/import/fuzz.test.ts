import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { CellValue } from './cells.js';
import { ImportFileError } from './errors.js';
import { listSheets } from './list-sheets.js';
import { parseExport } from './parse-export.js';
import { readRows } from './read-rows.js';

/**
 * Whatever happens to an export on its way to us (a download cut short, a flipped bit, a cell
 * typed into the wrong column), the import either reads it or refuses it with an
 * ImportFileError, and always finishes.
 */
const FIXTURES = fileURLToPath(new URL('../../../tests/fixtures/simpada/', import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-fuzz-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const HANG_MS = 15_000;

function random(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T };
}

type Outcome = 'parsed' | 'refused';

async function attempt(file: string, label: string, failures: string[]): Promise<Outcome | null> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hung for ${HANG_MS} ms`)), HANG_MS);
  });
  try {
    await Promise.race([parseExport(file, { fileName: label }), hang]);
    return 'parsed';
  } catch (err) {
    if (err instanceof ImportFileError) return 'refused';
    failures.push(`${label}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return null;
  } finally {
    clearTimeout(timer);
  }
}

type Mutation = 'truncate' | 'flip' | 'flips' | 'splice';

function mutateBytes(original: Buffer, rng: ReturnType<typeof random>, kind: Mutation): Buffer {
  const bytes = Buffer.from(original);
  if (kind === 'truncate') return bytes.subarray(0, rng.int(bytes.length));
  if (kind === 'flip' || kind === 'flips') {
    // One to three flipped bits mostly get past the first checks; twenty rarely do.
    const flips = 1 + rng.int(kind === 'flip' ? 3 : 20);
    for (let i = 0; i < flips; i++) {
      const at = rng.int(bytes.length);
      bytes[at] = (bytes[at] as number) ^ (1 << rng.int(8));
    }
    return bytes;
  }
  const at = rng.int(bytes.length);
  const length = 1 + rng.int(64);
  return rng.next() < 0.5 ? Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + length)]) : Buffer.concat([bytes.subarray(0, at), bytes.subarray(at, at + length), bytes.subarray(at)]);
}

const STRANGE_VALUES: CellValue[] = [
  null, '', ' ', '-', 'TOTAL', 'JUMLAH', 'Kode Bayar', 'Pokok', 'LUNAS', 'BELUM', 'Rp', 'Rp 1.250.000,50', '1,60226E+17', '31/02/2026',
  '29/02/2028', 'x'.repeat(5000), '"', ';', '\n', '=A1', '#N/A', 0, -1, 1e15, 1.5, 46265, Number.MAX_SAFE_INTEGER, true, false,
  new Date(Date.UTC(2026, 7, 31)), new Date(Date.UTC(1900, 0, 1)), 'é', '\u0000', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
];

describe('fuzzing the import with damaged exports', () => {
  it('never throws anything but ImportFileError and never hangs, over 280 mutations', async () => {
    const failures: string[] = [];
    const outcomes = { parsed: 0, refused: 0 };
    const count = (outcome: Outcome | null) => outcome && outcomes[outcome]++;
    let mutations = 0;

    const files = [['simpada-messy.xlsx', 100], ['simpada-snapshot-2.xlsx', 40], ['simpada-messy-1252.csv', 40], ['simpada-messy.xls', 30], ['simpada-messy-html.xls', 10]] as const;
    for (const [name, rounds] of files) {
      const original = fs.readFileSync(path.join(FIXTURES, name));
      for (let i = 0; i < rounds; i++) {
        const rng = random(1000 * name.length + i);
        const kind = rng.pick<Mutation>(['truncate', 'flip', 'flip', 'flips', 'splice']);
        const file = path.join(tmp, `${i}-${name}`);
        fs.writeFileSync(file, mutateBytes(original, rng, kind));
        count(await attempt(file, `${name} #${i} ${kind}`, failures));
        mutations++;
        fs.rmSync(file);
      }
    }

    // Cell swaps: a well-formed workbook whose cells are in the wrong places or hold nonsense.
    const grid: CellValue[][] = [];
    for await (const row of readRows(path.join(FIXTURES, 'simpada-messy.xlsx'), { sheets: ['Daftar Ketetapan'] })) grid[row.rowNumber - 1] = row.cells;
    for (let i = 0; i < 60; i++) {
      const rng = random(7_000 + i);
      const cells = Array.from(grid, (row) => [...(row ?? [])]);
      const changes = 1 + rng.int(30);
      for (let c = 0; c < changes; c++) {
        const [r1, c1, r2, c2] = [rng.int(cells.length), rng.int(22), rng.int(cells.length), rng.int(22)];
        const a = cells[r1] as CellValue[];
        const b = cells[r2] as CellValue[];
        if (rng.next() < 0.5) [a[c1], b[c2]] = [b[c2] ?? null, a[c1] ?? null];
        else a[c1] = rng.pick(STRANGE_VALUES);
      }
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Daftar Ketetapan');
      cells.forEach((row, r) => row.forEach((value, c) => value !== null && value !== undefined && (sheet.getCell(r + 1, c + 1).value = value)));
      const file = path.join(tmp, `swap-${i}.xlsx`);
      await workbook.xlsx.writeFile(file);
      count(await attempt(file, `cell swap #${i}`, failures));
      mutations++;
    }

    expect(failures).toEqual([]);
    expect(mutations).toBeGreaterThanOrEqual(280);
    // Both outcomes occur: the fuzzing reaches past the first checks.
    expect(outcomes.parsed).toBeGreaterThan(20);
    expect(outcomes.refused).toBeGreaterThan(20);
  }, 300_000);

  it('lists the sheets of damaged workbooks without throwing anything else', async () => {
    const original = fs.readFileSync(path.join(FIXTURES, 'simpada-messy.xlsx'));
    const failures: string[] = [];
    for (let i = 0; i < 40; i++) {
      const rng = random(99_000 + i);
      const file = path.join(tmp, `list-${i}.xlsx`);
      fs.writeFileSync(file, mutateBytes(original, rng, rng.pick<Mutation>(['truncate', 'flip', 'flips', 'splice'])));
      await listSheets(file).catch((err: unknown) => {
        if (!(err instanceof ImportFileError)) failures.push(`#${i}: ${String(err)}`);
      });
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
