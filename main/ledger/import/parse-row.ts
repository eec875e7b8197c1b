import { cellText, isBlankCell, type CellValue, type SheetRow } from './cells.js';
import { parseDate } from './dates.js';
import type { ImportErrorParams } from './errors.js';
import { FIELD_LABELS, type Field } from './fields.js';
import { canonicalCode, canonicalNop } from './identifiers.js';
import type { FieldColumns } from './mapping.js';
import { parseMasaPajak } from './masa-pajak.js';
import { displayName } from './names.js';
import { reasonMessages, type RejectReason, type ValueResult } from './reasons.js';
import { MAX_RUPIAH, parseRupiah } from './rupiah.js';
import { parseStatus } from './status.js';
import { canonicalTaxType, type TaxTypeCode } from './tax-types.js';
import type { SnapshotBill } from '../snapshot.js';

/**
 * One bill as read from one row, every value canonical; ready for the ledger to diff and apply.
 * The ledger's SnapshotBill, plus where the row stood and the name cell as the export had it.
 */
export interface ParsedBill extends Omit<SnapshotBill, 'namaWp' | 'taxType'> {
  sheet: string;
  row: number;
  /** For display: spaces tidied, all-caps or all-lower names re-cased; null when only the NPWPD is given. */
  namaWp: string | null;
  /** The name cell exactly as the export had it. */
  namaWpRaw: string | null;
  taxType: TaxTypeCode;
}

export interface Reject {
  sheet: string;
  row: number;
  /** The header text as in the file (the field's name when the column is absent). */
  column: string;
  /** Excel column letter(s), e.g. `C`, or `C/D` for a rule about two columns. */
  columnLetter: string;
  value: string;
  reason: RejectReason;
  params: ImportErrorParams;
  message_id: string;
  message_en: string;
}

export interface TablePlan {
  sheet: string;
  columns: FieldColumns;
  /** The agency's zone, for the rare timestamp with an offset; WIB by default. */
  timeZone?: string;
}

export type RowResult = { ok: ParsedBill } | { rejects: Reject[] };

const MAX_REJECT_VALUE = 500;

export function parseRow(row: SheetRow, plan: TablePlan): RowResult {
  const rejects: Reject[] = [];
  const cell = (field: Field): CellValue => {
    const column = plan.columns[field];
    return column ? (row.cells[column.index] ?? null) : null;
  };
  const reject = (fields: Field | Field[], reason: RejectReason, params: ImportErrorParams = {}) => {
    const list = (Array.isArray(fields) ? fields : [fields]).filter((f, i, all) => plan.columns[f] || (i === 0 && !all.some((g) => plan.columns[g])));
    const columns = list.map((f) => plan.columns[f]);
    rejects.push({
      sheet: row.sheet,
      row: row.rowNumber,
      column: list.map((f, i) => columns[i]?.header ?? FIELD_LABELS[f].id).join(' / '),
      columnLetter: columns.map((c) => c?.letter ?? '').join('/'),
      value: list.map((f) => cellText(cell(f))).join(' / ').slice(0, MAX_REJECT_VALUE),
      reason,
      params,
      ...reasonMessages(reason, params),
    });
  };
  /** The value, or undefined after recording why the cell is unreadable. */
  const read = <T>(field: Field, result: ValueResult<T>): T | null | undefined => {
    if (result.ok) return result.value;
    reject(field, result.reason, result.reason === 'AMOUNT_TOO_LARGE' ? { max: MAX_RUPIAH.toLocaleString('id-ID') } : {});
    return undefined;
  };

  const kodeBayar = read('kode_bayar', canonicalCode(cell('kode_bayar')));
  if (kodeBayar === null) reject('kode_bayar', 'MISSING_BILL_CODE');
  const npwpd = read('npwpd', canonicalCode(cell('npwpd')));
  const combined = splitNameAddress(cellText(cell('nama_alamat')));
  const namaWpRaw = isBlankCell(cell('nama_wp')) ? combined.name : cellText(cell('nama_wp'));
  const namaWp = displayName(namaWpRaw);
  if (!npwpd && npwpd !== undefined && !namaWp) reject(['npwpd', 'nama_wp', 'nama_alamat'], 'MISSING_TAXPAYER');
  const nop = read('nop', canonicalNop(cell('nop')));

  const principal = read('pokok', parseRupiah(cell('pokok')));
  if (principal === null) reject('pokok', 'MISSING_AMOUNT');
  const penalty = read('denda', parseRupiah(cell('denda')));

  const zone = { timeZone: plan.timeZone };
  const dueDate = read('jatuh_tempo', parseDate(cell('jatuh_tempo'), zone));
  if (dueDate === null) reject('jatuh_tempo', 'MISSING_DUE_DATE');
  const paidDate = read('tgl_bayar', parseDate(cell('tgl_bayar'), zone));
  const tglPenetapan = read('tgl_penetapan', parseDate(cell('tgl_penetapan'), zone));

  const statusCell = cell('status');
  let status: 'paid' | 'unpaid' | undefined = paidDate ? 'paid' : 'unpaid';
  if (!isBlankCell(statusCell)) {
    const parsed = parseStatus(statusCell);
    if (parsed === 'unknown') {
      reject('status', 'UNREADABLE_STATUS');
      status = undefined;
    } else status = parsed;
  }

  const tahunCell = read('tahun', parseYear(cell('tahun')));
  const masa = read('masa_pajak', parseMasaPajak(cell('masa_pajak')));
  const masaYear = masa?.year ?? tahunCell ?? null;
  if (masa && masa.month !== null && masaYear === null) reject(['masa_pajak', 'tahun'], 'PERIOD_WITHOUT_YEAR');
  const masaPajak = masa && masaYear !== null ? (masa.month !== null ? `${masaYear}-${String(masa.month).padStart(2, '0')}` : String(masaYear)) : null;

  const kohir = read('kohir', canonicalCode(cell('kohir')));
  const jenis = tidy(cell('jenis_pajak'));
  const rekening = tidy(cell('rekening'));
  const taxType = jenis && canonicalTaxType(jenis) !== 'LAINNYA' ? canonicalTaxType(jenis) : canonicalTaxType(rekening);

  if (rejects.length > 0 || !kodeBayar || principal == null || !dueDate || !status) return { rejects };
  return {
    ok: {
      sheet: row.sheet,
      row: row.rowNumber,
      kodeBayar,
      npwpd: npwpd ?? null,
      namaWp,
      namaWpRaw,
      namaObjek: displayName(tidy(cell('nama_objek'))),
      alamat: tidy(cell('alamat')) ?? combined.address,
      kecamatan: displayName(tidy(cell('kecamatan'))),
      kelurahan: displayName(tidy(cell('kelurahan'))),
      nop: nop ?? null,
      taxType,
      taxTypeLabel: jenis ?? rekening ?? '',
      masaPajak,
      tahun: tahunCell ?? masaYear,
      principal,
      penalty: penalty ?? 0,
      dueDate,
      status,
      paidDate: paidDate ?? null,
      kohir: kohir ?? null,
      tglPenetapan: tglPenetapan ?? null,
      rawPhone: rawText(cell('no_hp')),
      rawEmail: rawText(cell('email')),
    },
  };
}

/** Text with runs of spaces collapsed; null for an empty cell or a `-` placeholder. */
function tidy(value: CellValue): string | null {
  const text = cellText(value).replace(/[\s\u00a0]+/g, ' ').trim();
  return text === '' || /^[-–—]+$/.test(text) ? null : text;
}

function rawText(value: CellValue): string | null {
  return isBlankCell(value) ? null : cellText(value);
}

/** `BUDI SANTOSO / Jl. Lintas Timur 5`, or name and address on two lines of one cell. */
function splitNameAddress(text: string): { name: string | null; address: string | null } {
  const at = text.search(/\r?\n|\//);
  if (at < 0) return { name: tidy(text), address: null };
  return { name: tidy(text.slice(0, at)), address: tidy(text.slice(at).replace(/^(\r?\n|\/)/, '')) };
}

function parseYear(value: CellValue): ValueResult<number> {
  if (isBlankCell(value)) return { ok: true, value: null };
  const year = value instanceof Date ? value.getUTCFullYear() : Number(typeof value === 'string' ? value.trim() : value);
  return Number.isInteger(year) && year >= 1990 && year <= 2100 ? { ok: true, value: year } : { ok: false, reason: 'UNREADABLE_YEAR' };
}
