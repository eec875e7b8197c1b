import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/errors.js';
import { readStatement } from './read-statement.js';
import { parseMappingText } from './statement-profiles.js';

const FIXTURES = path.resolve(__dirname, '../../../tests/fixtures/statements');
const fixture = (name: string) => path.join(FIXTURES, name);

function tempFile(name: string, text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-statement-test-')), name);
  fs.writeFileSync(file, text);
  return file;
}

async function failure(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('expected the statement to be refused');
}

describe('readStatement', () => {
  it('reads the xlsx statement under its letterhead, skipping the opening balance and the total', async () => {
    const s = await readStatement(fixture('bank-sumsel-2026-11-30.xlsx'), { fileName: 'rk.xlsx' });
    expect(s.headerRow).toBe(6);
    expect(s.lines).toHaveLength(8);
    expect(s.lines[0]).toMatchObject({ rowNumber: 8, date: '2026-11-30', description: 'TRF BSB TRXA0001 PBJT MAKMIN', reference: 'FT26334001', direction: 'C', amount: 1_250_000 });
    expect(s.lines[7]).toMatchObject({ description: 'BIAYA ADMINISTRASI', direction: 'D', amount: 5_000 });
  });

  it('reads the semicolon CSV with a Mutasi column and a D/K flag as the same lines as the xlsx', async () => {
    const csv = await readStatement(fixture('bank-sumsel-2026-11-30.csv'), { fileName: 'rk.csv' });
    const xlsx = await readStatement(fixture('bank-sumsel-2026-11-30.xlsx'), { fileName: 'rk.xlsx' });
    const essence = (lines: typeof csv.lines) => lines.map(({ date, description, reference, direction, amount, key }) => ({ date, description, reference, direction, amount, key }));
    expect(essence(csv.lines)).toEqual(essence(xlsx.lines));
  });

  it('reads a flag written inside the amount and a minus as money out', async () => {
    const file = tempFile('bca.csv', 'Tanggal,Keterangan,Jumlah,Saldo\n01/12/2026,SETORAN 320101000001,"1,250,000.00 CR","2,000,000.00"\n01/12/2026,TARIK TUNAI,"-50,000.00","1,950,000.00"\n');
    const s = await readStatement(file, { fileName: 'bca.csv' });
    expect(s.lines.map((l) => [l.direction, l.amount])).toEqual([
      ['C', 1_250_000],
      ['D', 50_000],
    ]);
  });

  it('names file, row, column and value of an unreadable amount', async () => {
    const err = await failure(readStatement(fixture('bad-amount.csv'), { fileName: 'bad-amount.csv' }));
    expect(err.code).toBe('STATEMENT_BAD_CELL');
    expect(err.params).toMatchObject({ file: 'bad-amount.csv', row: 3, column: 'D', header: 'Mutasi', value: '4S0.000,00' });
    expect(err.message).toContain('bad-amount.csv, row 3, column D');
  });

  it('gives the same key to the same line in a later overlapping statement, and different keys to two identical transfers', async () => {
    const one = tempFile('a.csv', 'Tanggal;Keterangan;Kredit\n01/12/2026;TRF 1;100.000\n');
    const two = tempFile('b.csv', 'Tanggal;Keterangan;Kredit\n01/12/2026;TRF 1;100.000\n01/12/2026;TRF 1;100.000\n02/12/2026;TRF 2;5.000\n');
    const [a, b] = [await readStatement(one, { fileName: 'a.csv' }), await readStatement(two, { fileName: 'b.csv' })];
    expect(b.lines[0]!.key).toBe(a.lines[0]!.key);
    expect(b.lines[1]!.key).not.toBe(b.lines[0]!.key);
  });

  it('uses the mapping the treasurer gives when the header is the bank’s own words', async () => {
    const file = tempFile('odd.csv', 'Hari;Catatan;Masuk\n01/12/2026;SETORAN;100.000\n');
    const err = await failure(readStatement(file, { fileName: 'odd.csv' }));
    expect(err.code).toBe('STATEMENT_NO_HEADER');
    const s = await readStatement(file, { fileName: 'odd.csv', mapping: parseMappingText('A=tanggal,B=keterangan,C=kredit') });
    expect(s.lines).toMatchObject([{ date: '2026-12-01', description: 'SETORAN', amount: 100_000, direction: 'C' }]);
  });

  it('refuses a header without a credit column, naming what is missing', async () => {
    const file = tempFile('nocredit.csv', 'Tanggal;Keterangan;Referensi;Saldo\n01/12/2026;X;Y;1\n');
    const err = await failure(readStatement(file, { fileName: 'nocredit.csv' }));
    expect(err.code).toBe('STATEMENT_MISSING_COLUMNS');
    expect(err.params.columns).toBe('kredit/credit');
  });
});

describe('parseMappingText', () => {
  it('reads column letters or numbers and Indonesian or English field names', () => {
    expect(parseMappingText('A=tanggal, 2=description,E=kredit')).toEqual({ date: 0, description: 1, credit: 4 });
  });

  it('refuses an unknown field', () => {
    expect(() => parseMappingText('A=nama')).toThrow(UserError);
  });
});
