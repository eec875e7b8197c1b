import fs from 'node:fs';
import * as XLSX from 'xlsx';

/** A written report read back the way a test should judge it: with SheetJS, not the library that wrote it. */
export function readReport(file: string | Buffer): XLSX.WorkBook {
  const options: XLSX.ParsingOptions = { cellStyles: true, cellNF: true, cellDates: true, cellFormula: true };
  return XLSX.read(typeof file === 'string' ? fs.readFileSync(file) : file, { ...options, type: 'buffer' });
}

export function sheetOf(book: XLSX.WorkBook, name: string): XLSX.WorkSheet {
  const sheet = book.Sheets[name];
  if (!sheet) throw new Error(`no sheet "${name}" (have ${book.SheetNames.join(', ')})`);
  return sheet;
}

export function cell(sheet: XLSX.WorkSheet, address: string): XLSX.CellObject | undefined {
  return sheet[address] as XLSX.CellObject | undefined;
}

/** Every text in column A and beyond, row by row: for finding the title and signature blocks. */
export function allTexts(sheet: XLSX.WorkSheet): string[] {
  const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1');
  const out: string[] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    for (let c = range.s.c; c <= range.e.c; c++) {
      const v = sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      if (v?.t === 's') out.push(String(v.v));
    }
  }
  return out;
}

/** The 1-based row whose column A holds this text. */
export function rowWithLabel(sheet: XLSX.WorkSheet, label: string): number {
  const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1');
  for (let r = range.s.r; r <= range.e.r; r++) {
    const v = sheet[XLSX.utils.encode_cell({ r, c: 0 })] as XLSX.CellObject | undefined;
    if (v?.v === label) return r + 1;
  }
  throw new Error(`no row labelled "${label}"`);
}

/** Sums the numbers a SUM formula like `SUM(H7:H106)` covers, as Excel would. */
export function evaluateSum(sheet: XLSX.WorkSheet, formula: string): number {
  const m = /^SUM\(([A-Z]+\d+):([A-Z]+\d+)\)$/.exec(formula);
  if (!m) throw new Error(`not a plain SUM: ${formula}`);
  const range = XLSX.utils.decode_range(`${m[1]}:${m[2]}`);
  let sum = 0;
  for (let r = range.s.r; r <= range.e.r; r++) {
    for (let c = range.s.c; c <= range.e.c; c++) {
      const v = sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      if (v?.t === 'n') sum += v.v as number;
    }
  }
  return sum;
}

/** A part of the xlsx package as text (SheetJS keeps no model of panes or print setup). */
export function packagePart(file: Buffer, part: string): string {
  const entry = XLSX.CFB.find(XLSX.CFB.read(file, { type: 'buffer' }), `/${part}`);
  if (!entry?.content) throw new Error(`no part ${part}`);
  return Buffer.from(entry.content as Uint8Array).toString('utf8');
}

/** How many rows stay frozen above the scrolling part of a sheet, or null when none. */
export function frozenRows(file: Buffer, sheetIndex = 1): number | null {
  const xml = packagePart(file, `xl/worksheets/sheet${sheetIndex}.xml`);
  const pane = /<pane\b[^>]*>/.exec(xml)?.[0];
  if (!pane?.includes('state="frozen"')) return null;
  return Number(/ySplit="(\d+)"/.exec(pane)?.[1] ?? 0);
}

/** The print setup that matters to the treasurer: paper, orientation, fit to width, repeated rows. */
export function printSetup(file: Buffer, sheetIndex = 1): { paperSize: string | null; orientation: string | null; fitToWidth: string | null; printTitles: string | null } {
  const sheet = packagePart(file, `xl/worksheets/sheet${sheetIndex}.xml`);
  const setup = /<pageSetup\b[^>]*>/.exec(sheet)?.[0] ?? '';
  const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(setup)?.[1] ?? null;
  const titles = new RegExp(`<definedName name="_xlnm.Print_Titles" localSheetId="${sheetIndex - 1}">([^<]*)<`).exec(packagePart(file, 'xl/workbook.xml'));
  return { paperSize: attr('paperSize'), orientation: attr('orientation'), fitToWidth: attr('fitToWidth'), printTitles: titles?.[1]?.replace(/&apos;/g, "'") ?? null };
}
