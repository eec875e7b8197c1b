import type { Language } from '../errors.js';

/** Why a phone cell is not a usable number, in words an officer understands. */
export const PHONE_REASON_TEXT: Record<string, Record<Language, string>> = {
  too_short: { id: 'terlalu pendek', en: 'too short' },
  too_long: { id: 'terlalu panjang', en: 'too long' },
  not_a_number: { id: 'bukan nomor telepon', en: 'not a phone number' },
  cell_too_long: { id: 'isi sel terlalu panjang', en: 'the cell is far too long' },
  not_mobile_or_landline: { id: 'bukan nomor HP atau telepon rumah (misalnya nomor bebas pulsa atau premium)', en: 'not a mobile or landline number (e.g. toll-free or premium)' },
  invalid_number: { id: 'tidak ada nomor seperti ini di Indonesia', en: 'no such number exists in Indonesia' },
  digits_lost: { id: 'angka terakhir hilang karena Excel menyimpannya sebagai bilangan berpangkat (6,28E+12)', en: 'Excel stored it in scientific notation (6.28E+12) and lost the last digits' },
  reported_invalid: { id: 'dilaporkan tidak aktif oleh gateway', en: 'reported invalid by the gateway' },
};

export function phoneReasonText(reason: string | null | undefined, lang: Language): string {
  if (!reason) return lang === 'id' ? 'tidak dikenali' : 'not recognised';
  return PHONE_REASON_TEXT[reason]?.[lang] ?? reason;
}
