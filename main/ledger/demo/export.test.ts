import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { SnapshotBill } from '../snapshot.js';
import { writeSimpadaExport } from './export.js';
import { generateDemo } from './generate.js';
import { COLUMNS } from './simpada-layout.js';

const TODAY = '2026-11-23';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-export-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const bills = [...generateDemo({ taxpayers: 40, seed: 3, today: TODAY })];
const sum = (list: SnapshotBill[], key: 'principal' | 'penalty') => list.reduce((s, b) => s + b[key], 0);

async function* slowly(list: SnapshotBill[]): AsyncGenerator<SnapshotBill> {
  for (const bill of list) yield bill;
}

describe('a SIMPADA-style xlsx export', () => {
  it('has the title rows, a blank row, the header, typed cells and a JUMLAH row', async () => {
    const file = path.join(dir, 'daftar.xlsx');
    const result = await writeSimpadaExport(slowly(bills), file, { printedOn: TODAY });
    expect(result).toMatchObject({ format: 'xlsx', rows: bills.length, principal: sum(bills, 'principal'), penalty: sum(bills, 'penalty') });
    expect(fs.existsSync(`${file}.part`)).toBe(false);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect([1, 2, 3, 4].map((r) => sheet.getCell(r, 1).value)).toEqual([
      'PEMERINTAH KABUPATEN OGAN KOMERING ILIR',
      'BADAN PENGELOLA PAJAK DAERAH',
      'DAFTAR KETETAPAN PAJAK',
      'Dicetak: 23/11/2026',
    ]);
    expect(sheet.getRow(5).cellCount).toBe(0);
    expect((sheet.getRow(6).values as unknown[]).slice(1)).toEqual(COLUMNS.map((c) => c.header));

    const first = sheet.getRow(7);
    const bill = bills[0] as SnapshotBill;
    expect(first.getCell(12).value).toBe(bill.kodeBayar);
    expect(first.getCell(13).value).toBe(bill.principal);
    expect(first.getCell(13).numFmt).toBe('#,##0');
    expect(first.getCell(15).value).toEqual(new Date(`${bill.dueDate}T00:00:00Z`));
    expect(first.getCell(15).numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(17).value).toBe(bill.status === 'paid' ? 'LUNAS' : 'BELUM LUNAS');

    const total = sheet.getRow(7 + bills.length);
    expect(total.getCell(1).value).toBe('JUMLAH');
    let pokok = 0;
    for (let r = 7; r < 7 + bills.length; r++) pokok += sheet.getCell(r, 13).value as number;
    expect(total.getCell(13).value).toBe(pokok);
    expect(pokok).toBe(sum(bills, 'principal'));
  });

  it('keeps a phone that lost its leading zero as the number cell it was', async () => {
    const file = path.join(dir, 'phone.xlsx');
    const bill = { ...(bills[0] as SnapshotBill), rawPhone: '81234567890' };
    await writeSimpadaExport([bill], file, { printedOn: TODAY });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets[0]?.getCell(7, 18).value).toBe(81234567890);
  });

  it('stops after --rows bills', async () => {
    const file = path.join(dir, 'ten.xlsx');
    const result = await writeSimpadaExport(bills, file, { printedOn: TODAY, rows: 10 });
    expect(result.rows).toBe(10);
    expect(result.principal).toBe(sum(bills.slice(0, 10), 'principal'));
  });
});

describe('a SIMPADA-style CSV export', () => {
  it('is UTF-8 with a BOM, semicolon-separated, with Indonesian amounts and dates', async () => {
    const file = path.join(dir, 'daftar.csv');
    const odd = { ...(bills[0] as SnapshotBill), namaWp: 'Warung "Cek Ani"; Kayuagung', principal: 1_250_000, dueDate: '2026-08-31' };
    await writeSimpadaExport([odd, ...bills.slice(1)], file, { printedOn: TODAY });
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFFPEMERINTAH KABUPATEN OGAN KOMERING ILIR\r\n')).toBe(true);
    const records = parse(text, { bom: true, delimiter: ';', relax_column_count: true, skip_empty_lines: false }) as string[][];
    expect(records.slice(0, 6).map((r) => r[0])).toEqual(['PEMERINTAH KABUPATEN OGAN KOMERING ILIR', 'BADAN PENGELOLA PAJAK DAERAH', 'DAFTAR KETETAPAN PAJAK', 'Dicetak: 23/11/2026', '', 'No']);
    expect(records[5]).toEqual(COLUMNS.map((c) => c.header));
    expect(records[6]?.slice(2, 3)).toEqual(['Warung "Cek Ani"; Kayuagung']);
    expect(records[6]?.[12]).toBe('1.250.000');
    expect(records[6]?.[14]).toBe('31/08/2026');
    const total = records[records.length - 1] as string[];
    expect(total[0]).toBe('JUMLAH');
    const amounts = records.slice(6, -1).map((r) => Number((r[12] as string).replace(/\./g, '')));
    expect(Number((total[12] as string).replace(/\./g, ''))).toBe(amounts.reduce((a, b) => a + b, 0));
  });

  it('refuses a file that is neither .xlsx nor .csv and leaves nothing behind', async () => {
    await expect(writeSimpadaExport(bills, path.join(dir, 'daftar.xls'), { printedOn: TODAY })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(fs.readdirSync(dir).some((f) => f.endsWith('.part'))).toBe(false);
  });
});
