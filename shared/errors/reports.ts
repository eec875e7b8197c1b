/** Errors of the reports module (see ../errors.ts for the shape). */
export const REPORT_ERRORS = {
  REPORT_PERIOD_INVALID: {
    status: 400,
    id: 'Periode laporan {report} tidak sah: {detail}. Contoh: --period 2026-11, --from 2026-11-01 --to 2026-11-30, --as-of 2026-11-23.',
    en: 'Invalid period for the {report} report: {detail}. For example: --period 2026-11, --from 2026-11-01 --to 2026-11-30, --as-of 2026-11-23.',
  },
  REPORT_NOT_ALLOWED: { status: 403, id: 'Peran Anda ({role}) tidak berwenang mencetak laporan {report}.', en: 'Your role ({role}) may not print the {report} report.' },
  REPORT_FILE_GONE: { status: 404, id: 'Berkas laporan tidak ditemukan lagi (disimpan 24 jam); buat ulang laporannya.', en: 'The report file is gone (kept for 24 hours); generate the report again.' },
} as const satisfies Record<string, { status: number; id: string; en: string }>;
