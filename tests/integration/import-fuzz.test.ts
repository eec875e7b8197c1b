import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUserError, runImport } from '../../main/ledger/index.js';
import { UserError } from '../../shared/errors.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Mutated exports go through the whole import (worker thread, parse, apply). Each one either
 * is refused with a clear message and leaves the ledger exactly as it was, or is applied whole:
 * never a partial import, never a crash.
 */
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/simpada');
const SOURCES = ['simpada-messy.xlsx', 'simpada-messy-utf8-bom.csv', 'simpada-messy-1252.csv', 'simpada-snapshot-2.xlsx'];
const CASES = 200;

function prng(seed: number) {
  let state = seed >>> 0 || 1;
  return (n: number) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return Math.floor(((state >>> 0) / 0x1_0000_0000) * n);
  };
}

/** One mutation of the kinds files suffer: cut short, bytes flipped, a block lost or repeated, text garbled. */
function mutate(bytes: Buffer, rand: (n: number) => number): Buffer {
  const copy = Buffer.from(bytes);
  switch (rand(6)) {
    case 0:
      return copy.subarray(0, rand(copy.length));
    case 1:
      for (let i = 0; i < 1 + rand(8); i += 1) copy[rand(copy.length)] = rand(256);
      return copy;
    case 2: {
      const at = rand(copy.length);
      return Buffer.concat([copy.subarray(0, at), copy.subarray(at + 1 + rand(200))]);
    }
    case 3: {
      const at = rand(copy.length);
      const len = 1 + rand(300);
      return Buffer.concat([copy.subarray(0, at + len), copy.subarray(at, at + len), copy.subarray(at + len)]);
    }
    case 4: {
      const text = copy.toString('latin1').replace(/[;,]/g, (c) => (rand(5) === 0 ? (c === ';' ? ',' : ';') : c));
      return Buffer.from(text, 'latin1');
    }
    default: {
      const text = copy.toString('latin1').replace(/\d/g, (d) => (rand(20) === 0 ? String.fromCharCode(65 + rand(26)) : d));
      return Buffer.from(text, 'latin1');
    }
  }
}

describe('fuzzed exports through the whole import', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => {
    await t.close();
  });

  async function ledgerState() {
    const db = t.app.ledger.db;
    const [bills, taxpayers, runs] = await Promise.all([
      db.selectFrom('bills').select(['kode_bayar', 'status', 'principal', 'due_date', 'taxpayer_id']).orderBy('kode_bayar').execute(),
      db.selectFrom('taxpayers').select(['taxpayer_key', 'name', 'raw_phone']).orderBy('taxpayer_key').execute(),
      db.selectFrom('sync_runs').select(['id']).execute(),
    ]);
    return { bills, taxpayers, runs: runs.length };
  }

  it(`${CASES} mutated exports are each refused cleanly or applied whole`, async () => {
    const rand = prng(20261123);
    const dir = t.database.dir;
    const outcomes = { refused: 0, applied: 0 };
    const failures: string[] = [];
    for (let i = 0; i < CASES; i += 1) {
      const source = SOURCES[i % SOURCES.length] as string;
      const file = path.join(dir, `fuzz-${i}${path.extname(source)}`);
      fs.writeFileSync(file, mutate(fs.readFileSync(path.join(FIXTURES, source)), rand));
      const before = await ledgerState();
      try {
        const report = await asUserError(
          runImport(t.app, { file, fileName: path.basename(file), dryRun: false, actor: { username: 'fuzz', role: 'officer' }, origin: 'test', parser: i % 20 === 0 ? 'worker' : 'inline' }, new AbortController().signal, () => undefined),
        );
        const after = await ledgerState();
        outcomes.applied += 1;
        if (after.runs !== before.runs + 1 || after.bills.length !== before.bills.length + report.bills.inserted) failures.push(`${file}: partial apply`);
      } catch (err) {
        outcomes.refused += 1;
        if (!(err instanceof UserError)) failures.push(`${file}: ${err instanceof Error ? err.stack : String(err)}`);
        else if (!err.message.includes(path.basename(file))) failures.push(`${file}: message does not name the file: ${err.message}`);
        expect(await ledgerState()).toEqual(before);
      }
      fs.rmSync(file);
    }
    expect(failures).toEqual([]);
    expect(outcomes.refused + outcomes.applied).toBe(CASES);
    // Both outcomes must occur, or the mutations are too gentle or too harsh to test anything.
    expect(outcomes.refused).toBeGreaterThan(10);
    expect(outcomes.applied).toBeGreaterThan(10);
  }, 300_000);
});
