import { CONTACT_ERRORS } from './errors/contacts.js';
import { DASHBOARD_ERRORS } from './errors/dashboard.js';
import { MESSAGE_ERRORS } from './errors/messages.js';
import { GATEWAY_ERRORS } from './errors/gateways.js';
import { PAYMENT_ERRORS } from './errors/payments.js';
import { REMINDER_ERRORS } from './errors/reminders.js';
import { REPORT_ERRORS } from './errors/reports.js';
import { STATEMENT_ERRORS } from './errors/statements.js';
import { TEMPLATE_ERRORS } from './errors/templates.js';

/**
 * Errors a user can act on. Each code has an HTTP status and a message in both UI
 * languages; `{name}` placeholders are filled from the error's params. Anything
 * thrown that is not a UserError is a bug and is reported as INTERNAL.
 */
export const ERRORS = {
  UNAUTHENTICATED: { status: 401, id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  SESSION_EXPIRED: { status: 401, id: 'Sesi Anda berakhir karena tidak aktif. Silakan masuk lagi.', en: 'Your session expired after inactivity. Please sign in again.' },
  FORBIDDEN: { status: 403, id: 'Peran Anda ({role}) tidak berwenang untuk {procedure}.', en: 'Your role ({role}) may not use {procedure}.' },
  UNKNOWN_PROCEDURE: { status: 404, id: 'Prosedur tidak dikenal: {procedure}.', en: 'Unknown procedure: {procedure}.' },
  BAD_JSON: { status: 400, id: 'Isi permintaan bukan JSON yang sah: {detail}', en: 'The request body is not valid JSON: {detail}' },
  INVALID_INPUT: { status: 400, id: 'Masukan tidak sah pada {field}: {detail}', en: 'Invalid input at {field}: {detail}' },
  BODY_TOO_LARGE: { status: 413, id: 'Isi permintaan terlalu besar (maksimal {limit} bita).', en: 'The request body is too large (at most {limit} bytes).' },
  WRONG_CREDENTIALS: { status: 401, id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong user name or password.' },
  ACCOUNT_LOCKED: { status: 423, id: 'Akun dikunci karena terlalu banyak kata sandi salah. Coba lagi dalam {minutes} menit.', en: 'The account is locked after too many wrong passwords. Try again in {minutes} minutes.' },
  ACCOUNT_DISABLED: { status: 403, id: 'Akun ini dinonaktifkan. Hubungi administrator.', en: 'This account is disabled. Contact the administrator.' },
  SETUP_DONE: { status: 409, id: 'Administrator pertama sudah dibuat.', en: 'The first administrator already exists.' },
  USER_EXISTS: { status: 409, id: 'Pengguna "{username}" sudah ada.', en: 'User "{username}" already exists.' },
  USER_NOT_FOUND: { status: 404, id: 'Pengguna "{username}" tidak ditemukan.', en: 'User "{username}" not found.' },
  LAST_ADMIN: { status: 409, id: 'Administrator aktif terakhir tidak boleh dinonaktifkan.', en: 'The last active administrator cannot be disabled.' },
  WEAK_PASSWORD: { status: 400, id: 'Kata sandi minimal {min} karakter.', en: 'The password needs at least {min} characters.' },
  SETTING_UNKNOWN: { status: 400, id: 'Pengaturan tidak dikenal: {key}. Yang dikenal: {known}.', en: 'Unknown setting: {key}. Known: {known}.' },
  DB_PATH_IS_DIR: { status: 400, id: 'Berkas basis data {path} adalah sebuah folder.', en: 'The database file {path} is a folder.' },
  DB_PATH_UNUSABLE: { status: 400, id: 'Basis data {path} tidak dapat dibuka: {detail}', en: 'Cannot open the database {path}: {detail}' },
  DB_NOT_SQLITE: { status: 400, id: 'Berkas {path} bukan basis data SI PEKA (bukan berkas SQLite). Berkas tidak diubah.', en: '{path} is not a SI PEKA database (not an SQLite file). The file was left untouched.' },
  DB_NOT_SIPEKA: { status: 400, id: 'Basis data {path} milik aplikasi lain (tidak ada tanda SI PEKA). Basis data tidak diubah.', en: '{path} belongs to another application (no SI PEKA marker). It was left untouched.' },
  DB_SCHEMA_TOO_NEW: { status: 400, id: 'Basis data {path} dibuat oleh versi SI PEKA yang lebih baru (migrasi tak dikenal: {unknown}). Perbarui aplikasi. Basis data tidak diubah.', en: '{path} was written by a newer SI PEKA (unknown migrations: {unknown}). Update the program. The database was left untouched.' },
  DB_UNREACHABLE: { status: 503, id: 'Server PostgreSQL tidak dapat dihubungi ({detail}).', en: 'Cannot reach the PostgreSQL server ({detail}).' },
  BACKUP_UNSUPPORTED: { status: 400, id: 'Cadangan bawaan hanya untuk SQLite; untuk PostgreSQL gunakan pg_dump.', en: 'Built-in backup is for SQLite only; for PostgreSQL use pg_dump.' },
  FILE_NOT_FOUND: { status: 404, id: 'Berkas {path} tidak ditemukan.', en: 'File {path} not found.' },
  FILE_EXISTS: { status: 409, id: 'Berkas {path} sudah ada; pilih nama lain.', en: 'File {path} already exists; choose another name.' },
  RESTORE_INVALID: { status: 400, id: 'Berkas cadangan {path} tidak dapat dipulihkan: {detail}. Basis data sekarang tidak diubah.', en: 'Backup {path} cannot be restored: {detail}. The current database was left untouched.' },
  SYNC_RUN_NOT_FOUND: { status: 404, id: 'Riwayat impor #{runId} tidak ditemukan.', en: 'Sync run #{runId} not found.' },
  SYNC_ALREADY_UNDONE: { status: 409, id: 'Impor #{runId} sudah dibatalkan.', en: 'Sync run #{runId} was already undone.' },
  SYNC_NOT_LAST: { status: 409, id: 'Impor #{runId} bukan yang terakhir; batalkan dulu impor #{later}.', en: 'Sync run #{runId} is not the latest; undo run #{later} first.' },
  SYNC_UNDO_CONFLICT: { status: 409, id: 'Impor #{runId} tidak dapat dibatalkan: {count} data telah berubah sejak itu (mis. {example}).', en: 'Sync run #{runId} cannot be undone: {count} values changed since (e.g. {example}).' },
  TAXPAYER_NOT_FOUND: { status: 404, id: 'Wajib pajak #{id} tidak ditemukan.', en: 'Taxpayer #{id} not found.' },
  JOB_NOT_FOUND: { status: 404, id: 'Pekerjaan {id} tidak ditemukan (mungkin sudah lama selesai).', en: 'Job {id} not found (it may have finished long ago).' },
  /** A problem with an uploaded export; the import module words it (file, sheet, row, column). */
  IMPORT_FILE: { status: 400, id: '{message_id}', en: '{message_en}' },
  UPLOAD_NOT_FOUND: { status: 404, id: 'Berkas unggahan tidak ditemukan lagi; unggah ulang berkasnya.', en: 'The uploaded file is gone; upload it again.' },
  UPLOAD_TOO_LARGE: { status: 413, id: 'Berkas {fileName} terlalu besar ({size} bita; maksimal {limit}).', en: 'File {fileName} is too large ({size} bytes; at most {limit}).' },
  PROFILE_NOT_FOUND: { status: 404, id: 'Profil pemetaan "{name}" tidak ditemukan.', en: 'Mapping profile "{name}" not found.' },
  LEDGER_NOT_EMPTY: { status: 409, id: 'Buku besar sudah berisi {bills} tagihan; data demo hanya dimuat ke buku besar kosong (atau gunakan --force).', en: 'The ledger already holds {bills} bills; demo data loads only into an empty ledger (or use --force).' },
  INTERNAL: { status: 500, id: 'Terjadi kesalahan. Catatan ada di {log}.', en: 'Something went wrong. The log is at {log}.' },
  ...CONTACT_ERRORS,
  ...TEMPLATE_ERRORS,
  ...MESSAGE_ERRORS,
  ...GATEWAY_ERRORS,
  ...REMINDER_ERRORS,
  ...DASHBOARD_ERRORS,
  ...PAYMENT_ERRORS,
  ...STATEMENT_ERRORS,
  ...REPORT_ERRORS,
} as const satisfies Record<string, { status: number; id: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;
export type Language = 'id' | 'en';
export type ErrorParams = Record<string, string | number>;

/** The JSON shape every transport uses to report an error. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; message_id: string; message_en: string; params: ErrorParams };
}

export function formatError(code: ErrorCode, params: ErrorParams, lang: Language): string {
  const template: string = ERRORS[code][lang];
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

export class UserError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(formatError(code, params, 'en'));
    this.name = 'UserError';
    this.code = code;
    this.params = params;
  }

  get status(): number {
    return ERRORS[this.code].status;
  }

  toBody(lang: Language = 'id'): ErrorBody {
    return {
      error: {
        code: this.code,
        message: formatError(this.code, this.params, lang),
        message_id: formatError(this.code, this.params, 'id'),
        message_en: formatError(this.code, this.params, 'en'),
        params: this.params,
      },
    };
  }
}
