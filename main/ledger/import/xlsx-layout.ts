import type { FileHandle } from 'node:fs/promises';
import { peekZipEntry, readZipEntry, ZipFormatError, type ZipEntry } from './zip-directory.js';

/**
 * The sheets of an .xlsx as the workbook lists them, read from the archive's directory before
 * streaming: names and order for listSheets, the zip path ExcelJS will report each sheet by,
 * and the row total Excel wrote into each sheet's `<dimension>` (absent in files written by
 * streaming writers, so progress then has no total).
 */
export interface XlsxSheetLayout {
  name: string;
  hidden: boolean;
  /** The sheet's part in the archive, e.g. `xl/worksheets/sheet1.xml`. */
  path: string;
  totalRows: number | null;
}

export interface XlsxLayout {
  sheets: XlsxSheetLayout[];
  /** Mac Excel's old date system: serials count from 1904. */
  date1904: boolean;
}

export type ZipContent = 'xlsx' | 'xlsb' | 'ods' | 'other';

export function classifyZip(entries: ZipEntry[]): ZipContent {
  const names = new Set(entries.map((e) => e.name));
  if (names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('xl/workbook.bin')) return 'xlsb';
  if (names.has('content.xml') && names.has('mimetype')) return 'ods';
  return 'other';
}

export async function readXlsxLayout(handle: FileHandle, entries: ZipEntry[]): Promise<XlsxLayout> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const workbook = byName.get('xl/workbook.xml');
  if (!workbook) throw new ZipFormatError('xl/workbook.xml is missing');
  const workbookXml = (await readZipEntry(handle, workbook)).toString('utf8');
  const relsEntry = byName.get('xl/_rels/workbook.xml.rels');
  if (!relsEntry) throw new ZipFormatError('xl/_rels/workbook.xml.rels is missing');
  const relsXml = (await readZipEntry(handle, relsEntry)).toString('utf8');
  const targets = new Map<string, string>();
  for (const attrs of elements(relsXml, 'Relationship')) {
    if (attrs.Id && attrs.Target) targets.set(attrs.Id, resolvePart(attrs.Target));
  }
  const sheets: XlsxSheetLayout[] = [];
  for (const attrs of elements(workbookXml, 'sheet')) {
    const name = attrs.name ?? `Sheet${sheets.length + 1}`;
    const entry = byName.get(targets.get(attrs['r:id'] ?? '') ?? '');
    if (!entry || sheets.some((s) => s.path === entry.name)) throw new ZipFormatError(`the data of sheet "${name}" is missing`);
    sheets.push({
      name,
      hidden: attrs.state === 'hidden' || attrs.state === 'veryHidden',
      path: entry.name,
      totalRows: dimensionRows(await peekZipEntry(handle, entry)),
    });
  }
  if (sheets.length === 0) throw new ZipFormatError('the workbook lists no sheets');
  return { sheets, date1904: /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbookXml) };
}

function dimensionRows(start: string): number | null {
  const match = /<(?:\w+:)?dimension\s+ref="\$?[A-Z]+\$?(\d+)(?::\$?[A-Z]+\$?(\d+))?"/.exec(start);
  if (!match) return null;
  return Number(match[2] ?? match[1]);
}

function resolvePart(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

/** The attributes of every `<name …>` element, namespace prefix or not, entities decoded. */
function* elements(xml: string, name: string): Generator<Record<string, string>> {
  const pattern = new RegExp(`<(?:\\w+:)?${name}\\s([^>]*?)/?>`, 'g');
  for (const match of xml.matchAll(pattern)) {
    const attrs: Record<string, string> = {};
    for (const attr of (match[1] ?? '').matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const key = attr[1] ?? '';
      const local = key.slice(key.indexOf(':') + 1);
      // The relationship id's prefix is usually `r:` but only its namespace is fixed.
      attrs[key.includes(':') && local === 'id' ? 'r:id' : local] = decodeXml(attr[2] ?? attr[3] ?? '');
    }
    yield attrs;
  }
}

function decodeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (whole, hex: string, dec: string, named: string) => {
    if (hex) return safeCodePoint(parseInt(hex, 16), whole);
    if (dec) return safeCodePoint(Number(dec), whole);
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[named.toLowerCase()] ?? whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}
