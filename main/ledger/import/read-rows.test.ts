import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import type { SheetRow } from './cells.js';
import { ImportFileError } from './errors.js';
import { listSheets } from './list-sheets.js';
import { openSpreadsheet, readRows, type ReadOptions, type ReadProgress } from './read-rows.js';

const FIXTURES = fileURLToPath(new URL('../../../tests/fixtures/simpada/', import.meta.url));
const fixture = (name: string) => path.join(FIXTURES, name);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-read-rows-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function collect(file: string, options: ReadOptions = {}): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readRows(file, options)) rows.push(row);
  return rows;
}

async function failure(promise: Promise<unknown>): Promise<ImportFileError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ImportFileError) return err;
    throw err;
  }
  throw new Error('expected an ImportFileError');
}

describe('readRows on .xlsx (ExcelJS streaming)', () => {
  it('yields every sheet with row numbers as the officer sees them in Excel', async () => {
    const rows = await collect(fixture('simpada-messy.xlsx'));
    expect(rows.filter((r) => r.sheet === 'Sampul').map((r) => r.rowNumber)).toEqual([1, 2, 4, 5, 6]);
    const data = rows.filter((r) => r.sheet === 'Daftar Ketetapan');
    expect(data[0]).toEqual({ sheet: 'Daftar Ketetapan', rowNumber: 1, cells: ['BADAN PENGELOLA PAJAK DAERAH KABUPATEN OGAN KOMERING ILIR'] });
    expect(data.find((r) => r.rowNumber === 5)?.cells.slice(0, 3)).toEqual(['No', 'No. SKPD', 'NPWPD/NPWRD']);
  });

  it('reads date cells as floating dates, the same calendar date in any time zone', async () => {
    const original = process.env.TZ;
    try {
      for (const zone of ['Asia/Jakarta', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = zone;
        const row6 = (await collect(fixture('simpada-messy.xlsx'), { sheets: ['Daftar Ketetapan'] })).find((r) => r.rowNumber === 6);
        expect(row6?.cells[13]).toEqual(new Date(Date.UTC(2026, 7, 15)));
        expect(row6?.cells[16]).toEqual(new Date(Date.UTC(2026, 8, 10)));
      }
    } finally {
      process.env.TZ = original;
    }
  });

  it('yields a formula cell as its saved result', async () => {
    const row36 = (await collect(fixture('simpada-messy.xlsx'), { sheets: ['Daftar Ketetapan'] })).find((r) => r.rowNumber === 36);
    expect(row36?.cells[15]).toBe(6000);
  });

  it('drops trailing empty cells', async () => {
    const rows = await collect(fixture('simpada-messy.xlsx'), { sheets: ['Daftar Ketetapan'] });
    expect(rows.find((r) => r.rowNumber === 38)?.cells).toEqual(['Dicetak oleh: admin']);
  });

  it('reads only the sheets asked for, and refuses a sheet the file lacks', async () => {
    const rows = await collect(fixture('simpada-messy.xlsx'), { sheets: ['Sampul'] });
    expect(new Set(rows.map((r) => r.sheet))).toEqual(new Set(['Sampul']));
    const err = await failure(collect(fixture('simpada-messy.xlsx'), { sheets: ['Rekap'] }));
    expect(err.code).toBe('SHEET_NOT_FOUND');
    expect(err.message).toBe('Sheet "Rekap" is not in simpada-messy.xlsx. Its sheets: Sampul, Daftar Ketetapan.');
  });

  it("reports progress against each sheet's dimension and in bytes", async () => {
    const progress: ReadProgress[] = [];
    await collect(fixture('simpada-messy.xlsx'), { onProgress: (p) => progress.push(p), progressEvery: 10 });
    expect(progress.at(-1)).toMatchObject({ sheet: 'Daftar Ketetapan', rowsRead: 36, totalRows: 38 });
    expect(progress.find((p) => p.sheet === 'Sampul')).toMatchObject({ sheet: 'Sampul', rowsRead: 5, totalRows: 6 });
    // Compressed bytes of the parts read, for workbooks whose sheets state no dimension.
    expect(progress.at(-1)?.bytesRead).toBeGreaterThan(0);
    expect(progress.at(-1)?.bytesRead).toBe(progress.at(-1)?.totalBytes);
  });
});

describe('readRows on other formats', () => {
  it('reads an old .xls with SheetJS, dates as floating dates', async () => {
    const spreadsheet = await openSpreadsheet(fixture('simpada-messy.xls'));
    expect(spreadsheet.kind).toBe('xls');
    const rows = await collect(fixture('simpada-messy.xls'));
    expect(rows.find((r) => r.rowNumber === 6)?.cells.slice(13, 17)).toEqual([new Date(Date.UTC(2026, 7, 15)), 1250000, 0, new Date(Date.UTC(2026, 8, 10))]);
  });

  it.each(['ods', 'xlsb'] as const)('reads a .%s workbook through SheetJS', async (bookType) => {
    const sheet = XLSX.utils.aoa_to_sheet([['Kode Bayar', 'Pokok'], ['K1', 1250000]]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Data');
    const file = path.join(tmp, `book.${bookType}`);
    fs.writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType }) as Buffer);
    expect((await openSpreadsheet(file)).kind).toBe(bookType);
    expect((await collect(file)).map((r) => [r.sheet, r.rowNumber, r.cells])).toEqual([
      ['Data', 1, ['Kode Bayar', 'Pokok']],
      ['Data', 2, ['K1', 1250000]],
    ]);
  });

  it('reads an HTML table saved as .xls, keeping its text as printed', async () => {
    const spreadsheet = await openSpreadsheet(fixture('simpada-messy-html.xls'));
    expect(spreadsheet.kind).toBe('html');
    const rows = await collect(fixture('simpada-messy-html.xls'));
    expect(rows.find((r) => r.rowNumber === 7)?.cells.slice(13, 17)).toEqual(['15/08/2026', '1.250.000', '-', '10/09/2026']);
  });

  it('reads a semicolon CSV in Windows-1252', async () => {
    const spreadsheet = await openSpreadsheet(fixture('simpada-messy-1252.csv'));
    expect(spreadsheet.text).toEqual({ delimiter: ';', encoding: 'windows-1252' });
    expect(spreadsheet.sheets).toEqual([{ name: 'simpada-messy-1252', hidden: false, totalRows: null }]);
    const row33 = (await collect(fixture('simpada-messy-1252.csv'))).find((r) => r.rowNumber === 33);
    expect(row33?.cells.slice(3, 5)).toEqual(['RENÉ SIREGAR', 'CAFÉ BENGAWAN SOLO']);
  });

  it('reads a comma CSV in UTF-8 with a byte-order mark, quoted amounts included', async () => {
    const spreadsheet = await openSpreadsheet(fixture('simpada-messy-utf8-bom.csv'));
    expect(spreadsheet.text).toEqual({ delimiter: ',', encoding: 'utf-8' });
    const rows = await collect(fixture('simpada-messy-utf8-bom.csv'));
    expect(rows[0]?.cells[0]).toBe('BADAN PENGELOLA PAJAK DAERAH KABUPATEN OGAN KOMERING ILIR');
    expect(rows.find((r) => r.rowNumber === 9)?.cells[14]).toBe('Rp. 2.000.000,00');
    expect(rows.find((r) => r.rowNumber === 33)?.cells[3]).toBe('RENÉ SIREGAR');
  });

  it('reads tab-separated text in UTF-8 without a byte-order mark', async () => {
    expect((await openSpreadsheet(fixture('simpada-messy-tab.txt'))).text).toEqual({ delimiter: '\t', encoding: 'utf-8' });
  });

  it('numbers CSV rows by record, blank lines included, as Excel shows them', async () => {
    const rows = await collect(fixture('simpada-messy-1252.csv'));
    expect(rows.map((r) => r.rowNumber)).toEqual(Array.from({ length: 38 }, (_, i) => i + 1));
    expect(rows[3]?.cells).toEqual([]);
  });

  it('keeps separators and line breaks inside quoted CSV cells', async () => {
    const file = path.join(tmp, 'quoted.csv');
    fs.writeFileSync(file, 'Kode Bayar;Nama / Alamat;Pokok;Jatuh Tempo\r\nK1;"BUDI\nJl. Merdeka; No. 5";"1.250.000";10/09/2026\r\nK2;SITI;500000;10/09/2026\r\n');
    const rows = await collect(file);
    expect(rows.map((r) => [r.rowNumber, r.cells])).toEqual([
      [1, ['Kode Bayar', 'Nama / Alamat', 'Pokok', 'Jatuh Tempo']],
      [2, ['K1', 'BUDI\nJl. Merdeka; No. 5', '1.250.000', '10/09/2026']],
      [3, ['K2', 'SITI', '500000', '10/09/2026']],
    ]);
  });

  it('reads old Mac line endings (CR only) and unpadded title rows above a wider table', async () => {
    const file = path.join(tmp, 'mac.csv');
    fs.writeFileSync(file, 'DAFTAR KETETAPAN\rKode Bayar;NPWPD;Pokok;Jatuh Tempo\rK1;P.1;1000;10/09/2026\rK2;P.2;2000;10/09/2026;\r');
    expect((await collect(file)).map((r) => [r.rowNumber, r.cells])).toEqual([
      [1, ['DAFTAR KETETAPAN']],
      [2, ['Kode Bayar', 'NPWPD', 'Pokok', 'Jatuh Tempo']],
      [3, ['K1', 'P.1', '1000', '10/09/2026']],
      [4, ['K2', 'P.2', '2000', '10/09/2026']],
    ]);
  });

  it('reads UTF-16 "Unicode Text" from Excel, with or without a byte-order mark', async () => {
    const text = 'Kode Bayar\tNPWPD\tPokok\tJatuh Tempo\r\nK1\tP.1\t1250000\t10/09/2026\r\n';
    for (const [name, bytes] of [
      ['unicode-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
      ['unicode-nobom.txt', Buffer.from(text, 'utf16le')],
    ] as const) {
      fs.writeFileSync(path.join(tmp, name), bytes);
      const spreadsheet = await openSpreadsheet(path.join(tmp, name));
      expect(spreadsheet.text).toEqual({ delimiter: '\t', encoding: 'utf-16le' });
      expect((await collect(path.join(tmp, name)))[1]?.cells).toEqual(['K1', 'P.1', '1250000', '10/09/2026']);
    }
  });

  it('decides UTF-8 versus Windows-1252 by the whole file, not its start', async () => {
    const file = path.join(tmp, 'late-e-acute.csv');
    const lines = ['Kode Bayar;Nama WP;Pokok;Jatuh Tempo', ...Array.from({ length: 3000 }, (_, i) => `K${i};BUDI;1000;10/09/2026`), 'K9999;RENÉ;1000;10/09/2026'];
    fs.writeFileSync(file, Buffer.from(lines.join('\n'), 'latin1'));
    expect((await openSpreadsheet(file)).text?.encoding).toBe('windows-1252');
    expect((await collect(file)).at(-1)?.cells[1]).toBe('RENÉ');
  });

  it('reports CSV progress in bytes read of the whole file', async () => {
    const progress: ReadProgress[] = [];
    await collect(fixture('simpada-messy-1252.csv'), { onProgress: (p) => progress.push(p) });
    const size = fs.statSync(fixture('simpada-messy-1252.csv')).size;
    expect(progress.at(-1)).toEqual({ sheet: 'simpada-messy-1252', rowsRead: 38, totalRows: null, bytesRead: size, totalBytes: size });
  });

  it('judges a file by its content, not its name', async () => {
    fs.copyFileSync(fixture('simpada-messy.xlsx'), path.join(tmp, 'really-an-xlsx.csv'));
    fs.copyFileSync(fixture('simpada-messy-1252.csv'), path.join(tmp, 'really-a-csv.xlsx'));
    expect((await openSpreadsheet(path.join(tmp, 'really-an-xlsx.csv'))).kind).toBe('xlsx');
    expect((await openSpreadsheet(path.join(tmp, 'really-a-csv.xlsx'))).kind).toBe('csv');
  });
});

describe('cancellation', () => {
  it('stops with CANCELLED when the signal fires mid-file', async () => {
    const controller = new AbortController();
    let seen = 0;
    const err = await failure(
      (async () => {
        for await (const _ of readRows(fixture('simpada-messy.xlsx'), { signal: controller.signal })) if (++seen === 3) controller.abort();
      })(),
    );
    expect(err.code).toBe('CANCELLED');
    expect(seen).toBe(3);
  });

  it.each(['simpada-messy.xlsx', 'simpada-messy.xls', 'simpada-messy-1252.csv'])('does not start %s when already cancelled', async (name) => {
    const err = await failure(collect(fixture(name), { signal: AbortSignal.abort() }));
    expect(err.code).toBe('CANCELLED');
    expect(err.message_id).toBe(`Impor ${name} dibatalkan.`);
  });
});

describe('listSheets', () => {
  it('tells which sheets hold a recognisable header, for the officer to choose', async () => {
    const list = await listSheets(fixture('simpada-messy.xlsx'));
    expect(list.kind).toBe('xlsx');
    expect(list.sheets.map((s) => [s.name, s.hasHeader, s.headerRow, s.totalRows])).toEqual([
      ['Sampul', false, null, 6],
      ['Daftar Ketetapan', true, 5, 38],
    ]);
    const data = list.sheets[1];
    expect(data?.mapping?.missingRequired).toEqual([]);
    expect(data?.header?.slice(0, 3)).toEqual(['No', 'No. SKPD', 'NPWPD/NPWRD']);
    expect(data?.sample).toHaveLength(5);
    expect(data?.sample[0]?.slice(1, 4)).toEqual(['160226070000101', 'P.2.0100001.16.02', 'BUDI SANTOSO']);
  });

  it('shows the missing required columns of an incomplete header', async () => {
    const list = await listSheets(fixture('bad/missing-due-date.xlsx'));
    expect(list.sheets[0]?.mapping?.missingRequired.map((m) => m.id)).toEqual(['Jatuh Tempo']);
  });

  it('lists a CSV as one sheet named after the file', async () => {
    const list = await listSheets(fixture('simpada-messy-utf8-bom.csv'));
    expect(list.sheets.map((s) => [s.name, s.hasHeader, s.headerRow])).toEqual([['simpada-messy-utf8-bom', true, 5]]);
  });
});
