/** Errors of the templates module (see ../errors.ts for the shape). */
export const TEMPLATE_ERRORS = {
  TEMPLATE_NOT_FOUND: { status: 404, id: 'Templat #{id} tidak ditemukan.', en: 'Template #{id} not found.' },
  TEMPLATE_BAD_STATUS: {
    status: 409,
    id: 'Templat #{id} berstatus "{status}"; {action} hanya untuk templat berstatus {allowed}.',
    en: 'Template #{id} is "{status}"; {action} is only for templates that are {allowed}.',
  },
  TEMPLATE_SUBMITTED_LOCKED: {
    status: 409,
    id: 'Templat #{id} sedang menunggu persetujuan dan tidak dapat diubah; tarik kembali pengajuannya dulu.',
    en: 'Template #{id} is waiting for approval and cannot be edited; withdraw it first.',
  },
  TEMPLATE_OPEN_VERSION: {
    status: 409,
    id: 'Templat "{name}" sudah punya versi {version} (#{id}) yang belum berlaku; lanjutkan versi itu.',
    en: 'Template "{name}" already has version {version} (#{id}) on its way into force; continue with that version.',
  },
  TEMPLATE_UNCHANGED: { status: 400, id: 'Tidak ada perubahan pada templat #{id}.', en: 'Nothing changed in template #{id}.' },
  TEMPLATE_OWN_DECISION: {
    status: 403,
    id: 'Anda ({username}) tercatat sebagai {field} templat #{id}; templat harus diputuskan kepala lain.',
    en: 'You ({username}) are recorded as {field} of template #{id}; another head must decide it.',
  },
  TEMPLATE_HAS_ERRORS: {
    status: 400,
    id: 'Isi templat #{id} (body) masih bermasalah ({count}): {codes}. Perbaiki dulu sebelum {action}.',
    en: 'The body of template #{id} still has {count} problem(s): {codes}. Fix them before {action}.',
  },
  TEMPLATE_META_SMS: {
    status: 400,
    id: 'Status Meta (metaStatus) hanya untuk templat WhatsApp; templat #{id} adalah SMS.',
    en: 'The Meta status (metaStatus) is for WhatsApp templates only; template #{id} is SMS.',
  },
  PREVIEW_TAXPAYER_NOT_FOUND: {
    status: 404,
    id: 'Wajib pajak untuk pratinjau tidak ditemukan ({field} {value}).',
    en: 'No taxpayer for the preview ({field} {value}).',
  },
  PREVIEW_NO_BILLS: {
    status: 404,
    id: 'Wajib pajak {name} tidak punya tagihan {status} untuk pratinjau; pilih wajib pajak lain.',
    en: 'Taxpayer {name} has no {status} bills to preview with; pick another taxpayer.',
  },
} as const satisfies Record<string, { status: number; id: string; en: string }>;
