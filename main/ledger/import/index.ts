/**
 * The database-free front half of the SIMPADA import: file → rows → table → bills. Plain data
 * in and out, so it runs in a worker thread; the ledger's apply step builds on it.
 *
 * - read-rows.ts judges the file by its bytes (file-kind.ts) and opens the right reader:
 *   read-xlsx.ts (ExcelJS streaming, fed by xlsx-part-stream.ts from zip-directory.ts and
 *   xlsx-layout.ts), read-sheetjs.ts (.xls, .xlsb, .ods, HTML-as-.xls), read-csv.ts
 *   (text-encoding.ts, csv-delimiter.ts). Every failure is an ImportFileError (errors.ts).
 * - find-table.ts finds the header and tells bills from decoration; mapping.ts maps columns
 *   to the fields of fields.ts.
 * - parse-row.ts reads one row with the value parsers (rupiah, dates, status, tax-types,
 *   identifiers, names, masa-pajak) into a ParsedBill or rejects (reasons.ts);
 *   deduplicator.ts finds repeated bill codes.
 * - parse-export.ts ties it together; list-sheets.ts previews a file for the officer.
 */
export { parseExport, iterateExport } from './parse-export.js';
export type { ParseExportOptions, ExportProgress, ExportSummary, SheetReport, SkippedRows, Duplicate } from './parse-export.js';
export { listSheets } from './list-sheets.js';
export type { SheetInfo, SheetList } from './list-sheets.js';
export { readRows, openSpreadsheet, MAX_IN_MEMORY_BYTES } from './read-rows.js';
export type { OpenOptions, ReadOptions, ReadProgress, Spreadsheet, RowStreamOptions } from './read-rows.js';
export type { FileKind, SheetMeta } from './source.js';
export { ImportFileError, IMPORT_FILE_ERRORS } from './errors.js';
export type { ImportFileErrorCode, ImportFileErrorData } from './errors.js';
export type { CellValue, SheetRow } from './cells.js';
export { MAX_CELL_CHARS, columnLetter } from './cells.js';
export { FIELDS, FIELD_LABELS, FIELD_SYNONYMS, REQUIRED_GROUPS } from './fields.js';
export type { Field, ColumnField } from './fields.js';
export { detectMapping, headerKey, normaliseHeader, fieldColumns } from './mapping.js';
export type { Mapping, ColumnMapping, MappingOverrides, MappingProfile, MappingOptions, FieldColumns } from './mapping.js';
export { findHeaderRow, classifyRow, HEADER_SCAN_ROWS } from './find-table.js';
export type { RowKind } from './find-table.js';
export { parseRow } from './parse-row.js';
export type { ParsedBill, Reject, RowResult, TablePlan } from './parse-row.js';
export { Deduplicator, billFingerprint } from './deduplicator.js';
export type { DedupeVerdict, RowRef } from './deduplicator.js';
export { REJECT_REASONS } from './reasons.js';
export type { RejectReason, ValueResult } from './reasons.js';
export { parseRupiah, MAX_RUPIAH } from './rupiah.js';
export { parseDate, excelSerialToIso } from './dates.js';
export { parseStatus } from './status.js';
export type { PaymentStatus } from './status.js';
export { canonicalTaxType, TAX_TYPES } from './tax-types.js';
export type { TaxTypeCode } from './tax-types.js';
export { canonicalNpwpd, canonicalNop, canonicalCode } from './identifiers.js';
export { displayName } from './names.js';
export { parseMasaPajak } from './masa-pajak.js';
export type { MasaPajak } from './masa-pajak.js';
