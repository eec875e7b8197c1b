import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import type { SheetRow } from './cells.js';
import { listSheets } from './list-sheets.js';
import { readRows } from './read-rows.js';
import { readZipDirectory, readZipEntry } from './zip-directory.js';

/** Workbooks as other generators write them: the reader must not depend on ExcelJS's own habits. */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-read-xlsx-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function collect(file: string): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readRows(file)) rows.push(row);
  return rows;
}

async function workbook(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Rewrites an .xlsx with other part names and patched XML, as another generator might. */
async function repackage(source: string, name: string, rename: Record<string, string>, patch: (part: string, xml: string) => string): Promise<string> {
  const handle = await fs.promises.open(source);
  const entries = await readZipDirectory(handle, (await handle.stat()).size);
  const container = XLSX.CFB.utils.cfb_new();
  for (const entry of entries.filter((e) => !e.name.endsWith('/')).reverse()) {
    const content = (await readZipEntry(handle, entry)).toString('utf8');
    XLSX.CFB.utils.cfb_add(container, `/${rename[entry.name] ?? entry.name}`, Buffer.from(patch(entry.name, content)));
  }
  await handle.close();
  const file = path.join(tmp, name);
  fs.writeFileSync(file, XLSX.CFB.write(container, { type: 'buffer', fileType: 'zip', compression: true }) as Buffer);
  return file;
}

describe('reading .xlsx written by other generators', () => {
  it('finds sheets under any part name, in any order in the archive, with their own names', async () => {
    const source = await workbook('plain.xlsx', (wb) => {
      wb.addWorksheet('Daftar').addRows([['Kode Bayar'], ['K1']]);
      wb.addWorksheet('Rekap').addRows([['Total'], [1]]);
    });
    const file = await repackage(
      source,
      'renamed.xlsx',
      { 'xl/worksheets/sheet1.xml': 'xl/worksheets/daftar_ketetapan.xml', 'xl/worksheets/sheet2.xml': 'xl/data/rekap.xml' },
      (part, xml) =>
        part === 'xl/_rels/workbook.xml.rels'
          ? xml.replace('worksheets/sheet1.xml', '/xl/worksheets/daftar_ketetapan.xml').replace('worksheets/sheet2.xml', 'data/rekap.xml')
          : part === '[Content_Types].xml'
            ? xml.replace('/xl/worksheets/sheet1.xml', '/xl/worksheets/daftar_ketetapan.xml').replace('/xl/worksheets/sheet2.xml', '/xl/data/rekap.xml')
            : xml,
    );
    expect((await collect(file)).map((r) => [r.sheet, r.rowNumber, r.cells])).toEqual([
      ['Daftar', 1, ['Kode Bayar']],
      ['Daftar', 2, ['K1']],
      ['Rekap', 1, ['Total']],
      ['Rekap', 2, [1]],
    ]);
  });

  it('reads inline strings when the workbook has no shared-string table', async () => {
    const file = path.join(tmp, 'inline.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const sheet = writer.addWorksheet('Data');
    sheet.addRow(['Kode Bayar', 'Nama WP']).commit();
    sheet.addRow(['K1', 'BUDI']).commit();
    await writer.commit();
    expect((await collect(file)).map((r) => r.cells)).toEqual([['Kode Bayar', 'Nama WP'], ['K1', 'BUDI']]);
  });

  it('reads dates of a workbook in the 1904 date system as the dates Excel shows', async () => {
    const file = await workbook('date1904.xlsx', (wb) => {
      wb.properties.date1904 = true;
      const sheet = wb.addWorksheet('Data');
      sheet.addRow(['Jatuh Tempo']);
      sheet.addRow([new Date(Date.UTC(2026, 7, 31))]).getCell(1).numFmt = 'dd/mm/yyyy';
    });
    const rows = await collect(file);
    expect(rows[1]?.cells[0]).toEqual(new Date(Date.UTC(2026, 7, 31)));
  });

  it('reads a date-formatted formula result as a date', async () => {
    const file = await workbook('formula-date.xlsx', (wb) => {
      const sheet = wb.addWorksheet('Data');
      sheet.addRow([new Date(Date.UTC(2026, 7, 1)), { formula: 'A1+30', result: 46265 }]);
      sheet.getCell('B1').numFmt = 'dd/mm/yyyy';
    });
    expect((await collect(file))[0]?.cells[1]).toEqual(new Date(Date.UTC(2026, 7, 31)));
  });

  it('reads rich text as its plain text and an error cell as its code', async () => {
    const file = await workbook('rich.xlsx', (wb) => {
      wb.addWorksheet('Data').addRow([{ richText: [{ text: 'BUDI ' }, { font: { bold: true }, text: 'SANTOSO' }] }, { error: '#N/A' }]);
    });
    expect((await collect(file))[0]?.cells).toEqual(['BUDI SANTOSO', '#N/A']);
  });

  it('reports hidden sheets', async () => {
    const file = await workbook('hidden.xlsx', (wb) => {
      wb.addWorksheet('Data').addRow(['Kode Bayar', 'NPWPD', 'Pokok', 'Jatuh Tempo']);
      wb.addWorksheet('Lookup', { state: 'hidden' }).addRow(['x']);
    });
    expect((await listSheets(file)).sheets.map((s) => [s.name, s.hidden, s.hasHeader])).toEqual([
      ['Data', false, true],
      ['Lookup', true, false],
    ]);
  });
});
