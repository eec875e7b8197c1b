/** Errors of the contacts module (see ../errors.ts for the shape). */
export const CONTACT_ERRORS = {
  CONTACT_NOT_FOUND: { status: 404, id: 'Wajib pajak {taxpayer} tidak ditemukan.', en: 'Taxpayer {taxpayer} not found.' },
  CONTACT_PHONE_UNPARSEABLE: {
    status: 400,
    id: 'Nomor telepon "{value}" tidak dapat dipakai: {detail_id}. Tidak ada yang diubah.',
    en: 'The phone number "{value}" cannot be used: {detail_en}. Nothing was changed.',
  },
  CONTACT_EMAIL_INVALID: { status: 400, id: 'Email "{value}" tidak sah. Tidak ada yang diubah.', en: 'The email "{value}" is not valid. Nothing was changed.' },
  CONTACT_VALUE_TOO_LONG: {
    status: 400,
    id: 'Isian {field} terlalu panjang ({length} karakter, maksimal {max}). Tidak ada yang diubah.',
    en: 'The {field} is too long ({length} characters, at most {max}). Nothing was changed.',
  },
  CONTACT_NOT_A_CANDIDATE: {
    status: 400,
    id: 'Nomor {phone} bukan salah satu nomor HP wajib pajak {taxpayer}.',
    en: '{phone} is not one of the mobile numbers of taxpayer {taxpayer}.',
  },
  CONTACT_NUMBER_UNKNOWN: { status: 404, id: 'Nomor {phone} tidak dipakai oleh wajib pajak mana pun.', en: 'No taxpayer uses the number {phone}.' },
  CONTACT_NO_CONFLICT: { status: 409, id: 'Kontak wajib pajak {taxpayer} tidak memiliki konflik {field}.', en: 'The contact of taxpayer {taxpayer} has no {field} conflict.' },
} as const satisfies Record<string, { status: number; id: string; en: string }>;
