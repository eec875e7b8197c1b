/**
 * Why a whole file cannot be imported. Unlike a rejected row (see reasons.ts), these stop the
 * import before anything is written. Each code carries an Indonesian and an English message
 * naming the file, so the officer knows what to do with it; `{name}` placeholders are filled
 * from the error's params.
 */
export const IMPORT_FILE_ERRORS = {
  FILE_NOT_FOUND: {
    id: 'Berkas {file} tidak ditemukan.',
    en: 'File {file} not found.',
  },
  FILE_UNREADABLE: {
    id: 'Berkas {file} tidak dapat dibaca: {detail}.',
    en: 'Cannot read {file}: {detail}.',
  },
  EMPTY_FILE: {
    id: 'Berkas {file} kosong (0 bita). Ekspor ulang laporan dari SIMPADA.',
    en: 'The file {file} is empty (0 bytes). Export the report from SIMPADA again.',
  },
  NOT_A_SPREADSHEET: {
    id: 'Berkas {file} adalah berkas {kind}, bukan ekspor Excel atau CSV dari SIMPADA.',
    en: '{file} is a {kind} file, not an Excel or CSV export from SIMPADA.',
  },
  NOT_A_WORKBOOK: {
    id: 'Berkas {file} adalah arsip ZIP, bukan buku kerja Excel. Ekstrak isinya atau ekspor ulang dari SIMPADA.',
    en: '{file} is a ZIP archive, not an Excel workbook. Extract it or export the report from SIMPADA again.',
  },
  UNSUPPORTED_FORMAT: {
    id: 'Format berkas {file} ({kind}) tidak didukung. Simpan sebagai .xlsx atau .csv lalu impor lagi.',
    en: 'The format of {file} ({kind}) is not supported. Save it as .xlsx or .csv and import again.',
  },
  FILE_TOO_LARGE: {
    id: 'Berkas {file} ({megabytes} MB) terlalu besar untuk format {kind}. Simpan sebagai .xlsx atau .csv lalu impor lagi.',
    en: '{file} ({megabytes} MB) is too large for the {kind} format. Save it as .xlsx or .csv and import again.',
  },
  CORRUPT_FILE: {
    id: 'Berkas {file} rusak atau tidak lengkap ({detail}). Unduh ulang ekspor dari SIMPADA.',
    en: 'The file {file} is damaged or incomplete ({detail}). Download the export from SIMPADA again.',
  },
  ENCRYPTED: {
    id: 'Berkas {file} dilindungi kata sandi. Buka di Excel, hapus kata sandinya, simpan, lalu impor lagi.',
    en: '{file} is password-protected. Open it in Excel, remove the password, save it and import again.',
  },
  BINARY_CONTENT: {
    id: 'Berkas {file} bukan teks CSV yang dapat dibaca: ada data biner atau pengodean tak dikenal di baris {row}.',
    en: '{file} is not a readable CSV text: binary data or an unknown encoding at line {row}.',
  },
  CSV_MALFORMED: {
    id: 'Berkas CSV {file} tidak dapat dibaca di baris {row}: {detail}.',
    en: 'The CSV file {file} cannot be read at line {row}: {detail}.',
  },
  CELL_TOO_LARGE: {
    id: 'Sel {cell} pada lembar "{sheet}" di {file} berisi {length} karakter; Excel membolehkan paling banyak {max}.',
    en: 'Cell {cell} of sheet "{sheet}" in {file} holds {length} characters; Excel allows at most {max}.',
  },
  FORMULA_WITHOUT_VALUE: {
    id: 'Sel {cell} pada lembar "{sheet}" di {file} berisi rumus tanpa nilai tersimpan. Buka berkas di Excel, simpan ulang, lalu impor lagi.',
    en: 'Cell {cell} of sheet "{sheet}" in {file} holds a formula without a saved value. Open the file in Excel, save it again and import again.',
  },
  SHEET_NOT_FOUND: {
    id: 'Lembar "{sheet}" tidak ada di {file}. Lembar yang ada: {sheets}.',
    en: 'Sheet "{sheet}" is not in {file}. Its sheets: {sheets}.',
  },
  NO_HEADER: {
    id: 'Baris judul kolom (mis. Kode Bayar, NPWPD, Pokok, Jatuh Tempo) tidak ditemukan di {rows} baris pertama lembar {sheets} pada {file}.',
    en: 'No column header row (e.g. Kode Bayar, NPWPD, Pokok, Jatuh Tempo) in the first {rows} rows of sheet {sheets} in {file}.',
  },
  MISSING_COLUMNS: {
    id: 'Lembar "{sheet}" di {file} tidak memiliki kolom wajib: {columns_id}. Petakan kolomnya atau ekspor ulang laporan yang lengkap.',
    en: 'Sheet "{sheet}" in {file} lacks required columns: {columns_en}. Map the columns or export the complete report again.',
  },
  CANCELLED: {
    id: 'Impor {file} dibatalkan.',
    en: 'The import of {file} was cancelled.',
  },
} as const satisfies Record<string, { id: string; en: string }>;

export type ImportFileErrorCode = keyof typeof IMPORT_FILE_ERRORS;
export type ImportErrorParams = Record<string, string | number>;

/** Plain data for crossing a worker-thread boundary, where Error subclasses lose their fields. */
export interface ImportFileErrorData {
  name: 'ImportFileError';
  code: ImportFileErrorCode;
  params: ImportErrorParams;
  message_id: string;
  message_en: string;
}

export class ImportFileError extends Error {
  readonly code: ImportFileErrorCode;
  readonly params: ImportErrorParams;

  constructor(code: ImportFileErrorCode, params: ImportErrorParams, options?: { cause?: unknown }) {
    super(fillTemplate(IMPORT_FILE_ERRORS[code].en, params), options);
    this.name = 'ImportFileError';
    this.code = code;
    this.params = params;
  }

  get message_id(): string {
    return fillTemplate(IMPORT_FILE_ERRORS[this.code].id, this.params);
  }

  get message_en(): string {
    return this.message;
  }

  toJSON(): ImportFileErrorData {
    return { name: 'ImportFileError', code: this.code, params: this.params, message_id: this.message_id, message_en: this.message_en };
  }

  static fromJSON(data: ImportFileErrorData): ImportFileError {
    return new ImportFileError(data.code, data.params);
  }
}

export function fillTemplate(template: string, params: ImportErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
