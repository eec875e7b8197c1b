/** Errors of the dashboard module (see ../errors.ts for the shape). */
export const DASHBOARD_ERRORS = {
  DASHBOARD_QUARTERS_INVALID: {
    status: 400,
    id: 'Target triwulan {indicator} ({taxType}) harus kumulatif dan naik sampai 100 % pada triwulan IV (contoh 20/45/70/100); diberikan {quarters}. Tidak ada yang disimpan.',
    en: 'The quarterly targets of {indicator} ({taxType}) must be cumulative, rising to 100 % in quarter IV (e.g. 20/45/70/100); given {quarters}. Nothing was saved.',
  },
  DASHBOARD_RATE_TOO_HIGH: {
    status: 400,
    id: 'Target {indicator} adalah persentase: paling tinggi 10000 basis poin (100 %); diberikan {target}. Tidak ada yang disimpan.',
    en: 'The {indicator} target is a rate: at most 10000 basis points (100 %); given {target}. Nothing was saved.',
  },
  DASHBOARD_PERIOD_YEAR: { status: 400, id: 'Periode {period} tidak berada di tahun {year}.', en: 'Period {period} is not in year {year}.' },
  DASHBOARD_BUCKET_UNKNOWN: { status: 400, id: 'Kelompok umur tunggakan "{bucket}" tidak dikenal. Yang dikenal: {known}.', en: 'Unknown arrears age bucket "{bucket}". Known: {known}.' },
} as const satisfies Record<string, { status: number; id: string; en: string }>;
