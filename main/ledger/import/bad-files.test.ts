import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportFileError, type ImportFileErrorCode } from './errors.js';
import { listSheets } from './list-sheets.js';
import { parseExport } from './parse-export.js';

const FIXTURES = fileURLToPath(new URL('../../../tests/fixtures/simpada/', import.meta.url));
const fixture = (name: string) => path.join(FIXTURES, name);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sipeka-bad-files-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function failure(promise: Promise<unknown>): Promise<ImportFileError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ImportFileError);
    return err as ImportFileError;
  }
  throw new Error('expected an ImportFileError');
}

describe('refusing bad files with a clear ImportFileError', () => {
  it.each<[string, ImportFileErrorCode, string, string]>([
    ['bad/empty.xlsx', 'EMPTY_FILE', 'Berkas empty.xlsx kosong (0 bita). Ekspor ulang laporan dari SIMPADA.', 'The file empty.xlsx is empty (0 bytes). Export the report from SIMPADA again.'],
    ['bad/laporan-pdf.xlsx', 'NOT_A_SPREADSHEET', 'Berkas laporan-pdf.xlsx adalah berkas PDF, bukan ekspor Excel atau CSV dari SIMPADA.', 'laporan-pdf.xlsx is a PDF file, not an Excel or CSV export from SIMPADA.'],
    ['bad/word-document.xls', 'NOT_A_SPREADSHEET', 'Berkas word-document.xls adalah berkas Word, bukan ekspor Excel atau CSV dari SIMPADA.', 'word-document.xls is a Word file, not an Excel or CSV export from SIMPADA.'],
    ['bad/corrupt-zip.xlsx', 'CORRUPT_FILE', 'Berkas corrupt-zip.xlsx rusak atau tidak lengkap (the end of the ZIP archive is missing). Unduh ulang ekspor dari SIMPADA.', 'The file corrupt-zip.xlsx is damaged or incomplete (the end of the ZIP archive is missing). Download the export from SIMPADA again.'],
    ['bad/zip-not-workbook.xlsx', 'NOT_A_WORKBOOK', 'Berkas zip-not-workbook.xlsx adalah arsip ZIP, bukan buku kerja Excel. Ekstrak isinya atau ekspor ulang dari SIMPADA.', 'zip-not-workbook.xlsx is a ZIP archive, not an Excel workbook. Extract it or export the report from SIMPADA again.'],
    ['bad/encrypted.xlsx', 'ENCRYPTED', 'Berkas encrypted.xlsx dilindungi kata sandi. Buka di Excel, hapus kata sandinya, simpan, lalu impor lagi.', 'encrypted.xlsx is password-protected. Open it in Excel, remove the password, save it and import again.'],
    ['bad/binary-garbage.csv', 'BINARY_CONTENT', 'Berkas binary-garbage.csv bukan teks CSV yang dapat dibaca: ada data biner atau pengodean tak dikenal di baris 2.', 'binary-garbage.csv is not a readable CSV text: binary data or an unknown encoding at line 2.'],
    ['bad/no-header.xlsx', 'NO_HEADER', 'Baris judul kolom (mis. Kode Bayar, NPWPD, Pokok, Jatuh Tempo) tidak ditemukan di 30 baris pertama lembar "Data" pada no-header.xlsx.', 'No column header row (e.g. Kode Bayar, NPWPD, Pokok, Jatuh Tempo) in the first 30 rows of sheet "Data" in no-header.xlsx.'],
    ['bad/missing-due-date.xlsx', 'MISSING_COLUMNS', 'Lembar "Data" di missing-due-date.xlsx tidak memiliki kolom wajib: Jatuh Tempo. Petakan kolomnya atau ekspor ulang laporan yang lengkap.', 'Sheet "Data" in missing-due-date.xlsx lacks required columns: Due date (Jatuh Tempo). Map the columns or export the complete report again.'],
    ['bad/formula-no-cache.xlsx', 'FORMULA_WITHOUT_VALUE', 'Sel D3 pada lembar "Data" di formula-no-cache.xlsx berisi rumus tanpa nilai tersimpan. Buka berkas di Excel, simpan ulang, lalu impor lagi.', 'Cell D3 of sheet "Data" in formula-no-cache.xlsx holds a formula without a saved value. Open the file in Excel, save it again and import again.'],
  ])('refuses %s with %s, in Indonesian and English', async (name, code, id, en) => {
    const err = await failure(parseExport(fixture(name)));
    expect(err.code).toBe(code);
    expect(err.message_id).toBe(id);
    expect(err.message_en).toBe(en);
  });

  it('names the file as the officer uploaded it, not the temporary copy', async () => {
    const err = await failure(parseExport(fixture('bad/laporan-pdf.xlsx'), { fileName: 'Daftar Tunggakan Agustus.xlsx' }));
    expect(err.message).toBe('Daftar Tunggakan Agustus.xlsx is a PDF file, not an Excel or CSV export from SIMPADA.');
  });

  it('refuses a file that does not exist, or a folder', async () => {
    expect((await failure(parseExport(path.join(tmp, 'nothing.xlsx')))).code).toBe('FILE_NOT_FOUND');
    expect((await failure(parseExport(tmp))).code).toBe('FILE_UNREADABLE');
  });

  it('refuses before reading rows when a chosen sheet lacks a required column', async () => {
    const err = await failure(parseExport(fixture('bad/missing-due-date.xlsx'), { sheets: ['Data'] }));
    expect(err.params).toMatchObject({ sheet: 'Data', columns_id: 'Jatuh Tempo' });
  });

  it('refuses a chosen sheet without a header, even when another sheet has one', async () => {
    const err = await failure(parseExport(fixture('simpada-messy.xlsx'), { sheets: ['Sampul'] }));
    expect(err.code).toBe('NO_HEADER');
    expect(err.params.sheets).toBe('"Sampul"');
  });

  it('lists the sheets of a damaged file no better than it parses it', async () => {
    expect((await failure(listSheets(fixture('bad/encrypted.xlsx')))).code).toBe('ENCRYPTED');
  });

  it('crosses a worker-thread boundary as plain data', () => {
    const err = new ImportFileError('EMPTY_FILE', { file: 'a.xlsx' });
    const copy = ImportFileError.fromJSON(structuredClone(err.toJSON()));
    expect(copy).toBeInstanceOf(ImportFileError);
    expect([copy.code, copy.message_id, copy.message_en]).toEqual([err.code, err.message_id, err.message_en]);
  });
});

describe('giant cells', () => {
  async function workbookWithCell(file: string, text: string) {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(['Kode Bayar', 'NPWPD', 'Nama WP', 'Pokok', 'Jatuh Tempo']);
    sheet.addRow(['K1', 'P.1', 'BUDI', 1000, '10/09/2026']);
    sheet.addRow(['K2', 'P.2', text, 1000, '10/09/2026']);
    await workbook.xlsx.writeFile(file);
  }

  it('accepts a cell of exactly 32,767 characters, Excel’s own limit', async () => {
    const file = path.join(tmp, 'limit.xlsx');
    await workbookWithCell(file, 'A'.repeat(32_767));
    expect((await parseExport(file)).billCount).toBe(2);
  });

  it('refuses a longer cell, naming its sheet and address', async () => {
    const file = path.join(tmp, 'long-cell.xlsx');
    await workbookWithCell(file, 'A'.repeat(40_000));
    const err = await failure(parseExport(file));
    expect(err.code).toBe('CELL_TOO_LARGE');
    expect(err.message).toBe('Cell C3 of sheet "Data" in long-cell.xlsx holds 40000 characters; Excel allows at most 32767.');
  });

  it('refuses a 50 MB cell in an .xlsx without falling over', async () => {
    const file = path.join(tmp, 'fifty-mb-cell.xlsx');
    await workbookWithCell(file, 'x'.repeat(50 * 1024 * 1024));
    const err = await failure(parseExport(file));
    expect(err.code).toBe('CELL_TOO_LARGE');
    expect(err.params).toMatchObject({ cell: 'C3', sheet: 'Data', length: 50 * 1024 * 1024 });
  }, 60_000);

  it('refuses a 50 MB cell in a CSV before buffering it whole', async () => {
    const file = path.join(tmp, 'fifty-mb-cell.csv');
    const handle = fs.openSync(file, 'w');
    fs.writeSync(handle, 'Kode Bayar;NPWPD;Nama WP;Pokok;Jatuh Tempo\nK1;P.1;BUDI;1000;10/09/2026\nK2;P.2;');
    const chunk = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 50; i++) fs.writeSync(handle, chunk);
    fs.writeSync(handle, ';1000;10/09/2026\n');
    fs.closeSync(handle);
    const err = await failure(parseExport(file));
    expect(err.code).toBe('CELL_TOO_LARGE');
    expect(err.params).toMatchObject({ sheet: 'fifty-mb-cell', cell: 'C3' });
  }, 60_000);

  it('refuses a CSV cell over the limit with its exact length', async () => {
    const file = path.join(tmp, 'long-cell.csv');
    fs.writeFileSync(file, `Kode Bayar;NPWPD;Nama WP;Pokok;Jatuh Tempo\nK1;P.1;${'y'.repeat(40_000)};1000;10/09/2026\n`);
    expect((await failure(parseExport(file))).message).toBe('Cell C2 of sheet "long-cell" in long-cell.csv holds 40000 characters; Excel allows at most 32767.');
  });

  it('refuses an unclosed quote that would swallow the rest of the file', async () => {
    const file = path.join(tmp, 'unclosed.csv');
    fs.writeFileSync(file, `Kode Bayar;NPWPD;Nama WP;Pokok;Jatuh Tempo\nK1;"P.1;BUDI;1000;10/09/2026\n`);
    const err = await failure(parseExport(file));
    expect(err.code).toBe('CSV_MALFORMED');
    expect(err.params.row).toBe(2);
  });
});
