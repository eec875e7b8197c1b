import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allTexts, cell, evaluateSum, frozenRows, printSetup, readReport, rowWithLabel, sheetOf } from '../../tests/integration/reports-read-back.js';
import type { ReportContext, ReportDefinition, ReportRow } from './report.js';
import { HEADER_ROW, RUPIAH_FORMAT, writeReport } from './write-report.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-report-'));
afterAll(() => { if (!process.env.KEEP) fs.rmSync(dir, { recursive: true, force: true }); });

const ctx: ReportContext = {
  agencyName: 'Badan Pengelola Pajak Daerah Kabupaten Ogan Komering Ilir',
  kabupaten: 'Ogan Komering Ilir',
  headName: 'Drs. H. Ahmad Yani, M.Si',
  headNip: '196805121990031004',
  treasurerName: 'Siti Rahmawati, S.E.',
  treasurerNip: '198203142006042011',
  timeZone: 'Asia/Jakarta',
  now: new Date('2026-11-23T07:05:00Z'),
  today: '2026-11-23',
};

function definition(rows: ReportRow[] | AsyncIterable<ReportRow>): ReportDefinition {
  return {
    name: 'sample',
    title: { id: 'Daftar Contoh', en: 'Sample list' },
    period: 'November 2026',
    tables: [
      {
        sheetName: 'Contoh',
        columns: [
          { key: 'no', header: 'No', kind: 'integer' },
          { key: 'name', header: 'Nama WP', kind: 'text' },
          { key: 'due', header: 'Jatuh Tempo', kind: 'date' },
          { key: 'principal', header: 'Pokok', kind: 'rupiah', total: true },
          { key: 'penalty', header: 'Denda', kind: 'rupiah', total: true },
          { key: 'total', header: 'Jumlah', kind: 'rupiah', total: true, sumOf: ['principal', 'penalty'] },
        ],
        rows,
        notes: (range) => [{ label: 'Banyak tagihan', value: range.rows, kind: 'integer', formula: range.range('no') ? `COUNT(${range.range('no')})` : undefined }],
      },
    ],
  };
}

async function* generated(n: number): AsyncIterable<ReportRow> {
  for (let i = 1; i <= n; i++) yield { no: i, name: `WP ${i}`, due: '2026-10-10', principal: i * 1000, penalty: i * 10 };
}

describe('writeReport', () => {
  it('writes Rupiah as numbers in the "Rp" format and dates as date cells under a frozen, filtered header', async () => {
    const file = path.join(dir, 'a.xlsx');
    await writeReport(definition([{ no: 1, name: 'RM Sederhana', due: '2026-10-10', principal: 1_250_000, penalty: 25_000 }]), ctx, { file });
    const book = readReport(file);
    const sheet = sheetOf(book, 'Contoh');
    const first = HEADER_ROW + 1;
    expect(cell(sheet, `D${first}`)).toMatchObject({ t: 'n', v: 1_250_000, z: RUPIAH_FORMAT });
    const due = cell(sheet, `C${first}`);
    expect(due?.t).toBe('d');
    expect((due?.v as Date).toISOString().slice(0, 10)).toBe('2026-10-10');
    expect(cell(sheet, `F${first}`)).toMatchObject({ f: `SUM(D${first}:E${first})`, v: 1_275_000 });
    expect(sheet['!autofilter']?.ref).toBe(`A${HEADER_ROW}:F${first}`);
    expect(frozenRows(fs.readFileSync(file))).toBe(HEADER_ROW);
    expect(cell(sheet, `B${HEADER_ROW}`)?.v).toBe('Nama WP');
    expect(fs.existsSync(`${file}.part`)).toBe(false);
  });

  it('prints on A4 landscape, one page wide, with the header row on every page', async () => {
    const file = path.join(dir, 'p.xlsx');
    await writeReport(definition(generated(3)), ctx, { file });
    expect(printSetup(fs.readFileSync(file))).toEqual({ paperSize: '9', orientation: 'landscape', fitToWidth: '1', printTitles: `'Contoh'!$${HEADER_ROW}:$${HEADER_ROW}` });
  });

  it('totals with SUM formulas that cover exactly the data rows', async () => {
    const file = path.join(dir, 'b.xlsx');
    const result = await writeReport(definition(generated(450)), ctx, { file });
    const sheet = sheetOf(readReport(file), 'Contoh');
    const totalsRow = rowWithLabel(sheet, 'JUMLAH');
    expect(totalsRow).toBe(HEADER_ROW + 451);
    const expected = (450 * 451) / 2;
    for (const [col, factor] of [['D', 1000], ['E', 10], ['F', 1010]] as const) {
      const total = cell(sheet, `${col}${totalsRow}`)!;
      expect(total.f).toBe(`SUM(${col}${HEADER_ROW + 1}:${col}${HEADER_ROW + 450})`);
      expect(evaluateSum(sheet, total.f!)).toBe(expected * factor);
      expect(total.v).toBe(expected * factor);
      expect(total.z).toBe(RUPIAH_FORMAT);
    }
    expect(result.tables[0]).toMatchObject({ rows: 450, totals: { principal: expected * 1000, penalty: expected * 10, total: expected * 1010 } });
    expect(cell(sheet, `D${totalsRow + 2}`)).toMatchObject({ f: `COUNT(A${HEADER_ROW + 1}:A${HEADER_ROW + 450})`, v: 450 });
  });

  it('prints the title block and the signature block from the settings', async () => {
    const file = path.join(dir, 'c.xlsx');
    await writeReport(definition([]), ctx, { file });
    const sheet = sheetOf(readReport(file), 'Contoh');
    expect(cell(sheet, 'A1')?.v).toBe('BADAN PENGELOLA PAJAK DAERAH KABUPATEN OGAN KOMERING ILIR');
    expect(cell(sheet, 'A2')?.v).toBe('DAFTAR CONTOH');
    expect(cell(sheet, 'A3')?.v).toBe('Periode: November 2026');
    expect(cell(sheet, 'A4')?.v).toBe('Dicetak: 23/11/2026 14.05 WIB');
    const texts = allTexts(sheet);
    for (const line of [
      'Mengetahui,',
      'Kepala Badan Pengelola Pajak Daerah Kabupaten Ogan Komering Ilir',
      'Ogan Komering Ilir, 23 November 2026',
      'Bendahara Penerimaan',
      'Drs. H. Ahmad Yani, M.Si',
      'NIP. 196805121990031004',
      'Siti Rahmawati, S.E.',
      'NIP. 198203142006042011',
    ]) expect(texts).toContain(line);
  });

  it('keeps formula-like names as inert text', async () => {
    const file = path.join(dir, 'd.xlsx');
    const names = ['=HYPERLINK("http://x","y")', '+6281234567890', '-5', '@SUM(A1)'];
    await writeReport(definition(names.map((name, i) => ({ no: i + 1, name, due: null, principal: 1, penalty: 0 }))), ctx, { file });
    const sheet = sheetOf(readReport(file), 'Contoh');
    names.forEach((name, i) => {
      const c = cell(sheet, `B${HEADER_ROW + 1 + i}`)!;
      expect(c.t).toBe('s');
      expect(c.f).toBeUndefined();
      expect(c.v).toBe(`'${name}`);
      expect(String(c.v)).not.toMatch(/^[=+\-@]/);
    });
  });

  it('leaves no file behind when the report is cancelled', async () => {
    const file = path.join(dir, 'e.xlsx');
    const controller = new AbortController();
    controller.abort();
    await expect(writeReport(definition(generated(3000)), ctx, { file }, { signal: controller.signal })).rejects.toThrow();
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(`${file}.part`)).toBe(false);
  });
});
